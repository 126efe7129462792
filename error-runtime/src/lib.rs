//! errcat: define, serialize and document HTTP API errors from one enum.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod api_error;
mod catalog;
pub mod docs;
mod envelope;
pub mod format;
mod markdown;
mod reason;
mod response;
mod validation;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::api_error::{ApiError, Message};
pub use crate::catalog::{Catalog, ErrorEntry};
pub use crate::envelope::Envelope;
pub use crate::reason::reason_phrase;
pub use crate::response::{http_response, http_response_with};
pub use crate::validation::{FieldError, ValidationErrors};

#[cfg(feature = "derive")]
pub use errcat_derive::ApiError;
