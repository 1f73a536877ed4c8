// Constraints and indexes of the knowledge graph. Every statement is
// idempotent (IF NOT EXISTS), so this file is applied at every start-up.
// Every node also has the label :Node with a unique, stable `id`, so
// relationships are written and nodes fetched by id whatever their label.
// The full-text indexes come first: on a freshly imported store (ingest/bulk/)
// theirs is by far the longest population, and it runs in the background while
// the constraints below wait for their own indexes.
// Full-text search over prose with Lucene's CJK analyzer (overlapping
// bigrams): see docs/search.md for why it beats indexing jieba-segmented text.
CREATE FULLTEXT INDEX prose_text IF NOT EXISTS FOR (n:Passage|Assignment|LivelihoodProject|Task|Term) ON EACH [n.text] OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
// Type-ahead (cypher/api/suggest.cypher): every name, metric and alias of the
// suggestable entities as one untokenised term (keyword analyzer), so a
// wildcard *text* finds any name containing the text, Chinese or not, by
// walking the dictionary of distinct names rather than every node. Keep the
// labels in step with shared/suggest-types.ts.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Agency|Company|Park|Project|Leader|Indicator|Term) ON EACH [n.name, n.metric, n.aliases] OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
// One agency per canonical name in each jurisdiction (市财政局 of two cities are
// two): `jurisdiction` is the place's full name, '' when it is unknown.
CREATE CONSTRAINT agency_name IF NOT EXISTS FOR (n:Agency) REQUIRE (n.name, n.jurisdiction) IS UNIQUE;
CREATE INDEX agency_name_lookup IF NOT EXISTS FOR (n:Agency) ON (n.name);
CREATE INDEX jurisdiction_name IF NOT EXISTS FOR (n:Jurisdiction) ON (n.name);
CREATE CONSTRAINT indicator_metric IF NOT EXISTS FOR (n:Indicator) REQUIRE n.metric IS UNIQUE;
CREATE INDEX node_document_id IF NOT EXISTS FOR (n:Node) ON (n.documentId);
// Run records (not graph nodes, no :Node label): what each source file left
// in the graph, and the graph-wide stages a stopped run still owes.
CREATE CONSTRAINT ingest_file_path IF NOT EXISTS FOR (f:IngestFile) REQUIRE f.path IS UNIQUE;
CREATE CONSTRAINT ingest_state_key IF NOT EXISTS FOR (s:IngestState) REQUIRE s.key IS UNIQUE;
CREATE INDEX oversees_document_id IF NOT EXISTS FOR ()-[r:OVERSEES]-() ON (r.documentId);
CREATE INDEX states_document_id IF NOT EXISTS FOR ()-[r:STATES]-() ON (r.documentId);
CREATE INDEX leader_name IF NOT EXISTS FOR (n:Leader) ON (n.name);
// Lookups by year and kind used by the API filters.
CREATE INDEX document_kind_year IF NOT EXISTS FOR (n:Document) ON (n.kind, n.year);
CREATE INDEX document_content_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash);
CREATE INDEX document_source_file IF NOT EXISTS FOR (n:Document) ON (n.sourceFile);
CREATE INDEX task_year IF NOT EXISTS FOR (n:Task) ON (n.year);
CREATE INDEX assignment_year IF NOT EXISTS FOR (n:Assignment) ON (n.year);
CREATE INDEX livelihood_year IF NOT EXISTS FOR (n:LivelihoodProject) ON (n.year);
CREATE INDEX passage_year IF NOT EXISTS FOR (n:Passage) ON (n.year);
CALL db.awaitIndexes(300);
