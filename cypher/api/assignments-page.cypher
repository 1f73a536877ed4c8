// One page of task clauses by year and document order, with the total, filtered
// (by the jurisdiction their document was issued in, among others).
MATCH (a:Assignment)
WHERE ($years IS NULL OR a.year IN $years)
  AND ($yearFrom IS NULL OR a.year >= $yearFrom)
  AND ($yearTo IS NULL OR a.year <= $yearTo)
  AND ($documentKind IS NULL OR EXISTS {
        MATCH (d:Node {id: a.documentId}) WHERE d.kind = $documentKind
      })
  AND ($jurisdictionId IS NULL OR EXISTS {
        MATCH (:Node {id: a.documentId})-[:ISSUED_IN]->(:Jurisdiction {id: $jurisdictionId})
      })
  AND ($leadAgencyIds IS NULL OR EXISTS {
        MATCH (a)-[:LED_BY]->(lead:Agency) WHERE lead.id IN $leadAgencyIds
      })
  AND ($anyAgencyIds IS NULL OR EXISTS {
        MATCH (a)-[:LED_BY|SUPPORTED_BY]->(named:Agency) WHERE named.id IN $anyAgencyIds
      })
  AND ($text IS NULL OR a.text CONTAINS $text)
  AND (NOT $jointOnly OR COUNT { (a)-[:LED_BY]->(:Agency) } > 1)
WITH a ORDER BY a.year, a.documentId, a.start, a.id
WITH collect(a) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
