// The indicator with this metric name.
MATCH (i:Indicator {metric: $metric})
RETURN i AS indicator
