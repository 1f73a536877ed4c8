// Records the current hash of the source file of documents that were skipped
// as unchanged (their file may hold another document that did change).
UNWIND $rows AS row
MATCH (d:Node {id: row.id})
WHERE d:Document
SET d.sourceHash = row.sourceHash
