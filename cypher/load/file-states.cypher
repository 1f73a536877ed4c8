// What each source file left in the graph: the state recorded for it by the
// last run that parsed it (the file's hash, the documents it held and their
// content hashes, whether some of it could not be used) and the documents
// actually loaded from it now. A file is complete only when the two agree.
UNWIND $sourceFiles AS sourceFile
OPTIONAL MATCH (f:IngestFile {path: sourceFile})
OPTIONAL MATCH (d:Document {sourceFile: sourceFile})
WITH sourceFile, f,
     collect(CASE WHEN d IS NULL THEN null ELSE {id: d.id, contentHash: d.contentHash, pipelineVersion: d.pipelineVersion} END) AS loaded
RETURN sourceFile,
       f IS NOT NULL AS recorded,
       f.hash AS hash,
       f.pipelineVersion AS pipelineVersion,
       f.documentIds AS documentIds,
       f.contentHashes AS contentHashes,
       f.unusable AS unusable,
       f.warnings AS warnings,
       loaded
