//! Renders the error page of this crate's errors from their catalog: into
//! `OUT_DIR`, where `src/lib.rs` includes it in the crate's rustdoc, and
//! against the checked-in `errors.md`, which fails the build once stale
//! (`ERRCAT_BLESS=1 cargo build` updates it).

#[allow(dead_code, reason = "the build script only reads the catalog")]
#[path = "src/errors.rs"]
mod errors;

use std::error::Error;
use std::path::Path;
use std::{env, fs};

use errcat::docs::{Docs, Section};

use self::errors::PaymentError;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=src/errors.rs");
    println!("cargo::rerun-if-changed=errors.md");
    println!("cargo::rerun-if-env-changed=ERRCAT_BLESS");

    let page = Docs::new()
        .title("Errors")
        .intro(
            "Every error is an RFC 9457 problem: its `type` names the error, \
             `status` repeats the HTTP status and `detail` says what went wrong.",
        )
        // Any value of the type: the bodies take its shape and `type_base`.
        .catalog_of(&PaymentError::NetworkUnavailable)
        .example(&PaymentError::CardDeclined {
            last4: "4242".into(),
        })
        .sections([
            Section::StatusTable,
            Section::ErrorTable,
            Section::ExampleBodies,
        ])
        .render()?;

    fs::write(Path::new(&env::var("OUT_DIR")?).join("errors.md"), &page)?;
    let checked_in = Path::new(&env::var("CARGO_MANIFEST_DIR")?).join("errors.md");
    errcat::docs::sync(checked_in, &page)?;
    Ok(())
}
