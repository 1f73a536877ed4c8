// Used by the integration tests: who oversees an agency in a year, and how.
MATCH (leader:Leader)-[o:OVERSEES {year: $year}]->(:Agency {name: $agency})
RETURN leader.name AS leader, o.role AS role
ORDER BY leader
