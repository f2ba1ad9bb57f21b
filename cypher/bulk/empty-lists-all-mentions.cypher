// After a bulk import (kg load --bulk, src/bulk/load.ts): a property that every node or relationship
// of its kind has in the transactional graph, and some have as an empty list (which the import files
// cannot express), is missing exactly where it is empty. One scan sets it there, committing every
// $batch rows (an auto-commit statement), instead of a lookup per row; it runs before the schema is
// created, so no index is updated per change. $properties are property names of the write plan,
// never text from a document.
MATCH ()-[m:MENTIONS]->()
WHERE any(name IN $properties WHERE m[name] IS NULL)
CALL (m) {
  FOREACH (name IN [name IN $properties WHERE m[name] IS NULL] | SET m[name] = [])
} IN TRANSACTIONS OF $batch ROWS
