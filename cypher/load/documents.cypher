// Creates the Document nodes of a batch; each owns itself (documentId = id).
UNWIND $rows AS row
CREATE (d:Node:Document {id: row.id})
SET d += row.properties
