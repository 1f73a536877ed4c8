// The full text of documents. Batched: $ids.
UNWIND $ids AS parentId
MATCH (document:Node {id: parentId})
WHERE document:Document
RETURN parentId, document.text AS text
