// One page of the tasks with a clause each agency leads or supports ($relationships).
// Batched: $ids; one row per agency with its total and page.
UNWIND $ids AS parentId
MATCH (agency:Node {id: parentId})
OPTIONAL MATCH (t:Task)-[:HAS_ASSIGNMENT]->(:Assignment)-[r:LED_BY|SUPPORTED_BY]->(agency)
  WHERE type(r) IN $relationships AND ($years IS NULL OR t.year IN $years)
WITH parentId, t ORDER BY t.year, t.documentId, t.start, t.id
WITH parentId, collect(DISTINCT t) AS matched
RETURN parentId, size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
