// The agencies matching a name, best first: canonical name, alias, then prefix
// variants. $name is the normalised name asked for, $variants its spellings
// (name first); $jurisdictionId, when given, keeps only that place's agencies.
// Each row carries the agency's jurisdiction, so that the caller can tell a
// name two places share (市财政局) and report it as ambiguous.
MATCH (a:Agency)
WHERE (a.name IN $variants OR any(alias IN coalesce(a.aliases, []) WHERE alias IN $variants))
  AND ($jurisdictionId IS NULL OR EXISTS { MATCH (a)-[:OF]->(:Jurisdiction {id: $jurisdictionId}) })
OPTIONAL MATCH (a)-[:OF]->(j:Jurisdiction)
WITH a, j,
     CASE
       WHEN a.name = $name THEN 0
       WHEN $name IN coalesce(a.aliases, []) THEN 1
       WHEN a.name IN $variants THEN 2
       ELSE 3
     END AS rank
RETURN a AS agency, rank, j AS jurisdiction
ORDER BY rank, a.name, a.id
LIMIT 50
