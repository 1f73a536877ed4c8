// Cross-document links of each clause: implemented passages, earlier and later clauses. Batched: $ids.
UNWIND $ids AS parentId
MATCH (a:Node {id: parentId})
RETURN parentId,
       [(a)-[r:IMPLEMENTS]->(p:Passage) | p] AS implements,
       [(a)-[:CONTINUES]->(earlier:Assignment) | earlier] AS continues,
       [(later:Assignment)-[:CONTINUES]->(a) | later] AS continuedBy
