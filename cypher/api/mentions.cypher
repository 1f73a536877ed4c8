// What each clause, passage or project mentions, in the order written. Batched: $ids.
UNWIND $ids AS parentId
MATCH (x:Node {id: parentId})-[m:MENTIONS]->(entity:Node)
RETURN parentId, entity {.*, _labels: labels(entity)} AS entity
ORDER BY m.start, entity.id
