// A company's pipeline: the drugs it develops, owns, licenses or holds an option on, with their
// phases, targets and indications.
// company: a company's name or alias (case-insensitive), empty = every company.
// @param company ""
MATCH (company:Company)-[how:DEVELOPS|OWNS|LICENSES|HAS_OPTION_ON]->(drug:Drug)
WHERE $company = '' OR toLower($company) IN [toLower(company.name)] + [alias IN company.aliases | toLower(alias)]
WITH company, drug, collect(DISTINCT type(how)) AS how
RETURN company.name AS company,
       drug.name AS drug,
       how,
       COLLECT { MATCH (drug)-[:IN_PHASE]->(phase:Phase) RETURN phase.name ORDER BY phase.name } AS phases,
       COLLECT { MATCH (drug)-[:TARGETS]->(target:Target) RETURN target.name ORDER BY target.name } AS targets,
       COLLECT { MATCH (drug)-[:STUDIED_FOR|APPROVED_FOR]->(disease:Disease) RETURN disease.name ORDER BY disease.name } AS indications
ORDER BY company, drug
