// Node counts by label (the :Node marker label excluded).
MATCH (n:Node)
UNWIND [label IN labels(n) WHERE label <> 'Node'] AS label
RETURN label, count(*) AS count
ORDER BY label
