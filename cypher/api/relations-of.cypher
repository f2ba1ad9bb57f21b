// Every fact relationship that starts or ends at one of the given entities, both directions.
MATCH (source:Entity)-[fact]->(target:Entity)
WHERE source.key IN $keys OR target.key IN $keys
RETURN type(fact) AS type,
       source {.key, .name, labels: [label IN labels(source) WHERE label <> 'Entity']} AS start,
       target {.key, .name, labels: [label IN labels(target) WHERE label <> 'Entity']} AS end,
       fact.key AS key,
       properties(fact) AS properties,
       COLLECT { MATCH (evidence:Evidence {fact: fact.key}) RETURN evidence.docId ORDER BY evidence.docId } AS docIds
ORDER BY type, source.key, target.key
