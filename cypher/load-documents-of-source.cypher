// Documents previously loaded from a source file (to drop those the file no longer holds).
MATCH (d:Document {sourceFile: $sourceFile})
RETURN d.id AS id
