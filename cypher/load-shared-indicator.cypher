// Merges shared Indicator nodes by id; properties given by later documents win.
UNWIND $rows AS row
MERGE (n:Node:Indicator {id: row.id})
SET n += row.properties
