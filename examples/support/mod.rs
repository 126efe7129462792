//! Helpers shared by the examples; not an example itself.

use std::fmt::{self, Display};

use http::Response;

/// A response as it would travel over HTTP/1.1: the status line, one
/// `name: value` line per header, a blank line, then the body.
pub struct Wire<'a>(pub &'a Response<Vec<u8>>);

impl Display for Wire<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let response = self.0;
        writeln!(f, "{:?} {}", response.version(), response.status())?;
        for (name, value) in response.headers() {
            writeln!(f, "{name}: {}", String::from_utf8_lossy(value.as_bytes()))?;
        }
        writeln!(f)?;
        write!(f, "{}", String::from_utf8_lossy(response.body()))
    }
}
