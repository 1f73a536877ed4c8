// One page of documents by year then id (documents that state no year last),
// with the total; documents come without their full text. $yearUnknown true
// keeps only documents without a year, false only those with one.
MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind)
  AND ($yearUnknown IS NULL OR $yearUnknown = (d.year IS NULL))
  AND ($jurisdictionId IS NULL OR EXISTS { MATCH (d)-[:ISSUED_IN]->(:Jurisdiction {id: $jurisdictionId}) })
  AND ($years IS NULL OR d.year IN $years)
  AND ($yearFrom IS NULL OR d.year >= $yearFrom)
  AND ($yearTo IS NULL OR d.year <= $yearTo)
  AND ($titleContains IS NULL OR coalesce(d.title, '') CONTAINS $titleContains)
WITH d ORDER BY d.year, d.id
WITH collect(d) AS matched
RETURN size(matched) AS totalCount,
       [d IN matched[$skip..($skip + $first)] | d {.*, text: null, _labels: labels(d)}] AS page
