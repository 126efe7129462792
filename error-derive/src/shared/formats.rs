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
/// - `members`: the members the format writes itself, in order, each with
///   the [`Value`] it holds; exposed members join the same object;
/// - `exposed`: the [`Placement`] of exposed members;
/// - `code_rule`: the [`CodeRule`] the format adds to the rule every code
///   obeys;
/// - `text`: the [`TextRule`] its code and message are written under;
/// - `object`: the member of the body that holds that object, or `None` for
///   the body itself;
/// - `content_type`: the `Content-Type` of its responses.
///
/// This is the one description of each body: the derive writes constant
/// bodies from it, and the runtime's serde `Format` impls and its direct
/// JSON writer walk it.
///
/// A consumer that needs only the type and module matches each row as
/// `$format:ident in $module:ident $row:tt`.
macro_rules! builtin_formats {
    ($callback:ident) => {
        $callback! {
            Flat in flat {
                name: "flat",
                members: { "message": Message, "code": Code, "details": Details, "status_code": Status },
                exposed: InDetails,
                code_rule: None,
                text: AsIs,
                object: None,
                content_type: "application/json",
            }
            Nested in nested {
                name: "nested",
                members: { "status": Status, "message": Message, "code": Code },
                exposed: Inline,
                code_rule: None,
                text: AsIs,
                object: Some("error"),
                content_type: "application/json",
            }
            Typed in typed {
                name: "typed",
                members: { "type": Code, "message": Message },
                exposed: Inline,
                code_rule: None,
                text: AsIs,
                object: None,
                content_type: "application/json",
            }
            Described in described {
                name: "described",
                members: { "message": Reason, "description": Message },
                exposed: Inline,
                code_rule: None,
                text: AsIs,
                object: None,
                content_type: "application/json",
            }
            OAuth2 in oauth2 {
                name: "oauth2",
                members: { "error": Code, "error_description": Message },
                exposed: Inline,
                code_rule: Some(CodeRule::OAUTH2_ERROR),
                text: Rfc6749,
                object: None,
                content_type: "application/json",
            }
            Problem in problem {
                name: "problem",
                members: { "type": TypeUri, "title": Reason, "status": Status, "detail": Message, "code": Code },
                exposed: Inline,
                code_rule: None,
                text: AsIs,
                object: None,
                content_type: "application/problem+json",
            }
        }
    };
}

/// What one of a format's own members holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// The status, a number.
    Status,
    /// The code.
    Code,
    /// The public message.
    Message,
    /// The reason phrase of the status.
    Reason,
    /// The type's `type_base` followed by the code, or `about:blank`
    /// without a `type_base`.
    TypeUri,
    /// The details value; without one, an object of the exposed members;
    /// without those, the member is left out.
    Details,
}

/// The [`Value::TypeUri`] of an error whose type has no `type_base`.
pub const ABOUT_BLANK: &str = "about:blank";

/// One of a format's own members: its key and what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Member {
    /// The key, which needs no JSON escaping.
    pub key: &'static str,
    /// What it holds.
    pub value: Value,
}

/// How a format writes its code and message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextRule {
    /// As they are.
    AsIs,
    /// With each character outside RFC 6749's `NQSCHAR` replaced
    /// ([`replace_outside_nqschar`](super::charset::replace_outside_nqschar)).
    Rfc6749,
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
        members: { $($key:literal: $value:ident),* },
        exposed: $exposed:ident,
        code_rule: $code_rule:expr,
        text: $text:ident,
        object: $object:expr,
        content_type: $content_type:literal,
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

            /// The members it writes itself, in order, with what each holds.
            #[must_use]
            pub const fn layout(self) -> &'static [Member] {
                match self {
                    $(Builtin::$format => &[$(Member { key: $key, value: Value::$value }),*],)*
                }
            }

            /// The keys of the members it writes itself, in the object
            /// exposed members join.
            #[must_use]
            pub const fn own_members(self) -> &'static [&'static str] {
                match self {
                    $(Builtin::$format => &[$($key),*],)*
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

            /// How it writes its code and message.
            #[must_use]
            pub const fn text_rule(self) -> TextRule {
                match self {
                    $(Builtin::$format => TextRule::$text,)*
                }
            }

            /// The `Content-Type` of its responses.
            #[must_use]
            #[allow(dead_code, reason = "read by the runtime, not by the derive")]
            pub const fn content_type(self) -> &'static str {
                match self {
                    $(Builtin::$format => $content_type,)*
                }
            }

            /// The member of the body holding its own members, or `None` when
            /// the body itself holds them.
            #[must_use]
            pub const fn object(self) -> Option<&'static str> {
                match self {
                    $(Builtin::$format => $object,)*
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

    /// The member holding the code, if it writes the code.
    #[must_use]
    #[allow(dead_code, reason = "read by the runtime's client, not by the derive")]
    pub fn code_member(self) -> Option<&'static str> {
        self.member_holding(Value::Code)
    }

    /// The member holding the message.
    #[must_use]
    #[allow(dead_code, reason = "read by the runtime's client, not by the derive")]
    pub fn message_member(self) -> &'static str {
        self.member_holding(Value::Message).unwrap_or_default()
    }

    fn member_holding(self, value: Value) -> Option<&'static str> {
        self.layout()
            .iter()
            .find(|member| member.value == value)
            .map(|member| member.key)
    }

    /// Whether an exposed member called `name` would repeat a member the
    /// format writes itself.
    #[must_use]
    pub fn clashes_with(self, name: &str) -> bool {
        self.placement() == Placement::Inline && self.own_members().contains(&name)
    }
}
