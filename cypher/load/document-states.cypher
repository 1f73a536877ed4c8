// What is already loaded for the given document ids: used to skip unchanged documents.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.contentHash AS contentHash, d.pipelineVersion AS pipelineVersion
