// Leader→Agency OVERSEES edges are between shared nodes; they belong to the document that states them.
MATCH ()-[r:OVERSEES {documentId: $documentId}]->()
DELETE r
