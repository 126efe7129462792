//! Instruction-count matrix: each built-in format and kind of error, errcat's
//! `http_response`, `Envelope` through serde_json and `Envelope::write_json`
//! (the body `http_response` sends) beside a hand-written handler, serde
//! struct and byte writer, a copy of the same bytes and, for `problem`,
//! http-api-problem.
//!
//! `bench/run` checks every candidate's output (`matrix check`), then runs
//! each case under callgrind at two iteration counts (`matrix <case> <n>`):
//! the difference is its steady cost. Without arguments, as `cargo bench`
//! runs it, it lists the cases.

mod candidates;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cases = candidates::all();
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match arguments.as_slice() {
        [] => {
            for case in &cases {
                println!("{}", case.name());
            }
            ExitCode::SUCCESS
        }
        [check] if check == "check" => match candidates::check(&cases) {
            Ok(()) => {
                println!("{} candidates write the expected bytes", cases.len());
                ExitCode::SUCCESS
            }
            Err(mistakes) => {
                eprint!("{mistakes}");
                ExitCode::FAILURE
            }
        },
        [name, iterations] => {
            let Some(case) = cases.iter().find(|case| case.name() == *name) else {
                eprintln!("unknown case {name}");
                return ExitCode::from(2);
            };
            let Ok(iterations) = iterations.parse::<u32>() else {
                eprintln!("not a number of iterations: {iterations}");
                return ExitCode::from(2);
            };
            let mut buf = Vec::with_capacity(1024);
            let mut text = String::with_capacity(1024);
            for _ in 0..iterations {
                case.once(&mut buf, &mut text);
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: matrix [check | <case> <iterations>]");
            ExitCode::from(2)
        }
    }
}
