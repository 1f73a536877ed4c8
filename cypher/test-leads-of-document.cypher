// Used by the integration tests: lead agencies of a document's clauses.
MATCH (:Node {documentId: $documentId})-[:LED_BY]->(agency:Agency)
RETURN DISTINCT agency.name AS name
