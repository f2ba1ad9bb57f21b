// One relationship by its identity (start key, end key); the caller checks the type, which cannot be
// a parameter in a pattern.
MATCH (source:Entity {key: $start})-[fact]->(target:Entity {key: $end})
WHERE type(fact) = $type
RETURN properties(fact) AS properties
