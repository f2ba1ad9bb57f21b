// Merges the fact relationships of a batch, every type in one statement: row.type is a dynamic
// relationship type (`MERGE (a)-[r:$(…)]->(b)`, Neo4j 5.26) that the writer fills only with members of
// the closed RelationshipType list (src/model/vocabulary.ts), each validated against the zod enum
// (`checkedRelationshipType` in src/writers/write-plan.ts), never with text; the type only ever arrives
// as a parameter. Both ends are found by key (unique index seeks) and the relationship between them
// (Expand(Into)), so the dynamic type costs no scan.
// A row is one relationship with the evidence of every document of the batch that states it, in
// document order (the writer combines them, so a long evidence list is rewritten once per batch, not
// once per document). The evidence is appended to the parallel provenance lists (element i of docIds,
// sentences, starts, ends, rules, confidences is one piece of evidence). Properties: the first document
// to state the relationship sets them, later ones only add the ones it lacks (a per-key SET, so no copy
// of the stored map is read back and written again). firstSeen/lastSeen (Neo4j Dates) widen to the
// batch's earliest and latest document date (null when none has a full date); older versions of the
// batch's documents were taken off first, with a recomputation, so the stored dates already cover
// every other supporting document.
UNWIND $rows AS row
MATCH (a:Entity {key: row.start})
MATCH (b:Entity {key: row.end})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r += row.properties,
              r.docIds = row.docIds,
              r.sentences = row.sentences,
              r.starts = row.starts,
              r.ends = row.ends,
              r.rules = row.rules,
              r.confidences = row.confidences,
              r.firstSeen = row.firstSeen,
              r.lastSeen = row.lastSeen
ON MATCH SET r.docIds = r.docIds + row.docIds,
             r.sentences = r.sentences + row.sentences,
             r.starts = r.starts + row.starts,
             r.ends = r.ends + row.ends,
             r.rules = r.rules + row.rules,
             r.confidences = r.confidences + row.confidences,
             r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.firstSeen < r.firstSeen THEN row.firstSeen ELSE r.firstSeen END,
             r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.lastSeen > r.lastSeen THEN row.lastSeen ELSE r.lastSeen END
FOREACH (name IN [name IN keys(row.properties) WHERE r[name] IS NULL] | SET r[name] = row.properties[name])
