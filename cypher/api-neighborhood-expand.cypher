// One ring of a neighbourhood: nodes next to $frontier not yet in $seen, at most $limit.
UNWIND $frontier AS fromId
MATCH (from:Node {id: fromId})--(n:Node)
WHERE NOT n.id IN $seen
WITH DISTINCT n
ORDER BY n.id
LIMIT $limit
RETURN n {.*, text: CASE WHEN n:Document THEN null ELSE n.text END, _labels: labels(n)} AS node
