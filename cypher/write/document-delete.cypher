// Deletes the Document nodes $docIds, and each one's Filing when no other document of it remains.
UNWIND $docIds AS docId
MATCH (d:Document {docId: docId})
OPTIONAL MATCH (f:Filing)-[:CONTAINS]->(d)
DETACH DELETE d
WITH DISTINCT f
WHERE f IS NOT NULL AND NOT EXISTS { (f)-[:CONTAINS]->(:Document) }
DETACH DELETE f
