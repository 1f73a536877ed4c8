// Leader→Agency OVERSEES edges are between shared nodes; they belong to the documents that state them.
UNWIND $documentIds AS documentId
MATCH ()-[r:OVERSEES {documentId: documentId}]->()
DELETE r
