// Full-text search over prose ($query is an escaped Lucene phrase), filtered by
// label ($labels) and year ($years), best first, with the owning document. One
// row: the number of hits and the page of rows $skip … $skip + $first - 1.
CALL db.index.fulltext.queryNodes('prose_text', $query) YIELD node, score
WHERE $labels IS NULL OR any(label IN labels(node) WHERE label IN $labels)
OPTIONAL MATCH (owner:Node {id: node.documentId})
WITH node, score, coalesce(owner, head([(definer:Document)-[:DEFINES]->(node) | definer])) AS document
WITH node, score, document, coalesce(node.year, document.year) AS year
WHERE $years IS NULL OR year IN $years
WITH node, score, document, year ORDER BY score DESC, node.id
WITH collect({node: node, score: score, year: year, document: document}) AS hits
CALL (hits) {
  UNWIND hits[$skip..($skip + $first)] AS hit
  WITH hit, hit.node AS node, hit.document AS document
  RETURN collect({
    node: node {.*, _labels: labels(node)},
    score: hit.score,
    year: hit.year,
    document: CASE WHEN document IS NULL THEN null ELSE document {.*, text: null, _labels: labels(document)} END
  }) AS page
}
RETURN size(hits) AS totalCount, page
