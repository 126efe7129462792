//! Documentation generated from catalogs: every table parses as a GFM table
//! (pulldown-cmark) with one row per error and each cell's text intact,
//! example bodies are the bodies the API sends, merged catalogs report codes
//! defined twice, and `docs::sync` keeps `docs/errors.md` (the page of the
//! users API example) and the README's tables fresh.

#![allow(
    dead_code,
    reason = "the errors here are only read through their catalogs"
)]

use std::path::PathBuf;
use std::process::Command;

use errcat::docs::{self, Column, Docs, DocsError, Section, SyncMode};
use errcat::{ApiError, Catalog, Envelope, format};
use http::StatusCode;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

#[path = "../examples/status_table.rs"]
mod status_table;

use users_api::UsersError;

// ---------------------------------------------------------------------------
// Reading generated markdown back.

/// A table as pulldown-cmark sees it: header cells and rows of cells, each
/// cell the text it renders (`<br>` read as a line break).
#[derive(Debug, Default, PartialEq)]
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

/// Every GFM table of `markdown`. Panics on markup inside a cell: escaped
/// text must render as text.
fn tables(markdown: &str) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut row = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match (event, cell.as_mut()) {
            (Event::Start(Tag::Table(_)), _) => tables.push(Table::default()),
            (Event::Start(Tag::TableCell), _) => cell = Some(String::new()),
            (Event::End(TagEnd::TableCell), Some(text)) => {
                row.push(std::mem::take(text));
                cell = None;
            }
            (Event::End(TagEnd::TableHead), _) => {
                tables.last_mut().unwrap().header = std::mem::take(&mut row);
            }
            (Event::End(TagEnd::TableRow), _) => {
                tables
                    .last_mut()
                    .unwrap()
                    .rows
                    .push(std::mem::take(&mut row));
            }
            (Event::Text(text), Some(cell)) => cell.push_str(&text),
            (Event::InlineHtml(html), Some(cell)) if &*html == "<br>" => cell.push('\n'),
            (event, Some(cell)) => panic!("markup in cell {cell:?}: {event:?}"),
            _ => {}
        }
    }
    tables
}

/// The one table of `markdown`.
fn table(markdown: &str) -> Table {
    let mut all = tables(markdown);
    assert_eq!(all.len(), 1, "one table in {markdown}");
    all.remove(0)
}

/// Each `json` block of `markdown` with the text of the `###` heading above
/// it.
fn json_blocks(markdown: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut heading: Option<String> = None;
    let mut last_heading = String::new();
    let mut code: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H3,
                ..
            }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(HeadingLevel::H3)) => {
                last_heading = heading.take().unwrap();
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "json" => {
                code = Some(String::new());
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(code) = code.take() {
                    blocks.push((last_heading.clone(), code));
                }
            }
            Event::Text(text) => {
                if let Some(heading) = heading.as_mut() {
                    heading.push_str(&text);
                } else if let Some(code) = code.as_mut() {
                    code.push_str(&text);
                }
            }
            _ => {}
        }
    }
    blocks
}

/// `json` without the whitespace between its tokens: the same JSON text,
/// byte for byte, whatever its indentation.
fn compact(json: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            in_string = escaped || c != '"';
            escaped = !escaped && c == '\\';
        } else if !c.is_whitespace() {
            out.push(c);
            in_string = c == '"';
        }
    }
    out
}

/// What the API sends for `error`.
fn wire<E: ApiError>(error: &E) -> String {
    serde_json::to_string(&Envelope::new(error)).unwrap()
}

/// Line breaks as the table shows them.
fn one_break_kind(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

// ---------------------------------------------------------------------------
// Tables.

/// Text that would break a table or turn into markup if written as it is.
#[derive(Debug, ApiError)]
#[api(format = "nested", rename_all = "snake_case")]
enum Tricky {
    /// Pipes | in *the* description, `code`, [a link](https://example.com) & ~strike~.
    #[api(
        status = 400,
        message = "a | b `code` <b>bold</b> *em* _under_ \\ back &amp;"
    )]
    PipesAndMarkup,
    /// Line one
    /// line two, with <angle> brackets.
    #[api(status = 409, message = "first line\nsecond line\r\nthird\rfourth")]
    LineBreaks,
    #[api(
        status = 404,
        code = "_under_score~tilde_",
        message = "{model} > {id} {{literal}}"
    )]
    Templated {
        model: &'static str,
        #[api(expose)]
        id: u64,
    },
    /// Ünïcödé — and `` double ticks ``.
    #[api(status = 503)]
    NoMessage,
    #[api(status = 418, code = "~tee~pot~", message = "<not a tag")]
    Teapot,
}

