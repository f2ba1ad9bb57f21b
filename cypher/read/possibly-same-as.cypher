// `kg review`: the doubtful pairs of cross-document resolution, best score first, each end with its
// name, primary label (the first of its labels other than Entity) and how many documents mention it.
MATCH (a:Entity)-[r:POSSIBLY_SAME_AS]->(b:Entity)
RETURN a.key AS a, a.name AS aName, [l IN labels(a) WHERE l <> 'Entity'] AS aLabels, COUNT { (a)<-[:MENTIONS]-(:Document) } AS aDocuments,
       b.key AS b, b.name AS bName, [l IN labels(b) WHERE l <> 'Entity'] AS bLabels, COUNT { (b)<-[:MENTIONS]-(:Document) } AS bDocuments,
       r.score AS score, r.reason AS reason
ORDER BY score DESC, a, b
