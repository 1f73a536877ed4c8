// The graph's version: a token that changes with every write transaction
// (graph/version-bump), so an answer cached under it is never stale. Several
// nodes can only appear if two first writes raced; all of them make the key.
MATCH (v:GraphVersion)
RETURN v.version AS version
ORDER BY version
