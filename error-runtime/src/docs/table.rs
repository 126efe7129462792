//! GFM tables: the columns of the error table, and one renderer for every
//! table errcat writes, escaping each cell with the rule of
//! [`markdown`](super::markdown).

use core::fmt::Write as _;

use crate::ErrorEntry;
use crate::shared::markdown::Out;

/// A column of the error table rendered by [`Docs`](super::Docs).
///
/// The default columns, [`Column::DEFAULT`], give the table of
/// [`markdown`](super::markdown).
///
/// ```
/// use errcat::docs::{Column, Docs};
/// use errcat::{ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
///     EmailTaken,
/// }
///
/// let table = Docs::new()
///     .catalog::<UserError>()
///     .columns([Column::Code, Column::Status, Column::Reason, Column::Variant])
///     .error_table()
///     .unwrap();
/// assert_eq!(
///     table,
///     "| Code | Status | Reason phrase | Variant |\n\
///      | --- | --- | --- | --- |\n\
///      | EmailAlreadyExists | 409 | Conflict | EmailTaken |\n",
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Column {
    /// `Status`: the status number.
    Status,
    /// `Reason phrase`: the reason phrase of the status ("Conflict").
    Reason,
    /// `Code`: the stable code.
    Code,
    /// `Message`: the message template as written, or the reason phrase.
    Message,
    /// `Description`: the doc comment of the variant, after
    /// `Deprecated: <note>.` for a deprecated code.
    Description,
    /// `Variant`: the variant's name in Rust (the type's name for a struct).
    Variant,
    /// Headed by the language tag: the message in that locale, written like
    /// the `Message` column (fields as `{field}`, a selector as its default
    /// variant), or the default language's when the locale does not
    /// translate the code. [`Docs::locale_columns`](super::Docs::locale_columns)
    /// adds one per locale of the catalogs.
    #[cfg(feature = "locales")]
    Translation(&'static str),
}

impl Column {
    /// `Status`, `Code`, `Message`, `Description`: the columns of
    /// [`markdown`](super::markdown) and of [`Catalog::MARKDOWN`](crate::Catalog::MARKDOWN).
    ///
    /// ```
    /// use errcat::docs::Column;
    ///
    /// let headers: Vec<_> = Column::DEFAULT.iter().map(|column| column.header()).collect();
    /// assert_eq!(headers, ["Status", "Code", "Message", "Description"]);
    /// ```
    pub const DEFAULT: [Column; 4] = [
        Column::Status,
        Column::Code,
        Column::Message,
        Column::Description,
    ];

    /// The column's header.
    ///
    /// ```
    /// assert_eq!(errcat::docs::Column::Reason.header(), "Reason phrase");
    /// ```
    #[must_use]
    pub fn header(self) -> &'static str {
        match self {
            Column::Status => "Status",
            Column::Reason => "Reason phrase",
            Column::Code => "Code",
            Column::Message => "Message",
            Column::Description => "Description",
            Column::Variant => "Variant",
            #[cfg(feature = "locales")]
            Column::Translation(tag) => tag,
        }
    }

    /// The escaped cell of `entry` in this column, in the default language.
    pub(super) fn cell(self, entry: &ErrorEntry) -> String {
        match self {
            Column::Status => entry.status.to_string(),
            Column::Reason => escape(entry.reason()),
            Column::Code => escape(entry.code),
            Column::Message => escape(entry.message),
            #[cfg(feature = "locales")]
            Column::Translation(_) => escape(entry.message),
            Column::Description => crate::markdown::description_cell(entry),
            Column::Variant => escape(entry.name),
        }
    }
}

/// `text` escaped so that it cannot end a table cell or row nor turn into
/// markup: the escaping of every errcat table, also used for other inline
/// text (headings) of generated pages.
pub(super) fn escape(text: &str) -> String {
    crate::markdown::cell(text)
}

/// How a column's text is aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Align {
    /// No alignment given (`---`).
    Plain,
    /// Centered (`:---:`).
    Center,
}

/// A table of already escaped cells.
pub(super) struct Table {
    headers: Vec<(String, Align)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these headers (escaped here) and no row.
    pub(super) fn new<'h>(headers: impl IntoIterator<Item = (&'h str, Align)>) -> Self {
        Table {
            headers: headers
                .into_iter()
                .map(|(header, align)| (escape(header), align))
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row of escaped cells, one per header.
    pub(super) fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.headers.len());
        self.rows.push(cells);
    }

    /// The table with one space around each cell and `---` under each
    /// header: the layout of [`markdown`](super::markdown).
    pub(super) fn plain(&self) -> String {
        let delimiters: Vec<&str> = self
            .headers
            .iter()
            .map(|(_, align)| match align {
                Align::Plain => "---",
                Align::Center => ":---:",
            })
            .collect();
        crate::markdown::written(|out| {
            let headers = self.headers.iter().map(|(header, _)| header.as_str());
            written_line(out, headers);
            written_line(out, delimiters.iter().copied());
            for row in &self.rows {
                written_line(out, row.iter().map(String::as_str));
            }
        })
    }

    /// The table with every column padded to its widest cell, so that it
    /// also reads as a table in plain text (the layout of a classic API guide's status table).
    pub(super) fn padded(&self) -> String {
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|column| {
                let header = width(&self.headers[column].0);
                let cells = self.rows.iter().map(|row| width(&row[column]));
                cells.fold(header.max(3), usize::max)
            })
            .collect();
        let mut out = String::new();
        let headers = self.headers.iter().map(|(header, _)| header.as_str());
        line(&mut out, headers, |column| widths[column]);
        out.push('|');
        for ((_, align), &width) in self.headers.iter().zip(&widths) {
            let dashes = "-".repeat(width);
            match align {
                Align::Plain => {
                    let _ = write!(out, "-{dashes}-|");
                }
                Align::Center => {
                    let _ = write!(out, ":{dashes}:|");
                }
            }
        }
        out.push('\n');
        for row in &self.rows {
            line(&mut out, row.iter().map(String::as_str), |column| {
                widths[column]
            });
        }
        out
    }
}

/// Writes `| a | b |` and a line break, the cells as they are (escaped
/// already), with the catalog table's separators.
fn written_line<'c>(out: &mut Out, cells: impl Iterator<Item = &'c str>) {
    for (column, cell) in cells.enumerate() {
        out.cell_start(column == 0);
        out.bytes(cell.as_bytes());
    }
    out.row_end();
}

/// Writes `| a | b |` and a line break, padding each cell to `pad(column)`
/// characters.
fn line<'c>(out: &mut String, cells: impl Iterator<Item = &'c str>, pad: impl Fn(usize) -> usize) {
    out.push('|');
    for (column, cell) in cells.enumerate() {
        let _ = write!(out, " {cell:<width$} |", width = pad(column));
    }
    out.push('\n');
}

/// The width of a cell in plain text, counted in characters.
fn width(cell: &str) -> usize {
    cell.chars().count()
}
