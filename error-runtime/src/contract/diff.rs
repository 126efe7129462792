//! The differences between a lock and the code, each classified as
//! compatible, breaking or forbidden.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use super::lock::{Lock, LockedCode, State};

/// How a change affects the clients of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Clients keep working: `ERRCAT_BLESS=1` records it.
    Compatible,
    /// Clients that switch on the code, its status or its members may
    /// break: only `ERRCAT_BLESS=breaking` records it.
    Breaking,
    /// Never recorded: a retired code used again.
    Forbidden,
}

impl Severity {
    /// `compatible`, `breaking` or `forbidden`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Severity::Compatible => "compatible",
            Severity::Breaking => "breaking",
            Severity::Forbidden => "forbidden",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Declares `ChangeKind` from one table: variant, id, severity, meaning.
macro_rules! change_kinds {
    ($($kind:ident => $id:literal, $severity:ident, $doc:literal;)*) => {
        /// What changed about a code. Each kind has a stable kebab-case
        /// [`id`](Self::id), for CI bots and allow lists, and a
        /// [`Severity`].
        ///
        /// | id | severity | change |
        /// |---|---|---|
        $(#[doc = concat!("| `", $id, "` | ", stringify!($severity), " | ", $doc, " |")])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ChangeKind {
            $(#[doc = $doc] $kind,)*
        }

        impl ChangeKind {
            /// Every kind, in the order of the table above.
            pub const ALL: &'static [ChangeKind] = &[$(ChangeKind::$kind,)*];

            /// The stable id: `error-code-removed`, `error-status-changed`, ...
            #[must_use]
            pub fn id(self) -> &'static str {
                match self {
                    $(ChangeKind::$kind => $id,)*
                }
            }

            /// Whether clients keep working.
            #[must_use]
            pub fn severity(self) -> Severity {
                match self {
                    $(ChangeKind::$kind => Severity::$severity,)*
                }
            }
        }
    };
}

change_kinds! {
    CodeAdded => "error-code-added", Compatible, "a new code";
    CodeRemoved => "error-code-removed", Breaking, "a code no longer sent: the lock keeps it, retired";
    CodeReused => "error-code-reused", Forbidden, "a retired code sent again, with any status";
    StatusChanged => "error-status-changed", Breaking, "another HTTP status";
    FormatChanged => "error-format-changed", Breaking, "another body format";
    TypeUriChanged => "error-type-uri-changed", Breaking, "another problem `type` URI";
    PlaceholderRemoved => "error-placeholder-removed", Breaking, "a field the message interpolated is gone (removed or renamed)";
    MemberRemoved => "error-member-removed", Breaking, "an exposed member is gone (removed or renamed)";
    HeaderRemoved => "error-header-removed", Breaking, "a header field is gone (removed or renamed)";
    PlaceholderAdded => "error-placeholder-added", Compatible, "the message interpolates a new field";
    MemberAdded => "error-member-added", Compatible, "a new exposed member";
    HeaderAdded => "error-header-added", Compatible, "a new header field";
    MessageChanged => "error-message-changed", Compatible, "the message's wording (its placeholders have their own ids)";
    DescriptionChanged => "error-description-changed", Compatible, "the description";
    CodeDeprecated => "error-code-deprecated", Compatible, "a code marked deprecated";
    DeprecationChanged => "error-deprecation-changed", Compatible, "another deprecation note";
    CodeUndeprecated => "error-code-undeprecated", Compatible, "a code no longer deprecated";
    VariantChanged => "error-variant-changed", Compatible, "the code is defined by another variant or type";
}

/// One difference between the lock and the code.
///
/// Its `Display` is a sentence naming the code, the variant that defines it
/// and what changed, old and new value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// The code.
    pub code: String,
    /// `Type::Variant` that defines it (that last defined it, for a removed
    /// code).
    pub variant: String,
    /// The value in the lock, if the change has one: a status, a format, a
    /// field name, a message, ...
    pub old: Option<String>,
    /// The value in the code, if the change has one.
    pub new: Option<String>,
}

