//! Instruction-count benchmark of error bodies and messages: errcat against
//! the code users write by hand (a `#[derive(Serialize)]` body struct, a
//! `format!`ed message, thiserror for `Display`).
//!
//! `bench/run` runs each case under callgrind twice, with 0 and with
//! `ITERATIONS` iterations, and prints the instructions per iteration of
//! each errcat case as a ratio of its baseline. Cases are named
//! `<figure>/errcat` and `<figure>/<baseline>`; the `*_direct/errcat`
//! cases (`Envelope::write_json`) compare with the serde baseline of the
//! same figure without the suffix. Run alone, this binary
//! executes one case: `serialize <case> <iterations>`.

use std::fmt::Write as _;
use std::hint::black_box;

use errcat::{ApiError, Envelope};
use serde::Serialize;

/// The errors of the cases, as errcat users declare them.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum UsersError {
    #[api(
        status = 409,
        code = "EmailAlreadyExists",
        message = "This email is already in use, please try another one."
    )]
    EmailAlreadyExists,
}

#[derive(Debug, ApiError)]
#[api(
    type_base = "https://example.com/errors/",
    rename_all = "snake_case",
    display
)]
enum OrderError {
    #[api(status = 404, message = "Couldn't find {model} with id {id}")]
    NotFound {
        #[api(expose)]
        id: u64,
        model: &'static str,
    },
}

/// The same errors, written by hand.
#[derive(Debug, thiserror::Error)]
enum HandWritten {
    #[error("This email is already in use, please try another one.")]
    EmailAlreadyExists,
    #[error("Couldn't find {model} with id {id}")]
    NotFound { id: u64, model: &'static str },
}

#[derive(Serialize)]
struct NestedBody<'a> {
    error: NestedInner<'a>,
}

#[derive(Serialize)]
struct NestedInner<'a> {
    status: u16,
    message: &'a str,
    code: &'a str,
}

#[derive(Serialize)]
struct ProblemBody<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'a str,
    status: u16,
    detail: String,
    code: &'a str,
    id: u64,
}

/// One case: what it does once, into a reused buffer.
struct Case {
    name: &'static str,
    run: fn(&mut Vec<u8>, &mut String),
}

const CASES: &[Case] = &[
    Case {
        name: "unit_body/errcat",
        run: |buf, _| {
            serde_json::to_writer(
                buf,
                &Envelope::new(black_box(&UsersError::EmailAlreadyExists)),
            )
            .unwrap();
        },
    },
    Case {
        name: "unit_body/serde",
        run: |buf, _| {
            let error = black_box(&HandWritten::EmailAlreadyExists);
            let body = NestedBody {
                error: NestedInner {
                    status: 409,
                    message: "This email is already in use, please try another one.",
                    code: match error {
                        HandWritten::EmailAlreadyExists => "EmailAlreadyExists",
                        HandWritten::NotFound { .. } => "not_found",
                    },
                },
            };
            serde_json::to_writer(buf, &body).unwrap();
        },
    },
    Case {
        name: "templated_body/errcat",
        run: |buf, _| {
            let error = OrderError::NotFound {
                id: 232_323,
                model: "Order",
            };
            serde_json::to_writer(buf, &Envelope::new(black_box(&error))).unwrap();
        },
    },
    Case {
        name: "templated_body/serde",
        run: |buf, _| {
            let error = black_box(HandWritten::NotFound {
                id: 232_323,
                model: "Order",
            });
            let HandWritten::NotFound { id, .. } = error else {
                return;
            };
            let body = ProblemBody {
                kind: format!("https://example.com/errors/{}", "not_found"),
                title: "Not Found",
                status: 404,
                detail: error.to_string(),
                code: "not_found",
                id,
            };
            serde_json::to_writer(buf, &body).unwrap();
        },
    },
    Case {
        name: "unit_response/errcat",
        run: |_, _| {
            black_box(errcat::http_response(black_box(
                &UsersError::EmailAlreadyExists,
            )));
        },
    },
    Case {
        name: "unit_response/bare",
        run: |_, _| {
            let body = br#"{"error":{"status":409,"message":"This email is already in use, please try another one.","code":"EmailAlreadyExists"}}"#;
            let mut response = http::Response::new(black_box(body).to_vec());
            *response.status_mut() = http::StatusCode::CONFLICT;
            response.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/json"),
            );
            black_box(response);
        },
    },
    Case {
        name: "unit_body_direct/errcat",
        run: |buf, _| {
            Envelope::new(black_box(&UsersError::EmailAlreadyExists))
                .write_json(buf)
                .unwrap();
        },
    },
    Case {
        name: "templated_body_direct/errcat",
        run: |buf, _| {
            let error = OrderError::NotFound {
                id: 232_323,
                model: "Order",
            };
            Envelope::new(black_box(&error)).write_json(buf).unwrap();
        },
    },
    Case {
        name: "templated_response/errcat",
        run: |_, _| {
            let error = OrderError::NotFound {
                id: 232_323,
                model: "Order",
            };
            black_box(errcat::http_response(black_box(&error)));
        },
    },
    Case {
        name: "templated_response/handwritten",
        run: |_, _| {
            let error = black_box(HandWritten::NotFound {
                id: 232_323,
                model: "Order",
            });
            let HandWritten::NotFound { id, .. } = error else {
                return;
            };
            let body = ProblemBody {
                kind: format!("https://example.com/errors/{}", "not_found"),
                title: "Not Found",
                status: 404,
                detail: error.to_string(),
                code: "not_found",
                id,
            };
            let mut response = http::Response::new(serde_json::to_vec(&body).unwrap());
            *response.status_mut() = http::StatusCode::NOT_FOUND;
            response.headers_mut().insert(
                http::header::CONTENT_TYPE,
                http::HeaderValue::from_static("application/problem+json"),
            );
            black_box(response);
        },
    },
    Case {
        name: "message/errcat",
        run: |_, text| {
            let error = OrderError::NotFound {
                id: 232_323,
                model: "Order",
            };
            write!(text, "{}", black_box(&error).message()).unwrap();
        },
    },
    Case {
        name: "display/errcat",
        run: |_, text| {
            let error = OrderError::NotFound {
                id: 232_323,
                model: "Order",
            };
            write!(text, "{}", black_box(&error)).unwrap();
        },
    },
    Case {
        name: "message/thiserror",
        run: |_, text| {
            let error = HandWritten::NotFound {
                id: 232_323,
                model: "Order",
            };
            write!(text, "{}", black_box(&error)).unwrap();
        },
    },
];

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(name), Some(iterations)) = (args.next(), args.next()) else {
        // `cargo bench` runs this without arguments: list the cases.
        for case in CASES {
            println!("{}", case.name);
        }
        return;
    };
    let Some(case) = CASES.iter().find(|case| case.name == name) else {
        eprintln!("unknown case {name}");
        std::process::exit(2);
    };
    let iterations: u32 = iterations.parse().expect("iterations is a number");
    let mut buf = Vec::with_capacity(1024);
    let mut text = String::with_capacity(1024);
    for _ in 0..iterations {
        buf.clear();
        text.clear();
        (case.run)(&mut buf, &mut text);
        black_box((&buf, &text));
    }
}
