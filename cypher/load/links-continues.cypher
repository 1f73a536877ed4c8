// Writes scored CONTINUES links (clause → the same work in an earlier year).
UNWIND $rows AS row
MATCH (later:Node {id: row.from})
MATCH (earlier:Node {id: row.to})
CREATE (later)-[:CONTINUES {score: row.score}]->(earlier)
