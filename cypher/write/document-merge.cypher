// Creates or updates the Document node; $document holds all of its properties (docId included).
MERGE (d:Document {docId: $document.docId})
SET d = $document
