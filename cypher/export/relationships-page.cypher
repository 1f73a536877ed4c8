// What an export holds ($documentIds null: the whole graph; else the documents of the
// filter): the documents and the nodes they own (documentId: sections, tasks, clauses,
// passages, livelihood projects), the shared entities one relationship away from them
// (agencies, leaders, indicators, places, companies … that they name, or that a
// relationship of theirs joins, e.g. OVERSEES), and the relationships among those nodes.
// Only :Node nodes are the graph (run records are not exported).
// The outgoing relationships of one page of exported nodes after $after in id order
// (keyset pagination on :Node(id), as nodes-page): one row per source node, so that
// the next page starts after the last source even when it has no relationships.
MATCH (s:Node)
WHERE s.id > $after
  AND ($documentIds IS NULL OR CASE
    WHEN s:Document OR s:Section OR s:Task OR s:Assignment OR s:Passage OR s:LivelihoodProject
      THEN s.documentId IN $documentIds
    ELSE EXISTS {
      MATCH (s)-[link]-(owner:Node)
      WHERE link.documentId IN $documentIds
         OR (owner.documentId IN $documentIds
             AND (owner:Document OR owner:Section OR owner:Task OR owner:Assignment OR owner:Passage OR owner:LivelihoodProject))
    }
  END)
WITH s
ORDER BY s.id
LIMIT $limit
CALL (s) {
  OPTIONAL MATCH (s)-[r]->(t:Node)
  WHERE ($documentIds IS NULL OR CASE
    WHEN t:Document OR t:Section OR t:Task OR t:Assignment OR t:Passage OR t:LivelihoodProject
      THEN t.documentId IN $documentIds
    ELSE EXISTS {
      MATCH (t)-[link]-(owner:Node)
      WHERE link.documentId IN $documentIds
         OR (owner.documentId IN $documentIds
             AND (owner:Document OR owner:Section OR owner:Task OR owner:Assignment OR owner:Passage OR owner:LivelihoodProject))
    }
  END)
  WITH r, t
  ORDER BY type(r), t.id
  // collect leaves out the null of a source without relationships.
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {type: type(r), target: t.id, properties: properties(r)} END) AS relationships
}
RETURN s.id AS id, relationships
