//! The candidates the benchmarks compare: for each built-in format and each
//! kind of error, errcat's response and body beside the code users write by
//! hand, each checked to produce the same bytes before anything is timed.

pub mod errcat;
pub mod hand;

use std::fmt::Write as _;
use std::hint::black_box;

use ::errcat::{ApiError, Envelope};
use http::Response;

use self::hand::{Hand, Shape};

/// The kinds of error each format is measured with.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A unit variant with a literal message.
    Unit,
    /// A message template with two private fields.
    Templated,
    /// Two exposed members, both in the message.
    Exposed,
    /// `ValidationErrors` exposed as `errors`, with `message = "{errors}"`.
    Validation,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Unit, Kind::Templated, Kind::Exposed, Kind::Validation];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Unit => "unit",
            Kind::Templated => "templated",
            Kind::Exposed => "exposed",
            Kind::Validation => "validation",
        }
    }
}

type WriteBody = Box<dyn Fn(&mut Vec<u8>)>;
type BuildResponse = Box<dyn Fn() -> Response<Vec<u8>>>;
type WriteText = Box<dyn Fn(&mut String)>;

/// What a candidate does once.
pub enum Run {
    /// Writes a body into a cleared buffer.
    Body(WriteBody),
    /// Builds a whole response.
    Response(BuildResponse),
    /// Writes a message into a cleared string.
    Text(WriteText),
}

