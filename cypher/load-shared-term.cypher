// Merges shared Term nodes by id; properties given by later documents win.
UNWIND $rows AS row
MERGE (n:Node:Term {id: row.id})
SET n += row.properties
