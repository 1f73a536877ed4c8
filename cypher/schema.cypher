// Constraints and indexes of the knowledge graph. Every statement is
// idempotent (IF NOT EXISTS), so this file is applied at every start-up.
// Each node label has a unique, stable `id`.
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT assignment_id IF NOT EXISTS FOR (n:Assignment) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT passage_id IF NOT EXISTS FOR (n:Passage) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (n:Agency) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT agency_name IF NOT EXISTS FOR (n:Agency) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT leader_id IF NOT EXISTS FOR (n:Leader) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT livelihood_id IF NOT EXISTS FOR (n:LivelihoodProject) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (n:Indicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT indicator_metric IF NOT EXISTS FOR (n:Indicator) REQUIRE n.metric IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT park_id IF NOT EXISTS FOR (n:Park) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT term_id IF NOT EXISTS FOR (n:Term) REQUIRE n.id IS UNIQUE;
// Lookups by year and kind used by the API filters.
CREATE INDEX document_kind_year IF NOT EXISTS FOR (n:Document) ON (n.kind, n.year);
CREATE INDEX document_content_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash);
CREATE INDEX task_year IF NOT EXISTS FOR (n:Task) ON (n.year);
CREATE INDEX assignment_year IF NOT EXISTS FOR (n:Assignment) ON (n.year);
CREATE INDEX livelihood_year IF NOT EXISTS FOR (n:LivelihoodProject) ON (n.year);
CREATE INDEX passage_year IF NOT EXISTS FOR (n:Passage) ON (n.year);
CREATE INDEX any_document_id IF NOT EXISTS FOR (n:Passage) ON (n.documentId);
CREATE INDEX assignment_document_id IF NOT EXISTS FOR (n:Assignment) ON (n.documentId);
// Full-text search over prose. `searchText` holds the text segmented by jieba
// (space-separated words), indexed with the whitespace-and-lowercase
// `standard-no-stop-words`-free analyzer chosen in docs/search.md.
CREATE FULLTEXT INDEX prose_text IF NOT EXISTS FOR (n:Passage|Assignment|LivelihoodProject|Task|Term) ON EACH [n.text] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
CALL db.awaitIndexes(300);
