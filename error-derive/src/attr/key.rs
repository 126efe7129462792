//! The keys of `#[api(...)]` and where each may stand.

/// Where an `#[api]` attribute sits; decides which keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Enum,
    Variant,
    /// A struct is its own single variant: it takes the keys of both.
    Struct,
    Field,
}

/// The keys of `#[api(...)]`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Status,
    Format,
    RenameAll,
    TypeBase,
    Display,
    Challenge,
    Code,
    Message,
    Details,
    Transparent,
    Expose,
    Header,
    Source,
    Deprecated,
    Locales,
    Fallback,
}

impl Key {
    pub(super) const ALL: [(&'static str, Key); 16] = [
        ("status", Key::Status),
        ("format", Key::Format),
        ("rename_all", Key::RenameAll),
        ("type_base", Key::TypeBase),
        ("display", Key::Display),
        ("challenge", Key::Challenge),
        ("code", Key::Code),
        ("message", Key::Message),
        ("details", Key::Details),
        ("transparent", Key::Transparent),
        ("expose", Key::Expose),
        ("header", Key::Header),
        ("source", Key::Source),
        ("deprecated", Key::Deprecated),
        ("locales", Key::Locales),
        ("fallback", Key::Fallback),
    ];

    pub(super) fn from_name(name: &str) -> Option<(&'static str, Key)> {
        Key::ALL.into_iter().find(|(key_name, _)| *key_name == name)
    }

    pub(super) fn accepted_at(self, position: Position) -> bool {
        use Position::{Enum, Field, Struct, Variant};
        match self {
            Key::Status => matches!(position, Enum | Variant | Struct),
            Key::Format
            | Key::RenameAll
            | Key::TypeBase
            | Key::Display
            | Key::Challenge
            | Key::Locales
            | Key::Fallback => {
                matches!(position, Enum | Struct)
            }
            Key::Code | Key::Message | Key::Transparent | Key::Deprecated => {
                matches!(position, Variant | Struct)
            }
            Key::Details => matches!(position, Variant | Struct | Field),
            Key::Expose | Key::Header | Key::Source => position == Field,
        }
    }

    /// Where the key belongs, for "goes on …" errors.
    pub(super) fn home(self) -> String {
        let homes: Vec<&str> = [
            (Position::Enum, "the type"),
            (Position::Variant, "a variant"),
            (Position::Field, "a field"),
        ]
        .into_iter()
        .filter(|(position, _)| self.accepted_at(*position))
        .map(|(_, home)| home)
        .collect();
        homes.join(" or ")
    }
}
