// `kg review accept KEEP MERGE`, step 3 of 4: the facts of $keep count their documents and first and
// last dates again from their Evidence nodes (as document-remove-evidence does).
MATCH (:Entity {key: $keep})-[r]-(:Entity)
WHERE r.key IS NOT NULL AND type(r) <> 'POSSIBLY_SAME_AS'
WITH DISTINCT r
CALL (r) {
  OPTIONAL MATCH (e:Evidence {fact: r.key})
  OPTIONAL MATCH (s:Document {docId: e.docId})
  RETURN count(e) AS documentCount, min(s.asOf) AS firstSeen, max(s.asOf) AS lastSeen
}
SET r.documentCount = documentCount,
    r.firstSeen = firstSeen,
    r.lastSeen = lastSeen
