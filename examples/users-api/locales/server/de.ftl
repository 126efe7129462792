# The server's own errors (`ServiceError`) in German; the catalog of the
# users API is in `../de.ftl`.
UserNotFound = Es gibt keinen Benutzer namens { $username }.
RouteNotFound = Unter dieser Adresse gibt es nichts.
MethodNotAllowed = Diese Methode ist unter dieser Adresse nicht erlaubt.
PayloadTooLarge = Der Anfragetext ist größer als 16 KiB.
