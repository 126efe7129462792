use errcat::ApiError;

// `de.ftl` and `fr.ftl` translate `NotFound` only.
#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/missing")]
enum UserError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409)]
    Conflict,
    #[api(status = 410)]
    Gone,
}

// `fallback = "fr"` leaves French only to the default language.
#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/missing", fallback = "fr")]
enum OrderError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409)]
    Conflict,
}

// `fallback` alone covers every locale: no error.
#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/missing", fallback)]
enum CartError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409)]
    Conflict,
}

// `fallback` says nothing without `locales`.
#[derive(Debug, ApiError)]
#[api(fallback)]
enum PlainError {
    #[api(status = 404)]
    NotFound,
}

// `fallback` names a locale the folder does not have.
#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/missing", fallback = "de, es")]
enum BasketError {
    #[api(status = 404)]
    NotFound,
}

// A code that is no Fluent id cannot be translated.
#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/missing")]
enum SessionError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409, code = "session.expired")]
    Expired,
}

fn main() {}
