// One Evidence node per relationship and document that states it: the document's sentences behind the
// relationship as parallel lists (element i of sentences, starts, ends, rules, confidences is one piece
// of evidence, in offset order; a document rendered from HTML or a full submission adds rawStarts and
// rawEnds, the sentences' spans in the raw file). `fact` is the relationship's key (type|start|end, r.key), `key` is
// fact|docId. The documents are new to the database (an older version was removed first, in the same
// transaction), so their Evidence cannot exist yet: CREATE, without the lookup a MERGE takes per row;
// the unique constraint on Evidence.key turns a mistake into an error rather than a duplicate.
UNWIND $rows AS row
CREATE (e:Evidence)
SET e = row
