// Creates this document's Section nodes (the document's old subgraph was deleted first).
UNWIND $rows AS row
CREATE (n:Node:Section {id: row.id})
SET n += row.properties
