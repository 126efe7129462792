//! The page builder: which catalogs, which parts, in which order.

use std::collections::BTreeMap;

use http::StatusCode;

use super::examples::{self, pretty_json};
#[cfg(feature = "locales")]
use super::locales::{Style, Templates};
use super::merge::{Bodies, DocsError, Merged, Row, merge};
use super::status::{fallback, status_description};
use super::table::{Align, Column, Table, escape};
use crate::format::Format;
use crate::locale::Translations;
use crate::placeholder::Placeholder;
use crate::{ApiError, Catalog, Envelope, ErrorEntry};

/// An example body, or why it could not be written; `None` for none.
type Body = Option<Result<String, String>>;

/// A documentation page built from one or more catalogs.
///
/// Add catalogs with [`catalog`](Self::catalog),
/// [`catalog_of`](Self::catalog_of) or [`catalog_in`](Self::catalog_in)
/// (their rows are merged in order; a code defined twice with a different
/// status or message is an error naming both), pick the parts with
/// [`sections`](Self::sections), then [`render`](Self::render) the page, or
/// one part alone with [`status_table`](Self::status_table),
/// [`error_table`](Self::error_table) or
/// [`example_bodies`](Self::example_bodies).
///
/// A page is, in order: `# title` and the intro, if given, then each section
/// under a `##` heading — "Status codes", "Errors", "Example responses" —
/// with each example body under a `###` heading naming its code. Every
/// table is a GFM table whose cells are escaped as in
/// [`markdown`](super::markdown).
///
/// ```
/// use errcat::docs::{Docs, Section};
/// use errcat::{ApiError, Catalog};
///
/// /// Errors of the users API.
/// #[derive(Debug, ApiError)]
/// #[api(format = "nested")]
/// enum UserError {
///     /// Each email belongs to one account.
///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
///     EmailTaken,
///     #[api(status = 404, message = "No user {id}")]
///     UserNotFound { id: u64 },
/// }
///
/// let page = Docs::new()
///     .title("Errors")
///     .intro("Every error has a status, a stable code and a message.")
///     .catalog_of(&UserError::EmailTaken)
///     .sort_by_status()
///     .sections([Section::StatusTable, Section::ErrorTable, Section::ExampleBodies])
///     .render()
///     .unwrap();
///
/// let expected = [
///     "# Errors",
///     "",
///     "Every error has a status, a stable code and a message.",
///     "",
///     "## Status codes",
///     "",
///     "| Status code | Reason phrase | Description                                                      |",
///     "|:-----------:|:-------------:|------------------------------------------------------------------|",
///     "| 404         | Not Found     | The requested resource does not exist, or is not visible to you. |",
///     "| 409         | Conflict      | The request conflicts with the current state of the resource.    |",
///     "",
///     "## Errors",
///     "",
///     "| Status | Code | Message | Description |",
///     "| --- | --- | --- | --- |",
///     "| 404 | UserNotFound | No user {id} |  |",
///     "| 409 | EmailAlreadyExists | This email is already in use. | Each email belongs to one account. |",
///     "",
///     "## Example responses",
///     "",
///     "### UserNotFound",
///     "",
///     "404 Not Found",
///     "",
///     "```json",
///     "{",
///     r#"  "error": {"#,
///     r#"    "status": 404,"#,
///     r#"    "message": "No user <id>","#,
///     r#"    "code": "UserNotFound""#,
///     "  }",
///     "}",
///     "```",
///     "",
///     "### EmailAlreadyExists",
///     "",
///     "409 Conflict",
///     "",
///     "```json",
///     "{",
///     r#"  "error": {"#,
///     r#"    "status": 409,"#,
///     r#"    "message": "This email is already in use.","#,
///     r#"    "code": "EmailAlreadyExists""#,
///     "  }",
///     "}",
///     "```",
/// ];
/// assert_eq!(page.lines().collect::<Vec<_>>(), expected);
/// ```
#[derive(Debug, Clone)]
pub struct Docs {
    title: Option<String>,
    intro: Option<String>,
    rows: Vec<Row>,
    examples: Vec<Row>,
    columns: Vec<Column>,
    sort_by_status: bool,
    descriptions: BTreeMap<u16, String>,
    sections: Vec<Section>,
    /// The language of the messages, as given to [`Docs::locale`].
    #[cfg(feature = "locales")]
    locale: Option<String>,
    #[cfg(feature = "locales")]
    locale_columns: bool,
}

