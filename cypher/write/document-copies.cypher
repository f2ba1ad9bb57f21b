// Records files whose content is a stored document's (same contentHash) on that Document: `copies`
// lists their source paths, sorted and distinct. Their facts are the document's, so nothing else is written.
UNWIND $rows AS row
MATCH (d:Document {docId: row.docId})
SET d.copies = COLLECT {
  UNWIND coalesce(d.copies, []) + row.paths AS path
  WITH DISTINCT path
  WHERE path <> d.sourcePath
  RETURN path
  ORDER BY path
}
