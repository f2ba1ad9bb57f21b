// After a bulk import (kg load --bulk, src/bulk/load.ts): a property that every node or relationship
// of its kind has in the transactional graph, and some have as an empty list (which the import files
// cannot express), is missing exactly where it is empty. One scan sets it there, $limit at a time
// (the loader repeats the statement until fewer than $limit are changed), instead of a lookup per row.
// $properties are property names of the write plan, never text from a document.
MATCH (n:Document)
WHERE any(name IN $properties WHERE n[name] IS NULL)
WITH n LIMIT $limit
FOREACH (name IN [name IN $properties WHERE n[name] IS NULL] | SET n[name] = [])
RETURN count(n) AS changed
