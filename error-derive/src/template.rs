//! Message templates: `{field}`, `{0}`, `{{`, `}}` and Display specs such as
//! `{amount:>8.2}`, parsed once and checked against the fields by `valid`.

use std::fmt;

/// A parsed template.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Segment {
    /// Text written as is (braces already unescaped).
    Text(String),
    /// A field's Display value, with an optional spec (`>8.2`).
    Field { field: FieldRef, spec: String },
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum FieldRef {
    Named(String),
    Index(usize),
}

/// As written between the braces, for errors about the placeholder.
impl fmt::Display for FieldRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldRef::Named(name) => f.write_str(name),
            FieldRef::Index(index) => write!(f, "{index}"),
        }
    }
}

impl Template {
    /// Parses `text`; the error is a sentence for the whole literal.
    pub(crate) fn parse(text: &str) -> Result<Template, String> {
        let mut segments = Vec::new();
        let mut literal = String::new();
        let mut rest = text;
        while let Some(position) = find_brace(rest) {
            literal.push_str(&rest[..position]);
            let brace = &rest[position..];
            if let Some(after) = brace
                .strip_prefix("{{")
                .or_else(|| brace.strip_prefix("}}"))
            {
                literal.push_str(&brace[..1]);
                rest = after;
            } else if brace.starts_with('}') {
                return Err("unmatched `}`: write `}}` for a literal brace".to_owned());
            } else {
                let close = brace.find('}').ok_or_else(|| {
                    "unclosed `{`: close the placeholder with `}`, or write `{{` for a literal brace"
                        .to_owned()
                })?;
                let placeholder = &brace[1..close];
                if !literal.is_empty() {
                    segments.push(Segment::Text(std::mem::take(&mut literal)));
                }
                segments.push(parse_placeholder(placeholder)?);
                rest = &brace[close + 1..];
            }
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            segments.push(Segment::Text(literal));
        }
        Ok(Template { segments })
    }

    /// The text when no field is interpolated.
    pub(crate) fn as_literal(&self) -> Option<&str> {
        match self.segments.as_slice() {
            [] => Some(""),
            [Segment::Text(text)] => Some(text),
            _ => None,
        }
    }

    /// The text with each placeholder written `<field>` (`No user <id>`),
    /// as example bodies show it.
    pub(crate) fn placeholders(&self) -> String {
        if let Some(text) = self.as_literal() {
            return text.to_owned();
        }
        let mut text = String::new();
        for segment in &self.segments {
            match segment {
                Segment::Text(literal) => text.push_str(literal),
                Segment::Field { field, .. } => {
                    text.push('<');
                    text.push_str(&field.to_string());
                    text.push('>');
                }
            }
        }
        text
    }

    pub(crate) fn fields(&self) -> impl Iterator<Item = &FieldRef> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Field { field, .. } => Some(field),
            Segment::Text(_) => None,
        })
    }
}

/// Where the first `{` or `}` of `text` is. A byte search: the pattern
/// searcher of `str::find([..])` costs many times more in the unoptimized
/// builds proc macros usually get.
fn find_brace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' || bytes[i] == b'}' {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn parse_placeholder(placeholder: &str) -> Result<Segment, String> {
    let (name, spec) = placeholder.split_once(':').unwrap_or((placeholder, ""));
    let field = if name.is_empty() {
        return Err(format!(
            "`{{{placeholder}}}` needs a field: `{{name}}` for a named field, `{{0}}` for a tuple field"
        ));
    } else if let Ok(index) = name.parse::<usize>() {
        FieldRef::Index(index)
    } else if is_identifier(name) {
        FieldRef::Named(name.strip_prefix("r#").unwrap_or(name).to_owned())
    } else if name.trim() != name && !name.trim().is_empty() {
        return Err(format!(
            "`{{{placeholder}}}`: no spaces inside the braces; write `{{{}}}`",
            placeholder.trim()
        ));
    } else {
        return Err(format!("`{{{placeholder}}}` does not name a field"));
    };
    check_spec(spec).map_err(|problem| format!("`{{{placeholder}}}`: {problem}"))?;
    Ok(Segment::Field {
        field,
        spec: spec.to_owned(),
    })
}

fn is_identifier(name: &str) -> bool {
    let name = name.strip_prefix("r#").unwrap_or(name);
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|first| first == '_' || first.is_alphabetic())
        && chars.all(|c| c == '_' || c.is_alphanumeric())
}

/// Accepts `[[fill]align][0][width][.precision]`: everything Display honours
/// that does not need an extra argument.
fn check_spec(spec: &str) -> Result<(), String> {
    let mut rest = spec;
    let mut chars = rest.chars();
    match (chars.next(), chars.next()) {
        (Some(fill), Some('<' | '^' | '>')) => rest = &rest[fill.len_utf8() + 1..],
        (Some('<' | '^' | '>'), _) => rest = &rest[1..],
        _ => {}
    }
    rest = rest.strip_prefix('0').unwrap_or(rest);
    rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    if let Some(precision) = rest.strip_prefix('.') {
        rest = precision.trim_start_matches(|c: char| c.is_ascii_digit());
        if rest.len() == precision.len() {
            return Err("precision needs a number, like `.2`".to_owned());
        }
    }
    if rest.is_empty() {
        Ok(())
    } else if rest.ends_with('?') {
        Err(
            "Debug formatting (`?`) is not allowed in public text; templates use Display"
                .to_owned(),
        )
    } else {
        Err(format!(
            "unsupported format spec `{spec}`; templates use Display, with only fill, alignment, width and precision, like `{{amount:>8.2}}`"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Segment {
        Segment::Text(s.to_owned())
    }

    fn named(name: &str, spec: &str) -> Segment {
        Segment::Field {
            field: FieldRef::Named(name.to_owned()),
            spec: spec.to_owned(),
        }
    }

    #[test]
    fn parses_fields_braces_and_specs() {
        let template = Template::parse("{{id}} {model} #{0:>8.2} }}").unwrap();
        assert_eq!(
            template.segments,
            [
                text("{id} "),
                named("model", ""),
                text(" #"),
                Segment::Field {
                    field: FieldRef::Index(0),
                    spec: ">8.2".to_owned()
                },
                text(" }"),
            ]
        );
        assert_eq!(
            Template::parse("a {{b}}").unwrap().as_literal(),
            Some("a {b}")
        );
        assert_eq!(
            Template::parse("{r#type}").unwrap().segments,
            [named("type", "")]
        );
        assert_eq!(
            Template::parse("{x:*^10}").unwrap().segments,
            [named("x", "*^10")]
        );
        assert_eq!(
            Template::parse("{x:05}").unwrap().segments,
            [named("x", "05")]
        );
    }

    #[test]
    fn placeholders_replace_fields() {
        let template = Template::parse("Balance {1:.2} is below {min:>8} {{EUR}}").unwrap();
        assert_eq!(template.placeholders(), "Balance <1> is below <min> {EUR}");
    }

    #[test]
    fn refuses_what_display_templates_cannot_do() {
        for bad in [
            "{", "}", "a { b", "{}", "{:>5}", "{x:?}", "{x:#?}", "{x:x}", "{x:.}", "{x:1$}",
            "{a b}", "{x:.*}",
        ] {
            assert!(Template::parse(bad).is_err(), "{bad} should be refused");
        }
    }
}
