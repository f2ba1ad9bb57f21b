// The evidence behind a relationship: every sentence that supports it, with its document, character
// offsets, the rule that read it and its confidence (from the relationship's Evidence nodes, one per
// document, found by the relationship's key).
// type: a relationship type (LICENSES_TO ...), empty = any; from/to: names or aliases of the start
// and end entities (case-insensitive), empty = any.
// @param type ""
// @param from ""
// @param to ""
// @param limit 100
MATCH (source:Entity)-[fact]->(target:Entity)
WHERE ($type = '' OR type(fact) = toUpper($type))
  AND ($from = '' OR toLower($from) IN [toLower(source.name)] + [alias IN source.aliases | toLower(alias)])
  AND ($to = '' OR toLower($to) IN [toLower(target.name)] + [alias IN target.aliases | toLower(alias)])
MATCH (evidence:Evidence {fact: fact.key})
UNWIND range(0, size(evidence.sentences) - 1) AS i
RETURN type(fact) AS type,
       source.name AS source,
       target.name AS target,
       evidence.docId AS docId,
       evidence.starts[i] AS startOffset,
       evidence.ends[i] AS endOffset,
       evidence.rules[i] AS rule,
       evidence.confidences[i] AS confidence,
       evidence.sentences[i] AS sentence
ORDER BY type, source, target, docId, startOffset
LIMIT $limit
