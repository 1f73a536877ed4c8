// The last ring of a neighbourhood and the relationships among all its nodes,
// in one round trip: the nodes next to $frontier not yet in $seen, at most
// $limit, ranked as api/neighborhood-expand ranks them, and the edges among
// $seen and the first $room of those nodes, as api/neighborhood-edges gives them.
CALL () {
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
  RETURN collect(n {.*, text: CASE WHEN n:Document THEN null ELSE n.text END, _labels: labels(n)}) AS found
}
WITH found, $seen + [node IN found[0..$room] | node.id] AS ids
CALL (ids) {
  MATCH (a:Node)-[r]->(b:Node)
  WHERE a.id IN ids AND b.id IN ids
  WITH r, a, b ORDER BY type(r), a.id, b.id, r.start, r.end, r.documentId, elementId(r)
  RETURN collect({id: elementId(r), type: type(r), source: a.id, target: b.id, properties: properties(r)}) AS edges
}
RETURN found, edges
