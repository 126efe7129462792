//! The errors of a ticketing API in the `typed` format:
//! `{"type":C,"message":M,...}`, with the exposed fields after `message`.
//!
//! The exceptional errors carry what the client needs as extra members
//! (`not_found` names the model and id it looked for). Validation errors
//! carry an [`errcat::ValidationErrors`]: exposed as `errors`, it serializes
//! as the per-field errors of the model and of its nested associations, and
//! `message = "{errors}"` makes the message the sentence Rails builds from
//! them. The `validation_error` body is the API documentation's example, byte for byte.
//!
//! Prints each error's status and code, then its body.
//!
//! ```text
//! cargo run --example ticketing
//! ```

use errcat::{ApiError, Envelope, ValidationErrors};

/// Errors of the ticketing API.
#[derive(Debug, ApiError)]
#[api(format = "typed", rename_all = "snake_case")]
pub enum TicketingError {
    /// The record does not exist, or was deleted.
    #[api(
        status = 404,
        message = "Resource not found: Couldn't find {model} with 'id'={id}"
    )]
    NotFound {
        #[api(expose)]
        id: String,
        #[api(expose)]
        model: &'static str,
        #[api(expose)]
        primary_key: &'static str,
    },
    /// The API key may not do this.
    #[api(
        status = 403,
        message = "API Key is not authorized to perform this action."
    )]
    Forbidden,
    /// The request URL is invalid: no route matches its method and path.
    #[api(status = 404, message = "No route matches [{method}] \"{path}\"")]
    RoutingError { method: &'static str, path: String },
    /// A required parameter is absent or empty.
    #[api(
        status = 400,
        message = "param is missing or the value is empty: {param}"
    )]
    ParameterMissing {
        #[api(expose)]
        param: &'static str,
    },
    /// An attribute does not meet the model's validation requirements.
    #[api(status = 422, message = "{errors}")]
    ValidationError {
        #[api(expose)]
        errors: ValidationErrors,
    },
}

/// The documented validation errors: four blank fields of the order, and a ticket
/// without a guest.
pub fn order_validation_errors() -> ValidationErrors {
    let mut errors = ValidationErrors::new("order");
    for field in ["first_name", "last_name", "email", "guest"] {
        errors.add(field, "blank", "Required");
    }
    errors.add_nested("tickets", 2_148_082, "guest", "blank", "can't be blank");
    errors
}

/// One value of each variant, in declaration order.
pub fn samples() -> [TicketingError; 5] {
    [
        TicketingError::NotFound {
            id: "232323".to_owned(),
            model: "Order",
            primary_key: "id",
        },
        TicketingError::Forbidden,
        TicketingError::RoutingError {
            method: "GET",
            path: "/api/v1/ordrs".to_owned(),
        },
        TicketingError::ParameterMissing { param: "order" },
        TicketingError::ValidationError {
            errors: order_validation_errors(),
        },
    ]
}

/// What `main` prints: for each sample, its status and code, then its body.
pub fn output() -> String {
    samples()
        .iter()
        .map(|error| {
            let body = serde_json::to_string(&Envelope::new(error))
                .expect("every member serializes to JSON");
            format!("{} {}\n{body}\n", error.status().as_u16(), error.code())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn main() {
    print!("{}", output());
}