const ALL_COLUMNS: [Column; 6] = [
    Column::Status,
    Column::Reason,
    Column::Code,
    Column::Message,
    Column::Description,
    Column::Variant,
];

/// The text a cell of `column` must render for `entry`.
fn expected_cell(column: Column, entry: &errcat::ErrorEntry) -> String {
    match column {
        Column::Status => entry.status.to_string(),
        Column::Reason => entry.reason().to_owned(),
        Column::Code => entry.code.to_owned(),
        Column::Message => one_break_kind(entry.message),
        Column::Description => entry.description.to_owned(),
        Column::Variant => entry.name.to_owned(),
        _ => unreachable!("a column this test does not know"),
    }
}

#[test]
fn default_error_table_is_the_catalog_table() {
    let table = Docs::new().catalog::<Tricky>().error_table().unwrap();
    assert_eq!(table, Tricky::MARKDOWN);
    assert_eq!(table, docs::markdown(Tricky::ENTRIES));
    let users = Docs::new().catalog::<UsersError>().error_table().unwrap();
    assert_eq!(users, UsersError::MARKDOWN);
}

#[test]
fn error_tables_parse_with_every_cell_intact() {
    let mut choices: Vec<Vec<Column>> = ALL_COLUMNS.iter().map(|&column| vec![column]).collect();
    choices.push(Column::DEFAULT.to_vec());
    choices.push(ALL_COLUMNS.to_vec());
    choices.push(ALL_COLUMNS.iter().rev().copied().collect());
    for columns in choices {
        for sort in [false, true] {
            let mut docs = Docs::new().catalog::<Tricky>().columns(columns.clone());
            let mut entries = Tricky::ENTRIES.to_vec();
            if sort {
                docs = docs.sort_by_status();
                entries.sort_by_key(|entry| entry.status);
            }
            let markdown = docs.error_table().unwrap();
            let parsed = table(&markdown);
            let header: Vec<_> = columns.iter().map(|column| column.header()).collect();
            assert_eq!(parsed.header, header, "{markdown}");
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|entry| columns.iter().map(|&c| expected_cell(c, entry)).collect())
                .collect();
            assert_eq!(parsed.rows, rows, "{markdown}");
        }
    }
}

#[test]
fn status_table_parses_with_one_row_per_status() {
    let override_text = "Two | writers\nraced: `retry` <later> *now*";
    let markdown = Docs::new()
        .catalog::<Tricky>()
        .status_description(StatusCode::CONFLICT, override_text)
        .status_table()
        .unwrap();
    let parsed = table(&markdown);
    assert_eq!(
        parsed.header,
        ["Status code", "Reason phrase", "Description"]
    );
    let statuses: Vec<&str> = parsed.rows.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(statuses, ["400", "404", "409", "418", "503"]);
    for row in &parsed.rows {
        let status = StatusCode::from_bytes(row[0].as_bytes()).unwrap();
        assert_eq!(row[1], errcat::reason_phrase(status));
        let description = if status == StatusCode::CONFLICT {
            override_text
        } else {
            docs::status_description(status).unwrap()
        };
        assert_eq!(row[2], description);
    }
    // Centered status and reason, as in seed 001.
    assert!(
        markdown
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("|:-----------:|:---")
    );
}

#[test]
fn every_standard_error_status_has_a_description() {
    for status in 400..=599 {
        let status = StatusCode::from_u16(status).unwrap();
        let standard = status.canonical_reason().is_some();
        let description = docs::status_description(status);
        assert_eq!(description.is_some(), standard, "{status}");
        if let Some(description) = description {
            assert!(description.ends_with('.'), "{status}: {description}");
            assert!(!description.contains('|'), "{status}: {description}");
        }
    }
}

