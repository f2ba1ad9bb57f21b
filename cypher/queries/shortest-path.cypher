// The shortest path between two companies through the deal graph's facts (provenance links such as
// MENTIONS are not followed, nor IN_PHASE: a phase links every drug in it and would say nothing). Names match a name or alias, case-insensitively. An empty `from` takes
// the company with the most facts; an empty `to` lists the paths to every company it reaches.
// @param from ""
// @param to ""
// @param maxHops 6
MATCH (candidate:Company)
WHERE $from = '' OR toLower($from) IN [toLower(candidate.name)] + [alias IN candidate.aliases | toLower(alias)]
WITH candidate
ORDER BY COUNT { (candidate)--(:Entity) } DESC, candidate.key
LIMIT 1
MATCH (other:Company)
WHERE other <> candidate
  AND ($to = '' OR toLower($to) IN [toLower(other.name)] + [alias IN other.aliases | toLower(alias)])
MATCH path = shortestPath((candidate)-[:LICENSES_TO|LICENSES|DEVELOPS|EARNED_MILESTONE|COLLABORATES_WITH|OWNS|TARGETS|STUDIED_FOR|APPROVED_FOR|HAS_COMPONENT|USES_TECHNOLOGY|EMPLOYS|TRADEMARK_OF|BRAND_OF|ACQUIRES|HAS_OPTION_ON|PAYS*..15]-(other))
// Filter after the search: a path predicate in the MATCH's WHERE makes Neo4j fall back to an
// exhaustive search of every path.
WITH candidate, other, path
WHERE length(path) <= $maxHops
RETURN candidate.name AS source,
       other.name AS target,
       length(path) AS hops,
       [node IN nodes(path) | node.name] AS via,
       [link IN relationships(path) | type(link)] AS links
ORDER BY hops, target
