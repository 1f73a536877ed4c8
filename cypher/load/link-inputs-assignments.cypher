// Every task-division clause, for computing IMPLEMENTS and CONTINUES links.
MATCH (a:Assignment)
RETURN a.id AS id, a.year AS year, a.text AS text
ORDER BY a.id
