// Cross-document links are recomputed over the whole graph after each ingest.
MATCH ()-[r:IMPLEMENTS|CONTINUES]->()
DELETE r
RETURN count(*) AS deleted
