// Creates this document's Passage nodes (the document's old subgraph was deleted first).
UNWIND $rows AS row
CREATE (n:Node:Passage {id: row.id})
SET n += row.properties
