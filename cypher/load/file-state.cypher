// Records what a run found in source files: the hash of the bytes parsed, the
// pipeline version, the documents they hold (ids and content hashes, in
// order), how many of their parts could not be used, and the warnings to
// repeat while they stay unchanged. Written before the files' documents, so a
// document loaded from a file is always one its state expects.
UNWIND $rows AS row
MERGE (f:IngestFile {path: row.path})
SET f.hash = row.hash,
    f.pipelineVersion = row.pipelineVersion,
    f.documentIds = row.documentIds,
    f.contentHashes = row.contentHashes,
    f.unusable = row.unusable,
    f.warnings = row.warnings
