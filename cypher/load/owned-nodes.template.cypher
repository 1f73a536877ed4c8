// Template, expanded once per label of OWNED_LABELS (ingest/graph/records.ts) into the
// statement load/owned-nodes:<label>; {{label}} is only ever one of those constants.
// Creates this document's {{label}} nodes (the document's old subgraph was deleted first).
UNWIND $rows AS row
CREATE (n:Node:{{label}} {id: row.id})
SET n += row.properties