impl Change {
    /// The kind's stable id, such as `error-status-changed`.
    #[must_use]
    pub fn id(&self) -> &'static str {
        self.kind.id()
    }

    /// The kind's severity.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.kind.severity()
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Change {
            kind,
            code,
            variant,
            old,
            new,
        } = self;
        let old = old.as_deref().unwrap_or_default();
        let new = new.as_deref().unwrap_or_default();
        if *kind == ChangeKind::VariantChanged {
            return write!(f, "code `{code}` is now defined by `{new}` (was `{old}`)");
        }
        write!(f, "code `{code}` (`{variant}`) ")?;
        match kind {
            ChangeKind::CodeAdded => write!(f, "is new, with status {}", status(new)),
            ChangeKind::CodeRemoved => write!(
                f,
                "was removed (status {}); the lock keeps it as retired, never to be used again",
                status(old)
            ),
            ChangeKind::CodeReused => write!(
                f,
                "was retired and is used again, with status {}; a retired code is never used again: give this error a new code",
                status(new)
            ),
            ChangeKind::StatusChanged => {
                write!(f, "changed status from {} to {}", status(old), status(new))
            }
            ChangeKind::FormatChanged => write!(f, "changed format from {old} to {new}"),
            ChangeKind::TypeUriChanged => {
                write!(f, "changed type URI from `{old}` to `{new}`")
            }
            ChangeKind::PlaceholderRemoved => write!(
                f,
                "no longer interpolates `{{{old}}}` in its message (removed or renamed)"
            ),
            ChangeKind::MemberRemoved => {
                write!(f, "no longer exposes member `{old}` (removed or renamed)")
            }
            ChangeKind::HeaderRemoved => {
                write!(f, "no longer sends header `{old}` (removed or renamed)")
            }
            ChangeKind::PlaceholderAdded => {
                write!(
                    f,
                    "interpolates a new placeholder `{{{new}}}` in its message"
                )
            }
            ChangeKind::MemberAdded => write!(f, "exposes a new member `{new}`"),
            ChangeKind::HeaderAdded => write!(f, "sends a new header `{new}`"),
            ChangeKind::MessageChanged => {
                write!(f, "changed message from {old:?} to {new:?}")
            }
            ChangeKind::DescriptionChanged => {
                write!(f, "changed description from {old:?} to {new:?}")
            }
            ChangeKind::CodeDeprecated => write!(f, "is deprecated: {new}"),
            ChangeKind::DeprecationChanged => {
                write!(f, "changed its deprecation note from {old:?} to {new:?}")
            }
            ChangeKind::CodeUndeprecated => write!(f, "is no longer deprecated"),
            ChangeKind::VariantChanged => Ok(()),
        }
    }
}

/// `409 Conflict` from `409`.
fn status(number: &str) -> String {
    let reason = number
        .parse::<u16>()
        .ok()
        .and_then(|n| http::StatusCode::from_u16(n).ok())
        .map(crate::reason_phrase);
    match reason {
        Some(reason) => format!("{number} {reason}"),
        None => number.to_owned(),
    }
}

/// The differences between a lock and the code, and the lock that records
/// the code's contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diff {
    changes: Vec<Change>,
    lock: Lock,
}

impl Diff {
    /// Every change, ordered by code (and, for one code, by kind: breaking
    /// ones first).
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The lock that records the code's contract: the new codes added, the
    /// changed ones updated, the removed ones retired. A code retired in the
    /// old lock stays retired, even if it is used again.
    #[must_use]
    pub fn lock(&self) -> &Lock {
        &self.lock
    }

    /// The worst severity among the changes; `None` when there is none.
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(Change::severity).max()
    }

    pub(super) fn into_parts(self) -> (Vec<Change>, Lock) {
        (self.changes, self.lock)
    }
}

/// Compares `old` with `current`, both ordered by code, in one walk.
pub(super) fn diff(old: &Lock, current: BTreeMap<String, LockedCode>) -> Diff {
    let mut changes = Vec::new();
    let mut next = BTreeMap::new();
    let mut old_codes = old.map().iter().peekable();
    let mut new_codes = current.into_iter().peekable();
    loop {
        let order = match (old_codes.peek(), new_codes.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some((old_code, _)), Some((new_code, _))) => old_code.as_str().cmp(new_code),
        };
        match order {
            std::cmp::Ordering::Less => {
                let Some((code, locked)) = old_codes.next() else {
                    break;
                };
                let mut kept = locked.clone();
                if locked.state != State::Retired {
                    changes.push(change(
                        ChangeKind::CodeRemoved,
                        code,
                        &locked.variant,
                        Some(locked.status.to_string()),
                        None,
                    ));
                    kept.state = State::Retired;
                    kept.deprecated = None;
                }
                next.insert(code.clone(), kept);
            }
            std::cmp::Ordering::Greater => {
                let Some((code, locked)) = new_codes.next() else {
                    break;
                };
                changes.push(change(
                    ChangeKind::CodeAdded,
                    &code,
                    &locked.variant,
                    None,
                    Some(locked.status.to_string()),
                ));
                next.insert(code, locked);
            }
            std::cmp::Ordering::Equal => {
                let (Some((_, was)), Some((code, now))) = (old_codes.next(), new_codes.next())
                else {
                    break;
                };
                if was.state == State::Retired {
                    changes.push(change(
                        ChangeKind::CodeReused,
                        &code,
                        &now.variant,
                        Some(State::Retired.name().to_owned()),
                        Some(now.status.to_string()),
                    ));
                    next.insert(code, was.clone());
                } else {
                    compare(&code, was, &now, &mut changes);
                    next.insert(code, now);
                }
            }
        }
    }
    Diff {
        changes,
        lock: Lock::from_codes(next),
    }
}

