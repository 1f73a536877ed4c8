// A whole neighbourhood in one round trip: the start node, its rings and the
// relationships among all the nodes kept.
//
// $id: the start's id; $formerName: the agency name of an id of before agencies
// had a jurisdiction (agency:市工业和信息化局), else null; it is looked up as
// api/agency-by-name looks up a name alone, only when no node has $id.
// `ambiguous` says that agencies of several places have that name: the caller
// chooses (or refuses) and asks again with the chosen agency's id.
//
// $depth (1–3) rings, at most $limit nodes in all. Each ring takes the nodes
// next to the last ring's (through a Jurisdiction only when it is the start:
// a place is a hub) not yet kept, responsibility and structure before
// provenance and mentions, then by id; a ring before the last takes at most
// half of the room left, so that a hub's first ring cannot crowd out the
// second. `truncated`: some ring had more nodes than room, or the room ran out
// before the last ring. A ring's candidates are capped at $limit (no ring has
// room for more), since LIMIT cannot depend on the room the earlier rings left.
//
// $withProperties (when the operation asks for `properties`): every stored
// property of the nodes (a document without its full text) and of the edges;
// without it only what the display name needs.
OPTIONAL MATCH (byId:Node {id: $id})
CALL (byId) {
  OPTIONAL MATCH (a:Agency)
    WHERE byId IS NULL AND $formerName IS NOT NULL
      AND (a.name = $formerName OR $formerName IN coalesce(a.aliases, []))
  OPTIONAL MATCH (a)-[:OF]->(j:Jurisdiction)
  WITH a, j, CASE WHEN a.name = $formerName THEN 0 ELSE 1 END AS rank
  ORDER BY rank, a.name, a.id
  LIMIT 50
  RETURN collect(a) AS candidates, size(collect(DISTINCT j.id)) AS places
}
WITH coalesce(byId, CASE WHEN places <= 1 THEN candidates[0] END) AS start, byId IS NULL AND places > 1 AS ambiguous
WITH ambiguous, CASE WHEN start IS NULL OR ambiguous THEN [] ELSE [start] END AS kept
WITH ambiguous, kept, [n IN kept | n.id] AS frontier, false AS truncated, size(kept) > 0 AS running

// Ring 1.
WITH ambiguous, kept, frontier, truncated, running AND size(frontier) > 0 AS reach, $limit - size(kept) AS left
WITH ambiguous, kept, frontier, truncated OR (reach AND left <= 0) AS truncated, reach AND left > 0 AS expand, left,
     CASE WHEN 1 < $depth THEN toInteger(ceil(left / 2.0)) ELSE left END AS room, [k IN kept | k.id] AS seen
CALL (seen, frontier, expand) {
  UNWIND CASE WHEN expand THEN frontier ELSE [] END AS fromId
  MATCH (from:Node {id: fromId})-[r]-(n:Node)
  WHERE NOT n.id IN seen
  WITH n, min(CASE
         WHEN type(r) = 'MENTIONS' THEN 2
         WHEN type(r) IN ['PART_OF', 'DEFINES', 'IMPLEMENTS', 'STATES'] THEN 1
         ELSE 0
       END) AS rank
  ORDER BY rank, n.id
  LIMIT $limit
  RETURN collect(n) AS found
}
WITH ambiguous, kept, expand, truncated OR (expand AND size(found) > room) AS truncated, CASE WHEN expand THEN found[0..room] ELSE [] END AS taken
WITH ambiguous, kept + taken AS kept, truncated, expand AS running,
     [n IN taken WHERE NOT (n:Jurisdiction AND NOT (n:Document OR n:Section OR n:Task OR n:Assignment OR n:Passage OR n:LivelihoodProject OR n:Agency OR n:Leader OR n:Company OR n:Park OR n:Project OR n:Term OR n:Indicator)) | n.id] AS frontier