/// A part of the page [`Docs::render`] writes.
///
/// ```
/// use errcat::docs::{Docs, Section};
/// use errcat::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 503)]
/// struct Maintenance;
///
/// let page = Docs::new()
///     .catalog::<Maintenance>()
///     .sections([Section::StatusTable])
///     .render()
///     .unwrap();
/// assert!(page.starts_with("## Status codes\n\n| Status code | Reason phrase       |"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Section {
    /// "Status codes": [`Docs::status_table`].
    StatusTable,
    /// "Errors": [`Docs::error_table`].
    ErrorTable,
    /// "Example responses": [`Docs::example_bodies`] (left out when there
    /// is no body to show).
    ExampleBodies,
}

impl Section {
    fn heading(self) -> &'static str {
        match self {
            Section::StatusTable => "Status codes",
            Section::ErrorTable => "Errors",
            Section::ExampleBodies => "Example responses",
        }
    }
}

impl Default for Docs {
    fn default() -> Self {
        Docs::new()
    }
}

impl Docs {
    /// An empty page: no catalog, no title; the error table alone, in the
    /// columns of [`Column::DEFAULT`].
    ///
    /// ```
    /// let page = errcat::docs::Docs::new().render().unwrap();
    /// assert_eq!(page, "## Errors\n\n| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n");
    /// ```
    #[must_use]
    pub fn new() -> Self {
        Docs {
            title: None,
            intro: None,
            rows: Vec::new(),
            examples: Vec::new(),
            columns: Column::DEFAULT.to_vec(),
            sort_by_status: false,
            descriptions: BTreeMap::new(),
            sections: vec![Section::ErrorTable],
            #[cfg(feature = "locales")]
            locale: None,
            #[cfg(feature = "locales")]
            locale_columns: false,
        }
    }

