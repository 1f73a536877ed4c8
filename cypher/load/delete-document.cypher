// Removes everything a document owns, the Document node included.
MATCH (n:Node {documentId: $documentId})
DETACH DELETE n
