// One page of agencies by name, with the total, filtered by name part, kind,
// jurisdiction (the agencies OF it) and active years.
MATCH (a:Agency)
WHERE ($nameContains IS NULL OR any(written IN coalesce(a.aliases, []) + a.name WHERE written CONTAINS $nameContains))
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($jurisdictionId IS NULL OR EXISTS { MATCH (a)-[:OF]->(:Jurisdiction {id: $jurisdictionId}) })
  AND ($years IS NULL OR EXISTS {
        MATCH (a)<-[:LED_BY|SUPPORTED_BY]-(work)
        WHERE work.year IN $years
      })
WITH a ORDER BY a.name, a.jurisdiction, a.id
WITH collect(a) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
