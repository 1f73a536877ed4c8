// One page of livelihood projects by year and number, with the total.
MATCH (p:LivelihoodProject)
WHERE $year IS NULL OR p.year = $year
WITH p ORDER BY p.year, p.documentId, p.no, p.id
WITH collect(p) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
