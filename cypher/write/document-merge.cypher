// Creates or updates the Document nodes; each map of $documents holds all of a document's properties
// (docId included).
UNWIND $documents AS document
MERGE (d:Document {docId: document.docId})
SET d = document
