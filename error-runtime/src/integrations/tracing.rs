//! tracing: every response errcat renders ([`http_response`] and
//! [`http_response_with`], which the axum and actix-web integrations call) is
//! logged as one event.
//!
//! [`http_response`]: crate::http_response
//! [`http_response_with`]: crate::http_response_with
//!
//! The event has target `errcat`, level `ERROR` for a 5xx and `DEBUG` for a
//! 4xx, the message `error response`, and these fields, in this order:
//!
//! | field | value | when |
//! |---|---|---|
//! | `error.code` | the code, a string | always |
//! | `http.status` | the status, a number | always |
//! | `error.debug` | the value's `Debug` | the type implements `Debug` |
//! | `error.display` | the value's `Display` | the type implements `std::error::Error` |
//! | `error.sources` | each error of the `source()` chain, by its `Display`, as a list of quoted strings: `["timed out", "connection reset"]` | the type implements `std::error::Error` and has a source |
//!
//! `Debug` and `Error` are those of the type itself, found where the derive
//! sees the concrete type: a type with type parameters, or a hand-written
//! [`Describe`](crate::Describe), is logged with its code and status only.
//! For a `#[api(display)]` type, `Display` is the public message; next to
//! `#[derive(thiserror::Error)]`, it is thiserror's.
//!
//! Each text field holds at most 8 KiB: longer text is cut at a character
//! boundary and ends with `…<truncated>` (formatting stops there, so a huge
//! `Debug` costs no more than its first 8 KiB). A `Debug` or `Display` that
//! fails ends its text with `<fmt error>`; logging never panics.
//!
//! Logs are not the wire: the body still holds only the message and the
//! exposed fields. But `Debug` goes to the logs as it is, so a field that
//! must not be logged needs a `Debug` that hides it.
//!
//! ```
//! use errcat::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(display)]
//! enum AppError {
//!     /// Logged at `ERROR` with the source chain; the body says "Internal Server Error".
//!     #[api(status = 500)]
//!     Storage {
//!         #[api(source)]
//!         cause: std::io::Error,
//!     },
//! }
//!
//! let error = AppError::Storage { cause: std::io::Error::other("disk full") };
//! let response = errcat::http_response(&error); // logs the event
//! assert_eq!(response.status(), 500);
//! ```

use core::error::Error;
use core::fmt::{self, Debug, Display, Write};

use ::tracing::Level;
use ::tracing::field::DisplayValue;
use http::StatusCode;

use crate::ApiError;

/// The most bytes of text one field holds.
const FIELD_LIMIT: usize = 8 * 1024;

/// Logs that errcat rendered `error` into a response. The fields are
/// computed only when a subscriber wants the event.
pub(crate) fn rendered(error: &dyn ApiError, status: StatusCode) {
    macro_rules! emit {
        ($level:expr) => {
            ::tracing::event!(
                target: "errcat",
                $level,
                error.code = error.code(),
                http.status = status.as_u16(),
                error.debug = field(error.__inspect().debug.map(Text::Debug)),
                error.display = field(error.__inspect().error.map(|error| Text::Display(error))),
                error.sources = field(sources(error).map(Text::Sources)),
                "error response",
            )
        };
    }
    if status.is_server_error() {
        emit!(Level::ERROR);
    } else {
        emit!(Level::DEBUG);
    }
}

/// The error whose `source()` chain is logged: the value itself, when it is
/// an `Error` with a source.
fn sources(error: &dyn ApiError) -> Option<&dyn Error> {
    let error = error.__inspect().error?;
    error.source().is_some().then_some(error)
}

fn field(text: Option<Text<'_>>) -> Option<DisplayValue<Text<'_>>> {
    text.map(::tracing::field::display)
}

/// A field's text, written at most [`FIELD_LIMIT`] bytes long, and never
/// failing unless the subscriber's own writer does.
#[derive(Clone, Copy)]
enum Text<'a> {
    Debug(&'a dyn Debug),
    Display(&'a dyn Display),
    /// The `source()` chain below an error.
    Sources(&'a dyn Error),
}

impl Display for Text<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Capped {
            out: f,
            left: FIELD_LIMIT,
            state: State::Open,
        };
        let result = match *self {
            Text::Debug(value) => write!(out, "{value:?}"),
            Text::Display(value) => write!(out, "{value}"),
            Text::Sources(error) => write_sources(&mut out, error),
        };
        out.finish(result)
    }
}

/// `["first source", "second source", ...]`, each `Display` escaped as a
/// string's `Debug`; a source whose `Display` fails ends with `<fmt error>`
/// and the list goes on.
fn write_sources(out: &mut Capped, error: &dyn Error) -> fmt::Result {
    out.write_str("[")?;
    let mut source = error.source();
    let mut first = true;
    while let Some(error) = source {
        if !first {
            out.write_str(", ")?;
        }
        first = false;
        out.write_str("\"")?;
        if write!(Escaped(out), "{error}").is_err() {
            out.failed()?;
        }
        out.write_str("\"")?;
        source = error.source();
    }
    out.write_str("]")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Open,
    /// The limit was reached: what was written is all there will be.
    Full,
    /// The subscriber's writer failed.
    Broken,
}

/// Writes into `out` until `left` bytes are spent, then refuses (an error,
/// so that the value being formatted stops early).
struct Capped<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    left: usize,
    state: State,
}

impl Capped<'_, '_> {
    /// Ends the text of a value whose formatting gave `result`.
    fn finish(self, result: fmt::Result) -> fmt::Result {
        match self.state {
            State::Full => self.out.write_str("…<truncated>"),
            State::Broken => Err(fmt::Error),
            State::Open if result.is_err() => self.out.write_str("<fmt error>"),
            State::Open => Ok(()),
        }
    }

    /// Marks where a value's own formatting failed, and goes on; an error
    /// only when there is no going on.
    fn failed(&mut self) -> fmt::Result {
        match self.state {
            State::Open => self.write_str("<fmt error>"),
            State::Full | State::Broken => Err(fmt::Error),
        }
    }
}

impl Write for Capped<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.state != State::Open {
            return Err(fmt::Error);
        }
        let mut end = s.len().min(self.left);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        if self.out.write_str(&s[..end]).is_err() {
            self.state = State::Broken;
            return Err(fmt::Error);
        }
        self.left -= end;
        if end < s.len() {
            self.state = State::Full;
            return Err(fmt::Error);
        }
        Ok(())
    }
}

/// Escapes text the way `str`'s `Debug` does, as it streams through.
struct Escaped<'a, 'b, 'c>(&'a mut Capped<'b, 'c>);

impl Write for Escaped<'_, '_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write!(self.0, "{}", s.escape_debug())
    }
}
