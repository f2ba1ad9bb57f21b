// Licences between companies: who licensed to whom, the licence terms the text states, what the
// licensee licenses (technologies, drugs) and how many documents support it.
// Names match a company's name or any alias, case-insensitively; an empty name matches every company.
// @param licensor ""
// @param licensee ""
MATCH (licensor:Company)-[licence:LICENSES_TO]->(licensee:Company)
WHERE ($licensor = '' OR toLower($licensor) IN [toLower(licensor.name)] + [alias IN licensor.aliases | toLower(alias)])
  AND ($licensee = '' OR toLower($licensee) IN [toLower(licensee.name)] + [alias IN licensee.aliases | toLower(alias)])
RETURN licensor.name AS licensor,
       licensee.name AS licensee,
       licence {.*, key: null, documentCount: null, firstSeen: null, lastSeen: null} AS terms,
       COLLECT {
         MATCH (licensee)-[:LICENSES]->(licensed:Entity)
         RETURN licensed.name
         ORDER BY licensed.name
       } AS licenseeLicenses,
       licence.documentCount AS documents,
       licence.firstSeen AS firstSeen
ORDER BY licensor, licensee
