// The stored version of a document, if any: ingest compares contentHash to skip unchanged documents.
MATCH (d:Document {docId: $docId})
RETURN d.contentHash AS contentHash
