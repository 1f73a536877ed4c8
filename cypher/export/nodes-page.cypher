// What an export holds ($documentIds null: the whole graph; else the documents of the
// filter): the documents and the nodes they own (documentId: sections, tasks, clauses,
// passages, livelihood projects), the shared entities one relationship away from them
// (agencies, leaders, indicators, places, companies … that they name, or that a
// relationship of theirs joins, e.g. OVERSEES), and the relationships among those nodes.
// Only :Node nodes are the graph (run records are not exported).
// One page of exported nodes after $after in id order (keyset pagination on the unique
// :Node(id) index, so every page costs the same however deep it is). A Document's full
// text only with $withText: it is most of the bytes of the graph.
MATCH (n:Node)
WHERE n.id > $after
  AND ($documentIds IS NULL OR CASE
    WHEN n:Document OR n:Section OR n:Task OR n:Assignment OR n:Passage OR n:LivelihoodProject
      THEN n.documentId IN $documentIds
    ELSE EXISTS {
      MATCH (n)-[link]-(owner:Node)
      WHERE link.documentId IN $documentIds
         OR (owner.documentId IN $documentIds
             AND (owner:Document OR owner:Section OR owner:Task OR owner:Assignment OR owner:Passage OR owner:LivelihoodProject))
    }
  END)
WITH n
ORDER BY n.id
LIMIT $limit
RETURN n.id AS id,
       [label IN labels(n) WHERE label <> 'Node'] AS labels,
       n {.*, id: null, text: CASE WHEN $withText OR NOT n:Document THEN n.text END} AS properties
