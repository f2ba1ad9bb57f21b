// LICENSES_TO relationships, optionally restricted to licensor and/or licensee keys (null = any),
// with what the licensee licenses.
MATCH (licensor:Company)-[licence:LICENSES_TO]->(licensee:Company)
WHERE ($licensorKeys IS NULL OR licensor.key IN $licensorKeys)
  AND ($licenseeKeys IS NULL OR licensee.key IN $licenseeKeys)
RETURN licensor {.key, .name, labels: [label IN labels(licensor) WHERE label <> 'Entity']} AS licensor,
       licensee {.key, .name, labels: [label IN labels(licensee) WHERE label <> 'Entity']} AS licensee,
       licence.key AS key,
       properties(licence) AS properties,
       COLLECT { MATCH (evidence:Evidence {fact: licence.key}) RETURN evidence.docId ORDER BY evidence.docId } AS docIds,
       COLLECT {
         MATCH (licensee)-[:LICENSES]->(licensed:Entity)
         RETURN licensed {.key, .name, labels: [label IN labels(licensed) WHERE label <> 'Entity']}
         ORDER BY licensed.key
       } AS covers
ORDER BY licensor.key, licensee.key
