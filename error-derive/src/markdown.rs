//! The catalog table, rendered by the macro when it knows every row, so that
//! `Catalog::MARKDOWN` is a plain string literal and costs rustc nothing.
//!
//! Must render exactly what `errcat::docs::markdown` does; the suite's tests
//! compare the two on tricky text.

/// A row as the macro knows it.
pub(crate) struct Row<'a> {
    pub status: u16,
    pub code: &'a str,
    pub message: &'a str,
    pub description: &'a str,
}

pub(crate) fn table(rows: &[Row]) -> String {
    let mut table =
        String::from("| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n");
    for row in rows {
        table.push_str("| ");
        table.push_str(&row.status.to_string());
        for cell in [row.code, row.message, row.description] {
            table.push_str(" | ");
            push_cell(&mut table, cell);
        }
        table.push_str(" |\n");
    }
    table
}

/// Escapes markdown punctuation with a backslash and turns each line break
/// (`\n`, `\r` or `\r\n`) into `<br>`, so cell text can neither end the cell
/// nor become markup. A `_` between two ASCII letters or digits cannot open
/// or close emphasis and stays as it is.
fn push_cell(table: &mut String, text: &str) {
    let mut previous = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let intraword = c == '_'
            && previous.is_some_and(|p: char| p.is_ascii_alphanumeric())
            && chars.peek().is_some_and(char::is_ascii_alphanumeric);
        previous = Some(c);
        match c {
            '_' if intraword => table.push(c),
            '\r' | '\n' => {
                table.push_str("<br>");
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
            }
            '\\' | '|' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&' => {
                table.push('\\');
                table.push(c);
            }
            _ => table.push(c),
        }
    }
}
