//! The same errors declared with errcat, one type per built-in format, and
//! the bytes each must produce.

/// One type per format, each with the four kinds of error, in the order of
/// [`Kind::ALL`](super::Kind::ALL).
macro_rules! error_types {
    ($($module:ident $format:tt;)*) => {$(
        pub mod $module {
            use errcat::{ApiError, ValidationErrors};

            #[derive(Debug, ApiError)]
            #[api(format = $format, rename_all = "snake_case", type_base = "https://example.com/errors/", display)]
            pub enum Error {
                #[api(status = 409, message = "This email is already in use, please try another one.")]
                EmailAlreadyExists,
                #[api(status = 404, message = "Couldn't find {model} with id {id}")]
                NotFound { model: &'static str, id: u64 },
                #[api(status = 403, message = "Your current balance is {balance}, but that costs {cost}.")]
                OutOfCredit {
                    #[api(expose)]
                    balance: u64,
                    #[api(expose)]
                    cost: u64,
                },
                #[api(status = 422, message = "{errors}")]
                ValidationFailed {
                    #[api(expose)]
                    errors: ValidationErrors,
                },
            }

            impl Error {
                pub fn all() -> [Self; 4] {
                    [
                        Error::EmailAlreadyExists,
                        Error::NotFound { model: "Order", id: 232_323 },
                        Error::OutOfCredit { balance: 30, cost: 50 },
                        Error::ValidationFailed { errors: super::validation_errors() },
                    ]
                }
            }
        }
    )*};
}

error_types! {
    flat "flat";
    nested "nested";
    typed "typed";
    described "described";
    oauth2 "oauth2";
    problem "problem";
}

/// Seed 002's validation errors: two of the model's own, one nested.
pub fn validation_errors() -> errcat::ValidationErrors {
    let mut errors = errcat::ValidationErrors::new("order");
    errors.add("first_name", "blank", "Required");
    errors.add("email", "blank", "Required");
    errors.add_nested("tickets", 2_148_082, "guest", "blank", "can't be blank");
    errors
}

const ERRORS: &str = r#"{"order":[{"field":"first_name","code":"blank","message":"Required"},{"field":"email","code":"blank","message":"Required"}],"tickets":{"2148082":[{"field":"guest","code":"blank","message":"can't be blank"}]}}"#;

/// The body of each kind of error in each format, as the format's
/// documentation says it is.
pub fn golden(format: &str) -> [String; 4] {
    let [unit, templated, exposed, validation] = match format {
        "flat" => [
            r#"{"message":"This email is already in use, please try another one.","code":"email_already_exists","status_code":409}"#,
            r#"{"message":"Couldn't find Order with id 232323","code":"not_found","status_code":404}"#,
            r#"{"message":"Your current balance is 30, but that costs 50.","code":"out_of_credit","details":{"balance":30,"cost":50},"status_code":403}"#,
            r#"{"message":"First name Required and Email Required","code":"validation_failed","details":{"errors":ERRORS},"status_code":422}"#,
        ],
        "nested" => [
            r#"{"error":{"status":409,"message":"This email is already in use, please try another one.","code":"email_already_exists"}}"#,
            r#"{"error":{"status":404,"message":"Couldn't find Order with id 232323","code":"not_found"}}"#,
            r#"{"error":{"status":403,"message":"Your current balance is 30, but that costs 50.","code":"out_of_credit","balance":30,"cost":50}}"#,
            r#"{"error":{"status":422,"message":"First name Required and Email Required","code":"validation_failed","errors":ERRORS}}"#,
        ],
        "typed" => [
            r#"{"type":"email_already_exists","message":"This email is already in use, please try another one."}"#,
            r#"{"type":"not_found","message":"Couldn't find Order with id 232323"}"#,
            r#"{"type":"out_of_credit","message":"Your current balance is 30, but that costs 50.","balance":30,"cost":50}"#,
            r#"{"type":"validation_failed","message":"First name Required and Email Required","errors":ERRORS}"#,
        ],
        "described" => [
            r#"{"message":"Conflict","description":"This email is already in use, please try another one."}"#,
            r#"{"message":"Not Found","description":"Couldn't find Order with id 232323"}"#,
            r#"{"message":"Forbidden","description":"Your current balance is 30, but that costs 50.","balance":30,"cost":50}"#,
            r#"{"message":"Unprocessable Entity","description":"First name Required and Email Required","errors":ERRORS}"#,
        ],
        "oauth2" => [
            r#"{"error":"email_already_exists","error_description":"This email is already in use, please try another one."}"#,
            r#"{"error":"not_found","error_description":"Couldn't find Order with id 232323"}"#,
            r#"{"error":"out_of_credit","error_description":"Your current balance is 30, but that costs 50.","balance":30,"cost":50}"#,
            r#"{"error":"validation_failed","error_description":"First name Required and Email Required","errors":ERRORS}"#,
        ],
        "problem" => [
            r#"{"type":"https://example.com/errors/email_already_exists","title":"Conflict","status":409,"detail":"This email is already in use, please try another one.","code":"email_already_exists"}"#,
            r#"{"type":"https://example.com/errors/not_found","title":"Not Found","status":404,"detail":"Couldn't find Order with id 232323","code":"not_found"}"#,
            r#"{"type":"https://example.com/errors/out_of_credit","title":"Forbidden","status":403,"detail":"Your current balance is 30, but that costs 50.","code":"out_of_credit","balance":30,"cost":50}"#,
            r#"{"type":"https://example.com/errors/validation_failed","title":"Unprocessable Entity","status":422,"detail":"First name Required and Email Required","code":"validation_failed","errors":ERRORS}"#,
        ],
        _ => unreachable!("a built-in format"),
    };
    [unit, templated, exposed, validation].map(|body| body.replace("ERRORS", ERRORS))
}
