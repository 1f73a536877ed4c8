// Used by the integration tests to check that the schema was applied.
SHOW CONSTRAINTS YIELD name RETURN name
