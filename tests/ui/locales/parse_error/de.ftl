NotFound = Nicht gefunden
Conflict = { $
