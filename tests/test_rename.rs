//! `rename_all`: codes derived from variant names exactly as serde renames
//! variants, explicit codes, and codes without a rule.
//!
//! The expected codes were checked against `#[derive(serde::Serialize)]` with
//! the same `rename_all` on the same variants.

#![allow(non_camel_case_types, reason = "variant names as users may write them")]
#![allow(
    dead_code,
    reason = "most enums here are only read through their catalog"
)]

use errcat::{ApiError, Catalog};

fn codes<C: Catalog>() -> Vec<&'static str> {
    C::ENTRIES.iter().map(|entry| entry.code).collect()
}

fn assert_markdown<C: Catalog>() {
    assert_eq!(C::MARKDOWN, errcat::docs::markdown(C::ENTRIES));
}

/// Declares `$name` with the given `rename_all` rule over `$variant`s, and
/// `$name::ALL`, its values in declaration order.
macro_rules! renamed {
    ($name:ident, $rule:literal, [$($variant:ident),* $(,)?]) => {
        #[derive(Debug, ApiError)]
        #[api(status = 400, rename_all = $rule)]
        enum $name {
            $($variant,)*
        }

        impl $name {
            const ALL: &[Self] = &[$(Self::$variant),*];
        }
    };
}

/// Declares one enum per rule over the same `$variant`s.
macro_rules! every_rule {
    ([$($variant:ident),* $(,)?]) => {
        renamed!(Lower, "lowercase", [$($variant),*]);
        renamed!(Upper, "UPPERCASE", [$($variant),*]);
        renamed!(Pascal, "PascalCase", [$($variant),*]);
        renamed!(Camel, "camelCase", [$($variant),*]);
        renamed!(Snake, "snake_case", [$($variant),*]);
        renamed!(ScreamingSnake, "SCREAMING_SNAKE_CASE", [$($variant),*]);
        renamed!(Kebab, "kebab-case", [$($variant),*]);
        renamed!(ScreamingKebab, "SCREAMING-KEBAB-CASE", [$($variant),*]);
    };
}

every_rule!([
    NotFound,
    HTTPError,
    Error404NotFound,
    A,
    UserID,
    V2Api,
    lowerStart,
    SizeExceeded,
]);

/// Checks the codes in the catalog and those the values report.
fn assert_codes<E: ApiError + Catalog>(values: &[E], expected: [&str; 8]) {
    assert_eq!(codes::<E>(), expected);
    let value_codes: Vec<&str> = values.iter().map(ApiError::code).collect();
    assert_eq!(value_codes, expected);
    assert_markdown::<E>();
}

#[test]
fn lowercase() {
    assert_codes(
        Lower::ALL,
        [
            "notfound",
            "httperror",
            "error404notfound",
            "a",
            "userid",
            "v2api",
            "lowerstart",
            "sizeexceeded",
        ],
    );
}

#[test]
fn uppercase() {
    assert_codes(
        Upper::ALL,
        [
            "NOTFOUND",
            "HTTPERROR",
            "ERROR404NOTFOUND",
            "A",
            "USERID",
            "V2API",
            "LOWERSTART",
            "SIZEEXCEEDED",
        ],
    );
}

#[test]
fn pascal_case() {
    assert_codes(
        Pascal::ALL,
        [
            "NotFound",
            "HTTPError",
            "Error404NotFound",
            "A",
            "UserID",
            "V2Api",
            "lowerStart",
            "SizeExceeded",
        ],
    );
}

#[test]
fn camel_case() {
    assert_codes(
        Camel::ALL,
        [
            "notFound",
            "hTTPError",
            "error404NotFound",
            "a",
            "userID",
            "v2Api",
            "lowerStart",
            "sizeExceeded",
        ],
    );
}

#[test]
fn snake_case() {
    assert_codes(
        Snake::ALL,
        [
            "not_found",
            "h_t_t_p_error",
            "error404_not_found",
            "a",
            "user_i_d",
            "v2_api",
            "lower_start",
            "size_exceeded",
        ],
    );
}

#[test]
fn screaming_snake_case() {
    assert_codes(
        ScreamingSnake::ALL,
        [
            "NOT_FOUND",
            "H_T_T_P_ERROR",
            "ERROR404_NOT_FOUND",
            "A",
            "USER_I_D",
            "V2_API",
            "LOWER_START",
            "SIZE_EXCEEDED",
        ],
    );
}

#[test]
fn kebab_case() {
    assert_codes(
        Kebab::ALL,
        [
            "not-found",
            "h-t-t-p-error",
            "error404-not-found",
            "a",
            "user-i-d",
            "v2-api",
            "lower-start",
            "size-exceeded",
        ],
    );
}

#[test]
fn screaming_kebab_case() {
    assert_codes(
        ScreamingKebab::ALL,
        [
            "NOT-FOUND",
            "H-T-T-P-ERROR",
            "ERROR404-NOT-FOUND",
            "A",
            "USER-I-D",
            "V2-API",
            "LOWER-START",
            "SIZE-EXCEEDED",
        ],
    );
}

