// Merges the fact relationships of a batch, every type in one statement: row.type is a dynamic
// relationship type (`MERGE (a)-[r:$(…)]->(b)`, Neo4j 5.26) that the writer fills only with members of
// the closed RelationshipType list (src/model/vocabulary.ts), each validated against the zod enum
// (`checkedRelationshipType` in src/writers/write-plan.ts), never with text; the type only ever arrives
// as a parameter. Both ends are found by key (unique index seeks) and the relationship between them
// (Expand(Into)), so the dynamic type costs no scan.
// Appends one document's evidence to the parallel provenance lists (element i of docIds, sentences,
// starts, ends, rules, confidences is one piece of evidence). Properties: the first document to
// state the relationship sets them, later ones only add missing ones.
UNWIND $rows AS row
MATCH (a:Entity {key: row.start})
MATCH (b:Entity {key: row.end})
MERGE (a)-[r:$(row.type)]->(b)
ON CREATE SET r.docIds = [],
              r.sentences = [],
              r.starts = [],
              r.ends = [],
              r.rules = [],
              r.confidences = []
WITH r, row, properties(r) AS existing
SET r += row.properties
SET r += existing
SET r.docIds = r.docIds + row.docIds,
    r.sentences = r.sentences + row.sentences,
    r.starts = r.starts + row.starts,
    r.ends = r.ends + row.ends,
    r.rules = r.rules + row.rules,
    r.confidences = r.confidences + row.confidences
