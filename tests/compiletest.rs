//! Compile-fail cases of `#[derive(ApiError)]`: each `tests/ui/<kind>/<case>.rs`
//! must fail to compile with exactly the diagnostics in its `.stderr`.
//!
//! Bless changed output with `TRYBUILD=overwrite cargo test --test compiletest`,
//! then read every changed `.stderr` like a diff.

// Miri cannot spawn the compiler that trybuild runs.
#[cfg_attr(miri, ignore = "trybuild runs rustc in a subprocess")]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*/*.rs");
}
