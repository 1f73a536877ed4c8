// The company, park, project or term ($label) known by $name: the node whose
// id is $id (the label's id prefix and the name) first, else one with $name
// among its aliases. Only the nodes of the four labels are scanned.
CALL () {
  MATCH (n:Node {id: $id}) RETURN n, 0 AS rank
  UNION ALL
  MATCH (n:Company) WHERE $label = 'Company' AND $name IN coalesce(n.aliases, []) RETURN n, 1 AS rank
  UNION ALL
  MATCH (n:Park) WHERE $label = 'Park' AND $name IN coalesce(n.aliases, []) RETURN n, 1 AS rank
  UNION ALL
  MATCH (n:Project) WHERE $label = 'Project' AND $name IN coalesce(n.aliases, []) RETURN n, 1 AS rank
  UNION ALL
  MATCH (n:Term) WHERE $label = 'Term' AND n.name = $name RETURN n, 1 AS rank
}
WITH n, rank WHERE $label IN labels(n)
RETURN n {.*, _labels: labels(n)} AS node
ORDER BY rank, n.id
LIMIT 1
