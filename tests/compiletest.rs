//! Compile-fail cases of `#[derive(ApiError)]`: each `tests/ui/<kind>/<case>.rs`
//! must fail to compile with exactly the diagnostics in its `.stderr`.
//!
//! Bless changed output with `TRYBUILD=overwrite cargo test --test compiletest`,
//! then read every changed `.stderr` like a diff.

use std::path::Path;

// Miri cannot spawn the compiler that trybuild runs.
#[cfg_attr(miri, ignore = "trybuild runs rustc in a subprocess")]
#[test]
fn ui() {
    copy_locale_folders();
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/*/*.rs");
}

/// trybuild compiles each case in a crate of its own, whose manifest (the
/// folder `locales = "..."` is relative to) is in the target directory: the
/// cases' translation folders are copied there, at the same relative path.
fn copy_locale_folders() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory holds tmp/");
    let project = target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"));
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui/locales");
    for folder in std::fs::read_dir(&from).expect("tests/ui/locales") {
        let folder = folder.expect("an entry of tests/ui/locales").path();
        if !folder.is_dir() {
            continue;
        }
        let to = project
            .join("tests/ui/locales")
            .join(folder.file_name().expect("a folder name"));
        std::fs::create_dir_all(&to).expect("the case's folder");
        for file in std::fs::read_dir(&folder).expect("a locales folder") {
            let file = file.expect("a translation file").path();
            let copy = to.join(file.file_name().expect("a file name"));
            std::fs::copy(&file, copy).expect("a copy of the translation file");
        }
    }
}
