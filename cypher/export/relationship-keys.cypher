// What an export holds ($documentIds null: the whole graph; else the documents of the
// filter): the documents and the nodes they own (documentId: sections, tasks, clauses,
// passages, livelihood projects), the shared entities one relationship away from them
// (agencies, leaders, indicators, places, companies … that they name, or that a
// relationship of theirs joins, e.g. OVERSEES), and the relationships among those nodes.
// Only :Node nodes are the graph (run records are not exported).
// The property keys of the exported relationships and their value types.
MATCH (s:Node)-[r]->(t:Node)
WHERE ($documentIds IS NULL OR CASE
    WHEN s:Document OR s:Section OR s:Task OR s:Assignment OR s:Passage OR s:LivelihoodProject
      THEN s.documentId IN $documentIds
    ELSE EXISTS {
      MATCH (s)-[link]-(owner:Node)
      WHERE link.documentId IN $documentIds
         OR (owner.documentId IN $documentIds
             AND (owner:Document OR owner:Section OR owner:Task OR owner:Assignment OR owner:Passage OR owner:LivelihoodProject))
    }
  END)
  AND ($documentIds IS NULL OR CASE
    WHEN t:Document OR t:Section OR t:Task OR t:Assignment OR t:Passage OR t:LivelihoodProject
      THEN t.documentId IN $documentIds
    ELSE EXISTS {
      MATCH (t)-[link]-(owner:Node)
      WHERE link.documentId IN $documentIds
         OR (owner.documentId IN $documentIds
             AND (owner:Document OR owner:Section OR owner:Task OR owner:Assignment OR owner:Passage OR owner:LivelihoodProject))
    }
  END)
UNWIND keys(r) AS key
RETURN key, collect(DISTINCT valueType(r[key])) AS types
ORDER BY key
