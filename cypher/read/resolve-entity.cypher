// Finds the entities a name refers to: by key (the caller derives the candidate keys from the name
// with the resolver's own key function), by name or by alias, case-insensitively.
MATCH (n:Entity)
WHERE n.key IN $keys
   OR toLower(n.name) = $lowerName
   OR any(alias IN n.aliases WHERE toLower(alias) = $lowerName)
RETURN n.key AS key
ORDER BY key
