// The clauses of each task, in order. Batched: $ids.
UNWIND $ids AS parentId
MATCH (t:Node {id: parentId})-[h:HAS_ASSIGNMENT]->(a:Assignment)
RETURN parentId, a AS assignment
ORDER BY coalesce(h.ordinal, a.ordinal), a.start, a.id
