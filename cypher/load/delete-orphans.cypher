// Shared entities that no document refers to any more (renames alone do not keep
// them, nor an agency's OF its jurisdiction). A jurisdiction stays while a document
// was issued in it, an agency is of it or a place below it stays (柳州市 above
// 柳江区); it goes once nothing points to it.
MATCH (n:Node)
WHERE ((n:Agency OR n:Leader OR n:Company OR n:Park OR n:Project OR n:Term OR n:Indicator)
        AND NOT EXISTS { (n)-[r]-() WHERE NOT type(r) IN ['RENAMED_TO', 'OF'] })
   OR (n:Jurisdiction AND NOT EXISTS { (n)<-[:ISSUED_IN|OF|PART_OF]-() })
DETACH DELETE n
RETURN count(*) AS deleted
