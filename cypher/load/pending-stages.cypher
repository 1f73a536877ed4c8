// The graph-wide stages (renames, links, orphan sweep) still owed by a run
// that changed documents and stopped before finishing them.
OPTIONAL MATCH (s:IngestState {key: 'graph'})
RETURN coalesce(s.pending, []) AS pending
