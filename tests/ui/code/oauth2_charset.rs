use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, format = "oauth2")]
enum TokenError {
    #[api(code = "invalid\"grant")]
    InvalidGrant,
    #[api(code = "invalid\\scope")]
    InvalidScope,
    #[api(code = "client_inválido")]
    InvalidClient,
}

#[derive(Debug, ApiError)]
#[api(status = 400, format = "oauth2")]
enum GrantError {
    // Without `code`, the variant name is the code.
    Expiré,
}

fn main() {}
