// Documents already loaded with these content hashes: the same text under
// another name is a duplicate, not a second document.
UNWIND $contentHashes AS contentHash
MATCH (d:Document {contentHash: contentHash})
RETURN contentHash, d.id AS id, d.sourceFile AS sourceFile
