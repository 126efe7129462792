//! Doc comments as catalog descriptions.

/// Adds the non-blank lines of one `///` or `/** */` comment to
/// `description`, each trimmed, joined with single spaces. Only literal
/// docs come here: the macro cannot read `#[doc = include_str!(..)]`.
pub(crate) fn add_comment(description: &mut String, text: &str) {
    for line in block_lines(text).filter(|line| !line.is_empty()) {
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str(line);
    }
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
