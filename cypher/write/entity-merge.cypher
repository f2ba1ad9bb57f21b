// Upserts entities on the base label Entity (the specific labels are set by entity-label.cypher).
// The first document to name an entity sets its name and properties; later documents add aliases
// (their own name included when it differs) and only properties the node does not have yet.
UNWIND $rows AS row
MERGE (n:Entity {key: row.key})
ON CREATE SET n.name = row.name,
              n.aliases = []
WITH n, row, properties(n) AS existing
SET n += row.properties
SET n += existing
SET n.aliases = COLLECT {
  UNWIND n.aliases + row.aliases + [row.name] AS alias
  WITH DISTINCT alias
  WHERE alias <> n.name
  RETURN alias
  ORDER BY alias
}
