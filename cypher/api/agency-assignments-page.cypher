// One page of the clauses each agency leads or supports ($relationships: LED_BY and/or SUPPORTED_BY).
// Batched: $ids; one row per agency with its total and page.
UNWIND $ids AS parentId
MATCH (agency:Node {id: parentId})
OPTIONAL MATCH (a:Assignment)-[r:LED_BY|SUPPORTED_BY]->(agency)
  WHERE type(r) IN $relationships AND ($years IS NULL OR a.year IN $years)
WITH parentId, a ORDER BY a.year, a.documentId, a.start, a.id
WITH parentId, collect(DISTINCT a) AS matched
RETURN parentId, size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
