// Batched: $ids of documents or agencies; the jurisdiction each was issued in
// (ISSUED_IN) or is a body of (OF).
UNWIND $ids AS parentId
MATCH (:Node {id: parentId})-[:ISSUED_IN|OF]->(j:Jurisdiction)
RETURN parentId, j AS jurisdiction
