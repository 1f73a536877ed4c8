// After a bulk import: properties the importer's CSV cannot carry (an empty
// list: it reads an empty field as no value), set as the transactional load
// sets them (ingest/bulk/csv.ts).
UNWIND $rows AS row
MATCH (n:Node {id: row.id})
SET n += row.properties
