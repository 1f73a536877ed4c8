// kg ingest --reset: the run records go with the graph they describe.
MATCH (n)
WHERE n:IngestFile OR n:IngestState
DETACH DELETE n
RETURN count(*) AS deleted
