// Upserts entities on the base label Entity and adds their specific labels in the same statement.
// The first document to name an entity sets its name and properties; later documents add aliases
// (their own name included when it differs) and only the properties the node lacks (a per-key SET, so
// no copy of the stored map is read back and written again). One row per key (the writer merges a
// batch's entities by key first).
// nameKeys: the forms cross-document resolution finds the entity by (src/graph/identity.ts), the
// union over its documents, in the full-text index entity_name_keys (left as it is by a write without
// resolution, whose rows carry none).
// row.labels is a dynamic label list (`SET n:$(…)`, Neo4j 5.26): the writer puts in it only members of
// the closed NodeLabel list (src/model/vocabulary.ts), each validated against the zod enum
// (`checkedLabels` in src/writers/write-plan.ts), never text from a document; labels only ever arrive
// as a parameter, so no label is spliced into the Cypher text either.
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
ON CREATE SET n += row.properties,
              n.name = row.name,
              n.aliases = []
SET n.aliases = COLLECT {
  UNWIND n.aliases + row.aliases + [row.name] AS alias
  WITH DISTINCT alias
  WHERE alias <> n.name
  RETURN alias
  ORDER BY alias
}
SET n.nameKeys = CASE WHEN size(row.nameKeys) = 0 THEN n.nameKeys ELSE COLLECT {
  UNWIND coalesce(n.nameKeys, []) + row.nameKeys AS form
  WITH DISTINCT form
  RETURN form
  ORDER BY form
} END
SET n:$(row.labels)
FOREACH (name IN [name IN keys(row.properties) WHERE n[name] IS NULL] | SET n[name] = row.properties[name])
