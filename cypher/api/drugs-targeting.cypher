// Drugs with a TARGETS relationship to one of the given targets, with their phases and developers.
MATCH (drug:Drug)-[targets:TARGETS]->(target:Target)
WHERE target.key IN $keys
RETURN drug {.key, .name, labels: [label IN labels(drug) WHERE label <> 'Entity']} AS drug,
       target {.key, .name, labels: [label IN labels(target) WHERE label <> 'Entity']} AS target,
       targets.key AS key,
       properties(targets) AS properties,
       COLLECT { MATCH (evidence:Evidence {fact: targets.key}) RETURN evidence.docId ORDER BY evidence.docId } AS docIds,
       COLLECT { MATCH (drug)-[:IN_PHASE]->(phase:Phase) RETURN phase.key ORDER BY phase.key } AS phases,
       COLLECT {
         MATCH (developer:Company)-[:DEVELOPS]->(drug)
         RETURN developer {.key, .name, labels: [label IN labels(developer) WHERE label <> 'Entity']}
         ORDER BY developer.key
       } AS developers
ORDER BY drug.key, target.key
