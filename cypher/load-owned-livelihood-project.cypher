// Creates this document's LivelihoodProject nodes (the document's old subgraph was deleted first).
UNWIND $rows AS row
CREATE (n:Node:LivelihoodProject {id: row.id})
SET n += row.properties
