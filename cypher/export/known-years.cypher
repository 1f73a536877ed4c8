// Which of $years some document is of, so that an export for a year the graph does
// not hold is refused by name rather than written empty.
MATCH (d:Document)
WHERE d.year IN $years
RETURN DISTINCT d.year AS year
