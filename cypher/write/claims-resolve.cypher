// Recomputes the properties of the deals and payments the documents $docIds mention from the claims
// of every document that still states them (MENTIONS with `claimed`; see src/writers/claims.ts, whose
// resolveClaims is the same computation): a list property is the union of the claims, sorted, each
// value once; statusHistory is ordered by each entry's order key (date, then lifecycle rank) and
// `status` is its latest entry that is not `referenced`; any other property comes from the earliest
// document that states it (by date, then docId); a property no document states any more is removed
// (not the node's identity: key, name, aliases and the name forms resolution finds it by, nameKeys).
// A node that no document claims any more is left alone (document-remove-mentions.cypher deletes it
// when nothing mentions it).
UNWIND $docIds AS docId
MATCH (:Document {docId: docId})-[:MENTIONS]->(n:Deal|Payment)
WITH DISTINCT n
CALL (n) {
  MATCH (d:Document)-[c:MENTIONS]->(n)
  WHERE c.claimed IS NOT NULL
  WITH d, c
  ORDER BY d.asOf IS NULL, d.asOf, d.docId
  RETURN collect(c) AS claims
}
WITH n, claims
WHERE size(claims) > 0
WITH n, claims, reduce(names = [], c IN claims | names + [name IN c.claimed WHERE NOT name IN names]) AS names
FOREACH (name IN [name IN keys(n) WHERE NOT name IN names + ['key', 'name', 'aliases', 'nameKeys']] | SET n[name] = null)
FOREACH (name IN names |
  SET n[name] = CASE
    WHEN valueType(head([c IN claims WHERE c[name] IS NOT NULL | c[name]])) STARTS WITH 'LIST'
    THEN COLLECT {
      UNWIND claims AS c
      UNWIND coalesce(c[name], []) AS member
      WITH DISTINCT member
      RETURN member
      ORDER BY member
    }
    ELSE head([c IN claims WHERE c[name] IS NOT NULL | c[name]])
  END
)
WITH n, COLLECT {
  UNWIND claims AS c
  UNWIND range(0, size(coalesce(c.statusHistory, [])) - 1) AS i
  WITH c.statusHistory[i] AS entry, min(c.statusOrder[i]) AS orderKey
  RETURN {entry: entry, orderKey: orderKey} AS seen
  ORDER BY seen.orderKey, seen.entry
} AS history
WHERE size(history) > 0
SET n.statusHistory = [seen IN history | seen.entry],
    n.status = coalesce(last([seen IN history WHERE split(seen.entry, '@')[0] <> 'referenced' | split(seen.entry, '@')[0]]), split(last(history).entry, '@')[0])
