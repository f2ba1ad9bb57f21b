// Takes one document's evidence off every relationship it supported. The provenance lists are
// parallel (element i of docIds, sentences, starts, ends, rules, confidences is one piece of
// evidence), so the kept indexes are computed once and applied to every list. First/last seen
// dates are recomputed from the documents still supporting the relationship; a relationship no
// document supports any more is deleted.
MATCH (:Document {docId: $docId})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
WHERE $docId IN r.docIds
WITH DISTINCT r, [i IN range(0, size(r.docIds) - 1) WHERE r.docIds[i] <> $docId] AS keep
SET r.docIds = [i IN keep | r.docIds[i]],
    r.sentences = [i IN keep | r.sentences[i]],
    r.starts = [i IN keep | r.starts[i]],
    r.ends = [i IN keep | r.ends[i]],
    r.rules = [i IN keep | r.rules[i]],
    r.confidences = [i IN keep | r.confidences[i]]
WITH r
OPTIONAL MATCH (d:Document)
WHERE d.docId IN r.docIds
WITH r, min(d.asOf) AS firstSeen, max(d.asOf) AS lastSeen
SET r.firstSeen = firstSeen,
    r.lastSeen = lastSeen
WITH r
WHERE size(r.docIds) = 0
DELETE r
