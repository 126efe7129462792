use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    // Each is outside RFC 3986's unreserved set, so cannot be part of a URI.
    #[api(code = "bad\"<é>#?")]
    Quoted,
    #[api(code = "user/not-found")]
    Slashed,
    #[api(code = "50%")]
    Percent,
    // Allowed: letters, digits, `-`, `.`, `_` and `~`.
    #[api(code = "user.not-found_v2~")]
    Fine,
}

#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "kebab-case")]
enum Renamed {
    // A variant name outside the set gives such a code too.
    Größe,
}

fn main() {}
