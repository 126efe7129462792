//! Framework integrations, one file each, behind a feature of the same name.
//!
//! Generated code may not test features (a `#[cfg(feature)]` in it would test
//! the user's crate), so every derived type calls one hook,
//! `__private::integrate!`, with its generics, and the hook's expansion
//! depends on errcat's own features: each integration adds its impls there.
//! Adding an integration: its file here, a `mod` line, a line in the hook
//! and the stub for when it is off, and its feature in `Cargo.toml`.

#[cfg(feature = "actix-web")]
pub mod actix_web;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "registry")]
pub mod registry;
#[cfg(feature = "tracing")]
pub mod tracing;
#[cfg(feature = "utoipa")]
pub mod utoipa;

/// Without the `tracing` feature, a rendered response is logged nowhere.
#[cfg(not(feature = "tracing"))]
pub(crate) mod tracing {
    #[inline(always)]
    pub(crate) fn rendered(_: &dyn crate::ApiError, _: http::StatusCode) {}
}

/// `integrate!(impl [generics] [Type<params>] [where clause])`: the impls
/// every enabled integration gives a derived type.
#[doc(hidden)]
#[macro_export]
macro_rules! __integrate {
    ($($input:tt)*) => {
        $crate::__integrate_axum! { $($input)* }
        $crate::__integrate_actix_web! { $($input)* }
        $crate::__integrate_registry! { $($input)* }
        $crate::__integrate_utoipa! { $($input)* }
    };
}

#[cfg(not(feature = "axum"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_axum {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "actix-web"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_actix_web {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "registry"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_registry {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_utoipa {
    ($($input:tt)*) => {};
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __responses_utoipa {
    ($($input:tt)*) => {};
}
