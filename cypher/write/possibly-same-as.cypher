// Doubtful pairs of cross-document resolution (src/graph/identity.ts): two entities that may be one
// thing, for a person to decide with `kg review`; never merged on a guess. One relationship per pair,
// from the smaller key to the larger; a later sighting with a higher score updates it.
UNWIND $rows AS row
MATCH (a:Entity {key: row.a})
MATCH (b:Entity {key: row.b})
MERGE (a)-[r:POSSIBLY_SAME_AS]->(b)
ON CREATE SET r.score = row.score,
              r.reason = row.reason
WITH r, row
WHERE row.score > r.score
SET r.score = row.score,
    r.reason = row.reason
