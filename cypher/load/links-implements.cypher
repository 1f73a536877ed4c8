// Writes scored IMPLEMENTS links (clause → same-year work-report paragraph).
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (p:Node {id: row.to})
CREATE (a)-[:IMPLEMENTS {score: row.score}]->(p)
