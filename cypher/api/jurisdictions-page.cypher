// One page of jurisdictions, highest level first, then by full name, with the
// total; filtered by level, part of the name, and the place they lie within.
MATCH (j:Jurisdiction)
WHERE ($level IS NULL OR j.level = $level)
  AND ($nameContains IS NULL OR j.name CONTAINS $nameContains OR coalesce(j.fullName, '') CONTAINS $nameContains)
  AND ($withinId IS NULL OR EXISTS { MATCH (j)-[:PART_OF*1..6]->(:Jurisdiction {id: $withinId}) })
WITH j,
     CASE j.level WHEN 'national' THEN 0 WHEN 'province' THEN 1 WHEN 'city' THEN 2 WHEN 'district' THEN 3 WHEN 'county' THEN 3 ELSE 4 END AS rank
ORDER BY rank, j.fullName, j.id
WITH collect(j) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
