//! Localized messages: translations in `tests/fixtures/locales/basic`, in
//! every locale, with fields, plurals and the default language as fallback.

use errcat::http::StatusCode;
use errcat::{ApiError, Envelope};

#[path = "fixtures/locales/shop.rs"]
mod shop;

use shop::ShopError;

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
fn plurals_with_few_and_many() {
    let cart = |items| message(&ShopError::CartFull { items }, "pl");
    assert_eq!(cart(1), "Koszyk ma już jeden produkt.");
    for few in [2, 3, 4, 22, 104] {
        assert_eq!(cart(few), format!("Koszyk ma już {few} produkty."));
    }
    for many in [0, 5, 11, 12, 14, 21, 25, 112] {
        assert_eq!(cart(many), format!("Koszyk ma już {many} produktów."));
    }
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

    // `fr.ftl` leaves `Locked` to the default language: no `Content-Language`.
    let response = errcat::http_response_in(&ShopError::Locked, "fr");
    assert!(response.headers().get("content-language").is_none());
    assert_eq!(
        response.body(),
        br#"{"error":{"status":423,"message":"Locked.","code":"Locked"}}"#
    );

    let response = errcat::http_response_in(&ShopError::UserNotFound { id: 5 }, "xx");
    assert!(response.headers().get("content-language").is_none());
    assert_eq!(response.headers()["vary"], "accept-language");
    assert_eq!(
        response.body(),
        br#"{"error":{"status":404,"message":"No user 5","code":"UserNotFound"}}"#
    );
}

/// Any framework failure is `Locked`, for the layer below.
impl errcat::FromRejection for ShopError {
    fn from_rejection(_: &errcat::Rejection) -> Self {
        ShopError::Locked
    }
}

/// A handler that panics inside `CatalogLayer` takes its request's language
/// with it: an error rendered afterwards on the same thread, outside any
/// request, is in the default language.
#[test]
fn a_panicking_handler_leaves_no_language_in_scope() {
    use std::future::Future as _;
    use std::panic::{AssertUnwindSafe, catch_unwind};
    use std::task::{Context, Poll, Waker};

    use tower_service::Service as _;

    async fn fails() -> &'static str {
        panic!("the handler fails")
    }

    let mut router = axum::Router::new()
        .route("/", axum::routing::get(fails))
        .layer(errcat::axum::CatalogLayer::<ShopError>::new());
    let request = axum::http::Request::get("/")
        .header("accept-language", "de")
        .body(axum::body::Body::empty())
        .unwrap();
    let mut answered = std::pin::pin!(router.call(request));
    let polled = catch_unwind(AssertUnwindSafe(|| {
        answered
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
    }));
    assert!(polled.is_err(), "the handler panics");

    let response = errcat::axum::response(&ShopError::Locked);
    assert!(response.headers().get("content-language").is_none());
    let mut body = std::pin::pin!(axum::body::to_bytes(response.into_body(), 4096));
    let Poll::Ready(Ok(body)) = body.as_mut().poll(&mut Context::from_waker(Waker::noop())) else {
        panic!("the body is ready at once");
    };
    assert_eq!(
        body,
        r#"{"error":{"status":423,"message":"Locked.","code":"Locked"}}"#
    );
}

/// The actix-web middleware, driven in-process: the best locale that
/// translates the code wins, the default otherwise.
#[cfg(feature = "actix-web")]
mod actix {
    use actix_web::{App, test, web};

    use super::ShopError;

    async fn locked() -> Result<String, ShopError> {
        Err(ShopError::Locked)
    }

    async fn answer(accept_language: &str) -> (Option<String>, String) {
        let app = test::init_service(
            App::new()
                .wrap(errcat::actix_web::Negotiate)
                .route("/", web::get().to(locked)),
        )
        .await;
        let request = test::TestRequest::get()
            .uri("/")
            .insert_header(("accept-language", accept_language))
            .to_request();
        let response = test::call_service(&app, request).await;
        let language = response
            .headers()
            .get("content-language")
            .map(|value| value.to_str().unwrap().to_owned());
        let body = test::read_body(response).await;
        (language, String::from_utf8(body.to_vec()).unwrap())
    }

    #[actix_web::test]
    async fn a_locale_that_falls_back_yields_to_the_next() {
        // `fr.ftl` leaves `Locked` to the default language: German is next.
        let (language, body) = answer("fr, de;q=0.8").await;
        assert_eq!(language.as_deref(), Some("de"));
        assert_eq!(
            body,
            r#"{"error":{"status":423,"message":"Gesperrt.","code":"Locked"}}"#
        );

        let (language, body) = answer("fr").await;
        assert_eq!(language, None);
        assert_eq!(
            body,
            r#"{"error":{"status":423,"message":"Locked.","code":"Locked"}}"#
        );
    }
}

/// A stable proc macro cannot ask cargo to watch a folder, only the files it
/// includes: the users API's build script watches the folder its catalog's
/// translations are in, so that a new `<lang>.ftl` rebuilds the crate.
#[test]
fn users_api_build_script_watches_its_locales_folder() {
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/users-api");
    let catalog = std::fs::read_to_string(format!("{example}/src/catalog.rs")).unwrap();
    let folder = catalog
        .split("locales = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap();
    assert_eq!(folder, "locales");
    let build = std::fs::read_to_string(format!("{example}/build.rs")).unwrap();
    assert!(
        build.contains(&format!("println!(\"cargo::rerun-if-changed={folder}\");")),
        "{build}"
    );
}

/// The registry's types bring their translations to a docs page, those of
/// `Outer`'s transparent variant included.
#[test]
fn registry_pages_in_a_locale() {
    let table = errcat::docs::Docs::new()
        .registry()
        .columns([errcat::docs::Column::Code, errcat::docs::Column::Message])
        .locale("pl")
        .error_table()
        .unwrap();
    for row in [
        "| UserNotFound | Brak użytkownika {id} |\n",
        "| CartFull | Koszyk ma już {items} produktu. |\n",
        "| Broken | Broken |\n",
    ] {
        assert!(table.contains(row), "{row} in {table}");
    }
}
