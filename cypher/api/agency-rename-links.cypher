// Every rename (RENAMED_TO) among each agency's former and later names,
// transitively, oldest first. Batched: $ids.
UNWIND $ids AS parentId
MATCH (agency:Node {id: parentId})-[:RENAMED_TO*0..20]-(member:Agency)
WITH DISTINCT parentId, member
MATCH (member)-[rename:RENAMED_TO]->(successor:Agency)
RETURN parentId, member AS from, successor AS to, rename.year AS year
ORDER BY year, from.name, to.name