fn change(
    kind: ChangeKind,
    code: &str,
    variant: &str,
    old: Option<String>,
    new: Option<String>,
) -> Change {
    Change {
        kind,
        code: code.to_owned(),
        variant: variant.to_owned(),
        old,
        new,
    }
}

/// The changes of a code in use before and now, breaking ones first.
fn compare(code: &str, was: &LockedCode, now: &LockedCode, changes: &mut Vec<Change>) {
    let variant = now.variant.as_str();
    let mut push = |kind, old: Option<&str>, new: Option<&str>| {
        changes.push(change(
            kind,
            code,
            variant,
            old.map(str::to_owned),
            new.map(str::to_owned),
        ));
    };
    if was.status != now.status {
        push(
            ChangeKind::StatusChanged,
            Some(&was.status.to_string()),
            Some(&now.status.to_string()),
        );
    }
    if was.format != now.format {
        push(
            ChangeKind::FormatChanged,
            Some(&was.format),
            Some(&now.format),
        );
    } else if was.type_uri != now.type_uri {
        push(
            ChangeKind::TypeUriChanged,
            was.type_uri.as_deref(),
            now.type_uri.as_deref(),
        );
    }
    lists(was, now, &mut push);
    if was.message != now.message {
        push(
            ChangeKind::MessageChanged,
            Some(&was.message),
            Some(&now.message),
        );
    }
    if was.description != now.description {
        push(
            ChangeKind::DescriptionChanged,
            Some(&was.description),
            Some(&now.description),
        );
    }
    match (&was.deprecated, &now.deprecated) {
        (None, Some(note)) => push(ChangeKind::CodeDeprecated, None, Some(note)),
        (Some(note), None) => push(ChangeKind::CodeUndeprecated, Some(note), None),
        (Some(old), Some(new)) if old != new => {
            push(ChangeKind::DeprecationChanged, Some(old), Some(new));
        }
        _ => {}
    }
    if was.variant != now.variant {
        push(
            ChangeKind::VariantChanged,
            Some(&was.variant),
            Some(&now.variant),
        );
    }
}

/// Records a change of a code: its kind, old and new value.
type Push<'a> = dyn FnMut(ChangeKind, Option<&str>, Option<&str>) + 'a;

/// The placeholders, exposed members and header fields gone, then those
/// added.
fn lists(was: &LockedCode, now: &LockedCode, push: &mut Push<'_>) {
    let lists = [
        (
            &was.placeholders,
            &now.placeholders,
            ChangeKind::PlaceholderRemoved,
            ChangeKind::PlaceholderAdded,
            false,
        ),
        (
            &was.exposed,
            &now.exposed,
            ChangeKind::MemberRemoved,
            ChangeKind::MemberAdded,
            false,
        ),
        // Header names are case-insensitive.
        (
            &was.headers,
            &now.headers,
            ChangeKind::HeaderRemoved,
            ChangeKind::HeaderAdded,
            true,
        ),
    ];
    let mut added = Vec::new();
    for (old, new, removed_kind, added_kind, fold_case) in lists {
        let key = |name: &String| {
            if fold_case {
                name.to_ascii_lowercase()
            } else {
                name.clone()
            }
        };
        let old_names: HashSet<String> = old.iter().map(key).collect();
        let new_names: HashSet<String> = new.iter().map(key).collect();
        for name in old.iter().filter(|name| !new_names.contains(&key(name))) {
            push(removed_kind, Some(name), None);
        }
        added.extend(
            new.iter()
                .filter(|name| !old_names.contains(&key(name)))
                .map(|name| (added_kind, name)),
        );
    }
    for (kind, name) in added {
        push(kind, None, Some(name));
    }
}