#[test]
fn whole_page_parses_into_its_sections() {
    let page = Docs::new()
        .title("Errors of `Tricky`")
        .intro("Generated; do not edit.")
        .catalog_of(&Tricky::NoMessage)
        .columns(ALL_COLUMNS)
        .sections([
            Section::StatusTable,
            Section::ErrorTable,
            Section::ExampleBodies,
        ])
        .render()
        .unwrap();
    let parsed = tables(&page);
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[0].rows.len(), 5);
    assert_eq!(parsed[1].rows.len(), Tricky::ENTRIES.len());
    assert_eq!(parsed[1].header.len(), ALL_COLUMNS.len());
    let headings: Vec<String> = json_blocks(&page)
        .into_iter()
        .map(|(heading, _)| heading)
        .collect();
    let codes: Vec<&str> = Tricky::ENTRIES.iter().map(|entry| entry.code).collect();
    assert_eq!(headings, codes);
    assert!(
        page.starts_with("# Errors of `Tricky`\n\nGenerated; do not edit.\n\n## Status codes\n")
    );
    assert!(page.ends_with("```\n") && !page.ends_with("\n\n"));
}

// ---------------------------------------------------------------------------
// Example bodies.

/// Unit errors, whose placeholder bodies are their wire bodies.
#[derive(Debug, ApiError)]
#[api(type_base = "https://example.com/errors/")]
enum Units {
    #[api(
        status = 409,
        code = "taken",
        message = "Taken: \"quoted\" \\ <b> \u{e9}"
    )]
    Taken,
    #[api(status = 503)]
    Down,
}

/// The same without `type_base`, which `catalog_in` cannot know.
#[derive(Debug, ApiError)]
enum PlainUnits {
    #[api(
        status = 409,
        code = "taken",
        message = "Taken: \"quoted\" \\ <b> \u{e9}"
    )]
    Taken,
    #[api(status = 503)]
    Down,
}

/// The example bodies of `docs`, compacted.
fn compact_bodies(docs: &Docs) -> Vec<String> {
    let page = docs.example_bodies().unwrap();
    json_blocks(&page)
        .into_iter()
        .map(|(_, json)| compact(&json))
        .collect()
}

