NotFound = Kein Benutzer { $id }
Conflict = Konflikt mit { $email }, { $id }
