// Used by the integration tests: livelihood projects per year with their lead and responsible counts.
MATCH (p:LivelihoodProject)
RETURN p.year AS year, p.no AS no,
       COUNT { (p)-[:LED_BY]->() } AS leads,
       COUNT { (p)-[:SUPPORTED_BY]->() } AS responsible
ORDER BY year, no
