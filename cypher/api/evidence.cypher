// The evidence behind one relationship, by its key (r.key, `TYPE|start|end`, which every row of the
// API carries): one row per document that states it, from the Evidence nodes whose `fact` it is (an
// index seek on evidence_fact). Evidence nodes are created and deleted with the support of their
// relationship (document-remove-evidence deletes a relationship with its last Evidence), so a key
// finds no evidence of a relationship that is gone. rawStarts/rawEnds are null for a plain-text document.
MATCH (evidence:Evidence {fact: $key})
RETURN evidence.docId AS docId,
       evidence.sentences AS sentences,
       evidence.starts AS starts,
       evidence.ends AS ends,
       evidence.rules AS rules,
       evidence.confidences AS confidences,
       evidence.rawStarts AS rawStarts,
       evidence.rawEnds AS rawEnds
ORDER BY docId
