// Per agency and year: clauses led, led jointly (with another lead), livelihood projects led, clauses and projects supported.
// Batched: $ids; one row per agency, year and measure.
UNWIND $ids AS parentId
MATCH (agency:Node {id: parentId})
CALL {
  WITH agency
  MATCH (a:Assignment)-[:LED_BY]->(agency)
  RETURN a.year AS year, 'lead' AS measure, count(DISTINCT a) AS count
  UNION ALL
  WITH agency
  MATCH (a:Assignment)-[:LED_BY]->(agency)
  WHERE COUNT { (a)-[:LED_BY]->(:Agency) } > 1
  RETURN a.year AS year, 'jointLead' AS measure, count(DISTINCT a) AS count
  UNION ALL
  WITH agency
  MATCH (p:LivelihoodProject)-[:LED_BY]->(agency)
  RETURN p.year AS year, 'livelihoodLead' AS measure, count(DISTINCT p) AS count
  UNION ALL
  WITH agency
  MATCH (a:Assignment)-[:SUPPORTED_BY]->(agency)
  RETURN a.year AS year, 'support' AS measure, count(DISTINCT a) AS count
  UNION ALL
  WITH agency
  MATCH (p:LivelihoodProject)-[:SUPPORTED_BY]->(agency)
  RETURN p.year AS year, 'livelihoodSupport' AS measure, count(DISTINCT p) AS count
}
RETURN parentId, year, measure, count