#[test]
fn placeholder_bodies_are_the_wire_bodies_of_unit_errors() {
    let declared = compact_bodies(&Docs::new().catalog_of(&Units::Down));
    let expected: Vec<String> = [Units::Taken, Units::Down].iter().map(wire).collect();
    assert_eq!(declared, expected);
    assert!(declared[0].starts_with(r#"{"type":"https://example.com/errors/taken","#));

    let plain = [PlainUnits::Taken, PlainUnits::Down];
    macro_rules! in_each_shape {
        ($($shape:expr),*) => {$(
            let shaped = compact_bodies(&Docs::new().catalog_in::<PlainUnits, _>($shape));
            let expected: Vec<String> = plain
                .iter()
                .map(|value| serde_json::to_string(&Envelope::with_format(value, $shape)).unwrap())
                .collect();
            assert_eq!(shaped, expected);
        )*};
    }
    in_each_shape!(
        format::Flat,
        format::Nested,
        format::Typed,
        format::Described,
        format::OAuth2,
        format::Problem
    );
}

#[test]
fn placeholders_stand_for_fields_and_examples_show_values() {
    let page = Docs::new()
        .catalog_of(&Tricky::NoMessage)
        .example_bodies()
        .unwrap();
    let blocks = json_blocks(&page);
    let (heading, templated) = &blocks[2];
    assert_eq!(heading, "_under_score~tilde_");
    assert_eq!(
        compact(templated),
        r#"{"error":{"status":404,"message":"<model> > <id> {literal}","code":"_under_score~tilde_"}}"#
    );

    let value = Tricky::Templated {
        model: "Order",
        id: 232_323,
    };
    let page = Docs::new()
        .catalog_of(&Tricky::NoMessage)
        .example(&value)
        .example_bodies()
        .unwrap();
    let blocks = json_blocks(&page);
    assert_eq!(compact(&blocks[2].1), wire(&value));
    assert!(wire(&value).ends_with(r#""id":232323}}"#));
    // Pretty printed, two spaces a level, keys in the shape's order.
    assert!(page.contains(
        "{\n  \"error\": {\n    \"status\": 404,\n    \"message\": \"Order > 232323 {literal}\",\n"
    ));
    // The others keep their placeholder bodies.
    assert_eq!(blocks.len(), Tricky::ENTRIES.len());
}

#[test]
fn examples_only_catalog_shows_only_their_bodies() {
    let page = Docs::new()
        .catalog::<Tricky>()
        .example(&Tricky::Teapot)
        .sections([Section::ErrorTable, Section::ExampleBodies])
        .render()
        .unwrap();
    let blocks = json_blocks(&page);
    assert_eq!(blocks.len(), 1);
    assert_eq!(blocks[0], ("~tee~pot~".to_owned(), pretty(&Tricky::Teapot)));
    // No body at all: no section.
    let page = Docs::new()
        .catalog::<Tricky>()
        .sections([Section::ExampleBodies])
        .render()
        .unwrap();
    assert_eq!(page, "");
}

/// The body the API sends, pretty printed as the docs show it.
fn pretty<E: ApiError>(error: &E) -> String {
    let mut json = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"  ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, formatter);
    serde::Serialize::serialize(&Envelope::new(error), &mut serializer).unwrap();
    String::from_utf8(json).unwrap() + "\n"
}

// ---------------------------------------------------------------------------
// Merging catalogs.

mod billing {
    use errcat::ApiError;

    #[derive(Debug, ApiError)]
    pub enum BillingError {
        #[api(status = 402, code = "Rejected", message = "The payment was rejected.")]
        Unpaid,
        #[api(status = 404, code = "NotFound", message = "Not found.")]
        Missing,
        #[api(status = 400, code = "Invalid", message = "Invalid input.")]
        Invalid,
    }
}

mod accounts {
    use errcat::ApiError;

    #[derive(Debug, ApiError)]
    pub enum AccountError {
        #[api(status = 409, code = "Rejected", message = "The payment was rejected.")]
        Refused,
        #[api(status = 404, code = "NotFound", message = "Not found.")]
        Gone,
        #[api(status = 400, code = "Invalid", message = "Some input is invalid.")]
        BadInput,
        #[api(status = 401, code = "SignIn")]
        SignIn,
    }
}

use accounts::AccountError;
use billing::BillingError;

#[test]
fn duplicate_codes_across_catalogs_are_reported_naming_both() {
    let error = Docs::new()
        .catalog::<BillingError>()
        .catalog::<AccountError>()
        .render()
        .unwrap_err();
    let DocsError::Conflicts(conflicts) = &error else {
        panic!("not a conflict: {error}");
    };
    let named: Vec<_> = conflicts
        .iter()
        .map(|conflict| {
            (
                conflict.code,
                conflict.first.type_name,
                conflict.first.entry.name,
                conflict.second.type_name,
                conflict.second.entry.name,
            )
        })
        .collect();
    let billing = std::any::type_name::<BillingError>();
    let accounts = std::any::type_name::<AccountError>();
    assert_eq!(
        named,
        [
            ("Rejected", billing, "Unpaid", accounts, "Refused"),
            ("Invalid", billing, "Invalid", accounts, "BadInput"),
        ]
    );
    assert_eq!(
        error.to_string(),
        format!(
            "code `Rejected` is defined twice, with a different status or message: \
             by `{billing}::Unpaid` (402 \"The payment was rejected.\") and by `{accounts}::Refused` (409 \"The payment was rejected.\")\n\
             code `Invalid` is defined twice, with a different status or message: \
             by `{billing}::Invalid` (400 \"Invalid input.\") and by `{accounts}::BadInput` (400 \"Some input is invalid.\")"
        )
    );
    // Every part needs the merge.
    assert!(
        Docs::new()
            .catalog::<BillingError>()
            .catalog::<AccountError>()
            .status_table()
            .is_err()
    );
}

#[test]
fn same_error_in_two_catalogs_is_listed_once() {
    #[derive(Debug, ApiError)]
    enum App {
        #[api(transparent)]
        Billing(BillingError),
        #[api(status = 500)]
        Internal,
    }
    let entries = Docs::new()
        .catalog::<BillingError>()
        .catalog::<App>()
        .entries()
        .unwrap();
    let codes: Vec<&str> = entries.iter().map(|entry| entry.code).collect();
    assert_eq!(codes, ["Rejected", "NotFound", "Invalid", "Internal"]);
    // The rows agree on everything that matters; the first one stays.
    let merged = Docs::new().catalog::<BillingError>().catalog::<App>();
    assert_eq!(table(&merged.error_table().unwrap()).rows.len(), 4);
}

#[test]
fn examples_must_belong_to_the_catalogs() {
    let error = Docs::new()
        .catalog::<BillingError>()
        .example(&AccountError::SignIn)
        .render()
        .unwrap_err();
    assert_eq!(
        error,
        DocsError::UnknownExample {
            code: "SignIn",
            type_name: std::any::type_name::<AccountError>(),
        }
    );
    let error = Docs::new()
        .catalog::<BillingError>()
        .example(&AccountError::Refused)
        .render()
        .unwrap_err();
    let DocsError::Conflicts(conflicts) = error else {
        panic!("not a conflict");
    };
    assert_eq!(conflicts[0].second.entry.name, "Refused");
}

// ---------------------------------------------------------------------------
// Seeds.

const SEED_004: &str = include_str!("fixtures/004_f63e619d1439348f.txt");

/// The error page of the users API example, checked in as `docs/errors.md`.
fn users_page() -> String {
    Docs::new()
        .title("Errors")
        .intro(
            "Error responses carry a standard HTTP status code and a JSON body with\n\
             three members:\n\
             \n\
             * `status`: the HTTP status code, again;\n\
             * `message`: what went wrong, for people;\n\
             * `code`: which error it is, for programs (stable).\n\
             \n\
             The `de` column is the message in German, which a request\n\
             whose `Accept-Language` prefers German receives.\n\
             \n\
             This page is generated from the `UsersError` catalog of\n\
             `examples/users-api`; `ERRCAT_BLESS=1 cargo test --test test_docs`\n\
             updates it.",
        )
        .catalog_of(&UsersError::Internal)
        .locale_columns()
        .sections([
            Section::StatusTable,
            Section::ErrorTable,
            Section::ExampleBodies,
        ])
        .render()
        .unwrap()
}

#[test]
fn docs_errors_md_is_fresh() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.md");
    docs::sync(path, &users_page()).unwrap();
}

#[test]
fn seed_004_example_is_in_the_users_page() {
    let intro = &SEED_004[SEED_004.find("an example error response is:").unwrap()..];
    let start = intro.find("```").unwrap() + 3;
    let end = start + intro[start..].find("```").unwrap();
    let seed_example = compact(&intro[start..end]);

    let page = users_page();
    let blocks = json_blocks(&page);
    let (_, email) = blocks
        .iter()
        .find(|(heading, _)| heading == "EmailAlreadyExists")
        .unwrap();
    assert_eq!(compact(email), seed_example);
    assert_eq!(wire(&UsersError::EmailAlreadyExists), seed_example);
    assert_eq!(
        seed_example,
        r#"{"error":{"status":409,"message":"This email is already in use, please try another one.","code":"EmailAlreadyExists"}}"#
    );

    // One block per error of the seed's list, in its order.
    let headings: Vec<&str> = blocks.iter().map(|(heading, _)| heading.as_str()).collect();
    let seed_codes: Vec<&str> = SEED_004
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("code"))
        .map(|rest| {
            rest.trim_start_matches([' ', ':', '\''])
                .trim_end_matches('\'')
        })
        .collect();
    assert_eq!(headings, seed_codes);
    // Its status table and error table parse, one row per status and error.
    let parsed = tables(&page);
    assert_eq!(parsed.len(), 2);
    let statuses: Vec<&str> = parsed[0].rows.iter().map(|row| row[0].as_str()).collect();
    assert_eq!(statuses, ["400", "401", "403", "409", "500"]);
    assert_eq!(parsed[1].rows.len(), seed_codes.len());
}

#[test]
fn status_table_example_has_seed_001_statuses() {
    let page = status_table::output();
    let parsed = table(&page);
    let columns: Vec<(&str, &str)> = parsed
        .rows
        .iter()
        .map(|row| (row[0].as_str(), row[1].as_str()))
        .collect();
    // Seed 001's first two columns.
    assert_eq!(
        columns,
        [
            ("400", "Bad Request"),
            ("401", "Unauthorized"),
            ("403", "Forbidden"),
            ("404", "Not Found"),
            ("405", "Method Not Allowed"),
            ("406", "Not Acceptable"),
            ("409", "Conflict"),
            ("415", "Unsupported Media Type"),
            ("429", "Too Many Requests"),
            ("500", "Internal Server Error"),
            ("502", "Bad Gateway"),
            ("503", "Service Unavailable"),
            ("504", "Gateway Timeout"),
        ]
    );
    assert_eq!(
        parsed.rows[8][2],
        "Over 100 requests in a minute; the message says when to retry."
    );
    assert!(page.starts_with("# API Error Codes Guide\n\n"));
}

// ---------------------------------------------------------------------------
// README.

/// The README's example catalog (its quick start's).
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum UserError {
    /// Each email belongs to one account.
    #[api(
        status = 409,
        code = "EmailAlreadyExists",
        message = "This email is already in use, please try another one."
    )]
    EmailAlreadyExists,
    #[api(status = NOT_FOUND, message = "No user {id}")]
    UserNotFound { id: u64 },
}

