// Starts a batch write: creates each Document node if needed and takes its write lock (SET), so two
// processes writing the same document queue up instead of both seeing it as new. $docIds come sorted,
// so two writers take their locks in the same order. Returns per document the stored content and
// extraction hashes, null for a document not written before (and the extraction hash null for one
// written before writers stored it).
UNWIND $docIds AS docId
MERGE (d:Document {docId: docId})
SET d.docId = docId
RETURN docId, d.contentHash AS contentHash, d.extractionHash AS extractionHash
