// Which of the documents $docIds are stored: the ids of those that have a Document node.
UNWIND $docIds AS docId
MATCH (d:Document {docId: docId})
RETURN d.docId AS docId
