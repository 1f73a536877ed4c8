// Removes everything the given documents own, their Document nodes included.
UNWIND $documentIds AS documentId
MATCH (n:Node {documentId: documentId})
DETACH DELETE n
