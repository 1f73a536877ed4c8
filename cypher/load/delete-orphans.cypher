// Shared entities that no document refers to any more (renames alone do not keep them).
MATCH (n:Node)
WHERE (n:Agency OR n:Leader OR n:Company OR n:Park OR n:Project OR n:Term OR n:Indicator)
  AND NOT EXISTS { (n)-[r]-() WHERE type(r) <> 'RENAMED_TO' }
DETACH DELETE n
RETURN count(*) AS deleted
