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
        for line in text
            .value()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
        {
            if !description.is_empty() {
                description.push(' ');
            }
            description.push_str(line);
        }
    }
    description
}
