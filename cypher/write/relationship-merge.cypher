// Merges the fact relationships of a batch, every type in one statement: row.type is a dynamic
// relationship type (`MERGE (a)-[r:$(…)]->(b)`, Neo4j 5.26) that the writer fills only with members of
// the closed RelationshipType list (src/model/vocabulary.ts), each validated against the zod enum
// (`checkedRelationshipType` in src/writers/write-plan.ts), never with text; the type only ever arrives
// as a parameter. Both ends are found by key (unique index seeks) and the relationship between them
// (Expand(Into)), so the dynamic type costs no scan.
// A row is one relationship with what the documents of the batch that state it add: their number and
// their earliest and latest date. The evidence itself goes to Evidence nodes (evidence-create.cypher),
// so writing a popular relationship again costs the same however many documents already state it (a
// list property on the relationship would be read and rewritten whole on every append).
// r.key is the relationship's identity (type|start|end), the `fact` of its Evidence nodes.
// Properties: the first document to state the relationship sets them, later ones only add the ones it
// lacks (a per-key SET, so no copy of the stored map is read back and written again). firstSeen and
// lastSeen (Neo4j Dates) widen to the batch's earliest and latest document date (null when none has a
// full date); older versions of the batch's documents were taken off first, with a recomputation, so
// the stored values already cover every other supporting document.
UNWIND $rows AS row
MATCH (a:Entity {key: row.start})
MATCH (b:Entity {key: row.end})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r += row.properties,
              r.key = row.key,
              r.documentCount = row.documentCount,
              r.firstSeen = row.firstSeen,
              r.lastSeen = row.lastSeen
ON MATCH SET r.documentCount = r.documentCount + row.documentCount,
             r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END,
             r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END
FOREACH (name IN [name IN keys(row.properties) WHERE r[name] IS NULL] | SET r[name] = row.properties[name])
