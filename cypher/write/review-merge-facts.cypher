// `kg review accept KEEP MERGE`, step 2 of 4: every fact relationship of $merge moves to $keep (merged
// with the one $keep may already have, `key` TYPE|start|end renewed, symmetric ends in key order), and
// its Evidence nodes follow (fact and key renewed; a document's evidence for a fact that now exists
// twice is joined into one node). A fact between the two entities would become a loop: it goes, with
// its evidence. Counts and dates are recomputed in step 3.
MATCH (m:Entity {key: $merge})
MATCH (k:Entity {key: $keep})
MATCH (m)-[r]-(x:Entity)
WHERE r.key IS NOT NULL AND type(r) <> 'POSSIBLY_SAME_AS'
WITH r, x, k, type(r) AS t, CASE WHEN x = k THEN null WHEN startNode(r) = m THEN [k, x] ELSE [x, k] END AS ends
WITH r, t, CASE WHEN ends IS NOT NULL AND t IN $symmetric AND ends[0].key > ends[1].key THEN [ends[1], ends[0]] ELSE ends END AS ends
CALL (r, t, ends) {
  WITH r, t, ends
  WHERE ends IS NOT NULL
  WITH r, t, ends[0] AS s, ends[1] AS e
  MERGE (s)-[n:$(t)]->(e)
  ON CREATE SET n = properties(r),
                n.key = t + '|' + s.key + '|' + e.key
  FOREACH (name IN [name IN keys(r) WHERE n[name] IS NULL] | SET n[name] = r[name])
  WITH r, n
  MATCH (ev:Evidence {fact: r.key})
  OPTIONAL MATCH (same:Evidence {key: n.key + '|' + ev.docId})
  FOREACH (_ IN CASE WHEN same IS NULL THEN [1] ELSE [] END |
    SET ev.fact = n.key, ev.key = n.key + '|' + ev.docId)
  FOREACH (_ IN CASE WHEN same IS NOT NULL THEN [1] ELSE [] END |
    SET same.sentences = same.sentences + ev.sentences,
        same.starts = same.starts + ev.starts,
        same.ends = same.ends + ev.ends,
        same.rules = same.rules + ev.rules,
        same.confidences = same.confidences + ev.confidences
    DETACH DELETE ev)
}
CALL (r, ends) {
  WITH r, ends
  WHERE ends IS NULL
  MATCH (ev:Evidence {fact: r.key})
  DETACH DELETE ev
}
DELETE r
