// Deals by value: what each deal states in one currency (upfront, milestones total, purchase price,
// equity, option and licence fees; not royalties or single milestones), largest total first, with its
// kind, parties by role, status and date.
// kind: a deal kind (license, collaboration, option, acquisition, …), empty = every kind.
// currency: the ISO code of the payments to add up (deals without a payment in it are left out).
// @param kind ""
// @param currency "USD"
// @param limit 25
MATCH (deal:Deal)-[:HAS_TERM]->(payment:Payment)
WHERE ($kind = '' OR deal.kind = $kind)
  AND payment.currency = $currency
  AND payment.kind IN ['upfront', 'milestones_total', 'purchase_price', 'equity', 'option_fee', 'license_fee']
WITH deal,
     sum(CASE WHEN payment.kind = 'upfront' THEN payment.amount ELSE 0 END) AS upfront,
     sum(CASE WHEN payment.kind = 'milestones_total' THEN payment.amount ELSE 0 END) AS milestones,
     sum(payment.amount) AS total
RETURN deal.name AS deal,
       deal.kind AS kind,
       COLLECT {
         MATCH (party:Company)-[role:PARTY_TO]->(deal)
         RETURN role.role + ': ' + party.name AS party
         ORDER BY party
       } AS parties,
       upfront,
       milestones,
       total,
       $currency AS currency,
       deal.status AS status,
       coalesce(toString(deal.signed), toString(deal.effective), toString(deal.announced)) AS date
ORDER BY total DESC, deal
LIMIT $limit