#[test]
fn readme_shows_the_generated_tables() {
    let readme = include_str!("../README.md");
    let docs = Docs::new().catalog_of(&UserError::EmailAlreadyExists);
    for table in [docs.status_table().unwrap(), docs.error_table().unwrap()] {
        assert!(
            readme.contains(&format!("\n\n{table}\n")),
            "README.md should embed this table:\n{table}"
        );
    }
    let bodies = json_blocks(&docs.example_bodies().unwrap());
    let (_, body) = bodies
        .iter()
        .find(|(code, _)| code == "UserNotFound")
        .unwrap();
    assert!(
        readme.contains(&format!("```json\n{body}```\n")),
        "README.md should embed this body:\n{body}"
    );
}

/// The README's example of translations: its `de.ftl` is the fixture's.
#[derive(Debug, ApiError)]
#[api(format = "nested", locales = "tests/fixtures/locales/readme")]
enum ShopReadmeError {
    #[api(status = 404, code = "UserNotFound", message = "No user {id}")]
    UserNotFound { id: u64 },
    #[api(
        status = 409,
        code = "CartFull",
        message = "The cart already has {items} items."
    )]
    CartFull { items: u32 },
}

#[test]
fn readme_shows_the_side_by_side_table() {
    let readme = include_str!("../README.md");
    let translations = include_str!("fixtures/locales/readme/de.ftl");
    assert!(readme.contains(&format!("```ftl\n{translations}```\n")));
    let table = Docs::new()
        .catalog::<ShopReadmeError>()
        .locale_columns()
        .error_table()
        .unwrap();
    assert!(
        readme.contains(&format!("```text\n{table}```\n")),
        "README.md should embed this table:\n{table}"
    );
}

