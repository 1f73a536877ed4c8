// One page of documents by year then id, with the total; documents come without their full text.
MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind)
  AND ($years IS NULL OR d.year IN $years)
  AND ($yearFrom IS NULL OR d.year >= $yearFrom)
  AND ($yearTo IS NULL OR d.year <= $yearTo)
  AND ($titleContains IS NULL OR coalesce(d.title, '') CONTAINS $titleContains)
WITH d ORDER BY d.year, d.id
WITH collect(d) AS matched
RETURN size(matched) AS totalCount,
       [d IN matched[$skip..($skip + $first)] | d {.*, text: null, _labels: labels(d)}] AS page
