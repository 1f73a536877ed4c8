// The bench's ceiling (bench/ceiling.ts): the corpus' own {{type}}
// relationships, created by one plain UNWIND per batch between nodes looked up by id.
UNWIND $rows AS row
MATCH (source:Node {id: row.from})
MATCH (target:Node {id: row.to})
CREATE (source)-[r:{{type}}]->(target)
SET r += row.properties
RETURN count(*) AS written
