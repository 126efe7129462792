//! The built-in wire formats, one row each.
//!
//! The derive asks this table which members a format writes itself, where
//! exposed members go and which characters its codes may hold; the runtime
//! generates its dispatch and re-exports from the same rows
//! ([`builtin_formats!`] hands them to a macro of the caller's). A new
//! built-in format is one row here and one file in the runtime's `format/`
//! folder named after the row's module.

/// Calls `$callback!` with every built-in format as
/// `Type in module { name: ..., ... }`, one row each:
///
/// - `name`: what `#[api(format = "...")]` calls it;
/// - `members`: what the format writes itself beside the exposed members,
///   in the object exposed members join;
/// - `exposed`: the [`Placement`] of exposed members;
/// - `code_rule`: the [`CodeRule`] the format adds to the rule every code
///   obeys;
/// - `object`: the member of the body that holds that object, or `None` for
///   the body itself;
/// - `code_member`, `message_member`: the members holding the code (if the
///   format writes it) and the message.
///
/// A consumer that needs only the type and module matches each row as
/// `$format:ident in $module:ident $row:tt`.
macro_rules! builtin_formats {
    ($callback:ident) => {
        $callback! {
            Flat in flat {
                name: "flat",
                members: ["message", "code", "details", "status_code"],
                exposed: InDetails,
                code_rule: None,
                object: None,
                code_member: Some("code"),
                message_member: "message",
            }
            Nested in nested {
                name: "nested",
                members: ["status", "message", "code"],
                exposed: Inline,
                code_rule: None,
                object: Some("error"),
                code_member: Some("code"),
                message_member: "message",
            }
            Typed in typed {
                name: "typed",
                members: ["type", "message"],
                exposed: Inline,
                code_rule: None,
                object: None,
                code_member: Some("type"),
                message_member: "message",
            }
            Described in described {
                name: "described",
                members: ["message", "description"],
                exposed: Inline,
                code_rule: None,
                object: None,
                code_member: None,
                message_member: "description",
            }
            OAuth2 in oauth2 {
                name: "oauth2",
                members: ["error", "error_description"],
                exposed: Inline,
                code_rule: Some(CodeRule::OAUTH2_ERROR),
                object: None,
                code_member: Some("error"),
                message_member: "error_description",
            }
            Problem in problem {
                name: "problem",
                members: ["type", "title", "status", "detail", "code"],
                exposed: Inline,
                code_rule: None,
                object: None,
                code_member: Some("code"),
                message_member: "detail",
            }
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
    ($($format:ident in $module:ident {
        name: $name:literal,
        members: $members:tt,
        exposed: $exposed:ident,
        code_rule: $code_rule:expr,
        object: $object:expr,
        code_member: $code_member:expr,
        message_member: $message_member:literal,
    })*) => {
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
                    $(Builtin::$format => $code_rule,)*
                }
            }

            /// The member of the body holding its own members, or `None` when
            /// the body itself holds them.
            #[must_use]
            #[allow(dead_code, reason = "read by the runtime's client, not by the derive")]
            pub const fn object(self) -> Option<&'static str> {
                match self {
                    $(Builtin::$format => $object,)*
                }
            }

            /// The member holding the code, if it writes the code.
            #[must_use]
            #[allow(dead_code, reason = "read by the runtime's client, not by the derive")]
            pub const fn code_member(self) -> Option<&'static str> {
                match self {
                    $(Builtin::$format => $code_member,)*
                }
            }

            /// The member holding the message.
            #[must_use]
            #[allow(dead_code, reason = "read by the runtime's client, not by the derive")]
            pub const fn message_member(self) -> &'static str {
                match self {
                    $(Builtin::$format => $message_member,)*
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
