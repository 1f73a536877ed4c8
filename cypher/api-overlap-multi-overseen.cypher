// Agencies overseen by more than one leader in the same year.
MATCH (leader:Leader)-[o:OVERSEES]->(agency:Agency)
WHERE ($year IS NULL OR o.year = $year) AND ($agencyId IS NULL OR agency.id = $agencyId)
WITH agency, o.year AS year, count(DISTINCT leader) AS leaders,
     collect({leader: leader, agency: agency, role: o.role, year: o.year, aspect: o.aspect, title: o.title,
             written: o.written, documentId: o.documentId, start: o.start, end: o.end}) AS oversights
WHERE leaders > 1
RETURN agency, year, oversights
ORDER BY year, agency.name
LIMIT $first
