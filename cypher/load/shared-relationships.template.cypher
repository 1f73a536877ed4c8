// Template, expanded once per type of SHARED_RELATIONSHIP_TYPES (ingest/graph/records.ts)
// into the statement load/shared-relationships:<type>; {{type}} is only ever one of those
// constants.
// Merges {{type}} relationships between shared nodes (an agency OF its jurisdiction, a
// jurisdiction PART_OF its parent): every document states them again, the graph holds one.
UNWIND $rows AS row
MATCH (source:Node {id: row.from})
MATCH (target:Node {id: row.to})
MERGE (source)-[:{{type}}]->(target)
