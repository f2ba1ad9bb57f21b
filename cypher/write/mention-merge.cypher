// (:Document)-[:MENTIONS]->(entity) with the character offsets of every mention in the document.
MATCH (d:Document {docId: $docId})
UNWIND $rows AS row
MATCH (n:Entity {key: row.key})
MERGE (d)-[m:MENTIONS]->(n)
SET m.starts = row.starts,
    m.ends = row.ends,
    m.count = row.count
