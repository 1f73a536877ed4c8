// Template, expanded once per type of RELATIONSHIP_TYPES (ingest/graph/records.ts) into
// the statement load/relationships:<type>; {{type}} is only ever one of those constants.
// Creates {{type}} relationships between nodes already written, looked up by id.
UNWIND $rows AS row
MATCH (source:Node {id: row.from})
MATCH (target:Node {id: row.to})
CREATE (source)-[r:{{type}}]->(target)
SET r += row.properties
