//! Rebuilds the crate when a file is added to or removed from `locales/`:
//! the derive reads the folder, but a stable proc macro cannot ask cargo to
//! watch it, and cargo only tracks the files the derive included.

fn main() {
    println!("cargo::rerun-if-changed=locales");
}
