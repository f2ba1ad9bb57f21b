// Schema of the deal graph. Every statement is idempotent (IF NOT EXISTS), so `kg ingest` runs it
// before each run. Every entity node carries the base label Entity beside its specific labels: writes
// MERGE on (:Entity {key}), so one unique constraint decides identity whatever labels a node gains.
// Uniqueness constraints also create the range index used to look nodes up by key.

CREATE CONSTRAINT entity_key IF NOT EXISTS
FOR (n:Entity)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT company_key IF NOT EXISTS
FOR (n:Company)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT drug_key IF NOT EXISTS
FOR (n:Drug)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT target_key IF NOT EXISTS
FOR (n:Target)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT technology_key IF NOT EXISTS
FOR (n:Technology)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT person_key IF NOT EXISTS
FOR (n:Person)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT disease_key IF NOT EXISTS
FOR (n:Disease)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT organization_key IF NOT EXISTS
FOR (n:Organization)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT event_key IF NOT EXISTS
FOR (n:Event)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT location_key IF NOT EXISTS
FOR (n:Location)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT deal_key IF NOT EXISTS
FOR (n:Deal)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT payment_key IF NOT EXISTS
FOR (n:Payment)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT payload_key IF NOT EXISTS
FOR (n:Payload)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT linker_key IF NOT EXISTS
FOR (n:Linker)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT trademark_key IF NOT EXISTS
FOR (n:Trademark)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT phase_key IF NOT EXISTS
FOR (n:Phase)
REQUIRE n.key IS UNIQUE;

CREATE CONSTRAINT document_doc_id IF NOT EXISTS
FOR (d:Document)
REQUIRE d.docId IS UNIQUE;

CREATE CONSTRAINT filing_key IF NOT EXISTS
FOR (f:Filing)
REQUIRE f.key IS UNIQUE;

CREATE CONSTRAINT filing_accession_number IF NOT EXISTS
FOR (f:Filing)
REQUIRE f.accessionNumber IS UNIQUE;

// Evidence: one node per relationship and document that states it (key = fact|docId); `fact` is the
// relationship's key (r.key), so a relationship's evidence is an index seek:
// MATCH (a)-[r:LICENSES_TO]->(b) MATCH (e:Evidence {fact: r.key}) RETURN e.docId, e.sentences
CREATE CONSTRAINT evidence_key IF NOT EXISTS
FOR (e:Evidence)
REQUIRE e.key IS UNIQUE;

CREATE INDEX evidence_fact IF NOT EXISTS
FOR (e:Evidence)
ON (e.fact);

// Name lookups: exact names per label, and aliases (lists of strings) on the base label.
CREATE INDEX entity_name IF NOT EXISTS
FOR (n:Entity)
ON (n.name);

CREATE INDEX company_name IF NOT EXISTS
FOR (n:Company)
ON (n.name);

CREATE INDEX drug_name IF NOT EXISTS
FOR (n:Drug)
ON (n.name);

CREATE INDEX target_name IF NOT EXISTS
FOR (n:Target)
ON (n.name);

CREATE INDEX technology_name IF NOT EXISTS
FOR (n:Technology)
ON (n.name);

CREATE INDEX person_name IF NOT EXISTS
FOR (n:Person)
ON (n.name);

CREATE INDEX disease_name IF NOT EXISTS
FOR (n:Disease)
ON (n.name);

CREATE INDEX organization_name IF NOT EXISTS
FOR (n:Organization)
ON (n.name);

CREATE INDEX event_name IF NOT EXISTS
FOR (n:Event)
ON (n.name);

CREATE INDEX location_name IF NOT EXISTS
FOR (n:Location)
ON (n.name);

CREATE INDEX deal_name IF NOT EXISTS
FOR (n:Deal)
ON (n.name);

CREATE INDEX payment_name IF NOT EXISTS
FOR (n:Payment)
ON (n.name);

CREATE INDEX payload_name IF NOT EXISTS
FOR (n:Payload)
ON (n.name);

CREATE INDEX linker_name IF NOT EXISTS
FOR (n:Linker)
ON (n.name);

CREATE INDEX trademark_name IF NOT EXISTS
FOR (n:Trademark)
ON (n.name);

CREATE INDEX phase_name IF NOT EXISTS
FOR (n:Phase)
ON (n.name);

CREATE INDEX entity_aliases IF NOT EXISTS
FOR (n:Entity)
ON (n.aliases);

// Full-text search over names and aliases, e.g.
// CALL db.index.fulltext.queryNodes('entity_names', 'trastuzumab~') YIELD node, score RETURN node.name, score
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.name, n.aliases];

// Cross-document resolution (src/graph/identity.ts, cypher/read/entities-by-form.cypher): each
// entity's name forms (entity keys of its name and aliases, blocking forms) as whole tokens.
CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS
FOR (n:Entity)
ON EACH [n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};

// Identical content is one document (cypher/read/documents-by-hash.cypher).
CREATE INDEX document_content_hash IF NOT EXISTS
FOR (d:Document)
ON (d.contentHash);
