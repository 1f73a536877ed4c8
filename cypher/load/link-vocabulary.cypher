// Every entity name in the graph: the tokeniser keeps them whole when linking,
// and agency spellings are ignored as content (shared leads are not shared work).
MATCH (n:Node)
WHERE n:Agency OR n:Company OR n:Park OR n:Project OR n:Term
RETURN n:Agency AS isAgency, [n.name] + coalesce(n.aliases, []) AS names
