// One page of the agencies overseen by more than one leader in the same year, with the total.
MATCH (leader:Leader)-[o:OVERSEES]->(agency:Agency)
WHERE ($year IS NULL OR o.year = $year) AND ($agencyId IS NULL OR agency.id = $agencyId)
WITH agency, o.year AS year, count(DISTINCT leader) AS leaders,
     collect({leader: leader, agency: agency, role: o.role, year: o.year, aspect: o.aspect, title: o.title,
             written: o.written, documentId: o.documentId, start: o.start, end: o.end}) AS oversights
WHERE leaders > 1
WITH agency, year, oversights
ORDER BY year, agency.name
WITH collect({agency: agency, year: year, oversights: oversights}) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
