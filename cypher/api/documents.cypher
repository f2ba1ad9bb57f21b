// Stored documents by id, for reading them with their provenance: the text that evidence and mention
// offsets index (null for a document stored without it), title, type, date, and every entity the
// document mentions with the offsets of its mentions (MENTIONS.starts[i] / ends[i] is one mention).
UNWIND $docIds AS docId
MATCH (d:Document {docId: docId})
RETURN d.docId AS docId,
       d.title AS title,
       d.docType AS docType,
       coalesce(toString(d.asOf), d.asOfText) AS asOf,
       d.text AS text,
       COLLECT {
         MATCH (d)-[m:MENTIONS]->(n:Entity)
         RETURN n {.key, .name, labels: [label IN labels(n) WHERE label <> 'Entity'], starts: m.starts, ends: m.ends}
         ORDER BY n.key
       } AS mentions
ORDER BY docId
