// The bench's ceiling (bench/ceiling.ts): the corpus' own {{label}} records,
// created by one plain UNWIND per batch, with the labels, constraints and
// indexes the ingest writes under; {{label}} is one of the graph's labels.
UNWIND $rows AS row
CREATE (n:Node:{{label}} {id: row.id})
SET n += row.properties
RETURN count(*) AS written
