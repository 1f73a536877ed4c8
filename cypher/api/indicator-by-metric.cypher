// The indicator with this metric name. $withSeries (when the operation asks for
// its series): it also carries every value stated for it (_series, as
// api/indicator-series gives them), saving a round trip.
MATCH (i:Indicator {metric: $metric})
RETURN CASE WHEN $withSeries THEN i {
         .*,
         _labels: labels(i),
         _series: COLLECT {
           MATCH (i)<-[s:STATES]-(d:Document)
           RETURN {
             statement: s {.year, .kind, .value, .unit, .measure, .qualifier, .text},
             document: d {.*, text: null, _labels: labels(d)}
           }
           ORDER BY s.year, s.kind DESC, d.year, d.id, s.start
         }
       } ELSE i END AS indicator
