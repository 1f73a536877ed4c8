// Used by the integration tests: clauses led by one agency, per year.
MATCH (a:Assignment)-[:LED_BY]->(:Agency {name: $agency})
RETURN a.year AS year, count(DISTINCT a) AS count
ORDER BY year
