// Deals on a target: deals that cover the target itself or a drug that targets it, with the parties,
// the asset the deal names, the upfront payments and the status.
// target: a target's name or alias (case-insensitive), empty = every target.
// @param target ""
MATCH (target:Target)
WHERE $target = '' OR toLower($target) IN [toLower(target.name)] + [alias IN target.aliases | toLower(alias)]
MATCH (deal:Deal)-[:COVERS]->(asset:Entity)
WHERE asset = target OR EXISTS { (asset:Drug)-[:TARGETS]->(target) }
RETURN target.name AS target,
       deal.name AS deal,
       deal.kind AS kind,
       asset.name AS asset,
       COLLECT {
         MATCH (party:Company)-[role:PARTY_TO]->(deal)
         RETURN role.role + ': ' + party.name AS party
         ORDER BY party
       } AS parties,
       COLLECT {
         MATCH (deal)-[:HAS_TERM]->(payment:Payment {kind: 'upfront'})
         RETURN coalesce(payment.amountText, payment.caption) AS upfront
         ORDER BY upfront
       } AS upfront,
       deal.status AS status,
       coalesce(toString(deal.signed), toString(deal.effective), toString(deal.announced)) AS date
ORDER BY target, date, deal, asset
