// `kg review accept KEEP MERGE`, step 4 of 4: the documents' mentions of $merge become mentions of
// $keep (offsets joined), filings it filed are filed by $keep, its name and aliases become aliases of
// $keep, its name forms and the properties $keep lacks are added, and the node goes (with its
// POSSIBLY_SAME_AS pairs). Labels come from the stored node, which the writer only ever gave
// labels of the closed vocabulary.
MATCH (m:Entity {key: $merge})
MATCH (k:Entity {key: $keep})
CALL (m, k) {
  MATCH (d:Document)-[x:MENTIONS]->(m)
  MERGE (d)-[y:MENTIONS]->(k)
  ON CREATE SET y.starts = x.starts,
                y.ends = x.ends,
                y.count = x.count
  ON MATCH SET y.starts = y.starts + x.starts,
               y.ends = y.ends + x.ends,
               y.count = y.count + x.count
  DELETE x
}
CALL (m, k) {
  MATCH (m)-[:FILED]->(f:Filing)
  MERGE (k)-[:FILED]->(f)
}
SET k.aliases = COLLECT {
  UNWIND coalesce(k.aliases, []) + [m.name] + coalesce(m.aliases, []) AS alias
  WITH DISTINCT alias
  WHERE alias <> k.name
  RETURN alias
  ORDER BY alias
}
SET k.nameKeys = COLLECT {
  UNWIND coalesce(k.nameKeys, []) + coalesce(m.nameKeys, []) AS form
  WITH DISTINCT form
  RETURN form
  ORDER BY form
}
FOREACH (name IN [name IN keys(m) WHERE k[name] IS NULL] | SET k[name] = m[name])
SET k:$(labels(m))
DETACH DELETE m
