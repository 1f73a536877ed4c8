// Used by the integration tests: counts the probe nodes one test wrote.
MATCH (n:TestProbe {marker: $marker}) RETURN count(n) AS count
