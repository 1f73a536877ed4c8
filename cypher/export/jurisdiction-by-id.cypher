// A jurisdiction given to `kg export --jurisdiction` by its id rather than its name.
MATCH (j:Node {id: $id})
WHERE j:Jurisdiction
RETURN j AS jurisdiction
