//! errcat: define, serialize and document HTTP API errors from one enum.
#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

mod api_error;
mod catalog;
pub mod docs;
mod markdown;
mod reason;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::api_error::{ApiError, Message};
pub use crate::catalog::{Catalog, ErrorEntry};
pub use crate::reason::reason_phrase;

#[cfg(feature = "derive")]
pub use errcat_derive::ApiError;
