// After a bulk import the schema is created without waiting for its indexes, so
// they populate while the build writes what CSV could not carry; this waits for
// all of them before the build reports the graph ready.
CALL db.awaitIndexes(300)
