// TEMPLATE: the placeholder is replaced by one member of the closed NodeLabel list (src/model/vocabulary.ts)
// after validation, never by text from a document; labels cannot be Cypher parameters.
UNWIND $keys AS key
MATCH (n:Entity {key: key})
SET n:__LABEL__
