// Used by the integration tests: agencies a test created.
MATCH (agency:Agency) WHERE agency.id STARTS WITH $prefix
RETURN agency.id AS id ORDER BY id
