// The evidence behind a relationship: every sentence that supports it, with its document, character
// offsets, the rule that read it and its confidence.
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
UNWIND range(0, size(fact.docIds) - 1) AS i
RETURN type(fact) AS type,
       source.name AS source,
       target.name AS target,
       fact.docIds[i] AS docId,
       fact.starts[i] AS startOffset,
       fact.ends[i] AS endOffset,
       fact.rules[i] AS rule,
       fact.confidences[i] AS confidence,
       fact.sentences[i] AS sentence
ORDER BY type, source, target, docId, startOffset
LIMIT $limit
