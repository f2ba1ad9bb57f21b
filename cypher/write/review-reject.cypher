// `kg review reject A B`: the pair is two things; its POSSIBLY_SAME_AS goes (either direction).
MATCH (:Entity {key: $a})-[r:POSSIBLY_SAME_AS]-(:Entity {key: $b})
DELETE r