// ---------------------------------------------------------------------------
// sync.

const FRESH: &str = "# Errors\n\n| 404 | UserNotFound |\n| 409 | EmailAlreadyExists |\n";
const STALE: &str = "# Errors\n\n| 404 | NotFound |\n| 409 | EmailAlreadyExists |\n";

/// Run by `stale_file_fails_with_a_diff_and_bless_fixes_it` in a child
/// process whose environment it sets; does nothing in a plain test run.
#[test]
fn sync_child() {
    if let Some(path) = std::env::var_os("ERRCAT_TEST_SYNC_PATH") {
        docs::sync(path, FRESH).unwrap();
    }
}

fn run_sync_child(path: &PathBuf, bless: Option<&str>) -> std::process::Output {
    let mut command = Command::new(std::env::current_exe().unwrap());
    command
        .args(["--exact", "sync_child", "--nocapture", "--test-threads=1"])
        .env("ERRCAT_TEST_SYNC_PATH", path);
    match bless {
        Some(value) => command.env("ERRCAT_BLESS", value),
        None => command.env_remove("ERRCAT_BLESS"),
    };
    command.output().unwrap()
}

#[test]
fn stale_file_fails_with_a_diff_and_bless_fixes_it() {
    let dir = std::env::temp_dir().join(format!("errcat-test-docs-{}", std::process::id()));
    let path = dir.join("errors.md");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(&path, STALE).unwrap();

    for bless in [None, Some("0")] {
        let output = run_sync_child(&path, bless);
        assert!(!output.status.success());
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = format!(
            "{0} is stale: it differs from the documentation generated from the catalog:\n\
             --- {0} (checked in)\n\
             +++ {0} (generated)\n\
             @@ -1,4 +1,4 @@\n \
             # Errors\n \n\
             -| 404 | NotFound |\n\
             +| 404 | UserNotFound |\n \
             | 409 | EmailAlreadyExists |\n\
             \n\
             To update it, run the same command with ERRCAT_BLESS=1 set, e.g. `ERRCAT_BLESS=1 cargo test`.",
            path.display()
        );
        assert!(stderr.contains(&expected), "{stderr}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), STALE);
    }

    let output = run_sync_child(&path, Some("1"));
    assert!(output.status.success(), "{output:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FRESH);
    docs::sync_with(&path, FRESH, SyncMode::Check).unwrap();

    // A missing file is created by blessing, with its folders.
    let missing = dir.join("new/folder/errors.md");
    let error = docs::sync_with(&missing, FRESH, SyncMode::Check).unwrap_err();
    assert!(error.to_string().contains("does not exist"));
    assert!(error.diff().unwrap().contains("+| 404 | UserNotFound |\n"));
    docs::sync_with(&missing, FRESH, SyncMode::Bless).unwrap();
    assert_eq!(std::fs::read_to_string(&missing).unwrap(), FRESH);

    std::fs::remove_dir_all(&dir).unwrap();
}

// ---------------------------------------------------------------------------
// Pages in a locale: the translations of `tests/fixtures/locales/docs` and
// `docs-inner`, read from the catalogs without a value.

#[derive(Debug, ApiError)]
#[api(
    format = "nested",
    locales = "tests/fixtures/locales/docs",
    fallback = "fr"
)]
enum ShopError {
    /// The id names no user.
    #[api(status = 404, message = "No user {id}")]
    UserNotFound { id: u64 },
    #[api(status = 409, message = "The cart already has {items} items.")]
    CartFull { items: u32 },
    #[api(status = 422, message = "Refund of {amount} is {{not}} possible")]
    Refund { amount: f64 },
    #[api(status = 423, message = "Locked.")]
    Locked,
}

