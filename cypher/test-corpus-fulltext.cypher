// Used by the integration tests: full-text hits for a phrase.
CALL db.index.fulltext.queryNodes('prose_text', $query) YIELD node
RETURN [label IN labels(node) WHERE label <> 'Node'][0] AS label, node.year AS year, node.text AS text, node.documentId AS document
