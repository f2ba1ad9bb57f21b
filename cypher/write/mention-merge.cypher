// (:Document)-[:MENTIONS]->(entity) with the character offsets of every mention in the document; one
// row per document and entity. The documents are new to the database (an older version was removed
// first, in the same transaction), so the MENTIONS relationships cannot exist yet: CREATE, without the
// lookup and lock a MERGE takes per row.
UNWIND $rows AS row
MATCH (d:Document {docId: row.docId})
MATCH (n:Entity {key: row.key})
CREATE (d)-[:MENTIONS {starts: row.starts, ends: row.ends, count: row.count}]->(n)
