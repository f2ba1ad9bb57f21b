// Withdraws the claims of the documents $docIds on the deals and payments they mention (their
// MENTIONS stop counting as claims), before claims-resolve.cypher recomputes those nodes from the
// documents that remain; the MENTIONS themselves go with document-remove-mentions.cypher.
UNWIND $docIds AS docId
MATCH (:Document {docId: docId})-[m:MENTIONS]->(:Deal|Payment)
SET m.claimed = null
