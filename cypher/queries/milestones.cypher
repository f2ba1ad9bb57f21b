// Milestone income by company and partner: what each payee earned from each payer, per currency,
// with the drugs and triggers the filings name.
// Names match a company's name or any alias, case-insensitively; an empty name matches every company.
// @param payee ""
// @param payer ""
MATCH (payee:Company)-[milestone:EARNED_MILESTONE]->(payer:Company)
WHERE ($payee = '' OR toLower($payee) IN [toLower(payee.name)] + [alias IN payee.aliases | toLower(alias)])
  AND ($payer = '' OR toLower($payer) IN [toLower(payer.name)] + [alias IN payer.aliases | toLower(alias)])
RETURN payee.name AS company,
       payer.name AS partner,
       milestone.currency AS currency,
       sum(milestone.amount) AS total,
       count(milestone) AS milestones,
       collect(DISTINCT milestone.drug) AS drugs,
       collect(DISTINCT milestone.trigger) AS triggers,
       min(milestone.firstSeen) AS firstSeen
ORDER BY company, partner, currency
