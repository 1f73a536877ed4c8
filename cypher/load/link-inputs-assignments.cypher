// Every task-division clause with a year, for computing IMPLEMENTS and CONTINUES
// links (a clause of a document that states no year is linked to no year).
MATCH (a:Assignment)
WHERE a.year IS NOT NULL
RETURN a.id AS id, a.year AS year, a.text AS text
ORDER BY a.id
