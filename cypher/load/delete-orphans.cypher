// Shared entities that no document refers to any more (renames alone do not keep
// them, nor an agency's OF its jurisdiction); then the jurisdictions nothing is
// in: no document issued in it and no agency of it, nor of a place within it
// (柳州市 stays above 柳江区). Entities go first, so a place whose last agency
// just went goes in the same pass.
CALL {
  MATCH (n:Node)
  WHERE (n:Agency OR n:Leader OR n:Company OR n:Park OR n:Project OR n:Term OR n:Indicator)
    AND NOT EXISTS { (n)-[r]-() WHERE NOT type(r) IN ['RENAMED_TO', 'OF'] }
  DETACH DELETE n
  RETURN count(*) AS entities
}
CALL {
  MATCH (j:Jurisdiction)
  WHERE NOT EXISTS { (j)<-[:PART_OF*0..8]-(:Jurisdiction)<-[:ISSUED_IN|OF]-() }
  DETACH DELETE j
  RETURN count(*) AS places
}
RETURN entities + places AS deleted
