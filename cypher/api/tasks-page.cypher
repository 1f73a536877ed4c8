// One page of tasks by year and document order, with the total, filtered
// (by the jurisdiction their document was issued in, among others).
MATCH (t:Task)
WHERE ($years IS NULL OR t.year IN $years)
  AND ($yearFrom IS NULL OR t.year >= $yearFrom)
  AND ($yearTo IS NULL OR t.year <= $yearTo)
  AND ($documentKind IS NULL OR EXISTS {
        MATCH (d:Node {id: t.documentId}) WHERE d.kind = $documentKind
      })
  AND ($jurisdictionId IS NULL OR EXISTS {
        MATCH (:Node {id: t.documentId})-[:ISSUED_IN]->(:Jurisdiction {id: $jurisdictionId})
      })
  AND ($leadAgencyIds IS NULL OR EXISTS {
        MATCH (t)-[:HAS_ASSIGNMENT]->(:Assignment)-[:LED_BY]->(lead:Agency) WHERE lead.id IN $leadAgencyIds
      })
  AND ($anyAgencyIds IS NULL OR EXISTS {
        MATCH (t)-[:HAS_ASSIGNMENT]->(:Assignment)-[:LED_BY|SUPPORTED_BY]->(named:Agency) WHERE named.id IN $anyAgencyIds
      })
  AND ($text IS NULL OR coalesce(t.title, '') CONTAINS $text OR coalesce(t.text, '') CONTAINS $text OR EXISTS {
        MATCH (t)-[:HAS_ASSIGNMENT]->(a:Assignment) WHERE a.text CONTAINS $text
      })
  AND (NOT $jointOnly OR EXISTS {
        MATCH (t)-[:HAS_ASSIGNMENT]->(a:Assignment) WHERE COUNT { (a)-[:LED_BY]->(:Agency) } > 1
      })
WITH t ORDER BY t.year, t.documentId, t.start, t.id
WITH collect(t) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
