// One page of the pairs of agencies leading the same clauses, most frequent first, with the total.
MATCH (x:Agency)<-[:LED_BY]-(a:Assignment)-[:LED_BY]->(y:Agency)
WHERE x.name < y.name
  AND ($year IS NULL OR a.year = $year)
  AND ($agencyId IS NULL OR x.id = $agencyId OR y.id = $agencyId)
WITH x, y, count(DISTINCT a) AS count, collect(DISTINCT a.year) AS years
ORDER BY count DESC, x.name, y.name
WITH collect({first: x, second: y, count: count, years: years}) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
