//! Seed 004's "List of errors", declared as one enum and checked against the
//! page itself: the fixture is parsed, and every block must match the catalog
//! row and the value at the same position.

use errcat::{ApiError, Catalog, ErrorEntry};

const SEED: &str = include_str!("fixtures/004_f63e619d1439348f.txt");

/// The users API errors, in the seed's order.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum UsersError {
    #[api(status = 500, message = "The server encountered an internal error.")]
    InternalError,
    #[api(status = 400, message = "Request is invalid")]
    InvalidRequestDomain,
    #[api(
        status = 403,
        message = "The group of the given api token does not exist."
    )]
    GroupNotFound,
    #[api(status = 403, message = "Api usage for this group is disabled.")]
    ApiIsDisabled,
    #[api(status = 400, message = "Api token is invalid.")]
    InvalidApiToken,
    #[api(
        status = 401,
        message = "The request is unauthorized, an api token is required."
    )]
    UnauthorizedRequest,
    #[api(status = 400, message = "One of the request inputs is invalid.")]
    InvalidInput,
    #[api(status = 500, message = "An error occurred, failed to create user.")]
    FailedToCreateUser,
    #[api(
        status = 500,
        code = "failedToCreateSession",
        message = "An error occurred, failed to create user session. User may not be logged in."
    )]
    FailedToCreateSession,
    #[api(
        status = 409,
        message = "This username is already in use, please try another one."
    )]
    UsernameAlreadyExists,
    #[api(
        status = 409,
        message = "This email is already in use, please try another one."
    )]
    EmailAlreadyExists,
    #[api(
        status = 400,
        message = "This email domain is not in allowed domains for this group."
    )]
    InvalidEmailDomain,
    #[api(status = 400, message = "Given username is invalid.")]
    InvalidUsername,
    #[api(status = 400, message = "User is not a member of the api token group.")]
    NotGroupMember,
    #[api(
        status = 400,
        code = "SSOTokenFailedToParse",
        message = "The sso token in request could not be parsed."
    )]
    SsoTokenFailedToParse,
    #[api(
        status = 400,
        code = "InvalidSSOTokenPayload",
        message = "One of the required fields in payload is invalid"
    )]
    InvalidSsoTokenPayload,
    #[api(
        status = 400,
        message = "A required query parameter was not specified for this request."
    )]
    MissingRequiredQueryParameter,
    #[api(status = 400, message = "Given username is out of range.")]
    OutOfRangeUsername,
    #[api(status = 400, message = "Given suggested username is out of range.")]
    OutOfRangeSuggestedUsername,
}

/// Every value of [`UsersError`], in declaration order.
const ALL: [UsersError; 19] = [
    UsersError::InternalError,
    UsersError::InvalidRequestDomain,
    UsersError::GroupNotFound,
    UsersError::ApiIsDisabled,
    UsersError::InvalidApiToken,
    UsersError::UnauthorizedRequest,
    UsersError::InvalidInput,
    UsersError::FailedToCreateUser,
    UsersError::FailedToCreateSession,
    UsersError::UsernameAlreadyExists,
    UsersError::EmailAlreadyExists,
    UsersError::InvalidEmailDomain,
    UsersError::InvalidUsername,
    UsersError::NotGroupMember,
    UsersError::SsoTokenFailedToParse,
    UsersError::InvalidSsoTokenPayload,
    UsersError::MissingRequiredQueryParameter,
    UsersError::OutOfRangeUsername,
    UsersError::OutOfRangeSuggestedUsername,
];

/// One block of the seed's error list.
#[derive(Debug, PartialEq)]
struct SeedError {
    status: u16,
    message: String,
    code: String,
}

/// Parses the blocks under "### List of errors": each is a `{ ... }` fenced
/// block of `key : value` lines, where a value may continue on the next lines
/// (joined with single spaces) and is quoted with `'` (one closing quote is
/// missing in the seed).
fn seed_errors() -> Vec<SeedError> {
    let (_, list) = SEED
        .split_once("### List of errors")
        .expect("the seed has a list of errors");
    list.split("```{")
        .skip(1)
        .map(|block| {
            let (body, _) = block.split_once("}```").expect("each block is closed");
            parse_block(body)
        })
        .collect()
}

fn parse_block(body: &str) -> SeedError {
    let mut fields: Vec<(&str, String)> = Vec::new();
    for line in body.lines().map(str::trim).filter(|line| !line.is_empty()) {
        match line.split_once(" : ") {
            Some((key, value)) => fields.push((key.trim(), value.trim().to_owned())),
            None => {
                let (_, value) = fields.last_mut().expect("a continuation follows a key");
                value.push(' ');
                value.push_str(line);
            }
        }
    }
    let field = |name: &str| {
        let (_, value) = fields
            .iter()
            .find(|(key, _)| *key == name)
            .unwrap_or_else(|| panic!("block without `{name}`: {body}"));
        unquote(value)
    };
    SeedError {
        status: field("status").parse().expect("status is a number"),
        message: field("message"),
        code: field("code"),
    }
}

fn unquote(value: &str) -> String {
    let value = value.strip_prefix('\'').unwrap_or(value);
    value.strip_suffix('\'').unwrap_or(value).to_owned()
}

fn entry_as_seed(entry: &ErrorEntry) -> SeedError {
    SeedError {
        status: entry.status,
        message: entry.message.to_owned(),
        code: entry.code.to_owned(),
    }
}

fn value_as_seed(error: &UsersError) -> SeedError {
    SeedError {
        status: error.status().as_u16(),
        message: error.message().to_string(),
        code: error.code().to_owned(),
    }
}

#[test]
fn parser_reads_every_block_of_the_seed() {
    let seed = seed_errors();
    assert_eq!(seed.len(), 19);
    assert_eq!(
        seed[0],
        SeedError {
            status: 500,
            message: "The server encountered an internal error.".to_owned(),
            code: "InternalError".to_owned(),
        }
    );
    // Multi-line message and the code without a closing quote.
    assert_eq!(
        seed[8],
        SeedError {
            status: 500,
            message: "An error occurred, failed to create user session. User may not be logged in."
                .to_owned(),
            code: "failedToCreateSession".to_owned(),
        }
    );
}

#[test]
fn catalog_is_the_seed_list_in_order() {
    let catalog: Vec<SeedError> = UsersError::ENTRIES.iter().map(entry_as_seed).collect();
    assert_eq!(catalog, seed_errors());
}

#[test]
fn each_value_has_the_seed_status_code_and_message() {
    let values: Vec<SeedError> = ALL.iter().map(value_as_seed).collect();
    assert_eq!(values, seed_errors());
}

#[test]
fn each_value_points_at_its_own_row() {
    assert_eq!(UsersError::ENTRIES.len(), ALL.len());
    for (error, entry) in ALL.iter().zip(UsersError::ENTRIES) {
        assert_eq!(error.entry(), entry);
        assert_eq!(entry.name, format!("{error:?}"));
        assert_eq!(entry.description, "");
    }
}

#[test]
fn markdown_lists_the_seed_errors() {
    assert_eq!(
        UsersError::MARKDOWN,
        errcat::docs::markdown(UsersError::ENTRIES)
    );
    let lines: Vec<&str> = UsersError::MARKDOWN.lines().collect();
    assert_eq!(lines.len(), 2 + 19);
    assert_eq!(lines[0], "| Status | Code | Message | Description |");
    assert_eq!(
        lines[2 + 8],
        "| 500 | failedToCreateSession | An error occurred, failed to create user session. User may not be logged in. |  |"
    );
}
