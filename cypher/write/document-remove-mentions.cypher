// Removes the MENTIONS of the documents $docIds and deletes the entities no other document mentions.
// Every endpoint of a document's relationships is mentioned by that document, so an entity left without
// mentions has no supported relationship either and can go with DETACH DELETE.
UNWIND $docIds AS docId
MATCH (:Document {docId: docId})-[m:MENTIONS]->(n:Entity)
DELETE m
WITH DISTINCT n
WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(n) }
DETACH DELETE n
