// After a bulk import: the indexes still populating (or failed). The build asks
// until none is left, each question a short read, rather than one long
// db.awaitIndexes call that the statement time limit would cut off.
SHOW INDEXES YIELD name, state, populationPercent
WHERE state <> 'ONLINE'
RETURN name, state, populationPercent
