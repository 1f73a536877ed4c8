// Used by the integration tests: statements about one metric.
MATCH (d:Document)-[s:STATES]->(:Indicator {metric: $metric})
RETURN s.year AS year, s.kind AS kind, s.value AS value, s.measure AS measure, s.qualifier AS qualifier, d.id AS document
ORDER BY year, kind, document
