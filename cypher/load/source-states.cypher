// What is loaded from each source file: its hash and pipeline version, per document.
UNWIND $sourceFiles AS sourceFile
MATCH (d:Document {sourceFile: sourceFile})
RETURN sourceFile, d.id AS id, d.sourceHash AS sourceHash, d.pipelineVersion AS pipelineVersion
