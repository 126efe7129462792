//! The built-in wire formats, one row each.
//!
//! The derive asks this table which members a format writes itself, where
//! exposed members go and which characters its codes may hold; the runtime
//! generates its dispatch and re-exports from the same rows
//! ([`builtin_formats!`] hands them to a macro of the caller's). A new
//! built-in format is one row here and one file in the runtime's `format/`
//! folder named after the row's module.

/// Calls `$callback!` with every built-in format as
/// `Type in module: "name", members [...], exposed Placement, code rule;`.
///
/// - `members`: what the format writes itself, beside the exposed members,
///   in the object exposed members join;
/// - `exposed`: [`Placement`] of exposed members;
/// - `code`: the [`CodeRule`] the format adds to the rule every code obeys.
macro_rules! builtin_formats {
    ($callback:ident) => {
        $callback! {
            Flat in flat: "flat",
                members ["message", "code", "details", "status_code"],
                exposed InDetails, code None;
            Nested in nested: "nested",
                members ["status", "message", "code"],
                exposed Inline, code None;
            Typed in typed: "typed",
                members ["type", "message"],
                exposed Inline, code None;
            Described in described: "described",
                members ["message", "description"],
                exposed Inline, code None;
            OAuth2 in oauth2: "oauth2",
                members ["error", "error_description"],
                exposed Inline, code Some(CodeRule::OAUTH2_ERROR);
            Problem in problem: "problem",
                members ["type", "title", "status", "detail", "code"],
                exposed Inline, code None;
        }
    };
}

/// Where a format writes exposed members and the details value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Beside the format's own members, the details value as a member named
    /// `details`: a member may not repeat one of the format's own.
    Inline,
    /// As the format's own `details` member (an object of them), which the
    /// details value fills instead: an error cannot have both.
    InDetails,
}

/// A restriction of the characters of a code, beyond RFC 3986's unreserved
/// set that every code is held to.
#[derive(Debug, Clone, Copy)]
pub struct CodeRule {
    /// What the code becomes in the format, for errors: "an OAuth 2.0 `error`".
    pub role: &'static str,
    /// The allowed characters, in words.
    pub allowed: &'static str,
    /// Whether `c` is allowed.
    pub allows: fn(char) -> bool,
}

impl CodeRule {
    /// RFC 6749 §5.2's `error`.
    pub const OAUTH2_ERROR: CodeRule = CodeRule {
        role: "an OAuth 2.0 `error`",
        allowed: "RFC 6749's character set, printable ASCII except `\"` and `\\`",
        allows: super::charset::is_nqschar,
    };
}

macro_rules! define_builtin {
    ($($format:ident in $module:ident: $name:literal,
        members $members:tt, exposed $exposed:ident, code $code:expr;)*) => {
        /// A built-in wire format.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Builtin {
            $(
                #[doc = concat!("`", $name, "`")]
                $format,
            )*
        }

        impl Builtin {
            /// Every built-in format, in the order of the table.
            pub const ALL: &'static [Builtin] = &[$(Builtin::$format,)*];

            /// The name `#[api(format = "...")]` gives it.
            #[must_use]
            pub const fn name(self) -> &'static str {
                match self {
                    $(Builtin::$format => $name,)*
                }
            }

            /// The members it writes itself, in the object exposed members join.
            #[must_use]
            pub const fn own_members(self) -> &'static [&'static str] {
                match self {
                    $(Builtin::$format => &$members,)*
                }
            }

            /// Where it writes exposed members.
            #[must_use]
            pub const fn placement(self) -> Placement {
                match self {
                    $(Builtin::$format => Placement::$exposed,)*
                }
            }

            /// The restriction it adds to the characters of codes.
            #[must_use]
            pub const fn code_rule(self) -> Option<CodeRule> {
                match self {
                    $(Builtin::$format => $code,)*
                }
            }
        }
    };
}

builtin_formats!(define_builtin);

impl Builtin {
    /// The format `#[api(format = "...")]` names.
    #[must_use]
    pub fn from_name(name: &str) -> Option<Builtin> {
        Builtin::ALL
            .iter()
            .copied()
            .find(|format| format.name() == name)
    }

    /// Whether an exposed member called `name` would repeat a member the
    /// format writes itself.
    #[must_use]
    pub fn clashes_with(self, name: &str) -> bool {
        self.placement() == Placement::Inline && self.own_members().contains(&name)
    }
}
