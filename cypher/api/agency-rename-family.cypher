// The agency and every agency linked to it by renames, in either direction.
MATCH (agency:Node {id: $id})
RETURN [agency.id] + [(agency)-[:RENAMED_TO*1..20]-(other:Agency) WHERE other <> agency | other.id] AS ids
