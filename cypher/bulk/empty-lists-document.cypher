// After a bulk import (kg load --bulk, src/bulk/load.ts): the import files cannot express an empty
// list (an empty field is no property), so kg export lists the properties that are empty lists in
// empty-lists.jsonl and these statements set them, one batch of rows at a time, as the transactional
// writer stores them. row.properties are property names of the write plan (checked against
// [A-Za-z_][A-Za-z0-9_]* by the export), never text from a document.
UNWIND $rows AS row
MATCH (n:Document {docId: row.docId})
FOREACH (name IN row.properties | SET n[name] = [])
