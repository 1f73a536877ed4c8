// All indicators by metric.
MATCH (i:Indicator)
RETURN i AS indicator
ORDER BY i.metric
