//! Source compiled into both errcat-derive and errcat (the runtime reaches
//! this folder through a symbolic link), so that the macro's checks and the
//! runtime's writing share one description of each fact: the built-in
//! formats and the layout of their bodies, the character sets of codes,
//! JSON string escaping, the byte search both use, the markdown table and
//! the reason phrase of a status without one.
//!
//! Only `core` is used here: the files must build in both crates.

pub mod charset;
#[macro_use]
pub mod formats;
pub mod json;
pub mod markdown;
pub mod reason;
pub mod swar;
