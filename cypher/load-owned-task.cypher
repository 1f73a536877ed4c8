// Creates this document's Task nodes (the document's old subgraph was deleted first).
UNWIND $rows AS row
CREATE (n:Node:Task {id: row.id})
SET n += row.properties