    /// Adds the rows of `T`'s catalog, without example bodies (give the
    /// format with [`catalog_of`](Self::catalog_of) or
    /// [`catalog_in`](Self::catalog_in) for those, or values with
    /// [`example`](Self::example)).
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UserError {
    ///     #[api(status = 404)]
    ///     UserNotFound,
    /// }
    ///
    /// let table = Docs::new().catalog::<UserError>().error_table().unwrap();
    /// assert_eq!(table, UserError::MARKDOWN);
    /// ```
    #[must_use]
    pub fn catalog<T: Catalog>(mut self) -> Self {
        self.add::<T>(|_, _| None);
        self
    }

    /// Adds the rows of the catalog of `error`'s type, each with an example
    /// body in the format that type declares (its `format`, and `type_base`
    /// for the `problem` format). The value only names the type; see
    /// [`catalog_with_bodies`](Self::catalog_with_bodies), which needs none.
    ///
    /// Without a value of each error, a body shows the members the format
    /// writes from the catalog row: code, status, reason phrase and message,
    /// the message's placeholders written `<field>` (`"No user <id>"`).
    /// Exposed members, details and headers need a value: give one with
    /// [`example`](Self::example).
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "typed", rename_all = "snake_case")]
    /// enum OrderError {
    ///     #[api(status = 404, message = "Couldn't find {model} with 'id'={id}")]
    ///     NotFound { model: &'static str, id: u64 },
    /// }
    ///
    /// let bodies = Docs::new()
    ///     .catalog_of(&OrderError::NotFound { model: "Order", id: 1 })
    ///     .example_bodies()
    ///     .unwrap();
    /// assert!(bodies.contains(
    ///     "{\n  \"type\": \"not_found\",\n  \"message\": \"Couldn't find <model> with 'id'=<id>\"\n}"
    /// ));
    /// ```
    #[must_use]
    pub fn catalog_of<T: Catalog + ApiError>(self, error: &T) -> Self {
        let _ = error;
        self.catalog_with_bodies::<T>()
    }

    /// Adds the rows of `T`'s catalog, each with an example body in the
    /// format `T` declares, as [`catalog_of`](Self::catalog_of) does,
    /// without needing a value.
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "nested")]
    /// enum UserError {
    ///     #[api(status = 404, message = "No user {id}")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let bodies = Docs::new().catalog_with_bodies::<UserError>().example_bodies().unwrap();
    /// assert!(bodies.contains(r#""message": "No user <id>","#));
    /// ```
    #[must_use]
    pub fn catalog_with_bodies<T: Catalog>(mut self) -> Self {
        self.add::<T>(|entry, message| {
            let error = Placeholder::new(entry, T::__SETTINGS).with_message(message);
            Some(pretty_json(&Envelope::new(&error)))
        });
        self
    }

    /// Adds the rows of `T`'s catalog, each with an example body in
    /// `format`, written as [`catalog_of`](Self::catalog_of) writes them
    /// (with the type's `type_base` for a [`Problem`] body).
    ///
    /// [`Problem`]: crate::format::Problem
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::{ApiError, format};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UserError {
    ///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
    ///     EmailTaken,
    /// }
    ///
    /// let bodies = Docs::new()
    ///     .catalog_in::<UserError, _>(format::OAuth2)
    ///     .example_bodies()
    ///     .unwrap();
    /// assert!(bodies.contains(
    ///     "{\n  \"error\": \"EmailAlreadyExists\",\n  \"error_description\": \"This email is already in use.\"\n}"
    /// ));
    /// ```
    #[must_use]
    pub fn catalog_in<T: Catalog, F: Format>(mut self, format: F) -> Self {
        self.add::<T>(|entry, message| {
            let error = Placeholder::new(entry, T::__SETTINGS).with_message(message);
            Some(pretty_json(&Envelope::with_format(&error, &format)))
        });
        self
    }

    /// Adds `T`'s rows, each with the bodies `body` writes for it.
    fn add<T: Catalog>(&mut self, body: impl Fn(&'static ErrorEntry, Option<String>) -> Body) {
        self.add_rows(
            core::any::type_name::<T>(),
            T::ENTRIES,
            T::__TRANSLATIONS,
            body,
        );
    }

    /// Adds `entries`, of the type `type_name` with `translations`, each
    /// with the body `body` writes for it: with the message of the row
    /// (`None`), and with its translation in each locale that has one.
    fn add_rows(
        &mut self,
        type_name: &'static str,
        entries: &'static [ErrorEntry],
        translations: &'static Translations,
        body: impl Fn(&'static ErrorEntry, Option<String>) -> Body,
    ) {
        #[cfg(feature = "locales")]
        let (mut templates, locales) = (Templates::default(), {
            let mut locales = Vec::new();
            super::locales::locales(translations, &mut locales);
            locales
        });
        self.rows.extend(entries.iter().map(|entry| {
            let body = body(entry, None).map(|default| {
                #[cfg(feature = "locales")]
                let localized = locales
                    .iter()
                    .filter_map(|locale| {
                        let message = templates.message(locale, entry.code, Style::Body)?;
                        Some((locale.tag, body(entry, Some(message))?))
                    })
                    .collect();
                #[cfg(not(feature = "locales"))]
                let localized = Vec::new();
                Bodies { default, localized }
            });
            Row {
                entry,
                type_name,
                translations,
                body,
            }
        }));
    }

    /// Adds the rows of every type in the [registry](crate::registry), in
    /// the order of [`registry::types`](crate::registry::types), each with
    /// an example body in its type's format, as
    /// [`catalog_with_bodies`](Self::catalog_with_bodies) does. A row a type
    /// repeats through a `transparent` variant is listed once; a code that
    /// two types define differently is an error naming both.
    ///
    /// ```standalone_crate
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "nested")]
    /// enum UserError {
    ///     #[api(status = 404, message = "No user {id}")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 503)]
    /// struct Maintenance;
    ///
    /// let table = Docs::new().registry().error_table().unwrap();
    /// assert!(table.contains("| 404 | UserNotFound | No user {id} |  |\n"));
    /// assert!(table.contains("| 503 | Maintenance | Service Unavailable |  |\n"));
    /// ```
    #[cfg(feature = "registry")]
    #[must_use]
    pub fn registry(mut self) -> Self {
        for ty in crate::registry::types() {
            let settings = ty.settings();
            let translations = ty.translations();
            self.add_rows(
                ty.type_name(),
                ty.entries(),
                translations,
                |entry, message| {
                    let error = Placeholder::new(entry, settings).with_message(message);
                    Some(pretty_json(&Envelope::new(&error)))
                },
            );
        }
        self
    }

    /// Shows the body of `error` — as [`Envelope::new`] writes it, exposed
    /// members included — as the example of its code, in place of the
    /// placeholder body (a later example of the same code replaces an
    /// earlier one). Its code must be in one of the catalogs, with the same
    /// status and message.
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "typed", rename_all = "snake_case")]
    /// enum OrderError {
    ///     #[api(status = 404, message = "No order {id}")]
    ///     NotFound {
    ///         #[api(expose)]
    ///         id: u64,
    ///     },
    /// }
    ///
    /// let bodies = Docs::new()
    ///     .catalog::<OrderError>()
    ///     .example(&OrderError::NotFound { id: 232323 })
    ///     .example_bodies()
    ///     .unwrap();
    /// assert!(bodies.contains(
    ///     "{\n  \"type\": \"not_found\",\n  \"message\": \"No order 232323\",\n  \"id\": 232323\n}"
    /// ));
    /// ```
    #[must_use]
    pub fn example<E: ApiError + ?Sized>(mut self, error: &E) -> Self {
        #[cfg(feature = "locales")]
        let localized = crate::locale::locales_of(error.__as_dyn())
            .iter()
            .filter(|locale| crate::locale::translates(locale, error.code()))
            .map(|locale| {
                let body = pretty_json(&Envelope::new(error).in_locale(locale.tag));
                (locale.tag, body)
            })
            .collect();
        #[cfg(not(feature = "locales"))]
        let localized = Vec::new();
        self.examples.push(Row {
            entry: error.entry(),
            type_name: core::any::type_name::<E>(),
            translations: &Translations::NONE,
            body: Some(Bodies {
                default: pretty_json(&Envelope::new(error)),
                localized,
            }),
        });
        self
    }

    /// The page's `#` heading, written as given (markdown, one line).
    ///
    /// ```
    /// let page = errcat::docs::Docs::new().title("Errors").render().unwrap();
    /// assert!(page.starts_with("# Errors\n\n## Errors\n"));
    /// ```
    #[must_use]
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Text between the title and the first section, written as given
    /// (markdown).
    ///
    /// ```
    /// let page = errcat::docs::Docs::new().intro("Errors are *JSON*.").render().unwrap();
    /// assert!(page.starts_with("Errors are *JSON*.\n\n## Errors\n"));
    /// ```
    #[must_use]
    pub fn intro(mut self, intro: impl Into<String>) -> Self {
        self.intro = Some(intro.into());
        self
    }

    /// The columns of the error table, in order; [`Column::DEFAULT`] unless
    /// set.
    ///
    /// ```
    /// use errcat::docs::{Column, Docs};
    ///
    /// let table = Docs::new().columns([Column::Code, Column::Variant]).error_table().unwrap();
    /// assert_eq!(table, "| Code | Variant |\n| --- | --- |\n");
    /// ```
    #[must_use]
    pub fn columns(mut self, columns: impl IntoIterator<Item = Column>) -> Self {
        self.columns = columns.into_iter().collect();
        self
    }

    /// Lists the errors (in the error table and the example bodies) by
    /// status, keeping the catalogs' order among errors of one status.
    ///
    /// ```
    /// use errcat::docs::{Column, Docs};
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 500)]
    ///     B,
    ///     #[api(status = 400)]
    ///     A,
    /// }
    ///
    /// let table = Docs::new().catalog::<E>().columns([Column::Code]).sort_by_status();
    /// assert_eq!(table.error_table().unwrap(), "| Code |\n| --- |\n| A |\n| B |\n");
    /// ```
    #[must_use]
    pub fn sort_by_status(mut self) -> Self {
        self.sort_by_status = true;
        self
    }

    /// The description of `status` in the status table, in place of
    /// [`status_description`]'s (escaped like every cell).
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    /// use errcat::http::StatusCode;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 429)]
    /// struct SlowDown;
    ///
    /// let table = Docs::new()
    ///     .catalog::<SlowDown>()
    ///     .status_description(StatusCode::TOO_MANY_REQUESTS, "Over 100 requests a minute.")
    ///     .status_table()
    ///     .unwrap();
    /// assert!(table.contains("| 429         | Too Many Requests | Over 100 requests a minute. |"));
    /// ```
    #[must_use]
    pub fn status_description(
        mut self,
        status: StatusCode,
        description: impl Into<String>,
    ) -> Self {
        self.descriptions
            .insert(status.as_u16(), description.into());
        self
    }

    /// The parts [`render`](Self::render) writes, in order;
    /// `[Section::ErrorTable]` unless set.
    ///
    /// ```
    /// use errcat::docs::{Docs, Section};
    ///
    /// let page = Docs::new().sections([]).title("Errors").render().unwrap();
    /// assert_eq!(page, "# Errors\n");
    /// ```
    #[must_use]
    pub fn sections(mut self, sections: impl IntoIterator<Item = Section>) -> Self {
        self.sections = sections.into_iter().collect();
        self
    }

    /// Writes the page's messages in `locale`, the language range of a
    /// locale of the catalogs' translations, matched as
    /// [`ApiError::message_in`] matches it (`de-CH` finds `de`): the
    /// `Message` column of the error table and the example bodies. A code
    /// the locale does not translate keeps the default language's message,
    /// as the API answers it.
    ///
    /// The table writes a translation like a message template: each field
    /// `{field}` (a literal brace doubled), and a selector as its default
    /// variant (`*[other]`), since the value that would choose another is
    /// not known; a body shows each field `<field>`. An example given with
    /// [`example`](Self::example) is written in the locale with its values,
    /// as [`Envelope::in_locale`] writes it. Headings, the status table and
    /// reason phrases are as without a locale: give the title, the intro and
    /// the status descriptions in the page's language.
    ///
    /// ```ignore
    /// use errcat::ApiError;
    /// use errcat::docs::{Docs, Section};
    ///
    /// // locales/de.ftl:
    /// //     UserNotFound = Kein Benutzer { $id }
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "nested", locales = "locales")]
    /// enum UserError {
    ///     #[api(status = 404, message = "No user {id}")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let page = Docs::new()
    ///     .catalog_with_bodies::<UserError>()
    ///     .locale("de-CH")
    ///     .sections([Section::ErrorTable, Section::ExampleBodies])
    ///     .render()
    ///     .unwrap();
    /// assert!(page.contains("| 404 | UserNotFound | Kein Benutzer {id} |  |\n"));
    /// assert!(page.contains(r#""message": "Kein Benutzer <id>","#));
    /// ```
    #[cfg(feature = "locales")]
    #[must_use]
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// After the error table's `Message` column, one
    /// [`Column::Translation`] per locale of the catalogs' translations,
    /// headed by its language tag: every language side by side. The locales
    /// are in the order of the catalogs, each type's in the order of their
    /// file names.
    ///
    /// ```ignore
    /// // UserError as in `locale`'s example, with `locales/de.ftl`.
    /// use errcat::docs::Docs;
    ///
    /// let table = Docs::new().catalog::<UserError>().locale_columns().error_table().unwrap();
    /// assert_eq!(
    ///     table,
    ///     "| Status | Code | Message | de | Description |\n\
    ///      | --- | --- | --- | --- | --- |\n\
    ///      | 404 | UserNotFound | No user {id} | Kein Benutzer {id} |  |\n",
    /// );
    /// ```
    #[cfg(feature = "locales")]
    #[must_use]
    pub fn locale_columns(mut self) -> Self {
        self.locale_columns = true;
        self
    }

    /// The merged rows, in the page's order.
    ///
    /// # Errors
    ///
    /// As [`render`](Self::render).
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, code = "NotFound")]
    /// struct NotFound;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum AppError {
    ///     #[api(transparent)]
    ///     NotFound(NotFound),
    ///     #[api(status = 500)]
    ///     Internal,
    /// }
    ///
    /// // NotFound's row is also AppError's: it is listed once.
    /// let entries = Docs::new().catalog::<NotFound>().catalog::<AppError>().entries().unwrap();
    /// let codes: Vec<_> = entries.iter().map(|entry| entry.code).collect();
    /// assert_eq!(codes, ["NotFound", "Internal"]);
    /// ```
    pub fn entries(&self) -> Result<Vec<ErrorEntry>, DocsError> {
        Ok(self.merged()?.iter().map(|row| *row.entry).collect())
    }

    fn merged(&self) -> Result<Vec<Merged<'_>>, DocsError> {
        let mut rows = merge(&self.rows, &self.examples)?;
        if self.sort_by_status {
            rows.sort_by_key(|row| row.entry.status);
        }
        Ok(rows)
    }

    /// The status table in the style of a classic API guide: one row per status the
    /// catalogs use, ascending, with its reason phrase and a description
    /// ([`status_description`], or the one given with
    /// [`status_description`](Self::status_description)); columns padded,
    /// the first two centered.
    ///
    /// # Errors
    ///
    /// As [`render`](Self::render).
    ///
    /// ```
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     #[api(status = 429)]
    ///     Slow,
    ///     #[api(status = 404)]
    ///     Missing,
    ///     #[api(status = 404, code = "Gone")]
    ///     AlsoMissing,
    /// }
    ///
    /// assert_eq!(
    ///     Docs::new().catalog::<E>().status_table().unwrap(),
    ///     "| Status code | Reason phrase     | Description                                                      |\n\
    ///      |:-----------:|:-----------------:|------------------------------------------------------------------|\n\
    ///      | 404         | Not Found         | The requested resource does not exist, or is not visible to you. |\n\
    ///      | 429         | Too Many Requests | Too many requests in too short a time; wait before sending more. |\n",
    /// );
    /// ```
    pub fn status_table(&self) -> Result<String, DocsError> {
        let mut statuses: Vec<u16> = self.merged()?.iter().map(|row| row.entry.status).collect();
        statuses.sort_unstable();
        statuses.dedup();
        let mut table = Table::new([
            ("Status code", Align::Center),
            ("Reason phrase", Align::Center),
            ("Description", Align::Plain),
        ]);
        for status in statuses {
            let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let description = match self.descriptions.get(&status) {
                Some(description) => description.as_str(),
                None => status_description(code).unwrap_or_else(|| fallback(code)),
            };
            table.row(vec![
                status.to_string(),
                escape(crate::reason_phrase(code)),
                escape(description),
            ]);
        }
        Ok(table.padded())
    }

    /// The error table: one row per error, in the chosen
    /// [`columns`](Self::columns). With the default columns and one catalog,
    /// it is that catalog's [`MARKDOWN`](Catalog::MARKDOWN).
    ///
    /// # Errors
    ///
    /// As [`render`](Self::render).
    ///
    /// ```
    /// use errcat::docs::{Column, Docs};
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// enum E {
    ///     /// Pipes | and `ticks`
    ///     /// over two lines.
    ///     #[api(status = 400, message = "a <b>")]
    ///     Tricky,
    /// }
    ///
    /// let table = Docs::new()
    ///     .catalog::<E>()
    ///     .columns([Column::Variant, Column::Reason, Column::Message, Column::Description])
    ///     .error_table()
    ///     .unwrap();
    /// assert_eq!(
    ///     table,
    ///     "| Variant | Reason phrase | Message | Description |\n\
    ///      | --- | --- | --- | --- |\n\
    ///      | Tricky | Bad Request | a \\<b\\> | Pipes \\| and \\`ticks\\` over two lines. |\n",
    /// );
    /// ```
    pub fn error_table(&self) -> Result<String, DocsError> {
        let rows = self.merged()?;
        let columns = self.shown_columns(&rows);
        let mut table = Table::new(columns.iter().map(|column| (column.header(), Align::Plain)));
        #[cfg(feature = "locales")]
        let mut templates = Templates::default();
        for row in &rows {
            let cells = columns.iter().map(|&column| {
                #[cfg(feature = "locales")]
                if let Some(cell) = self.translated_cell(column, row, &mut templates) {
                    return cell;
                }
                column.cell(row.entry)
            });
            table.row(cells.collect());
        }
        Ok(table.plain())
    }

    /// The columns of the error table: those chosen, with a
    /// [`Column::Translation`] per locale after each `Message` column when
    /// [`locale_columns`](Self::locale_columns) asks for them.
    fn shown_columns(&self, rows: &[Merged<'_>]) -> Vec<Column> {
        #[cfg(feature = "locales")]
        if self.locale_columns {
            let mut tags = Vec::new();
            for row in rows {
                super::locales::tags(row.translations, &mut tags);
            }
            let mut columns = Vec::with_capacity(self.columns.len() + tags.len());
            for &column in &self.columns {
                columns.push(column);
                if column == Column::Message {
                    columns.extend(tags.iter().map(|tag| Column::Translation(tag)));
                }
            }
            return columns;
        }
        let _ = rows;
        self.columns.clone()
    }

    /// The cell of a message column in a locale: `Message` in the page's
    /// [`locale`](Self::locale), a [`Column::Translation`] in its own;
    /// `None` for other columns, or when the locale does not translate the
    /// code (the cell is the default language's).
    #[cfg(feature = "locales")]
    fn translated_cell(
        &self,
        column: Column,
        row: &Merged<'_>,
        templates: &mut Templates,
    ) -> Option<String> {
        let wanted = match column {
            Column::Message => self.locale.as_deref()?,
            Column::Translation(tag) => tag,
            _ => return None,
        };
        let message = templates.message(row.locale(wanted)?, row.entry.code, Style::Template)?;
        Some(escape(&message))
    }

    /// The example bodies: for each error with a body (see
    /// [`catalog_of`](Self::catalog_of), [`catalog_in`](Self::catalog_in)
    /// and [`example`](Self::example)), a `###` heading with its code, its
    /// status and reason phrase, and the body in a `json` block, pretty
    /// printed with two-space indents and the format's key order. The body is
    /// written by the format's own serializer: what the API sends, byte for
    /// byte once the indentation is taken out.
    ///
    /// # Errors
    ///
    /// As [`render`](Self::render), and [`DocsError::Body`] when a body fails
    /// to serialize.
    ///
    /// ````
    /// use errcat::docs::Docs;
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "flat", rename_all = "snake_case")]
    /// enum E {
    ///     #[api(status = 422, code = "group_not_found_error", message = "Group not found", details = "Group not found")]
    ///     GroupNotFound,
    /// }
    ///
    /// let bodies = Docs::new().catalog::<E>().example(&E::GroupNotFound).example_bodies().unwrap();
    /// assert_eq!(
    ///     bodies,
    ///     r#"### group_not_found_error
    ///
    /// 422 Unprocessable Entity
    ///
    /// ```json
    /// {
    ///   "message": "Group not found",
    ///   "code": "group_not_found_error",
    ///   "details": "Group not found",
    ///   "status_code": 422
    /// }
    /// ```
    /// "#,
    /// );
    /// ````
    pub fn example_bodies(&self) -> Result<String, DocsError> {
        #[cfg(feature = "locales")]
        let locale = self.locale.as_deref();
        #[cfg(not(feature = "locales"))]
        let locale = None;
        examples::render(&self.merged()?, "###", locale)
    }

    /// The whole page: the title and intro, then each of the
    /// [`sections`](Self::sections) under its `##` heading.
    ///
    /// # Errors
    ///
    /// [`DocsError::Conflicts`] when the catalogs define a code twice with a
    /// different status or message, [`DocsError::UnknownExample`] when an
    /// example's code is in none of them, and [`DocsError::Body`] when an
    /// example body the page shows fails to serialize.
    ///
    /// ```
    /// use errcat::docs::{Docs, Section};
    /// use errcat::ApiError;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404)]
    /// struct NotFound;
    ///
    /// let page = Docs::new()
    ///     .title("Errors")
    ///     .catalog::<NotFound>()
    ///     .sections([Section::ErrorTable, Section::StatusTable])
    ///     .render()
    ///     .unwrap();
    /// assert!(page.starts_with("# Errors\n\n## Errors\n\n| Status | Code |"));
    /// assert!(page.contains("\n\n## Status codes\n\n| Status code |"));
    /// ```
    pub fn render(&self) -> Result<String, DocsError> {
        let mut blocks = Vec::new();
        if let Some(title) = &self.title {
            blocks.push(format!("# {}\n", title.trim_end()));
        }
        if let Some(intro) = &self.intro {
            blocks.push(format!("{}\n", intro.trim_end()));
        }
        for &section in &self.sections {
            let content = match section {
                Section::StatusTable => self.status_table()?,
                Section::ErrorTable => self.error_table()?,
                Section::ExampleBodies => self.example_bodies()?,
            };
            if !content.is_empty() {
                blocks.push(format!("## {}\n\n{content}", section.heading()));
            }
        }
        Ok(blocks.join("\n"))
    }
}
