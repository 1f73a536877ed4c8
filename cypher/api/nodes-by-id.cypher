// Nodes by id, any label; a document comes without its full text.
// Batched: $ids, one row per found node with its parentId.
UNWIND $ids AS parentId
MATCH (n:Node {id: parentId})
RETURN parentId,
       n {.*, text: CASE WHEN n:Document THEN null ELSE n.text END, _labels: labels(n)} AS node
