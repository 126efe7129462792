NotFound = Nicht gefunden
Conflict = Konflikt
Gone = Weg
Conflikt = Konflikt
