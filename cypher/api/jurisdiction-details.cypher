// Batched: $ids of jurisdictions; per jurisdiction its parent, the places
// directly within it, how many documents were issued in it and how many
// agencies are of it.
UNWIND $ids AS parentId
MATCH (j:Jurisdiction {id: parentId})
OPTIONAL MATCH (j)-[:PART_OF]->(parent:Jurisdiction)
RETURN parentId,
       parent,
       [(child:Jurisdiction)-[:PART_OF]->(j) | child] AS children,
       COUNT { (:Document)-[:ISSUED_IN]->(j) } AS documentCount,
       COUNT { (:Agency)-[:OF]->(j) } AS agencyCount
