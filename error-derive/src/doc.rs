//! Doc comments as catalog descriptions.

use syn::{Attribute, Expr, ExprLit, Lit, Meta};

/// The non-blank lines of the `///` and `/** */` comments in `attrs`, each
/// trimmed, joined with single spaces. `#[doc = include_str!(..)]` and other
/// non-literal docs are skipped: the macro cannot read them.
pub(crate) fn description(attrs: &[Attribute]) -> String {
    let mut description = String::new();
    for attr in attrs {
        let Meta::NameValue(doc) = &attr.meta else {
            continue;
        };
        if !doc.path.is_ident("doc") {
            continue;
        }
        let Expr::Lit(ExprLit {
            lit: Lit::Str(text),
            ..
        }) = &doc.value
        else {
            continue;
        };
        let text = crate::attr::string_value(text);
        for line in block_lines(&text).filter(|line| !line.is_empty()) {
            if !description.is_empty() {
                description.push(' ');
            }
            description.push_str(line);
        }
    }
    description
}

/// The trimmed lines of one doc attribute. A `/** */` block whose lines all
/// start with `*` loses those stars, as rustdoc drops them.
fn block_lines(text: &str) -> impl Iterator<Item = &str> {
    let starred = text.contains('\n')
        && text
            .lines()
            .skip(1)
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .all(|line| line.starts_with('*'));
    text.lines().map(move |line| {
        let line = line.trim();
        if starred {
            line.strip_prefix('*').map_or(line, str::trim_start)
        } else {
            line
        }
    })
}
