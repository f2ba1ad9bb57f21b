// Sets firstSeen/lastSeen on every relationship one document supports: the earliest and latest
// as-of date (a Neo4j Date) of the documents supporting it.
MATCH (:Document {docId: $docId})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE $docId IN r.docIds
WITH DISTINCT r
OPTIONAL MATCH (d:Document)
WHERE d.docId IN r.docIds
WITH r, min(d.asOf) AS firstSeen, max(d.asOf) AS lastSeen
SET r.firstSeen = firstSeen,
    r.lastSeen = lastSeen
