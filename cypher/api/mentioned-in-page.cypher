// One page of the places where each entity is named (MENTIONS from a clause,
// paragraph or livelihood project), by year, document and place in the text,
// with the total; $years keeps only those years. Batched: $ids.
UNWIND $ids AS parentId
MATCH (entity:Node {id: parentId})
OPTIONAL MATCH (item:Node)-[mention:MENTIONS]->(entity)
  WHERE $years IS NULL OR item.year IN $years
WITH parentId, item, mention ORDER BY item.year, item.documentId, mention.start, item.id
WITH parentId, collect(CASE WHEN mention IS NULL THEN null ELSE {item: item, mention: mention} END) AS matched
CALL (matched) {
  UNWIND matched[$skip..($skip + $first)] AS hit
  WITH hit, hit.item AS item, hit.mention AS mention
  RETURN collect({
    item: item {.*, _labels: labels(item)},
    written: mention.written,
    start: mention.start,
    end: mention.end,
    documentId: item.documentId,
    year: item.year
  }) AS page
}
RETURN parentId, size(matched) AS totalCount, page
