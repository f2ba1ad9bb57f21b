// Takes the evidence of the documents $docIds off every relationship they supported. Each Document
// lists the relationships it supports (factTypes, factStarts, factEnds: element i is one relationship),
// so they are found by their two end keys (an index seek each, then the relationships between the two
// nodes) instead of walking every relationship of every entity the document mentions, which grows with
// hub entities. A Document stored before that list existed is walked the old way.
// The provenance lists are parallel (element i of docIds, sentences, starts, ends, rules, confidences
// is one piece of evidence), so the kept indexes are computed once and applied to every list. First and
// last seen dates are recomputed from the documents still supporting the relationship; a relationship
// no document supports any more is deleted.
UNWIND $docIds AS docId
MATCH (d:Document {docId: docId})
CALL (d) {
  WITH d
  WHERE d.factTypes IS NOT NULL
  UNWIND range(0, size(d.factTypes) - 1) AS i
  MATCH (:Entity {key: d.factStarts[i]})-[r]->(:Entity {key: d.factEnds[i]})
  WHERE type(r) = d.factTypes[i]
    AND d.docId IN r.docIds
  RETURN r
UNION
  WITH d
  WHERE d.factTypes IS NULL
  MATCH (d)-[:MENTIONS]->(:Entity)-[r]->(:Entity)
  WHERE d.docId IN r.docIds
  RETURN r
}
WITH DISTINCT r, $docIds AS removed
WITH r, [i IN range(0, size(r.docIds) - 1) WHERE NOT r.docIds[i] IN removed] AS keep
SET r.docIds = [i IN keep | r.docIds[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.starts = [i IN keep | r.starts[i]],
    r.ends = [i IN keep | r.ends[i]],
    r.rules = [i IN keep | r.rules[i]],
    r.confidences = [i IN keep | r.confidences[i]]
WITH r
OPTIONAL MATCH (s:Document)
WHERE s.docId IN r.docIds
WITH r, min(s.asOf) AS firstSeen, max(s.asOf) AS lastSeen
SET r.firstSeen = firstSeen,
    r.lastSeen = lastSeen
WITH r
WHERE size(r.docIds) = 0
DELETE r
