// One document's part of the graph: the entities it mentions by label, and the relationships it
// supports (has evidence on) by type, from the list of them the Document keeps (factTypes).
MATCH (d:Document {docId: $docId})
RETURN COLLECT {
         MATCH (d)-[:MENTIONS]->(n:Entity)
         UNWIND [label IN labels(n) WHERE label <> 'Entity'] AS label
         WITH label, count(*) AS count
         RETURN {key: label, count: count}
         ORDER BY label
       } AS nodes,
       COLLECT {
         UNWIND coalesce(d.factTypes, []) AS type
         WITH type, count(*) AS count
         RETURN {key: type, count: count}
         ORDER BY type
       } AS relationships
