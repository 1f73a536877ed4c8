// What is already loaded for the given document ids: used to skip unchanged
// documents (same text, same pipeline, same source file) and to notice a
// document that another file holds.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.contentHash AS contentHash, d.pipelineVersion AS pipelineVersion, d.sourceFile AS sourceFile
