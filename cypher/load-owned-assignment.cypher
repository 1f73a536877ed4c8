// Creates this document's Assignment nodes (the document's old subgraph was deleted first).
UNWIND $rows AS row
CREATE (n:Node:Assignment {id: row.id})
SET n += row.properties
