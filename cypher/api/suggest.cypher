// Type-ahead over the names and aliases of the entities whose label is in
// $labels, through the full-text index entity_names (cypher/schema.cypher):
// $query is the Lucene wildcard *stem* over whole names (keyword analyzer),
// built by api/resolvers/suggest.ts, so Lucene walks the index's dictionary
// of distinct names instead of Cypher reading every entity. $stem is the
// typed $prefix without a city prefix such as 柳州市, a suffix of $prefix, so
// whatever contains $prefix contains $stem. Ranking: exact matches (any of
// $variants) first, then those starting with the text, then the rest; a
// name before an alias; within a rank the types take turns, shorter names
// first. At most $first.
CALL db.index.fulltext.queryNodes('entity_names', $query) YIELD node AS n
WITH n, [label IN labels(n) WHERE label IN $labels][0] AS label
WHERE label IS NOT NULL
WITH n, label, coalesce(n.name, n.metric) AS name
WITH n, label, name, [written IN [name] + coalesce(n.aliases, []) WHERE written CONTAINS $stem] AS hits
WHERE size(hits) > 0
WITH n, label, name, [written IN hits | {
       written: written,
       rank: CASE
               WHEN written IN $variants THEN 0
               WHEN written STARTS WITH $prefix OR written STARTS WITH $stem THEN 2
               ELSE 4
             END + CASE WHEN written = name THEN 0 ELSE 1 END
     }] AS ranked
WITH n, label, name, reduce(best = head(ranked), candidate IN ranked | CASE WHEN candidate.rank < best.rank THEN candidate ELSE best END) AS best
ORDER BY best.rank, size(name), name, n.id
// Within a rank the types take turns, so that short park names cannot crowd out every agency.
WITH label, collect({node: n, name: name, matched: best.written, rank: best.rank})[..$first] AS ofLabel
UNWIND range(0, size(ofLabel) - 1) AS position
WITH ofLabel[position] AS suggestion, position
WITH suggestion, position, suggestion.node AS n
RETURN n {.*, _labels: labels(n)} AS node, suggestion.name AS name, suggestion.matched AS matched
ORDER BY suggestion.rank, position, size(suggestion.name), suggestion.name
LIMIT $first
