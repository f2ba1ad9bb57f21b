// `kg review accept KEEP MERGE`, step 1 of 4 (src/api/review.ts, one transaction): the documents that
// mention $merge now state their facts about $keep, so their fact lists (factTypes, factStarts,
// factEnds: what forgetting them removes) name $keep; symmetric types ($symmetric) keep their ends in
// key order, as the writer stores them.
MATCH (:Entity {key: $merge})<-[:MENTIONS]-(d:Document)
WITH d, [i IN range(0, size(coalesce(d.factTypes, [])) - 1) | [d.factTypes[i], CASE d.factStarts[i] WHEN $merge THEN $keep ELSE d.factStarts[i] END, CASE d.factEnds[i] WHEN $merge THEN $keep ELSE d.factEnds[i] END]] AS facts
WITH d, [f IN facts | CASE WHEN f[0] IN $symmetric AND f[1] > f[2] THEN [f[0], f[2], f[1]] ELSE f END] AS facts
SET d.factTypes = [f IN facts | f[0]],
    d.factStarts = [f IN facts | f[1]],
    d.factEnds = [f IN facts | f[2]]
