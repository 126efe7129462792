//! Localized messages: translations in `tests/fixtures/locales/basic`, in
//! every locale, with fields, plurals and the default language as fallback.

use errcat::http::StatusCode;
use errcat::{ApiError, Envelope};

#[derive(Debug, ApiError)]
#[api(
    format = "nested",
    locales = "tests/fixtures/locales/basic",
    fallback = "fr"
)]
enum ShopError {
    #[api(status = 404, message = "No user {id}")]
    UserNotFound { id: u64 },
    #[api(status = 409, message = "The cart already has {items} items.")]
    CartFull { items: u32 },
    #[api(status = 423, message = "Locked.")]
    Locked,
    #[api(status = 400, message = "Hello {name}!")]
    Greeting { name: String },
}

#[derive(Debug, ApiError)]
enum Outer {
    #[api(transparent)]
    Shop(ShopError),
    #[api(status = 500, message = "Broken")]
    Broken,
}

fn message(error: &ShopError, locale: &str) -> String {
    error.message_in(locale).to_string()
}

#[test]
fn fields_in_every_locale() {
    let error = ShopError::UserNotFound { id: 42 };
    assert_eq!(error.message().to_string(), "No user 42");
    assert_eq!(message(&error, "de"), "Kein Benutzer 42");
    assert_eq!(message(&error, "fr"), "Aucun utilisateur 42");
    assert_eq!(message(&error, "en"), "No user 42");
    let greeting = ShopError::Greeting {
        name: "Ana".to_owned(),
    };
    assert_eq!(message(&greeting, "de"), "Hallo Ana!");
}

#[test]
fn plurals_follow_the_locale() {
    let one = ShopError::CartFull { items: 1 };
    let many = ShopError::CartFull { items: 3 };
    assert_eq!(
        message(&one, "de"),
        "Der Warenkorb hat schon einen Artikel."
    );
    assert_eq!(message(&many, "de"), "Der Warenkorb hat schon 3 Artikel.");
    assert_eq!(message(&one, "fr"), "Le panier a déjà un article.");
    assert_eq!(message(&many, "fr"), "Le panier a déjà 3 articles.");
    // French counts zero as one, German does not.
    let zero = ShopError::CartFull { items: 0 };
    assert_eq!(message(&zero, "fr"), "Le panier a déjà un article.");
    assert_eq!(message(&zero, "de"), "Der Warenkorb hat schon 0 Artikel.");
}

#[test]
fn ranges_and_fallbacks() {
    let error = ShopError::UserNotFound { id: 7 };
    assert_eq!(message(&error, "de-CH"), "Kein Benutzer 7");
    assert_eq!(message(&error, "DE-at-x-test"), "Kein Benutzer 7");
    assert_eq!(message(&error, "xx"), "No user 7");
    assert_eq!(message(&error, ""), "No user 7");
    // `fr.ftl` leaves `Locked` to the default language.
    assert_eq!(message(&ShopError::Locked, "fr"), "Locked.");
    assert_eq!(message(&ShopError::Locked, "de"), "Gesperrt.");
}

#[test]
fn transparent_variants_use_the_inner_translations() {
    let error = Outer::Shop(ShopError::UserNotFound { id: 1 });
    assert_eq!(error.message_in("de").to_string(), "Kein Benutzer 1");
    assert_eq!(Outer::Broken.message_in("de").to_string(), "Broken");
}

#[test]
fn bodies_and_responses_in_a_locale() {
    let body = serde_json::to_string(&Envelope::new(&ShopError::Locked).in_locale("de")).unwrap();
    assert_eq!(
        body,
        r#"{"error":{"status":423,"message":"Gesperrt.","code":"Locked"}}"#
    );
    let default = serde_json::to_string(&Envelope::new(&ShopError::Locked)).unwrap();
    assert_eq!(
        default,
        r#"{"error":{"status":423,"message":"Locked.","code":"Locked"}}"#
    );

    let response = errcat::http_response_in(&ShopError::UserNotFound { id: 5 }, "de-CH");
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(response.headers()["content-language"], "de");
    assert_eq!(response.headers()["vary"], "accept-language");
    assert_eq!(
        response.body(),
        br#"{"error":{"status":404,"message":"Kein Benutzer 5","code":"UserNotFound"}}"#
    );

    let response = errcat::http_response_in(&ShopError::UserNotFound { id: 5 }, "xx");
    assert!(response.headers().get("content-language").is_none());
    assert_eq!(response.headers()["vary"], "accept-language");
    assert_eq!(
        response.body(),
        br#"{"error":{"status":404,"message":"No user 5","code":"UserNotFound"}}"#
    );
}
