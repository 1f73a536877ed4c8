// The section each task sits in. Batched: $ids.
UNWIND $ids AS parentId
MATCH (t:Node {id: parentId})-[:PART_OF]->(s:Section)
RETURN parentId, s AS section
