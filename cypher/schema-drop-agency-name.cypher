// Drops agency_name as an earlier schema defined it (see schema-outdated.cypher).
DROP CONSTRAINT agency_name IF EXISTS
