// Agency renames across years, between agencies that both appear in the graph.
UNWIND $rows AS row
MATCH (old:Node {id: row.from}) WHERE old:Agency
MATCH (new:Node {id: row.to}) WHERE new:Agency
MERGE (old)-[r:RENAMED_TO]->(new)
SET r.year = row.year
