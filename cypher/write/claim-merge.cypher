// Keeps each document's own properties of a deal or payment on its MENTIONS relationship (see
// src/writers/claims.ts): row.claims holds the properties the document states, row.claimed their
// names, row.statusOrder the order key of each statusHistory entry (its date, else the document's, and
// its lifecycle rank). The node's properties are then recomputed from every document's claims
// (claims-resolve.cypher), so forgetting a document takes back exactly what it said.
UNWIND $rows AS row
MATCH (:Document {docId: row.docId})-[m:MENTIONS]->(:Entity {key: row.key})
SET m += row.claims,
    m.claimed = row.claimed,
    m.statusOrder = row.statusOrder
