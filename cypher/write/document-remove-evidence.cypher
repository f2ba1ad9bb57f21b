// Takes the documents $docIds off every relationship they supported. Each Document lists the
// relationships it supports (factTypes, factStarts, factEnds: element i is one relationship), so they
// are found by their two end keys (an index seek each, then the relationships between the two nodes)
// instead of walking every relationship of every entity the document mentions, which grows with hub
// entities. The documents' Evidence nodes are deleted (found by key, fact|docId); each relationship's
// documentCount and first and last seen dates are recomputed from the Evidence left; a relationship no
// document supports any more is deleted.
UNWIND $docIds AS docId
MATCH (d:Document {docId: docId})
UNWIND range(0, size(coalesce(d.factTypes, [])) - 1) AS i
MATCH (:Entity {key: d.factStarts[i]})-[r]->(:Entity {key: d.factEnds[i]})
WHERE type(r) = d.factTypes[i]
OPTIONAL MATCH (e:Evidence {key: r.key + '|' + docId})
DELETE e
WITH DISTINCT r
CALL (r) {
  OPTIONAL MATCH (e:Evidence {fact: r.key})
  OPTIONAL MATCH (s:Document {docId: e.docId})
  RETURN count(e) AS documentCount, min(s.asOf) AS firstSeen, max(s.asOf) AS lastSeen
}
SET r.documentCount = documentCount,
    r.firstSeen = firstSeen,
    r.lastSeen = lastSeen
WITH r
WHERE r.documentCount = 0
DELETE r
