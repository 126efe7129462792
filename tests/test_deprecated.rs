//! `#[api(deprecated = "...")]`: the code stays, its row carries the note,
//! and the error table and example bodies say so.

use errcat::docs::{Docs, Section};
use errcat::{ApiError, Catalog, ErrorEntry};
use http::StatusCode;

/// Errors of the users API, one of them on its way out.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum UserError {
    /// Each email belongs to one account.
    #[api(
        status = 409,
        code = "EmailAlreadyExists",
        message = "This email is already in use.",
        deprecated = "use `EmailTaken`"
    )]
    EmailAlreadyExists,
    #[api(status = 409, code = "EmailTaken", message = "This email is taken.")]
    EmailTaken,
    #[api(status = 410, deprecated = "Users are never deleted.")]
    UserGone,
}

#[derive(Debug, ApiError)]
#[api(status = 404, message = "No user {id}", deprecated = "use `UserGone`")]
struct NoUser {
    id: u64,
}

#[test]
fn the_code_stays_and_the_row_has_the_note() {
    let error = UserError::EmailAlreadyExists;
    assert_eq!(error.code(), "EmailAlreadyExists");
    assert_eq!(error.status(), StatusCode::CONFLICT);
    assert_eq!(error.entry().deprecated, Some("use `EmailTaken`"));
    assert_eq!(UserError::EmailTaken.entry().deprecated, None);
    assert_eq!(UserError::UserGone.status(), StatusCode::GONE);
    assert_eq!(NoUser { id: 1 }.entry().deprecated, Some("use `UserGone`"));
    assert_eq!(
        errcat::http_response(&error).body(),
        br#"{"error":{"status":409,"message":"This email is already in use.","code":"EmailAlreadyExists"}}"#,
    );
}

#[test]
fn the_error_table_starts_the_description_with_the_note() {
    let table = "| Status | Code | Message | Description |\n\
                 | --- | --- | --- | --- |\n\
                 | 409 | EmailAlreadyExists | This email is already in use. | Deprecated: use \\`EmailTaken\\`. Each email belongs to one account. |\n\
                 | 409 | EmailTaken | This email is taken. |  |\n\
                 | 410 | UserGone | Gone | Deprecated: Users are never deleted. |\n";
    assert_eq!(UserError::MARKDOWN, table);
    assert_eq!(errcat::docs::markdown(UserError::ENTRIES), table);
    assert_eq!(
        Docs::new().catalog::<UserError>().error_table().unwrap(),
        table
    );
}

#[test]
fn example_bodies_carry_the_note() {
    let bodies = Docs::new()
        .catalog_with_bodies::<NoUser>()
        .sections([Section::ExampleBodies])
        .render()
        .unwrap();
    assert_eq!(
        bodies,
        "## Example responses\n\
         \n\
         ### NoUser\n\
         \n\
         404 Not Found\n\
         \n\
         Deprecated: use \\`UserGone\\`\n\
         \n\
         ```json\n\
         {\n  \"type\": \"about:blank\",\n  \"title\": \"Not Found\",\n  \"status\": 404,\n  \"detail\": \"No user <id>\",\n  \"code\": \"NoUser\"\n}\n\
         ```\n"
    );
}

#[test]
fn a_row_written_by_hand_can_be_deprecated() {
    static ROW: ErrorEntry =
        ErrorEntry::new("Gone", StatusCode::GONE, "gone", "Gone").with_deprecation("use `gone2`");
    assert_eq!(ROW.deprecated, Some("use `gone2`"));
    assert_eq!(
        errcat::docs::markdown(core::slice::from_ref(&ROW)),
        "| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n| 410 | gone | Gone | Deprecated: use \\`gone2\\`. |\n"
    );
}
