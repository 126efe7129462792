//! The errors of the payments API. Compiled twice: as a module of the crate,
//! and by `build.rs`, which renders their page.

use errcat::ApiError;

/// Errors of the payments API, as RFC 9457 problem details.
#[derive(Debug, ApiError)]
#[api(
    format = "problem",
    type_base = "https://api.example.com/errors/",
    rename_all = "kebab-case"
)]
pub enum PaymentError {
    /// The card issuer declined the payment; ask the customer for another
    /// card.
    #[api(status = 402, message = "The card ending in {last4} was declined")]
    CardDeclined {
        /// The last four digits of the card.
        #[api(expose)]
        last4: String,
    },
    /// The amount is above what the account may charge at once.
    #[api(
        status = 422,
        message = "Amount {amount} is above the limit of {limit}"
    )]
    AmountTooLarge {
        /// The amount asked for, in cents.
        amount: u64,
        /// The account's limit, in cents.
        limit: u64,
    },
    /// Payments are limited per card and per minute.
    #[api(status = 429, message = "Too many attempts; retry in {seconds} s")]
    TooManyAttempts {
        /// Seconds until the next attempt may succeed.
        #[api(header = "Retry-After")]
        seconds: u32,
    },
    /// The card network is down; nothing was charged.
    #[api(status = 503)]
    NetworkUnavailable,
}
