// The relationships among the nodes of a neighbourhood.
MATCH (a:Node)-[r]->(b:Node)
WHERE a.id IN $ids AND b.id IN $ids
// Parallel edges (two mentions of one entity in one clause) are told apart by their spans, not by store order.
RETURN elementId(r) AS id, type(r) AS type, a.id AS source, b.id AS target, properties(r) AS properties
ORDER BY type, source, target, r.start, r.end, r.documentId, id
