// Agencies each leader oversees, optionally in $year. Batched: $ids.
UNWIND $ids AS parentId
MATCH (leader:Node {id: parentId})-[o:OVERSEES]->(agency:Agency)
WHERE $year IS NULL OR o.year = $year
RETURN parentId, leader, agency, o.role AS role, o.year AS year, o.aspect AS aspect, o.title AS title,
       o.written AS written, o.documentId AS documentId, o.start AS start, o.end AS end
ORDER BY o.year, o.start, agency.name
