// TEMPLATE: the placeholder is replaced by one member of the closed RelationshipType list
// (src/model/vocabulary.ts) after validation, never by text; types cannot be Cypher parameters.
// Appends one document's evidence to the parallel provenance lists (element i of docIds, sentences,
// starts, ends, rules, confidences is one piece of evidence). Properties: the first document to
// state the relationship sets them, later ones only add missing ones.
UNWIND $rows AS row
MATCH (a:Entity {key: row.start})
MATCH (b:Entity {key: row.end})
MERGE (a)-[r:__TYPE__]->(b)
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
