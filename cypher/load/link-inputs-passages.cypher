// Every work-report paragraph, the targets of IMPLEMENTS links.
MATCH (p:Passage {documentKind: 'WORK_REPORT'})
RETURN p.id AS id, p.year AS year, p.text AS text
ORDER BY p.id
