// How many clauses, paragraphs and livelihood projects name each entity, per year, oldest first. Batched: $ids.
UNWIND $ids AS parentId
MATCH (item:Node)-[:MENTIONS]->(:Node {id: parentId})
WHERE item.year IS NOT NULL
RETURN parentId, item.year AS year, count(DISTINCT item) AS count
ORDER BY year
