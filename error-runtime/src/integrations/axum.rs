//! axum: every derived type, and `Box<dyn ApiError + Send + Sync>`, is an
//! [`IntoResponse`], answering with what [`http_response`] writes.
//!
//! ```
//! use axum::response::IntoResponse;
//! use errcat::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     #[api(status = 404, message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//!
//! async fn show_user(id: u64) -> Result<String, UserError> {
//!     Err(UserError::UserNotFound { id })
//! }
//!
//! let response = UserError::UserNotFound { id: 7 }.into_response();
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers()["content-type"], "application/json");
//! ```

use ::axum::body::Body;
use ::axum::response::{IntoResponse, Response};

use crate::{ApiError, http_response};

/// The axum response of `error`: [`http_response`] with its body.
#[must_use]
pub fn response<E: ApiError + ?Sized>(error: &E) -> Response {
    http_response(error).map(Body::from)
}

/// What the hook's impls name.
#[doc(hidden)]
pub mod __private {
    pub use ::axum::response::{IntoResponse, Response};
}

impl IntoResponse for Box<dyn ApiError + Send + Sync> {
    fn into_response(self) -> Response {
        response(&*self)
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_axum {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::axum::__private::IntoResponse for $($ty)* $($where)* {
            fn into_response(self) -> $crate::axum::__private::Response {
                $crate::axum::response(&self)
            }
        }
    };
}
