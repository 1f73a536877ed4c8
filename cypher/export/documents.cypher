// The documents a filtered export starts from: of the years asked for ($years; null: any
// year) and issued in the places asked for or a place within them ($jurisdictionIds;
// null: anywhere). Only ids: the set stays small whatever the size of the graph.
MATCH (d:Document)
WHERE ($years IS NULL OR d.year IN $years)
  AND ($jurisdictionIds IS NULL OR EXISTS {
    MATCH (d)-[:ISSUED_IN]->(:Jurisdiction)-[:PART_OF*0..8]->(j:Jurisdiction)
    WHERE j.id IN $jurisdictionIds
  })
RETURN d.id AS id
ORDER BY id
