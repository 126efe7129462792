//! The built-in wire shapes, as far as the derive needs to know them: their
//! names and the members each writes itself.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Flat,
    Nested,
    Typed,
    Described,
    OAuth2,
    Problem,
}

impl Shape {
    pub(crate) const ALL: [(&'static str, Shape); 6] = [
        ("flat", Shape::Flat),
        ("nested", Shape::Nested),
        ("typed", Shape::Typed),
        ("described", Shape::Described),
        ("oauth2", Shape::OAuth2),
        ("problem", Shape::Problem),
    ];

    pub(crate) fn from_name(name: &str) -> Option<Shape> {
        Self::ALL
            .iter()
            .find(|(shape_name, _)| *shape_name == name)
            .map(|(_, shape)| *shape)
    }

    pub(crate) fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, shape)| *shape == self)
            .map_or("", |(name, _)| name)
    }

    /// The members the shape writes beside the exposed ones; an exposed member
    /// with one of these names would produce a duplicate key. `flat` nests
    /// exposed members under `details`, so nothing clashes there.
    pub(crate) fn own_members(self) -> &'static [&'static str] {
        match self {
            Shape::Flat => &[],
            Shape::Nested => &["status", "message", "code"],
            Shape::Typed => &["type", "message"],
            Shape::Described => &["message", "description"],
            Shape::OAuth2 => &["error", "error_description"],
            Shape::Problem => &["type", "title", "status", "detail", "code"],
        }
    }
}
