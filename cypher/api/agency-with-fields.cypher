// The agencies matching a name, best first, as api/agency-by-name gives them;
// the best of them (the one meant unless agencies of several places answer to
// the name) also carries the fields the operation asks for, saving a round trip:
// $withYearSummary: `yearSummary`, its rows as api/agency-year-summary gives them;
// $withAssignments: `assignments`, its page of clauses as api/agency-assignments-page
// gives it ($relationships, $years, $skip, $first, $withLinks, $withTaskText as there).
MATCH (a:Agency)
WHERE (a.name IN $variants OR any(alias IN coalesce(a.aliases, []) WHERE alias IN $variants))
  AND ($jurisdictionId IS NULL OR EXISTS { MATCH (a)-[:OF]->(:Jurisdiction {id: $jurisdictionId}) })
OPTIONAL MATCH (a)-[:OF]->(j:Jurisdiction)
WITH a, j,
     CASE
       WHEN a.name = $name THEN 0
       WHEN $name IN coalesce(a.aliases, []) THEN 1
       WHEN a.name IN $variants THEN 2
       ELSE 3
     END AS rank
ORDER BY rank, a.name, a.id
LIMIT 50
WITH collect({agency: a, rank: rank, jurisdiction: j}) AS candidates
WITH candidates, candidates[0].agency AS best
CALL (best) {
  WITH best WHERE best IS NOT NULL AND $withYearSummary
  CALL (best) {
    MATCH (a:Assignment)-[:LED_BY]->(best)
    RETURN a.year AS year, 'lead' AS measure, count(DISTINCT a) AS count
    UNION ALL
    MATCH (a:Assignment)-[:LED_BY]->(best)
    WHERE COUNT { (a)-[:LED_BY]->(:Agency) } > 1
    RETURN a.year AS year, 'jointLead' AS measure, count(DISTINCT a) AS count
    UNION ALL
    MATCH (p:LivelihoodProject)-[:LED_BY]->(best)
    RETURN p.year AS year, 'livelihoodLead' AS measure, count(DISTINCT p) AS count
    UNION ALL
    MATCH (a:Assignment)-[:SUPPORTED_BY]->(best)
    RETURN a.year AS year, 'support' AS measure, count(DISTINCT a) AS count
    UNION ALL
    MATCH (p:LivelihoodProject)-[:SUPPORTED_BY]->(best)
    RETURN p.year AS year, 'livelihoodSupport' AS measure, count(DISTINCT p) AS count
  }
  RETURN collect({year: year, measure: measure, count: count}) AS yearSummary
}
CALL (best) {
  WITH best WHERE best IS NOT NULL AND $withAssignments
  OPTIONAL MATCH (a:Assignment)-[r:LED_BY|SUPPORTED_BY]->(best)
    WHERE type(r) IN $relationships AND ($years IS NULL OR a.year IN $years)
  WITH a ORDER BY a.year, a.documentId, a.start, a.id
  WITH collect(DISTINCT a) AS matched
  RETURN {
    totalCount: size(matched),
    page: [a IN matched[$skip..($skip + $first)] |
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
      } ELSE a END]
  } AS assignments
}
UNWIND range(0, size(candidates) - 1) AS index
WITH index, candidates[index] AS candidate, yearSummary, assignments
RETURN candidate.agency AS agency, candidate.rank AS rank, candidate.jurisdiction AS jurisdiction,
       CASE WHEN index = 0 THEN yearSummary END AS yearSummary,
       CASE WHEN index = 0 THEN assignments END AS assignments
ORDER BY index
