//! Generated code names everything by absolute path: derived types compile in
//! a module without the prelude, beside items that shadow the prelude's
//! names, under strict lints.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(clippy::pedantic)]
#![deny(unused_qualifications)]

/// Derived types in a module without the prelude.
pub mod hygiene {
    #![no_implicit_prelude]

    /// Shadows `core::result::Result`.
    pub struct Result;
    /// Shadows `Result::Ok`.
    pub struct Ok;
    /// Shadows `core::option::Option`.
    pub struct Option;
    /// Shadows `alloc::string::String`.
    pub struct String;
    /// Shadows `Option::Some`.
    pub struct Some;
    /// Shadows `Option::None`.
    pub struct None;
    /// Shadows `alloc::boxed::Box`.
    pub struct Box;

    /// An enum with templated, literal and absent messages.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(status = 400, rename_all = "snake_case", display)]
    pub enum Templated {
        /// The order does not exist.
        #[api(status = 404, message = "Couldn't find {model} with id {id:>4}")]
        NotFound {
            /// The model's name.
            model: &'static str,
            /// The missing id.
            id: u64,
        },
        /// The input is invalid.
        #[api(message = "{0} is not {{valid}}")]
        Invalid(&'static str),
        /// A literal message.
        #[api(message = "Something went wrong")]
        Literal,
        /// The reason phrase.
        #[api(status = 503)]
        Unavailable,
    }

    /// A struct with a named field.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(status = 429, code = "rate_limited", message = "Retry in {seconds} s")]
    pub struct RateLimited {
        /// Seconds to wait.
        pub seconds: u32,
    }

    /// A generic enum with a lifetime.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(status = 422, display)]
    pub enum Generic<'a, T>
    where
        T: ::core::fmt::Display,
    {
        /// Interpolates both fields.
        #[api(message = "{0} in {1}")]
        Bad(T, &'a str),
        /// Interpolates a named field.
        #[api(status = 409, message = "{value} is taken")]
        Taken {
            /// The taken value.
            value: T,
        },
    }

    /// Transparent over the other types.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    pub enum Transparent {
        /// Wraps [`Templated`].
        #[api(transparent)]
        Templated(Templated),
        /// Wraps [`RateLimited`].
        #[api(transparent)]
        RateLimited {
            /// The wrapped error.
            inner: RateLimited,
        },
    }

    /// A transparent struct.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(transparent)]
    pub struct Wrapper(pub Transparent);

