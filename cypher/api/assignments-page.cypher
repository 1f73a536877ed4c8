// One page of task clauses by year and document order, with the total, filtered
// (by the jurisdiction their document was issued in, among others).
// $withLinks (when the operation asks for them): each clause of the page also
// carries its agencies (_agencies, as api/led-and-supported orders them) and its
// task (_task, as api/assignment-task), saving a round trip per level;
// the task's text only with $withTaskText (the operation asks for it): it is
// the largest part of a page otherwise.
// $leadVariants (when not null, $leadAgencyIds is not used): the spellings of a
// lead agency's name ($leadName the one asked for), found as api/agency-by-name
// finds them (in $jurisdictionId when given) and returned as `leads`; the clauses
// are those the best match leads, which is the agency meant unless agencies of
// several places answer to the name (the caller tells from `leads`): saves the
// round trip of looking the agency up first.
CALL () {
  OPTIONAL MATCH (lead:Agency)
  WHERE $leadVariants IS NOT NULL
    AND (lead.name IN $leadVariants OR any(alias IN coalesce(lead.aliases, []) WHERE alias IN $leadVariants))
    AND ($jurisdictionId IS NULL OR EXISTS { MATCH (lead)-[:OF]->(:Jurisdiction {id: $jurisdictionId}) })
  OPTIONAL MATCH (lead)-[:OF]->(place:Jurisdiction)
  WITH lead, place,
       CASE
         WHEN lead.name = $leadName THEN 0
         WHEN $leadName IN coalesce(lead.aliases, []) THEN 1
         WHEN lead.name IN $leadVariants THEN 2
         ELSE 3
       END AS rank
  ORDER BY rank, lead.name, lead.id
  LIMIT 50
  RETURN collect(CASE WHEN lead IS NOT NULL THEN {agency: lead, rank: rank, jurisdiction: place} END) AS leads
}
WITH leads, CASE WHEN $leadVariants IS NULL THEN $leadAgencyIds ELSE [lead IN leads[0..1] | lead.agency.id] END AS leadAgencyIds
CALL (leadAgencyIds) {
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
    AND (leadAgencyIds IS NULL OR EXISTS {
          MATCH (a)-[:LED_BY]->(lead:Agency) WHERE lead.id IN leadAgencyIds
        })
    AND ($anyAgencyIds IS NULL OR EXISTS {
          MATCH (a)-[:LED_BY|SUPPORTED_BY]->(named:Agency) WHERE named.id IN $anyAgencyIds
        })
    AND ($text IS NULL OR a.text CONTAINS $text)
    AND (NOT $jointOnly OR COUNT { (a)-[:LED_BY]->(:Agency) } > 1)
  WITH a ORDER BY a.year, a.documentId, a.start, a.id
  WITH collect(a) AS matched
  RETURN size(matched) AS totalCount,
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
}
RETURN leads, totalCount, page
