// One page of continued work whose set of leads changed, with the total; $year is the later clause's year.
// Leads in the order the clause names them (the span of each LED_BY), not in
// the order the store happens to hold the relationships: a graph built by the
// importer and one built by transactions give the same answer.
MATCH (later:Assignment)-[c:CONTINUES]->(earlier:Assignment)
WHERE $year IS NULL OR later.year = $year
WITH later, earlier, c,
     COLLECT { MATCH (later)-[r:LED_BY]->(lead:Agency) RETURN lead ORDER BY r.start, lead.id } AS laterLeads,
     COLLECT { MATCH (earlier)-[r:LED_BY]->(lead:Agency) RETURN lead ORDER BY r.start, lead.id } AS earlierLeads
WITH later, earlier, c, laterLeads, earlierLeads,
     [lead IN laterLeads WHERE NOT lead IN earlierLeads] AS added,
     [lead IN earlierLeads WHERE NOT lead IN laterLeads] AS removed
WHERE (size(added) > 0 OR size(removed) > 0)
  AND ($agencyId IS NULL OR any(lead IN laterLeads + earlierLeads WHERE lead.id = $agencyId))
WITH later, earlier, c.score AS score, laterLeads, earlierLeads, added, removed
ORDER BY later.year, later.documentId, later.start, later.id, earlier.id
WITH collect({later: later, earlier: earlier, score: score, laterLeads: laterLeads, earlierLeads: earlierLeads, added: added, removed: removed}) AS matched
RETURN size(matched) AS totalCount, matched[$skip..($skip + $first)] AS page