#[derive(Debug, ApiError)]
#[api(format = "typed", locales = "tests/fixtures/locales/docs-inner")]
enum PaymentError {
    #[api(status = 402, message = "Card {last4} declined")]
    CardDeclined {
        #[api(expose)]
        last4: String,
    },
}

/// No translations of its own: its rows, and their translations, come from
/// the types it holds.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum AppError {
    #[api(transparent)]
    Shop(ShopError),
    #[api(transparent)]
    Payment(Box<PaymentError>),
    #[api(status = 500)]
    Internal,
}

#[test]
fn error_table_in_a_locale() {
    let table = Docs::new()
        .catalog::<ShopError>()
        .locale("de-CH")
        .error_table()
        .unwrap();
    assert_eq!(
        table,
        "| Status | Code | Message | Description |\n\
         | --- | --- | --- | --- |\n\
         | 404 | UserNotFound | Kein Benutzer {id} im Laden | The id names no user. |\n\
         | 409 | CartFull | Der Warenkorb hat schon {items} Artikel. |  |\n\
         | 422 | Refund | Erstattung von {amount} \\| \\*nicht\\* möglich {{sofort}} |  |\n\
         | 423 | Locked | Gesperrt.<br>Bitte warten. |  |\n",
    );
    let parsed = self::table(&table);
    assert_eq!(
        parsed.rows[2][2],
        "Erstattung von {amount} | *nicht* möglich {{sofort}}"
    );
    assert_eq!(parsed.rows[3][2], "Gesperrt.\nBitte warten.");

    // French leaves two codes to the default language; an unknown locale
    // leaves them all, as the API answers.
    let french = Docs::new()
        .catalog::<ShopError>()
        .locale("fr")
        .columns([Column::Code, Column::Message]);
    assert_eq!(
        french.error_table().unwrap(),
        "| Code | Message |\n\
         | --- | --- |\n\
         | UserNotFound | Aucun utilisateur {id} |\n\
         | CartFull | Le panier a déjà {items} articles. |\n\
         | Refund | Refund of {amount} is {{not}} possible |\n\
         | Locked | Locked. |\n",
    );
    let unknown = Docs::new().catalog::<ShopError>().locale("xx");
    assert_eq!(unknown.error_table().unwrap(), ShopError::MARKDOWN);
}

