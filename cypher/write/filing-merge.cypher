// (:Company)-[:FILED]->(:Filing)-[:CONTAINS]->(:Document) for a document that is part of a filing.
// Registrant companies are entities of the same document, written before this statement.
UNWIND $rows AS row
MERGE (f:Filing {key: row.key})
SET f += row.properties
WITH f, row
MATCH (d:Document {docId: row.docId})
MERGE (f)-[:CONTAINS]->(d)
WITH f, row
UNWIND row.registrantKeys AS registrantKey
MATCH (c:Entity {key: registrantKey})
MERGE (c)-[:FILED]->(f)
