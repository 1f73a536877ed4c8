// The server's own report of its name, version and edition.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions, edition
