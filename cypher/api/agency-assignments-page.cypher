// One page of the clauses each agency leads or supports ($relationships: LED_BY and/or SUPPORTED_BY).
// Batched: $ids; one row per agency with its total and page.
// $withLinks (when the operation asks for them): each clause of the page also
// carries its agencies (_agencies, as api/led-and-supported orders them) and its
// task (_task, as api/assignment-task), saving a round trip per level;
// the task's text only with $withTaskText (the operation asks for it): it is
// the largest part of a page otherwise.
UNWIND $ids AS parentId
MATCH (agency:Node {id: parentId})
OPTIONAL MATCH (a:Assignment)-[r:LED_BY|SUPPORTED_BY]->(agency)
  WHERE type(r) IN $relationships AND ($years IS NULL OR a.year IN $years)
WITH parentId, a ORDER BY a.year, a.documentId, a.start, a.id
WITH parentId, collect(DISTINCT a) AS matched
RETURN parentId, size(matched) AS totalCount,
       [a IN matched[$skip..($skip + $first)] |
         CASE WHEN $withLinks THEN a {
           .*,
           _labels: labels(a),
           _agencies: COLLECT {
             MATCH (a)-[link:LED_BY|SUPPORTED_BY]->(agency:Agency)
             RETURN {relationship: type(link), role: link.role, inferred: coalesce(link.inferred, false), agency: agency} ORDER BY link.start, agency.name
           },
           _task: COLLECT {
             MATCH (task:Task)-[:HAS_ASSIGNMENT]->(a)
             RETURN CASE WHEN $withTaskText THEN task ELSE task {.*, text: null, _labels: labels(task)} END AS task
           }
         } ELSE a END] AS page
