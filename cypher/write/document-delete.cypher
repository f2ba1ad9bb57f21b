// Deletes the Document node, and its Filing when no other document of that filing remains.
MATCH (d:Document {docId: $docId})
OPTIONAL MATCH (f:Filing)-[:CONTAINS]->(d)
DETACH DELETE d
WITH DISTINCT f
WHERE f IS NOT NULL AND NOT EXISTS { (f)-[:CONTAINS]->(:Document) }
DETACH DELETE f
