//! `responses!`: the errors one operation can return, a named subset of a
//! type's codes.

/// Declares the errors one operation returns: a unit struct whose `CODES`
/// are the listed codes of the type, checked at compile time (a code the
/// type does not have, or one listed twice, fails the build, naming it),
/// and which with the
/// `utoipa` feature implements `utoipa::IntoResponses` with those codes
/// alone, for `#[utoipa::path(responses(...))]`.
///
/// Codes are written as identifiers or, for one that is not an identifier,
/// as a string literal: `UsersError[EmailAlreadyExists, "rate-limited"]`.
///
/// ```
/// use errcat::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum UsersError {
///     #[api(status = 409, code = "EmailAlreadyExists")]
///     EmailTaken,
///     #[api(status = 404, code = "user.not_found")]
///     UserNotFound,
///     #[api(status = 500)]
///     Internal,
/// }
///
/// errcat::responses!(
///     /// The errors of `GET /users/{id}`.
///     pub ShowUserErrors = UsersError[Internal, "user.not_found"]
/// );
///
/// assert_eq!(ShowUserErrors::CODES, ["Internal", "user.not_found"]);
/// // A server test can check that a route sends nothing else:
/// assert!(ShowUserErrors::contains("user.not_found"));
/// assert!(!ShowUserErrors::contains("EmailAlreadyExists"));
/// ```
#[macro_export]
macro_rules! responses {
    ($(#[$attr:meta])* $vis:vis $name:ident = $ty:ty [$($code:tt),+ $(,)?]) => {
        $(#[$attr])*
        #[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::marker::Copy)]
        $vis struct $name;

        impl $name {
            /// The codes this operation can return, as listed.
            pub const CODES: &'static [&'static str] = &[$($crate::__code!($code)),+];

            /// Whether `code` is one of [`CODES`](Self::CODES).
            #[must_use]
            pub fn contains(code: &str) -> bool {
                Self::CODES.contains(&code)
            }
        }

        const _: () = $crate::__private::assert_codes_in(
            <$ty as $crate::Catalog>::ENTRIES,
            $name::CODES,
            ::core::stringify!($ty),
            ::core::stringify!($name),
        );

        $crate::__responses_utoipa! { $name $ty }
    };
}

/// A code of `responses!`, as an identifier or a string literal.
#[doc(hidden)]
#[macro_export]
macro_rules! __code {
    ($code:ident) => {
        ::core::stringify!($code)
    };
    ($code:literal) => {
        $code
    };
}
