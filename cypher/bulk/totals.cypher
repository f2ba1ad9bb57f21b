// Counts every node and every relationship of the database (from the count store, no scan): a bulk
// load refuses a database that is not empty, and checks afterwards that the import gave what the
// manifest lists.
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
