// Template, expanded once per label of SHARED_LABELS (ingest/graph/records.ts) that has
// no aliases (see ingest/load.ts) into the statement load/shared-nodes:<label>; {{label}}
// is only ever one of those constants.
// Merges shared {{label}} nodes by id; properties given by later documents win.
UNWIND $rows AS row
MERGE (n:Node:{{label}} {id: row.id})
SET n += row.properties