mod underscores {
    //! A variant name with an underscore: serde's kebab rules replace every
    //! `_` of the snake-cased name, the name's own included.

    use super::*;

    every_rule!([Not_Found]);

    #[test]
    fn every_rule_renames_like_serde() {
        let actual = [
            codes::<Lower>(),
            codes::<Upper>(),
            codes::<Pascal>(),
            codes::<Camel>(),
            codes::<Snake>(),
            codes::<ScreamingSnake>(),
            codes::<Kebab>(),
            codes::<ScreamingKebab>(),
        ];
        assert_eq!(
            actual,
            [
                ["not_found"],
                ["NOT_FOUND"],
                ["Not_Found"],
                ["not_Found"],
                ["not__found"],
                ["NOT__FOUND"],
                ["not--found"],
                ["NOT--FOUND"],
            ]
        );
    }
}

/// Seed 000's example error.
#[derive(Debug, ApiError)]
#[api(format = "flat", rename_all = "snake_case")]
enum AllphinsError {
    #[api(status = 422, message = "Group not found")]
    GroupNotFoundError,
}

/// Seed 002's exceptional and validation errors.
#[derive(Debug, ApiError)]
#[api(format = "typed", rename_all = "snake_case")]
enum TicketingError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 422)]
    ValidationError,
    #[api(status = 403)]
    Forbidden,
    #[api(status = 404)]
    RoutingError,
    #[api(status = 400)]
    ParameterMissing,
    #[api(status = 400)]
    UnpermittedParameters,
}

#[test]
fn seed_000_code() {
    assert_eq!(codes::<AllphinsError>(), ["group_not_found_error"]);
    assert_eq!(
        AllphinsError::GroupNotFoundError.code(),
        "group_not_found_error"
    );
    assert_markdown::<AllphinsError>();
}

#[test]
fn seed_002_codes() {
    assert_eq!(
        codes::<TicketingError>(),
        [
            "not_found",
            "validation_error",
            "forbidden",
            "routing_error",
            "parameter_missing",
            "unpermitted_parameters",
        ]
    );
    assert_eq!(TicketingError::ValidationError.code(), "validation_error");
    assert_markdown::<TicketingError>();
}

#[derive(Debug, ApiError)]
#[api(status = 409, rename_all = "snake_case")]
enum Overridden {
    #[api(code = "EmailAlreadyExists")]
    EmailTaken,
    UsernameTaken,
    #[api(code = "ALREADY-there")]
    AlreadyThere,
}

#[test]
fn explicit_code_overrides_rename_all() {
    assert_eq!(
        codes::<Overridden>(),
        ["EmailAlreadyExists", "username_taken", "ALREADY-there"]
    );
    assert_eq!(Overridden::EmailTaken.code(), "EmailAlreadyExists");
    assert_eq!(Overridden::UsernameTaken.code(), "username_taken");
    assert_markdown::<Overridden>();
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum AsWritten {
    NotFound,
    HTTPError,
    Not_Found,
    lowerStart,
    #[api(code = "explicit")]
    Explicit,
}

#[test]
fn without_rename_all_the_code_is_the_variant_name() {
    assert_eq!(
        codes::<AsWritten>(),
        [
            "NotFound",
            "HTTPError",
            "Not_Found",
            "lowerStart",
            "explicit"
        ]
    );
    assert_eq!(AsWritten::HTTPError.code(), "HTTPError");
    assert_markdown::<AsWritten>();
}

/// A struct takes `rename_all` too; its name is its variant name.
#[derive(Debug, ApiError)]
#[api(status = 429, rename_all = "SCREAMING_SNAKE_CASE")]
struct TooManyRequests;

#[test]
fn struct_code_is_its_renamed_type_name() {
    assert_eq!(codes::<TooManyRequests>(), ["TOO_MANY_REQUESTS"]);
    assert_eq!(TooManyRequests.code(), "TOO_MANY_REQUESTS");
    assert_eq!(TooManyRequests::ENTRIES[0].name, "TooManyRequests");
}

/// Variants named by raw identifiers, like serde's `r#type` (serialized as
/// `"type"`).
#[derive(Debug, ApiError)]
#[api(status = 400)]
enum RawAsWritten {
    r#type,
    r#match,
}

#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "SCREAMING_SNAKE_CASE")]
enum RawRenamed {
    r#type,
    r#match,
}

#[test]
fn raw_identifiers_lose_r_hash() {
    assert_eq!(codes::<RawAsWritten>(), ["type", "match"]);
    assert_eq!(RawAsWritten::r#type.code(), "type");
    assert_eq!(codes::<RawRenamed>(), ["TYPE", "MATCH"]);
    assert_markdown::<RawRenamed>();
}
