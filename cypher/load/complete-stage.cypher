// A graph-wide stage is done: it is no longer owed.
MATCH (s:IngestState {key: 'graph'})
SET s.pending = [stage IN s.pending WHERE stage <> $stage]
