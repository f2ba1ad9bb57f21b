// (:Document)-[:MENTIONS]->(entity) with the character offsets of every mention in the document. One
// row per document: row.keys lists its entities, row.starts[i] and row.ends[i] the offsets of entity
// i's mentions. The documents are new to the database (an older version was removed first, in the
// same transaction), so the MENTIONS relationships cannot exist yet: CREATE, without the lookup and
// lock a MERGE takes per row.
UNWIND $rows AS row
MATCH (d:Document {docId: row.docId})
UNWIND range(0, size(row.keys) - 1) AS i
MATCH (n:Entity {key: row.keys[i]})
CREATE (d)-[:MENTIONS {starts: row.starts[i], ends: row.ends[i], count: size(row.starts[i])}]->(n)
