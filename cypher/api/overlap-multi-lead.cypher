// One page of clauses with more than one lead, optionally in $year and involving $agencyId.
MATCH (a:Assignment)
WHERE ($year IS NULL OR a.year = $year)
  AND COUNT { (a)-[:LED_BY]->(:Agency) } > 1
  AND ($agencyId IS NULL OR EXISTS { MATCH (a)-[:LED_BY]->(lead:Agency) WHERE lead.id = $agencyId })
WITH a ORDER BY a.year, a.documentId, a.start, a.id
WITH collect(a) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
