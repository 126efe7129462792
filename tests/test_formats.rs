//! The table of built-in formats that the derive checks against is the one
//! the runtime writes: each format's own members are exactly the members its
//! body has beside the exposed ones.

use errcat::__private::Builtin;
use errcat::{ApiError, Envelope, format};
use serde_json::{Map, Value};

#[derive(Debug, ApiError)]
#[api(format = "typed")]
enum Probe {
    #[api(status = 409, message = "Taken")]
    Taken {
        #[api(expose)]
        probe_member: u8,
    },
}

/// The object of `body` that exposed members join.
fn member_object(format: Builtin, body: &Value) -> &Map<String, Value> {
    let object = body.as_object().expect("an object");
    match format {
        Builtin::Nested => object["error"].as_object().expect("an object"),
        _ => object,
    }
}

fn body_in<F: format::Format>(format: F) -> Value {
    let error = Probe::Taken { probe_member: 1 };
    serde_json::to_value(Envelope::with_format(&error, format)).unwrap()
}

#[test]
fn own_members_are_what_each_format_writes() {
    let bodies = [
        (Builtin::Flat, body_in(format::Flat)),
        (Builtin::Nested, body_in(format::Nested)),
        (Builtin::Typed, body_in(format::Typed)),
        (Builtin::Described, body_in(format::Described)),
        (Builtin::OAuth2, body_in(format::OAuth2)),
        (Builtin::Problem, body_in(format::Problem)),
    ];
    assert_eq!(bodies.len(), Builtin::ALL.len(), "a format is missing here");
    for (format, body) in &bodies {
        let mut written: Vec<&str> = member_object(*format, body)
            .keys()
            .map(String::as_str)
            .filter(|key| *key != "probe_member")
            .collect();
        let mut own = format.own_members().to_vec();
        written.sort_unstable();
        own.sort_unstable();
        assert_eq!(written, own, "{}", format.name());
    }
}

#[test]
fn names_are_those_the_attribute_takes() {
    let names: Vec<&str> = Builtin::ALL.iter().map(|format| format.name()).collect();
    assert_eq!(
        names,
        ["flat", "nested", "typed", "described", "oauth2", "problem"]
    );
}