/// What a candidate must produce.
pub enum Expect {
    /// These bytes exactly (for a response: its body, and the status and
    /// headers of errcat's response in its group).
    Bytes(&'static str),
    /// This JSON, in any key order.
    Json(&'static str),
}

/// One candidate, named `<group>/<candidate>`.
pub struct Case {
    pub group: String,
    pub candidate: &'static str,
    pub run: Run,
    pub expect: Expect,
}

impl Case {
    pub fn name(&self) -> String {
        format!("{}/{}", self.group, self.candidate)
    }

    /// Runs it once; the buffers are reused so that none of them is grown
    /// after the first run.
    pub fn once(&self, buf: &mut Vec<u8>, text: &mut String) {
        match &self.run {
            Run::Body(run) => {
                buf.clear();
                run(buf);
                black_box(&buf);
            }
            Run::Response(run) => {
                black_box(run());
            }
            Run::Text(run) => {
                text.clear();
                run(text);
                black_box(&text);
            }
        }
    }
}

/// Every candidate: `<format>/<kind>/<candidate>` for the six formats and
/// four kinds, then `message/errcat` (`message()`), `message/display`
/// (the `Display` of `#[api(display)]`) and `message/thiserror`.
pub fn all() -> Vec<Case> {
    let hand: &'static [Hand; 4] = Box::leak(Box::new(hand::Hand::all()));
    let mut cases = Vec::new();
    macro_rules! formats {
        ($($module:ident $shape:ident),*) => {$({
            let errors: &'static [errcat::$module::Error; 4] =
                Box::leak(Box::new(errcat::$module::Error::all()));
            let golden = errcat::golden(stringify!($module));
            for (i, kind) in Kind::ALL.into_iter().enumerate() {
                let group = format!("{}/{}", stringify!($module), kind.name());
                let golden = &*golden[i].clone().leak();
                cell::<_, hand::$shape>(&mut cases, &group, kind, &errors[i], &hand[i], golden);
            }
        })*};
    }
    formats!(
        flat Flat,
        nested Nested,
        typed Typed,
        described Described,
        oauth2 OAuth2,
        problem Problem
    );
    let [_, templated, ..] = errcat::problem::Error::all();
    let errcat_templated: &'static errcat::problem::Error = Box::leak(Box::new(templated));
    let push_text = |cases: &mut Vec<Case>, candidate, run: WriteText| {
        cases.push(Case {
            group: "message".to_owned(),
            candidate,
            run: Run::Text(run),
            expect: Expect::Bytes("Couldn't find Order with id 232323"),
        });
    };
    push_text(
        &mut cases,
        "errcat",
        Box::new(move |text| write!(text, "{}", black_box(errcat_templated).message()).unwrap()),
    );
    push_text(
        &mut cases,
        "display",
        Box::new(move |text| write!(text, "{}", black_box(errcat_templated)).unwrap()),
    );
    push_text(
        &mut cases,
        "thiserror",
        Box::new(move |text| write!(text, "{}", black_box(&hand[1])).unwrap()),
    );
    cases
}

/// The candidates of one format and kind.
fn cell<E: ApiError + 'static, S: Shape + 'static>(
    cases: &mut Vec<Case>,
    group: &str,
    kind: Kind,
    error: &'static E,
    hand: &'static Hand,
    golden: &'static str,
) {
    let mut push = |candidate, run| {
        cases.push(Case {
            group: group.to_owned(),
            candidate,
            run,
            expect: Expect::Bytes(golden),
        });
    };
    push(
        "response",
        Run::Response(Box::new(move || ::errcat::http_response(black_box(error)))),
    );
    push(
        "envelope",
        Run::Body(Box::new(move |buf| {
            serde_json::to_writer(buf, &Envelope::new(black_box(error))).unwrap();
        })),
    );
    push(
        "write_json",
        Run::Body(Box::new(move |buf| {
            Envelope::new(black_box(error)).write_json(buf).unwrap();
        })),
    );
    push(
        "serde",
        Run::Body(Box::new(move |buf| {
            S::serde(&hand::parts(black_box(hand)), buf)
        })),
    );
    push(
        "handler",
        Run::Response(Box::new(move || hand::handler::<S>(black_box(hand)))),
    );
    push(
        "writer",
        Run::Body(Box::new(move |buf| S::write(black_box(hand), buf))),
    );
    push(
        "memcpy",
        Run::Body(Box::new(move |buf| {
            buf.extend_from_slice(black_box(golden).as_bytes());
        })),
    );
    if let Kind::Unit = kind {
        let status = error.status();
        push(
            "bare",
            Run::Response(Box::new(move || hand::bare::<S>(status, black_box(golden)))),
        );
    }
    if let Some(peer) = S::PEER {
        cases.push(Case {
            group: group.to_owned(),
            candidate: "peer",
            run: Run::Body(Box::new(move |buf| peer(black_box(hand), buf))),
            expect: Expect::Json(golden),
        });
    }
}

/// Checks every case's output against what it must produce; the mistakes,
/// one a line.
pub fn check(cases: &[Case]) -> Result<(), String> {
    let mut mistakes = String::new();
    let (mut buf, mut text) = (Vec::new(), String::new());
    for case in cases {
        let reference = cases
            .iter()
            .find(|other| other.group == case.group && other.candidate == "response");
        let reference = reference.map(|reference| match &reference.run {
            Run::Response(run) => run(),
            _ => unreachable!("a response candidate builds a response"),
        });
        let output = match &case.run {
            Run::Body(run) => {
                buf.clear();
                run(&mut buf);
                buf.clone()
            }
            Run::Text(run) => {
                text.clear();
                run(&mut text);
                text.clone().into_bytes()
            }
            Run::Response(run) => {
                let response = run();
                if let Some(reference) = &reference {
                    if response.status() != reference.status()
                        || response.headers() != reference.headers()
                    {
                        let _ = writeln!(
                            mistakes,
                            "{}: {} {:?}, errcat sends {} {:?}",
                            case.name(),
                            response.status(),
                            response.headers(),
                            reference.status(),
                            reference.headers()
                        );
                    }
                }
                response.into_body()
            }
        };
        let same = match case.expect {
            Expect::Bytes(expected) => output == expected.as_bytes(),
            Expect::Json(expected) => {
                serde_json::from_slice::<serde_json::Value>(&output).ok()
                    == serde_json::from_str::<serde_json::Value>(expected).ok()
            }
        };
        if !same {
            let expected = match case.expect {
                Expect::Bytes(text) | Expect::Json(text) => text,
            };
            let _ = writeln!(
                mistakes,
                "{}: wrote\n  {}\nnot\n  {expected}",
                case.name(),
                String::from_utf8_lossy(&output)
            );
        }
    }
    if mistakes.is_empty() {
        Ok(())
    } else {
        Err(mistakes)
    }
}
