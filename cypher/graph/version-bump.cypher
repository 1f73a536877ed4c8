// Run last in every write transaction (core/database.ts): a new random token
// rather than a counter, so a version is never repeated even if the node is
// deleted and created again. Not a :Node, so resets keep it.
MERGE (v:GraphVersion {id: 'graph'})
SET v.version = randomUUID(), v.changedAt = datetime()
RETURN v.version AS version
