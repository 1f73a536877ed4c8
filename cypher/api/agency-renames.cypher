// Rename links of agencies. Batched: $ids.
UNWIND $ids AS parentId
MATCH (a:Node {id: parentId})
RETURN parentId,
       head([(a)-[r:RENAMED_TO]->(next:Agency) | {agency: next, year: r.year}]) AS renamedTo,
       [(previous:Agency)-[:RENAMED_TO]->(a) | previous] AS renamedFrom,
       head([(a)-[:RENAMED_TO*1..20]->(last:Agency) WHERE NOT (last)-[:RENAMED_TO]->() | last]) AS current
