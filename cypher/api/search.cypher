// Full-text search over prose ($query is an escaped Lucene phrase), filtered by
// label ($labels) and year ($years), best first, with the owning document.
CALL db.index.fulltext.queryNodes('prose_text', $query) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
OPTIONAL MATCH (owner:Node {id: node.documentId})
WITH node, score, coalesce(owner, head([(definer:Document)-[:DEFINES]->(node) | definer])) AS document
WITH node, score, document, coalesce(node.year, document.year) AS year
WHERE $years IS NULL OR year IN $years
RETURN node {.*, _labels: labels(node)} AS node,
       score,
       year,
       CASE WHEN document IS NULL THEN null ELSE document {.*, text: null, _labels: labels(document)} END AS document
ORDER BY score DESC, node.id
LIMIT $first
