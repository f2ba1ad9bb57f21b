// Drugs by target and phase: every drug that targets a target, its clinical phases and developers.
// target: a target's name or alias (case-insensitive), empty = every target.
// phase: a phase key (PHASE_2) or name (Phase 2), empty = any phase or none.
// @param target ""
// @param phase ""
MATCH (drug:Drug)-[:TARGETS]->(target:Target)
WHERE ($target = '' OR toLower($target) IN [toLower(target.name)] + [alias IN target.aliases | toLower(alias)])
WITH drug,
     target,
     COLLECT {
       MATCH (drug)-[:IN_PHASE]->(phase:Phase)
       RETURN phase
       ORDER BY phase.key
     } AS phases
WHERE $phase = '' OR any(phase IN phases WHERE phase.key = toUpper($phase) OR toLower(phase.name) = toLower($phase))
RETURN target.name AS target,
       drug.name AS drug,
       [phase IN phases | phase.name] AS phases,
       COLLECT {
         MATCH (developer:Company)-[:DEVELOPS]->(drug)
         RETURN developer.name
         ORDER BY developer.name
       } AS developers
ORDER BY target, drug
