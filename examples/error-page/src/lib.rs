//! Payments API errors. This crate shows errcat's documentation generated at
//! build time: `build.rs` renders the page below from the catalog of
//! [`PaymentError`] into `OUT_DIR`, and this crate includes it in its rustdoc
//! (`cargo doc -p errcat-example-error-page --open`). The same page is
//! checked in as `errors.md` and kept fresh by the build script.
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/errors.md"))]

mod errors;

pub use self::errors::PaymentError;

#[cfg(test)]
mod tests {
    /// The page in the rustdoc is the checked-in one, and shows the body the
    /// API sends for the example value.
    #[test]
    fn rustdoc_page_is_the_checked_in_page() {
        let page = include_str!(concat!(env!("OUT_DIR"), "/errors.md"));
        assert_eq!(page, include_str!("../errors.md"));
        assert!(page.contains(r#"  "detail": "The card ending in 4242 was declined","#));
        assert!(page.contains(r#"  "last4": "4242""#));
    }
}
