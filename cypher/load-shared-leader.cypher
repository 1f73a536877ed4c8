// Merges shared Leader nodes by id; properties given by later documents win.
UNWIND $rows AS row
MERGE (n:Node:Leader {id: row.id})
SET n += row.properties
