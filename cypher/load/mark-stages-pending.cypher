// Before a run changes any document: the graph-wide stages become owed, so a
// run that stops half-way leaves a record that they still have to be done.
MERGE (s:IngestState {key: 'graph'})
SET s.pending = reduce(owed = coalesce(s.pending, []), stage IN $stages |
  CASE WHEN stage IN owed THEN owed ELSE owed + stage END)
