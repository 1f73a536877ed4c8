// Creates DEFINES relationships between nodes already written, looked up by id.
UNWIND $rows AS row
MATCH (source:Node {id: row.from})
MATCH (target:Node {id: row.to})
CREATE (source)-[r:DEFINES]->(target)
SET r += row.properties
