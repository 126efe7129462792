use errcat::ErrorEntry;
use errcat::http::StatusCode;

// Rows of hand-written errors live in statics, so a mistake is a compile error.
static NOT_AN_ERROR: ErrorEntry = ErrorEntry::new("Fine", StatusCode::OK, "fine", "All good");
static SPACED: ErrorEntry = ErrorEntry::new("Spaced", StatusCode::CONFLICT, "email taken", "Taken");

fn main() {}
