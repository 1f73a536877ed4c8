// Template, expanded once per node label of a bulk build (LOAD_TEMPLATES,
// ingest/load.ts) into bulk/restore-line-breaks:<label>; {{label}} is only ever
// one of those constants.
// Right after a bulk import, before the schema: the line breaks of the string
// property row.key of {{label}} nodes, which the CSV carried as marks so that the
// importer could split its files between its threads (ingest/bulk/csv.ts). No
// other value of the CSV holds a mark, so every one found is a line break; and
// as this runs before the full-text indexes exist, they index each text once.
UNWIND $rows AS row
MATCH (n:{{label}} WHERE n[row.key] CONTAINS row.lineFeedMark OR n[row.key] CONTAINS row.carriageReturnMark)
SET n[row.key] = replace(replace(n[row.key], row.lineFeedMark, row.lineFeed), row.carriageReturnMark, row.carriageReturn)
