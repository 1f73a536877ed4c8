// Deletes up to $batchSize graph nodes; repeated until nothing is left (kg ingest --reset).
MATCH (n:Node)
WITH n LIMIT $batchSize
DETACH DELETE n
RETURN count(*) AS deleted
