// The agency best matching a name: canonical name, alias, then prefix variants.
// $name is the normalised name asked for, $variants its spellings (name first).
MATCH (a:Agency)
WHERE a.name IN $variants OR any(alias IN coalesce(a.aliases, []) WHERE alias IN $variants)
WITH a,
     CASE
       WHEN a.name = $name THEN 0
       WHEN $name IN coalesce(a.aliases, []) THEN 1
       WHEN a.name IN $variants THEN 2
       ELSE 3
     END AS rank
RETURN a AS agency
ORDER BY rank, a.name
LIMIT 1
