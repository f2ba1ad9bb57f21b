// Identical content is one document: the stored Documents whose content hash is one of $hashes
// (index document_content_hash), so a file with a stored document's content under another name is
// recorded as a copy of it instead of a second Document.
UNWIND $hashes AS hash
MATCH (d:Document {contentHash: hash})
RETURN hash, min(d.docId) AS docId
