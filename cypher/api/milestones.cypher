// EARNED_MILESTONE relationships (payee → payer), optionally restricted to payee and/or payer keys.
MATCH (payee:Company)-[milestone:EARNED_MILESTONE]->(payer:Company)
WHERE ($payeeKeys IS NULL OR payee.key IN $payeeKeys)
  AND ($payerKeys IS NULL OR payer.key IN $payerKeys)
RETURN payee {.key, .name, labels: [label IN labels(payee) WHERE label <> 'Entity']} AS payee,
       payer {.key, .name, labels: [label IN labels(payer) WHERE label <> 'Entity']} AS payer,
       milestone.key AS key,
       properties(milestone) AS properties,
       COLLECT { MATCH (evidence:Evidence {fact: milestone.key}) RETURN evidence.docId ORDER BY evidence.docId } AS docIds
ORDER BY payee.key, payer.key
