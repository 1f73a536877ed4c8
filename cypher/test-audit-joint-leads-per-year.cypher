// Task clauses with two or more lead agencies, counted per year: the audit's joint-lead totals, by Cypher alone.
MATCH (a:Assignment)-[:LED_BY]->(lead:Agency)
WITH a, count(DISTINCT lead) AS leads
WHERE leads >= 2
RETURN a.year AS year, count(a) AS clauses
ORDER BY year
