// The task each clause belongs to. Batched: $ids.
UNWIND $ids AS parentId
MATCH (t:Task)-[:HAS_ASSIGNMENT]->(a:Node {id: parentId})
RETURN parentId, t AS task
