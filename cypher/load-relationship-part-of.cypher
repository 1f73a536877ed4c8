// Creates PART_OF relationships between nodes already written, looked up by id.
UNWIND $rows AS row
MATCH (source:Node {id: row.from})
MATCH (target:Node {id: row.to})
CREATE (source)-[r:PART_OF]->(target)
SET r += row.properties
