// Lead and supporting agencies of clauses or livelihood projects, in the order written. Batched: $ids.
UNWIND $ids AS parentId
MATCH (x:Node {id: parentId})-[r:LED_BY|SUPPORTED_BY]->(agency:Agency)
RETURN parentId, type(r) AS relationship, r.role AS role, coalesce(r.inferred, false) AS inferred, agency
ORDER BY r.start, agency.name
