-brand = Errcat
NotFound = { -brand }: nicht gefunden
Conflict = { -product } { Gone }
