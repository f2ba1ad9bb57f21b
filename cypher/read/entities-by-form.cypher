// Cross-document resolution's candidate look-up (src/graph/identity.ts): the stored entities found by
// any of the name forms $forms, by key (unique index) or in their `nameKeys` (full-text index
// entity_name_keys, keyword analyzer: one whole form per token, so the phrase query is an exact match
// of one list element). At most $limit entities per form, in key order: a hub form stays bounded.
// Forms are folded keys (letters, digits, '-', ':', '~'), so quoting them is enough for Lucene.
UNWIND $forms AS form
CALL (form) {
  MATCH (n:Entity {key: form})
  RETURN n
  UNION
  CALL db.index.fulltext.queryNodes('entity_name_keys', '"' + form + '"') YIELD node
  RETURN node AS n
}
WITH form, n
ORDER BY n.key
WITH form, collect(n)[0..$limit] AS found
UNWIND found AS n
WITH DISTINCT n
RETURN n.key AS key, labels(n) AS labels, n.name AS name, coalesce(n.aliases, []) AS aliases, n {.cik, .ticker, .irsEmployerId, .hgncSymbol} AS properties
ORDER BY key
