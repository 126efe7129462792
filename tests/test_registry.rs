//! The registry: every derived type linked into the test binary, from this
//! crate and from `registry-a` (tests/fixtures/registry-a), with their
//! crates, formats and rows, and the codes two of them define differently.

#![allow(
    dead_code,
    reason = "the errors here are only read through the registry"
)]

use errcat::docs::Docs;
use errcat::registry::{self, Difference};
use errcat::{ApiError, Catalog};

// Nothing else of `registry-a` is named here: its errors are listed all the
// same, as those of a crate linked for its errors alone.
use registry_a as _;

/// This crate's take on orders: `NotFound` again, with another status.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum LocalError {
    #[api(status = 410, code = "NotFound", message = "No order {id}")]
    Gone { id: u64 },
    #[api(status = 429, code = "SlowDown", message = "Slow down")]
    SlowDown,
}

/// Defines `SlowDown` as `LocalError` does, in another format.
#[derive(Debug, ApiError)]
#[api(status = 429, code = "SlowDown", message = "Slow down")]
struct Throttled;

/// Two problem types of one code under two type bases.
#[derive(Debug, ApiError)]
#[api(status = 418, code = "Teapot", type_base = "https://a.example/errors/")]
struct TeapotA;

#[derive(Debug, ApiError)]
#[api(status = 418, code = "Teapot", type_base = "https://b.example/errors/")]
struct TeapotB;

/// Generic: not listed.
#[derive(Debug, ApiError)]
enum Wrapper<E: ApiError + Catalog> {
    #[api(transparent)]
    Inner(E),
    #[api(status = 500, code = "WrapperInternal")]
    Internal,
}

/// With a lifetime: not listed either.
#[derive(Debug, ApiError)]
#[api(status = 400, code = "Borrowed", message = "Bad {name}")]
struct Borrowed<'a> {
    name: &'a str,
}

#[test]
fn types_of_both_crates_are_listed_with_crate_format_and_rows() {
    let listed: Vec<(&str, &str, &str, &str, usize)> = registry::types()
        .iter()
        .map(|ty| {
            (
                ty.type_name(),
                ty.name(),
                ty.crate_name(),
                ty.format(),
                ty.entries().len(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            (
                "registry_a::CheckoutError",
                "CheckoutError",
                "registry_a",
                "problem",
                3
            ),
            (
                "registry_a::OrderError",
                "OrderError",
                "registry_a",
                "nested",
                2
            ),
            (
                "test_registry::LocalError",
                "LocalError",
                "test_registry",
                "nested",
                2
            ),
            (
                "test_registry::TeapotA",
                "TeapotA",
                "test_registry",
                "problem",
                1
            ),
            (
                "test_registry::TeapotB",
                "TeapotB",
                "test_registry",
                "problem",
                1
            ),
            (
                "test_registry::Throttled",
                "Throttled",
                "test_registry",
                "problem",
                1
            ),
        ]
    );
    let orders = registry::types()
        .into_iter()
        .find(|ty| ty.name() == "OrderError")
        .unwrap();
    assert_eq!(orders.module_path(), "registry_a");
    let codes: Vec<&str> = orders.entries().iter().map(|entry| entry.code).collect();
    assert_eq!(codes, ["NotFound", "DuplicateReference"]);
    assert_eq!(orders.entries()[0].template_fields(), ["id"]);
}

#[test]
fn a_code_two_crates_define_differently_is_reported_naming_both() {
    let conflicts = registry::conflicts();
    assert_eq!(conflicts.len(), 3, "{conflicts:#?}");

    let not_found = &conflicts[0];
    assert_eq!(not_found.code, "NotFound");
    assert_eq!(not_found.differences, [Difference::Status]);
    assert_eq!(not_found.first.type_name, "registry_a::OrderError");
    assert_eq!(not_found.first.crate_name, "registry_a");
    assert_eq!(not_found.first.entry.status, 404);
    assert_eq!(not_found.second.type_name, "test_registry::LocalError");
    assert_eq!(not_found.second.crate_name, "test_registry");
    assert_eq!(not_found.second.entry.status, 410);

    let slow_down = &conflicts[1];
    assert_eq!(slow_down.code, "SlowDown");
    assert_eq!(slow_down.differences, [Difference::Format]);

    let teapot = &conflicts[2];
    assert_eq!(teapot.code, "Teapot");
    assert_eq!(teapot.differences, [Difference::TypeUri]);
    assert_eq!(
        teapot.second.type_uri.as_deref(),
        Some("https://b.example/errors/Teapot")
    );

    let error = registry::check().unwrap_err();
    assert_eq!(
        error.to_string(),
        "code `NotFound` is defined twice, with a different status: \
         by `registry_a::OrderError::NotFound` (crate `registry_a`: 404 \"No order {id}\", format nested) \
         and by `test_registry::LocalError::Gone` (crate `test_registry`: 410 \"No order {id}\", format nested)\n\
         code `SlowDown` is defined twice, with a different format: \
         by `test_registry::LocalError::SlowDown` (crate `test_registry`: 429 \"Slow down\", format nested) \
         and by `test_registry::Throttled` (crate `test_registry`: 429 \"Slow down\", format problem, type about:blank)\n\
         code `Teapot` is defined twice, with a different type URI: \
         by `test_registry::TeapotA` (crate `test_registry`: 418 \"I'm a teapot\", format problem, type https://a.example/errors/Teapot) \
         and by `test_registry::TeapotB` (crate `test_registry`: 418 \"I'm a teapot\", format problem, type https://b.example/errors/Teapot)"
    );
    // `Debug`, what `unwrap` prints, is the same text.
    assert_eq!(format!("{error:?}"), error.to_string());
}

#[test]
fn rows_repeated_through_transparent_variants_are_not_defined_twice() {
    // CheckoutError (problem) repeats OrderError's rows (nested): no
    // conflict about their format.
    let conflicts = registry::conflicts();
    assert!(
        conflicts
            .iter()
            .all(|conflict| conflict.code != "DuplicateReference"),
        "{conflicts:#?}"
    );
}

#[test]
fn the_docs_builder_takes_the_whole_registry() {
    let error = Docs::new().registry().error_table().unwrap_err();
    assert!(
        error
            .to_string()
            .contains("code `NotFound` is defined twice")
    );

    let table = Docs::new()
        .registry()
        .columns([errcat::docs::Column::Code])
        .error_table();
    // The same conflict stops every part of the page.
    assert!(table.is_err());
}

#[test]
fn the_contract_of_the_registry_refuses_a_code_defined_twice() {
    use errcat::contract::{BlessMode, CheckError, Contract};

    let path = std::env::temp_dir().join(format!(
        "errcat-test-registry-{}/errors.lock",
        std::process::id()
    ));
    let error = Contract::new()
        .registry()
        .check_with(&path, BlessMode::Breaking)
        .unwrap_err();
    let CheckError::Conflicts(conflicts) = &error else {
        panic!("{error}");
    };
    let codes: Vec<&str> = conflicts
        .conflicts()
        .iter()
        .map(|conflict| conflict.code)
        .collect();
    assert_eq!(codes, ["NotFound", "SlowDown", "Teapot"]);
    assert!(!path.exists());
}
