NotFound = Introuvable
