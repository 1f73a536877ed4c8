// Agencies leading the same clauses as each agency, optionally in $year. Batched: $ids.
UNWIND $ids AS parentId
MATCH (agency:Node {id: parentId})<-[:LED_BY]-(a:Assignment)-[:LED_BY]->(other:Agency)
WHERE other <> agency AND ($year IS NULL OR a.year = $year)
WITH parentId, other, count(DISTINCT a) AS count
RETURN parentId, other AS agency, count
ORDER BY count DESC, other.name
