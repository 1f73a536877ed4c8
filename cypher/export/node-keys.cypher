// What an export holds ($documentIds null: the whole graph; else the documents of the
// filter): the documents and the nodes they own (documentId: sections, tasks, clauses,
// passages, livelihood projects), the shared entities one relationship away from them
// (agencies, leaders, indicators, places, companies … that they name, or that a
// relationship of theirs joins, e.g. OVERSEES), and the relationships among those nodes.
// Only :Node nodes are the graph (run records are not exported).
// The property keys of the exported nodes and their value types (valueType), for the
// GraphML keys and the CSV header; `id` is the node's id, a Document's text only with
// $withText.
MATCH (n:Node)
WHERE ($documentIds IS NULL OR CASE
    WHEN n:Document OR n:Section OR n:Task OR n:Assignment OR n:Passage OR n:LivelihoodProject
      THEN n.documentId IN $documentIds
    ELSE EXISTS {
      MATCH (n)-[link]-(owner:Node)
      WHERE link.documentId IN $documentIds
         OR (owner.documentId IN $documentIds
             AND (owner:Document OR owner:Section OR owner:Task OR owner:Assignment OR owner:Passage OR owner:LivelihoodProject))
    }
  END)
UNWIND keys(n) AS key
WITH n, key
WHERE key <> 'id' AND ($withText OR NOT (key = 'text' AND n:Document))
RETURN key, collect(DISTINCT valueType(n[key])) AS types
ORDER BY key
