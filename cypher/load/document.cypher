// Creates the Document node itself; it owns itself (documentId = id).
CREATE (d:Node:Document {id: $id})
SET d += $properties
