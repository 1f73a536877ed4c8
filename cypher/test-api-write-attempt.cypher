// Used by the integration tests: a write that the READ access mode must refuse.
CREATE (n:TestProbe {marker: $marker})
RETURN n.marker AS marker
