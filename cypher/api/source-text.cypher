// The source text of spans. Batched: each of $ids is documentId, start and end
// joined by $separator; returns the document text between start and end.
UNWIND $ids AS parentId
WITH parentId, split(parentId, $separator) AS parts
MATCH (document:Node {id: parts[0]})
WITH parentId, document, toInteger(parts[1]) AS start, toInteger(parts[2]) AS end
RETURN parentId, substring(document.text, start, end - start) AS text