#[test]
fn every_locale_side_by_side() {
    let table = Docs::new()
        .catalog::<AppError>()
        .locale_columns()
        .error_table()
        .unwrap();
    assert_eq!(
        table,
        "| Status | Code | Message | de | fr | pl | Description |\n\
         | --- | --- | --- | --- | --- | --- | --- |\n\
         | 404 | UserNotFound | No user {id} | Kein Benutzer {id} im Laden | Aucun utilisateur {id} | No user {id} | The id names no user. |\n\
         | 409 | CartFull | The cart already has {items} items. | Der Warenkorb hat schon {items} Artikel. | Le panier a déjà {items} articles. | The cart already has {items} items. |  |\n\
         | 422 | Refund | Refund of {amount} is {{not}} possible | Erstattung von {amount} \\| \\*nicht\\* möglich {{sofort}} | Refund of {amount} is {{not}} possible | Refund of {amount} is {{not}} possible |  |\n\
         | 423 | Locked | Locked. | Gesperrt.<br>Bitte warten. | Locked. | Locked. |  |\n\
         | 402 | CardDeclined | Card {last4} declined | Karte {last4} abgelehnt | Card {last4} declined | Karta {last4} odrzucona |  |\n\
         | 500 | Internal | Internal Server Error | Internal Server Error | Internal Server Error | Internal Server Error |  |\n",
    );
    let parsed = self::table(&table);
    assert_eq!(parsed.rows.len(), 6);
    assert!(parsed.rows.iter().all(|row| row.len() == 7));

    // A column of one locale, anywhere; without translations the table is
    // the catalog's.
    let one = Docs::new()
        .catalog::<AppError>()
        .columns([Column::Code, Column::Translation("pl")])
        .error_table()
        .unwrap();
    assert!(one.starts_with("| Code | pl |\n| --- | --- |\n| UserNotFound | No user {id} |\n"));
    assert!(one.contains("| CardDeclined | Karta {last4} odrzucona |\n"));
    let plain = Docs::new()
        .catalog::<UsersError>()
        .locale_columns()
        .columns(Column::DEFAULT);
    assert!(
        plain
            .error_table()
            .unwrap()
            .starts_with("| Status | Code | Message | de | Description |\n")
    );
    let none = Docs::new().catalog::<Tricky>().locale_columns();
    assert_eq!(none.error_table().unwrap(), Tricky::MARKDOWN);
}

#[test]
fn example_bodies_in_a_locale() {
    let declined = AppError::Payment(Box::new(PaymentError::CardDeclined {
        last4: "4242".to_owned(),
    }));
    let docs = Docs::new()
        .catalog_with_bodies::<AppError>()
        .example(&declined)
        .locale("de");
    let bodies = json_blocks(&docs.example_bodies().unwrap());
    let compacted: Vec<(&str, String)> = bodies
        .iter()
        .map(|(code, body)| (code.as_str(), compact(body)))
        .collect();
    assert_eq!(
        compacted,
        [
            (
                "UserNotFound",
                r#"{"error":{"status":404,"message":"Kein Benutzer <id> im Laden","code":"UserNotFound"}}"#.to_owned()
            ),
            (
                "CartFull",
                r#"{"error":{"status":409,"message":"Der Warenkorb hat schon <items> Artikel.","code":"CartFull"}}"#.to_owned()
            ),
            (
                "Refund",
                r#"{"error":{"status":422,"message":"Erstattung von <amount> | *nicht* möglich {sofort}","code":"Refund"}}"#.to_owned()
            ),
            (
                "Locked",
                r#"{"error":{"status":423,"message":"Gesperrt.\nBitte warten.","code":"Locked"}}"#.to_owned()
            ),
            // The example: the values, in the locale, as the API sends it.
            (
                "CardDeclined",
                r#"{"error":{"status":402,"message":"Karte 4242 abgelehnt","code":"CardDeclined","last4":"4242"}}"#.to_owned()
            ),
            (
                "Internal",
                r#"{"error":{"status":500,"message":"Internal Server Error","code":"Internal"}}"#.to_owned()
            ),
        ]
    );
    let sent = errcat::http_response_in(&declined, "de");
    assert_eq!(sent.body(), compacted[4].1.as_bytes());

    // A locale that leaves a code to the default language shows the
    // default body; the page in no locale is the page without translations.
    let french = Docs::new().catalog_with_bodies::<ShopError>().locale("fr");
    let french = json_blocks(&french.example_bodies().unwrap());
    assert_eq!(
        compact(&french[0].1),
        r#"{"error":{"status":404,"message":"Aucun utilisateur <id>","code":"UserNotFound"}}"#
    );
    assert_eq!(
        compact(&french[3].1),
        r#"{"error":{"status":423,"message":"Locked.","code":"Locked"}}"#
    );
    let default = Docs::new().catalog_with_bodies::<ShopError>();
    assert!(
        default
            .example_bodies()
            .unwrap()
            .contains(r#""message": "No user <id>","#)
    );
}
