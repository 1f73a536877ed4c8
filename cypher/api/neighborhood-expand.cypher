// One ring of a neighbourhood: nodes next to $frontier not yet in $seen, at most $limit.
// Responsibility and structure come before provenance and mentions, so that a
// cut ring keeps an agency's clauses and leaders rather than the prose naming it.
UNWIND $frontier AS fromId
MATCH (from:Node {id: fromId})-[r]-(n:Node)
WHERE NOT n.id IN $seen
WITH n, min(CASE
       WHEN type(r) = 'MENTIONS' THEN 2
       WHEN type(r) IN ['PART_OF', 'DEFINES', 'IMPLEMENTS', 'STATES'] THEN 1
       ELSE 0
     END) AS rank
ORDER BY rank, n.id
LIMIT $limit
RETURN n {.*, text: CASE WHEN n:Document THEN null ELSE n.text END, _labels: labels(n)} AS node
