// (:Document)-[:MENTIONS]->(entity) with the character offsets of every mention in the document; one
// row per document and entity.
UNWIND $rows AS row
MATCH (d:Document {docId: row.docId})
MATCH (n:Entity {key: row.key})
MERGE (d)-[m:MENTIONS]->(n)
SET m.starts = row.starts,
    m.ends = row.ends,
    m.count = row.count
