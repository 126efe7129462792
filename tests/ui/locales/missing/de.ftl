NotFound = Nicht gefunden
