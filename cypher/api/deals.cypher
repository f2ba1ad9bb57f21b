// Deals with their parties (and roles), assets, indications, payments and the documents that tell
// them, one row per deal, optionally restricted to deals one of $companyKeys is party to, of kind
// $kind, dated on or after $since (a deal dated only by year or month counts when that year or month
// reaches $since), and with an upfront payment of at least $minUpfront (in the payment's currency).
// A deal's date is when it was signed, else when it took effect, else when it was announced, else the
// first dated status of its history. Null parameters do not filter.
MATCH (deal:Deal)
WHERE ($kind IS NULL OR deal.kind = $kind)
  AND ($companyKeys IS NULL OR EXISTS { MATCH (party:Entity)-[:PARTY_TO]->(deal) WHERE party.key IN $companyKeys })
WITH deal,
     coalesce(toString(deal.signed), toString(deal.effective), toString(deal.announced), head([entry IN coalesce(deal.statusHistory, []) WHERE split(entry, '@')[1] <> '' | split(entry, '@')[1]])) AS date
WHERE $since IS NULL OR (date IS NOT NULL AND date >= left($since, size(date)))
WITH deal, date, COLLECT {
  MATCH (deal)-[:HAS_TERM]->(payment:Payment)
  RETURN payment {.*} AS payment
  ORDER BY payment.kind, payment.key
} AS payments
WHERE $minUpfront IS NULL OR any(payment IN payments WHERE payment.kind = 'upfront' AND payment.amount >= $minUpfront)
RETURN deal.key AS key,
       deal.name AS name,
       date,
       properties(deal) AS properties,
       COLLECT {
         MATCH (party:Entity)-[role:PARTY_TO]->(deal)
         RETURN {role: role.role, key: party.key, name: party.name} AS party
         ORDER BY party.role, party.name, party.key
       } AS parties,
       COLLECT {
         MATCH (deal)-[:COVERS]->(asset:Entity)
         RETURN asset {.key, .name, labels: [label IN labels(asset) WHERE label <> 'Entity']} AS asset
         ORDER BY asset.name, asset.key
       } AS assets,
       COLLECT {
         MATCH (deal)-[:FOR_INDICATION]->(indication:Entity)
         RETURN indication {.key, .name, labels: [label IN labels(indication) WHERE label <> 'Entity']} AS indication
         ORDER BY indication.name, indication.key
       } AS indications,
       payments,
       COLLECT {
         MATCH (document:Document)-[:MENTIONS]->(deal)
         RETURN document.docId
         ORDER BY document.docId
       } AS docIds
ORDER BY date IS NULL, date, key
