//! A problem body's `type`: the row's URI the derive joined from its type's
//! `type_base` and the code, or, for a row reached through a transparent
//! variant of a type with another `type_base`, that type's base joined to
//! the code when written. The same bytes from every writer.

use errcat::{ApiError, Envelope};

#[derive(Debug, ApiError)]
#[api(
    format = "problem",
    type_base = "https://inner.example/",
    rename_all = "snake_case"
)]
enum Inner {
    #[api(status = 404, message = "No such order")]
    OrderMissing,
    #[api(status = 409, message = "Order {0} is taken")]
    OrderTaken(u32),
}

#[derive(Debug, ApiError)]
#[api(
    format = "problem",
    type_base = "https://outer.example/errors/",
    rename_all = "snake_case"
)]
enum Outer {
    #[api(status = 429, message = "Slow down")]
    RateLimited,
    #[api(transparent)]
    Inner(Inner),
}

/// `error`'s body from serde_json, `write_json` and `http_response`, which
/// must agree.
fn body(error: &dyn ApiError) -> String {
    let serde = serde_json::to_string(&Envelope::new(error)).unwrap();
    let mut direct = Vec::new();
    Envelope::new(error).write_json(&mut direct).unwrap();
    assert_eq!(String::from_utf8(direct).unwrap(), serde);
    let response = errcat::http_response(error);
    assert_eq!(String::from_utf8(response.into_body()).unwrap(), serde);
    serde
}

#[test]
fn a_row_s_own_type_base_joined_by_the_derive() {
    assert_eq!(
        body(&Outer::RateLimited),
        r#"{"type":"https://outer.example/errors/rate_limited","title":"Too Many Requests","status":429,"detail":"Slow down","code":"rate_limited"}"#
    );
    assert_eq!(
        body(&Inner::OrderTaken(7)),
        r#"{"type":"https://inner.example/order_taken","title":"Conflict","status":409,"detail":"Order 7 is taken","code":"order_taken"}"#
    );
}

#[test]
fn through_transparent_the_wrapping_type_s_type_base() {
    assert_eq!(
        body(&Outer::Inner(Inner::OrderMissing)),
        r#"{"type":"https://outer.example/errors/order_missing","title":"Not Found","status":404,"detail":"No such order","code":"order_missing"}"#
    );
    assert_eq!(
        body(&Outer::Inner(Inner::OrderTaken(7))),
        r#"{"type":"https://outer.example/errors/order_taken","title":"Conflict","status":409,"detail":"Order 7 is taken","code":"order_taken"}"#
    );
}
