// Starts a document write: creates the Document node if needed and takes its write lock (SET), so two
// processes writing the same document queue up instead of both seeing it as new. Returns the stored
// content hash, null for a document not written before.
MERGE (d:Document {docId: $docId})
SET d.docId = $docId
RETURN d.contentHash AS contentHash
