// The evidence behind one relationship, by its identity (type, start key, end key): one row per
// document that states it (its Evidence node), with the parallel lists of sentences, offsets, rules,
// confidences and, for a document rendered from HTML or a full submission, raw-file offsets. The relationship's key (type|start|end) is the `fact` of its Evidence nodes; matching
// the relationship first keeps evidence of a relationship that is gone out of the answer.
MATCH (source:Entity {key: $start})-[fact]->(target:Entity {key: $end})
WHERE type(fact) = $type
MATCH (evidence:Evidence {fact: fact.key})
RETURN evidence.docId AS docId,
       evidence.sentences AS sentences,
       evidence.starts AS starts,
       evidence.ends AS ends,
       evidence.rules AS rules,
       evidence.confidences AS confidences,
       evidence.rawStarts AS rawStarts,
       evidence.rawEnds AS rawEnds
ORDER BY docId