// Ring 2.
WITH ambiguous, kept, frontier, truncated, running AND 2 <= $depth AND size(frontier) > 0 AS reach, $limit - size(kept) AS left
WITH ambiguous, kept, frontier, truncated OR (reach AND left <= 0) AS truncated, reach AND left > 0 AS expand, left,
     CASE WHEN 2 < $depth THEN toInteger(ceil(left / 2.0)) ELSE left END AS room, [k IN kept | k.id] AS seen
CALL (seen, frontier, expand) {
  UNWIND CASE WHEN expand THEN frontier ELSE [] END AS fromId
  MATCH (from:Node {id: fromId})-[r]-(n:Node)
  WHERE NOT n.id IN seen
  WITH n, min(CASE
         WHEN type(r) = 'MENTIONS' THEN 2
         WHEN type(r) IN ['PART_OF', 'DEFINES', 'IMPLEMENTS', 'STATES'] THEN 1
         ELSE 0
       END) AS rank
  ORDER BY rank, n.id
  LIMIT $limit
  RETURN collect(n) AS found
}
WITH ambiguous, kept, expand, truncated OR (expand AND size(found) > room) AS truncated, CASE WHEN expand THEN found[0..room] ELSE [] END AS taken
WITH ambiguous, kept + taken AS kept, truncated, expand AS running,
     [n IN taken WHERE NOT (n:Jurisdiction AND NOT (n:Document OR n:Section OR n:Task OR n:Assignment OR n:Passage OR n:LivelihoodProject OR n:Agency OR n:Leader OR n:Company OR n:Park OR n:Project OR n:Term OR n:Indicator)) | n.id] AS frontier

// Ring 3.
WITH ambiguous, kept, frontier, truncated, running AND 3 <= $depth AND size(frontier) > 0 AS reach, $limit - size(kept) AS left
WITH ambiguous, kept, frontier, truncated OR (reach AND left <= 0) AS truncated, reach AND left > 0 AS expand, left AS room, [k IN kept | k.id] AS seen
CALL (seen, frontier, expand) {
  UNWIND CASE WHEN expand THEN frontier ELSE [] END AS fromId
  MATCH (from:Node {id: fromId})-[r]-(n:Node)
  WHERE NOT n.id IN seen
  WITH n, min(CASE
         WHEN type(r) = 'MENTIONS' THEN 2
         WHEN type(r) IN ['PART_OF', 'DEFINES', 'IMPLEMENTS', 'STATES'] THEN 1
         ELSE 0
       END) AS rank
  ORDER BY rank, n.id
  LIMIT $limit
  RETURN collect(n) AS found
}
WITH ambiguous, kept + CASE WHEN expand THEN found[0..room] ELSE [] END AS kept, truncated OR (expand AND size(found) > room) AS truncated

WITH ambiguous, kept, truncated, [n IN kept | n.id] AS ids
CALL (ids) {
  MATCH (a:Node)-[r]->(b:Node)
  WHERE a.id IN ids AND b.id IN ids
  // Parallel edges (two mentions of one entity in one clause) are told apart by their spans, not by store order.
  WITH r, a, b ORDER BY type(r), a.id, b.id, r.start, r.end, r.documentId, elementId(r)
  RETURN collect({id: elementId(r), type: type(r), source: a.id, target: b.id, properties: CASE WHEN $withProperties THEN properties(r) END}) AS edges
}
RETURN ambiguous, truncated, edges,
       [n IN kept |
         CASE WHEN $withProperties
           THEN n {.*, text: CASE WHEN n:Document THEN null ELSE n.text END, _labels: labels(n)}
           // The display name is the first of name, title, metric, else the start of the text.
           ELSE n {.id, .name, .title, .metric,
                   text: CASE WHEN n:Document OR any(value IN [n.name, n.title, n.metric] WHERE value IS :: STRING AND value <> '') THEN null ELSE n.text END,
                   _labels: labels(n)}
         END] AS nodes
