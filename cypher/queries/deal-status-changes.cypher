// Deals whose status changed: deals whose history holds more than one status (announced, then closed,
// amended, terminated, rights returned …; mere references do not count), with each status and its
// date in order and the documents that tell the deal.
// status: only deals whose history holds this status (e.g. terminated), empty = any.
// @param status ""
MATCH (deal:Deal)
WITH deal, [entry IN coalesce(deal.statusHistory, []) WHERE split(entry, '@')[0] <> 'referenced'] AS history
WITH deal, history, reduce(seen = [], entry IN history | CASE WHEN split(entry, '@')[0] IN seen THEN seen ELSE seen + split(entry, '@')[0] END) AS statuses
WHERE size(statuses) > 1
  AND ($status = '' OR $status IN statuses)
RETURN deal.name AS deal,
       deal.kind AS kind,
       COLLECT {
         MATCH (party:Company)-[role:PARTY_TO]->(deal)
         RETURN role.role + ': ' + party.name AS party
         ORDER BY party
       } AS parties,
       history,
       deal.status AS status,
       COLLECT { MATCH (document:Document)-[:MENTIONS]->(deal) RETURN document.docId ORDER BY document.docId } AS documents
ORDER BY deal, kind
