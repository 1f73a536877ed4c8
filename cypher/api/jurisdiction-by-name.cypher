// The jurisdictions a user may mean by a name: its full name (柳州市柳江区) or
// its own name (柳江区); full-name matches first. Several rows for one own
// name (two 朝阳区) are for the caller to report as ambiguous.
MATCH (j:Jurisdiction)
WHERE j.fullName = $name OR j.name = $name
RETURN j AS jurisdiction, j.fullName = $name AS exact
ORDER BY exact DESC, j.fullName
LIMIT 20
