// One page of the companies, parks, projects or terms ($label) by name, with
// the total; filtered by part of the name or an alias ($nameContains) and by
// the years of the prose that names them ($years).
CALL () {
  MATCH (n:Company) WHERE $label = 'Company' RETURN n
  UNION ALL
  MATCH (n:Park) WHERE $label = 'Park' RETURN n
  UNION ALL
  MATCH (n:Project) WHERE $label = 'Project' RETURN n
  UNION ALL
  MATCH (n:Term) WHERE $label = 'Term' RETURN n
}
WITH n
WHERE ($nameContains IS NULL OR any(written IN coalesce(n.aliases, []) + n.name WHERE written CONTAINS $nameContains))
  AND ($years IS NULL OR EXISTS {
        MATCH (item:Node)-[:MENTIONS]->(n)
        WHERE item.year IN $years
      })
WITH n ORDER BY n.name, n.id
WITH collect(n) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
