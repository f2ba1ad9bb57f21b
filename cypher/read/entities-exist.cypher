// Which of the entity keys $keys are stored, with their labels (kg review checks both ends of a decision).
UNWIND $keys AS key
MATCH (n:Entity {key: key})
RETURN n.key AS key, [l IN labels(n) WHERE l <> 'Entity'] AS labels
