// Every value stated for each indicator, by year, TARGET before ACTUAL. Batched: $ids.
UNWIND $ids AS parentId
MATCH (i:Node {id: parentId})<-[s:STATES]-(d:Document)
RETURN parentId,
       s {.year, .kind, .value, .unit, .measure, .qualifier, .text} AS statement,
       d {.*, text: null, _labels: labels(d)} AS document
ORDER BY s.year, s.kind DESC, d.year, d.id, s.start
