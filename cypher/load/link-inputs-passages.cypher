// Every work-report paragraph with a year, the targets of IMPLEMENTS links.
MATCH (p:Passage {documentKind: 'WORK_REPORT'})
WHERE p.year IS NOT NULL
RETURN p.id AS id, p.year AS year, p.text AS text
ORDER BY p.id
