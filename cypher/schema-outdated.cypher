// Constraints an earlier schema.cypher defined otherwise, which its CREATE …
// IF NOT EXISTS would leave as they were: agency_name was on the name alone
// until agencies had a jurisdiction. applySchema runs the statement each row
// names, before schema.cypher recreates the constraint.
SHOW CONSTRAINTS YIELD name, properties
WHERE name = 'agency_name' AND properties = ['name']
RETURN 'schema-drop-agency-name' AS statement
