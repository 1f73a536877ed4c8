// Template, expanded once per label of SHARED_LABELS (ingest/graph/records.ts) whose
// nodes carry a name, a kind and aliases (see ingest/load.ts) into the statement
// load/shared-named-nodes:<label>; {{label}} is only ever one of those constants.
// Merges shared {{label}} nodes by id. Aliases accumulate across documents
// (a later document never forgets a spelling an earlier one used). An agency
// carries its jurisdiction's full name ('' when unknown) for the agency_name
// constraint (one agency per name in each jurisdiction).
UNWIND $rows AS row
MERGE (n:Node:{{label}} {id: row.id})
SET n.name = row.properties.name,
    n.kind = coalesce(row.properties.kind, n.kind),
    n.jurisdiction = CASE WHEN n:Agency THEN coalesce(row.properties.jurisdiction, '') END,
    n.aliases = reduce(known = coalesce(n.aliases, []), alias IN coalesce(row.properties.aliases, [row.properties.name]) |
      CASE WHEN alias IN known THEN known ELSE known + alias END)