    /// Every wire key: a shape, a challenge, exposed (generic), details and
    /// header fields.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(
        format = "nested",
        challenge = "Bearer",
        type_base = "https://example.com/"
    )]
    pub enum Wire<T> {
        /// Exposes a generic field and sends a header.
        #[api(status = 401, message = "Sign in", details = "{hint}")]
        Unauthorized {
            /// Exposed.
            #[api(expose)]
            subject: T,
            /// Interpolated into the details.
            hint: &'static str,
            /// Sent as a header.
            #[api(header = "Retry-After")]
            retry: u32,
        },
        /// A details field.
        #[api(status = 400)]
        Invalid(#[api(details)] u8),
    }

    /// `Error` with sources of each kind, and a transparent one.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(status = 500, display)]
    pub enum Sourced<E> {
        /// An error type.
        Io(#[api(source)] ::std::io::Error),
        /// A boxed error.
        Boxed {
            /// The source.
            #[api(source)]
            cause: ::std::boxed::Box<
                dyn ::core::error::Error + ::core::marker::Send + ::core::marker::Sync,
            >,
        },
        /// An optional, generic error.
        Maybe(#[api(source)] ::core::option::Option<E>),
        /// The source of the wrapped error.
        #[api(transparent)]
        Wrapped(Templated),
        /// No source.
        Plain,
    }

    /// A custom shape, named by path.
    #[derive(::core::fmt::Debug, ::errcat::ApiError)]
    #[api(format = super::Plain, status = 418)]
    pub struct Custom;
}

/// A custom shape: the `typed` body.
pub struct Plain;

impl errcat::format::Format for Plain {
    fn serialize<S: serde::Serializer>(
        &self,
        error: &dyn errcat::ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        errcat::format::Typed.serialize(error, serializer)
    }
}

#[cfg(test)]
mod tests {
    use errcat::{ApiError, Catalog};
    use http::StatusCode;

    use super::hygiene::{
        Custom, Generic, RateLimited, Sourced, Templated, Transparent, Wire, Wrapper,
    };

    fn answer(error: &dyn ApiError) -> (StatusCode, &'static str, String) {
        (error.status(), error.code(), error.message().to_string())
    }

    #[test]
    fn derived_types_work() {
        let not_found = Templated::NotFound {
            model: "Order",
            id: 7,
        };
        assert_eq!(
            answer(&not_found),
            (
                StatusCode::NOT_FOUND,
                "not_found",
                "Couldn't find Order with id    7".to_owned()
            )
        );
        assert_eq!(not_found.to_string(), "Couldn't find Order with id    7");
        assert_eq!(Templated::Invalid("x").to_string(), "x is not {valid}");
        assert_eq!(
            answer(&Templated::Literal),
            (
                StatusCode::BAD_REQUEST,
                "literal",
                "Something went wrong".to_owned()
            )
        );
        assert_eq!(Templated::Unavailable.to_string(), "Service Unavailable");
        assert_eq!(
            answer(&RateLimited { seconds: 30 }),
            (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Retry in 30 s".to_owned()
            )
        );
        assert_eq!(Generic::Bad(3, "cart").to_string(), "3 in cart");
        let taken: Generic<'_, &str> = Generic::Taken { value: "ada" };
        assert_eq!(
            answer(&taken),
            (StatusCode::CONFLICT, "Taken", "ada is taken".to_owned())
        );
        assert_eq!(Generic::<'_, u8>::ENTRIES.len(), 2);
    }

    #[test]
    fn sources() {
        use std::error::Error;

        let io: Sourced<std::io::Error> = Sourced::Io(std::io::Error::other("disk"));
        assert_eq!(io.source().unwrap().to_string(), "disk");
        let boxed: Sourced<std::io::Error> = Sourced::Boxed {
            cause: "boxed".into(),
        };
        assert_eq!(boxed.source().unwrap().to_string(), "boxed");
        let maybe = Sourced::Maybe(Some(std::io::Error::other("maybe")));
        assert_eq!(maybe.source().unwrap().to_string(), "maybe");
        assert!(Sourced::<std::io::Error>::Maybe(None).source().is_none());
        assert!(
            Sourced::<std::io::Error>::Wrapped(Templated::Literal)
                .source()
                .is_none()
        );
        assert!(Sourced::<std::io::Error>::Plain.source().is_none());
    }

    #[test]
    fn transparent_types_answer_from_the_inner_error() {
        let wrapped = Wrapper(Transparent::RateLimited {
            inner: RateLimited { seconds: 5 },
        });
        assert_eq!(
            answer(&wrapped),
            (
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                "Retry in 5 s".to_owned()
            )
        );
        let codes: Vec<&str> = Wrapper::ENTRIES.iter().map(|entry| entry.code).collect();
        assert_eq!(
            codes,
            [
                "not_found",
                "invalid",
                "literal",
                "unavailable",
                "rate_limited"
            ]
        );
        assert_eq!(Wrapper::MARKDOWN, errcat::docs::markdown(Wrapper::ENTRIES));
        assert_eq!(
            Transparent::MARKDOWN,
            errcat::docs::markdown(Transparent::ENTRIES)
        );
    }

    #[test]
    fn wire_keys_work() {
        let error = Wire::Unauthorized {
            subject: "ada",
            hint: "use a token",
            retry: 30,
        };
        let response = errcat::http_response(&error);
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
        assert_eq!(response.headers()["retry-after"], "30");
        assert_eq!(
            response.body(),
            br#"{"error":{"status":401,"message":"Sign in","code":"Unauthorized","details":"use a token","subject":"ada"}}"#
        );
        let invalid = errcat::http_response(&Wire::<u8>::Invalid(7));
        assert_eq!(
            invalid.body(),
            br#"{"error":{"status":400,"message":"Bad Request","code":"Invalid","details":7}}"#
        );
        assert_eq!(
            errcat::http_response(&Custom).body(),
            br#"{"type":"Custom","message":"I'm a teapot"}"#
        );
    }
}

/// A type whose fields come from the caller of a `macro_rules!` that holds
/// the derive: the derive's locals must still resolve.
macro_rules! error_with_fields {
    ($name:ident { $($field:ident: $ty:ty),* }) => {
        #[derive(Debug, errcat::ApiError)]
        #[api(status = 400, format = "typed", message = "Bad {id}", details = "Details of {id}", display)]
        struct $name {
            $(
                #[api(expose)]
                $field: $ty,
            )*
            #[api(header = "X-Request")]
            request: u32,
            #[api(source)]
            cause: std::io::Error,
        }
    };
}

error_with_fields!(FromMacro { id: u64 });

#[test]
fn fields_from_another_macro_expand() {
    let error = FromMacro {
        id: 7,
        request: 3,
        cause: std::io::Error::other("disk"),
    };
    let response = errcat::http_response(&error);
    assert_eq!(response.headers()["x-request"], "3");
    assert_eq!(
        response.body(),
        br#"{"type":"FromMacro","message":"Bad 7","details":"Details of 7","id":7}"#
    );
    assert_eq!(
        std::error::Error::source(&error).unwrap().to_string(),
        "disk"
    );
}
