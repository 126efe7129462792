//! The default-language path with and without errcat's `locales` feature:
//! `bench/run`'s `locales` part builds this program twice and counts each
//! case's instructions in both. Run alone: `default-language <case> <n>`.

use std::fmt::Write as _;
use std::hint::black_box;

use errcat::{ApiError, Envelope};

#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum UsersError {
    #[api(
        status = 409,
        code = "EmailAlreadyExists",
        message = "This email is already in use, please try another one."
    )]
    EmailAlreadyExists,
    #[api(status = 404, message = "Couldn't find {model} with id {id}")]
    NotFound {
        #[api(expose)]
        id: u64,
        model: &'static str,
    },
}

const NOT_FOUND: UsersError = UsersError::NotFound {
    id: 232_323,
    model: "Order",
};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(case), Some(Ok(iterations))) = (args.next(), args.next().map(|n| n.parse())) else {
        eprintln!("usage: default-language <case> <iterations>");
        std::process::exit(2);
    };
    let mut body = Vec::with_capacity(256);
    let mut text = String::with_capacity(256);
    for _ in 0..iterations {
        body.clear();
        text.clear();
        match case.as_str() {
            "message" => write!(text, "{}", black_box(&NOT_FOUND).message()).unwrap(),
            "unit_body" => serde_json::to_writer(
                &mut body,
                &Envelope::new(black_box(&UsersError::EmailAlreadyExists)),
            )
            .unwrap(),
            "templated_body" => {
                serde_json::to_writer(&mut body, &Envelope::new(black_box(&NOT_FOUND))).unwrap();
            }
            "unit_response" => {
                black_box(errcat::http_response(black_box(
                    &UsersError::EmailAlreadyExists,
                )));
            }
            "templated_response" => {
                black_box(errcat::http_response(black_box(&NOT_FOUND)));
            }
            _ => {
                eprintln!("default-language: no case {case}");
                std::process::exit(2);
            }
        }
        black_box((&body, &text));
    }
}
