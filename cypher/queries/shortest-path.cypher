// The shortest path between two companies through deals and pipelines only: licences, options,
// collaborations, acquisitions, ownership of a technology, milestones and payments, who develops a
// drug and its brands. Diseases, targets, phases, shared payloads and platforms (STUDIED_FOR,
// APPROVED_FOR, TARGETS, IN_PHASE, HAS_COMPONENT, USES_TECHNOLOGY) are not walked: they link
// competitors that never dealt with each other; nor are people (EMPLOYS) or provenance (MENTIONS).
// Names match a name or alias, case-insensitively. An empty `from` takes the company with the most
// facts; an empty `to` lists the paths to every company it reaches.
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
MATCH path = shortestPath((candidate)-[:LICENSES_TO|LICENSES|HAS_OPTION_ON|COLLABORATES_WITH|ACQUIRES|OWNS|EARNED_MILESTONE|PAYS|DEVELOPS|BRAND_OF*..15]-(other))
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
