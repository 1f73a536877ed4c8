// Used by the integration tests: nodes owned by one document.
MATCH (n:Node {documentId: $documentId}) RETURN count(n) AS count
