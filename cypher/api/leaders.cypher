// Leaders by name; with $year only those overseeing an agency that year.
MATCH (l:Leader)
WHERE $year IS NULL OR EXISTS { MATCH (l)-[o:OVERSEES]->(:Agency) WHERE o.year = $year }
RETURN l AS leader
ORDER BY l.name
