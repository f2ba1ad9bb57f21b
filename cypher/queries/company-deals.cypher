// A company's deal history: every deal it is party to, in date order, with its role, the other
// parties, what the deal covers, its status and how the status moved (statusHistory, `status@date`).
// company: a company's name or alias (case-insensitive), empty = every company.
// @param company ""
MATCH (company:Company)-[role:PARTY_TO]->(deal:Deal)
WHERE $company = '' OR toLower($company) IN [toLower(company.name)] + [alias IN company.aliases | toLower(alias)]
RETURN company.name AS company,
       coalesce(toString(deal.signed), toString(deal.effective), toString(deal.announced)) AS date,
       deal.kind AS kind,
       role.role AS role,
       COLLECT {
         MATCH (other:Company)-[otherRole:PARTY_TO]->(deal)
         WHERE other <> company
         RETURN otherRole.role + ': ' + other.name AS party
         ORDER BY party
       } AS counterparties,
       COLLECT { MATCH (deal)-[:COVERS]->(asset:Entity) RETURN asset.name ORDER BY asset.name } AS covers,
       deal.status AS status,
       deal.statusHistory AS history,
       deal.name AS deal
ORDER BY company, date, deal
