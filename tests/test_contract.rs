//! The error contract: the lock file `docs/errors.lock` of the users API
//! example, the classification of every change between a lock and the
//! catalogs (ids, severities and sentences), the bless modes, the report,
//! and locks that cannot be read.
//!
//! Every test that writes a lock writes its own, in a folder of its own
//! under the system's temporary folder, with the mode given explicitly.

#![allow(
    dead_code,
    reason = "the errors here are only read through their catalogs"
)]

use std::path::PathBuf;

use errcat::contract::{BlessMode, CheckError, Contract, Lock, Severity, State};
use errcat::http::StatusCode;
use errcat::{ApiError, Catalog, ErrorEntry};

use users_api::UsersError;

/// A path for a lock of the test `name`, in a fresh folder of its own.
fn temp_lock(name: &str) -> PathBuf {
    let folder = std::env::temp_dir().join(format!(
        "errcat-test-contract-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&folder);
    folder.join("errors.lock")
}

/// The lock `T`'s catalog alone gives.
fn lock_of<T: Catalog>() -> Lock {
    Contract::new().catalog::<T>().lock().unwrap()
}

/// Each change from `before`'s lock to `T`'s catalog: id and sentence.
fn changes<T: Catalog>(before: &Lock) -> Vec<(&'static str, String)> {
    let diff = Contract::new().catalog::<T>().diff(before).unwrap();
    diff.changes()
        .iter()
        .map(|change| (change.id(), change.to_string()))
        .collect()
}

// ---------------------------------------------------------------------------
// The users API's lock.

const USERS_LOCK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.lock");

#[test]
fn docs_errors_lock_is_fresh() {
    let report = Contract::new()
        .catalog::<UsersError>()
        .check(USERS_LOCK)
        .unwrap();
    assert!(report.changes().is_empty() || report.written());
}

#[test]
fn lock_round_trips_byte_for_byte() {
    let text = lock_of::<UsersError>().render();
    let parsed = Lock::parse(&text).unwrap();
    assert_eq!(parsed.render(), text);
    assert_eq!(parsed, lock_of::<UsersError>());
    assert!(text.ends_with("\"\n") && !text.ends_with("\n\n"));
    // Ordered by code, byte for byte: upper case before lower case.
    let codes: Vec<&str> = parsed.codes().map(|(code, _)| code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    assert_eq!(codes, sorted);
    assert_eq!(codes.len(), 19);
    assert_eq!(codes.last(), Some(&"failedToCreateSession"));
}

#[test]
fn an_unchanged_catalog_leaves_the_lock_alone() {
    let path = temp_lock("unchanged");
    let contract = Contract::new().catalog::<UsersError>();
    let created = contract.check_with(&path, BlessMode::Compatible).unwrap();
    assert!(created.written());
    assert_eq!(created.changes().len(), 19);
    let text = std::fs::read_to_string(&path).unwrap();
    for mode in [BlessMode::Check, BlessMode::Compatible, BlessMode::Breaking] {
        let report = contract.check_with(&path, mode).unwrap();
        assert!(!report.written());
        assert!(report.changes().is_empty());
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(text, lock_of::<UsersError>().render());
}

// ---------------------------------------------------------------------------
// The users API's catalog, changed: its rows with one edit each, in types
// named `UsersError` too, so that only the edit differs.

const USERS: &[ErrorEntry] = UsersError::ENTRIES;
const EMAIL: usize = 10;

const fn users_rows<const N: usize>(skip: usize) -> [ErrorEntry; N] {
    let mut rows = [USERS[0]; N];
    let (mut from, mut to) = (0, 0);
    while from < USERS.len() && to < N {
        if from != skip {
            rows[to] = USERS[from];
            to += 1;
        }
        from += 1;
    }
    rows
}

/// A type whose catalog is `rows`, in the users API's format.
macro_rules! users_catalog {
    ($module:ident, $rows:expr) => {
        mod $module {
            use super::*;

            pub struct UsersError;

            const ROWS: &[ErrorEntry] = &$rows;

            impl Catalog for UsersError {
                const ENTRIES: &'static [ErrorEntry] = ROWS;
                const MARKDOWN: &'static str = "";
                // The format is a type-level setting of the catalog.
                const __SETTINGS: &'static errcat::__private::TypeSettings =
                    <super::UsersError as Catalog>::__SETTINGS;
            }
        }
    };
}

users_catalog!(users_status_changed, {
    let mut rows: [ErrorEntry; 19] = users_rows(usize::MAX);
    rows[EMAIL].status = 400;
    rows
});

users_catalog!(users_variant_removed, users_rows::<18>(EMAIL));

users_catalog!(users_variant_added, {
    let mut rows: [ErrorEntry; 20] = users_rows(usize::MAX);
    rows[19] = ErrorEntry::new(
        "AccountLocked",
        StatusCode::LOCKED,
        "AccountLocked",
        "This account is locked.",
    );
    rows
});

/// A copy of the checked-in lock, for the test `name` to check.
fn users_lock_copy(name: &str) -> PathBuf {
    let path = temp_lock(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::copy(USERS_LOCK, &path).unwrap();
    path
}

#[test]
fn changing_a_status_fails_with_a_one_screen_report() {
    assert_eq!(USERS[EMAIL].code, "EmailAlreadyExists");
    let path = users_lock_copy("status");
    let before = std::fs::read(&path).unwrap();
    let contract = Contract::new().catalog::<users_status_changed::UsersError>();
    for mode in [BlessMode::Check, BlessMode::Compatible] {
        let error = contract.check_with(&path, mode).unwrap_err();
        let only_compatible = if mode == BlessMode::Compatible {
            "ERRCAT_BLESS=1 records compatible changes only. "
        } else {
            ""
        };
        assert_eq!(
            error.to_string(),
            format!(
                "{}: the error contract changed (1 breaking change):\n\
                 \n  breaking    error-status-changed  code `EmailAlreadyExists` (`UsersError::EmailAlreadyExists`) changed status from 409 Conflict to 400 Bad Request\n\
                 \n{only_compatible}Clients switch on codes, statuses and members, so a breaking change is accepted only when asked for: \
                 to accept it, run the same command with ERRCAT_BLESS=breaking set, e.g. `ERRCAT_BLESS=breaking cargo test`. Nothing was written.",
                path.display()
            )
        );
        assert!(error.to_string().lines().count() <= 24);
        assert_eq!(format!("{error:?}"), error.to_string());
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
    // Asked for explicitly, it is recorded.
    let report = contract.check_with(&path, BlessMode::Breaking).unwrap();
    assert!(report.written());
    let lock = Lock::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(lock.get("EmailAlreadyExists").unwrap().status, 400);
    contract.check_with(&path, BlessMode::Check).unwrap();
}

#[test]
fn removing_a_variant_fails_and_retires_its_code() {
    let path = users_lock_copy("removed");
    let contract = Contract::new().catalog::<users_variant_removed::UsersError>();
    let error = contract
        .check_with(&path, BlessMode::Compatible)
        .unwrap_err();
    let report = error.report().unwrap();
    let ids: Vec<&str> = report.changes().iter().map(|change| change.id()).collect();
    assert_eq!(ids, ["error-code-removed"]);
    assert_eq!(
        report.changes()[0].to_string(),
        "code `EmailAlreadyExists` (`UsersError::EmailAlreadyExists`) was removed (status 409 Conflict); \
         the lock keeps it as retired, never to be used again"
    );
    assert!(
        error
            .to_string()
            .contains("`ERRCAT_BLESS=breaking cargo test`")
    );

    contract.check_with(&path, BlessMode::Breaking).unwrap();
    let lock = Lock::parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let retired = lock.get("EmailAlreadyExists").unwrap();
    assert_eq!(retired.state, State::Retired);
    assert_eq!(retired.status, 409);
    assert_eq!(lock.codes().len(), 19);
    // Retired, it stays retired: no change on the next check.
    contract.check_with(&path, BlessMode::Check).unwrap();
}

#[test]
fn adding_a_variant_passes_after_bless() {
    let path = users_lock_copy("added");
    let contract = Contract::new().catalog::<users_variant_added::UsersError>();
    let error = contract.check_with(&path, BlessMode::Check).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}: the error contract changed (1 compatible change):\n\
             \n  compatible  error-code-added  code `AccountLocked` (`UsersError::AccountLocked`) is new, with status 423 Locked\n\
             \nTo record it, run the same command with ERRCAT_BLESS=1 set, e.g. `ERRCAT_BLESS=1 cargo test`.",
            path.display()
        )
    );
    let report = contract.check_with(&path, BlessMode::Compatible).unwrap();
    assert!(report.written());
    assert_eq!(report.changes().len(), 1);
    contract.check_with(&path, BlessMode::Check).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(
        "\n[\"AccountLocked\"]\nstate = \"active\"\nstatus = 423\nformat = \"nested\"\n\
         variant = \"UsersError::AccountLocked\"\nmessage = \"This account is locked.\"\n\n[\"ApiIsDisabled\"]\n"
    ));
}

#[test]
fn a_missing_lock_is_created_only_when_blessed() {
    let path = temp_lock("missing");
    let contract = Contract::new().catalog::<UsersError>();
    let error = contract.check_with(&path, BlessMode::Check).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} does not exist; it should record 19 codes.\n\
             To create it, run the same command with ERRCAT_BLESS=1 set, e.g. `ERRCAT_BLESS=1 cargo test`.",
            path.display()
        )
    );
    assert!(!path.exists());
    contract.check_with(&path, BlessMode::Compatible).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(USERS_LOCK).unwrap()
    );
}

// ---------------------------------------------------------------------------
// Every row of the classification: a catalog before, one after, the ids and
// sentences of the changes between them.

/// The catalog before each change.
mod before {
    use errcat::ApiError;

    /// Errors of the orders API.
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
}

/// `mod $name { Orders }`: the orders' catalog with one change. The whole
/// enum, derive included, comes from the call.
macro_rules! after {
    ($name:ident, $($item:tt)*) => {
        mod $name {
            use errcat::ApiError;

            $($item)*
        }
    };
}

after!(
    code_added,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
        #[api(
            status = 410,
            code = "OrderArchived",
            message = "This order is archived."
        )]
        Archived,
    }
);

after!(
    member_added,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
            #[api(expose)]
            region: &'static str,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    wording_changed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(
            status = 404,
            code = "OrderNotFound",
            message = "There is no order {id}."
        )]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    description_changed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// No order has this id, or it is not yours.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    code_deprecated,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(
            status = 409,
            code = "OrderExists",
            message = "This order exists.",
            deprecated = "use `OrderNotFound`"
        )]
        Exists,
    }
);

after!(
    code_removed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
    }
);

after!(
    status_changed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 422, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    format_changed,
    #[derive(Debug, ApiError)]
    #[api(format = "nested")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    type_uri_changed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/problems/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    placeholder_renamed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {delay} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            delay: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    member_renamed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose = "order_id")]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    header_removed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown { seconds: u32 },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    header_case_changed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "retry-after")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

after!(
    variant_renamed,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        Missing {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(status = 409, code = "OrderExists", message = "This order exists.")]
        Exists,
    }
);

/// `(id, sentence)` pairs, as `changes` returns them.
fn expected(pairs: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    pairs
        .iter()
        .map(|(id, text)| (*id, (*text).to_owned()))
        .collect()
}

#[test]
fn compatible_a_new_code() {
    assert_eq!(
        changes::<code_added::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-code-added",
            "code `OrderArchived` (`Orders::Archived`) is new, with status 410 Gone"
        )])
    );
}

#[test]
fn compatible_a_new_exposed_member() {
    assert_eq!(
        changes::<member_added::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-member-added",
            "code `OrderNotFound` (`Orders::NotFound`) exposes a new member `region`"
        )])
    );
}

#[test]
fn compatible_new_wording_with_the_same_placeholders() {
    assert_eq!(
        changes::<wording_changed::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-message-changed",
            "code `OrderNotFound` (`Orders::NotFound`) changed message from \"No order {id}\" to \"There is no order {id}.\""
        )])
    );
}

#[test]
fn compatible_a_new_description() {
    assert_eq!(
        changes::<description_changed::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-description-changed",
            "code `OrderNotFound` (`Orders::NotFound`) changed description from \"The order does not exist.\" to \"No order has this id, or it is not yours.\""
        )])
    );
}

#[test]
fn compatible_a_code_deprecated() {
    let before = lock_of::<before::Orders>();
    assert_eq!(
        changes::<code_deprecated::Orders>(&before),
        expected(&[(
            "error-code-deprecated",
            "code `OrderExists` (`Orders::Exists`) is deprecated: use `OrderNotFound`"
        )])
    );
    // The lock says so.
    let after = lock_of::<code_deprecated::Orders>();
    let locked = after.get("OrderExists").unwrap();
    assert_eq!(locked.state, State::Deprecated);
    assert!(after.render().contains(
        "[\"OrderExists\"]\nstate = \"deprecated\"\nstatus = 409\nformat = \"problem\"\n\
         type = \"https://example.com/errors/OrderExists\"\nvariant = \"Orders::Exists\"\n\
         message = \"This order exists.\"\ndeprecated = \"use `OrderNotFound`\"\n"
    ));
    // And back.
    assert_eq!(
        changes::<before::Orders>(&after),
        expected(&[(
            "error-code-undeprecated",
            "code `OrderExists` (`Orders::Exists`) is no longer deprecated"
        )])
    );
}

#[test]
fn breaking_a_code_removed() {
    let diff = Contract::new()
        .catalog::<code_removed::Orders>()
        .diff(&lock_of::<before::Orders>())
        .unwrap();
    let ids: Vec<&str> = diff.changes().iter().map(|change| change.id()).collect();
    assert_eq!(ids, ["error-code-removed"]);
    assert_eq!(
        diff.changes()[0].to_string(),
        "code `OrderExists` (`Orders::Exists`) was removed (status 409 Conflict); the lock keeps it as retired, never to be used again"
    );
    assert_eq!(diff.worst(), Some(Severity::Breaking));
    let retired = diff.lock().get("OrderExists").unwrap();
    assert_eq!(retired.state, State::Retired);
    assert_eq!(retired.status, 409);
    assert_eq!(retired.variant, "Orders::Exists");
}

#[test]
fn breaking_a_status_changed() {
    assert_eq!(
        changes::<status_changed::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-status-changed",
            "code `OrderExists` (`Orders::Exists`) changed status from 409 Conflict to 422 Unprocessable Entity"
        )])
    );
}

#[test]
fn breaking_a_format_changed() {
    // The problem `type` goes with the format: one change per code.
    let changes = changes::<format_changed::Orders>(&lock_of::<before::Orders>());
    assert_eq!(
        changes,
        expected(&[
            (
                "error-format-changed",
                "code `OrderExists` (`Orders::Exists`) changed format from problem to nested"
            ),
            (
                "error-format-changed",
                "code `OrderNotFound` (`Orders::NotFound`) changed format from problem to nested"
            ),
            (
                "error-format-changed",
                "code `SlowDown` (`Orders::SlowDown`) changed format from problem to nested"
            ),
        ])
    );
}

#[test]
fn breaking_a_type_uri_changed() {
    let changes = changes::<type_uri_changed::Orders>(&lock_of::<before::Orders>());
    assert_eq!(changes.len(), 3);
    assert_eq!(
        changes[0],
        (
            "error-type-uri-changed",
            "code `OrderExists` (`Orders::Exists`) changed type URI from `https://example.com/errors/OrderExists` to `https://example.com/problems/OrderExists`".to_owned()
        )
    );
}

#[test]
fn breaking_a_placeholder_renamed() {
    assert_eq!(
        changes::<placeholder_renamed::Orders>(&lock_of::<before::Orders>()),
        expected(&[
            (
                "error-placeholder-removed",
                "code `SlowDown` (`Orders::SlowDown`) no longer interpolates `{seconds}` in its message (removed or renamed)"
            ),
            (
                "error-placeholder-added",
                "code `SlowDown` (`Orders::SlowDown`) interpolates a new placeholder `{delay}` in its message"
            ),
            (
                "error-message-changed",
                "code `SlowDown` (`Orders::SlowDown`) changed message from \"Retry in {seconds} s\" to \"Retry in {delay} s\""
            ),
        ])
    );
}

#[test]
fn breaking_an_exposed_member_renamed() {
    assert_eq!(
        changes::<member_renamed::Orders>(&lock_of::<before::Orders>()),
        expected(&[
            (
                "error-member-removed",
                "code `OrderNotFound` (`Orders::NotFound`) no longer exposes member `id` (removed or renamed)"
            ),
            (
                "error-member-added",
                "code `OrderNotFound` (`Orders::NotFound`) exposes a new member `order_id`"
            ),
        ])
    );
}

#[test]
fn breaking_a_header_field_removed() {
    assert_eq!(
        changes::<header_removed::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-header-removed",
            "code `SlowDown` (`Orders::SlowDown`) no longer sends header `Retry-After` (removed or renamed)"
        )])
    );
    // A header name in another case is the same header.
    assert_eq!(
        changes::<header_case_changed::Orders>(&lock_of::<before::Orders>()),
        []
    );
}

#[test]
fn compatible_another_variant_defines_the_code() {
    assert_eq!(
        changes::<variant_renamed::Orders>(&lock_of::<before::Orders>()),
        expected(&[(
            "error-variant-changed",
            "code `OrderNotFound` is now defined by `Orders::Missing` (was `Orders::NotFound`)"
        )])
    );
}

#[test]
fn every_kind_has_a_stable_kebab_case_id_and_a_severity() {
    use errcat::contract::ChangeKind;

    let rows: Vec<(&str, &str)> = ChangeKind::ALL
        .iter()
        .map(|kind| (kind.id(), kind.severity().name()))
        .collect();
    assert_eq!(
        rows,
        [
            ("error-code-added", "compatible"),
            ("error-code-removed", "breaking"),
            ("error-code-reused", "forbidden"),
            ("error-status-changed", "breaking"),
            ("error-format-changed", "breaking"),
            ("error-type-uri-changed", "breaking"),
            ("error-placeholder-removed", "breaking"),
            ("error-member-removed", "breaking"),
            ("error-header-removed", "breaking"),
            ("error-placeholder-added", "compatible"),
            ("error-member-added", "compatible"),
            ("error-header-added", "compatible"),
            ("error-message-changed", "compatible"),
            ("error-description-changed", "compatible"),
            ("error-code-deprecated", "compatible"),
            ("error-deprecation-changed", "compatible"),
            ("error-code-undeprecated", "compatible"),
            ("error-variant-changed", "compatible"),
        ]
    );
}

// ---------------------------------------------------------------------------
// Forbidden: a retired code used again.

after!(
    code_reborn,
    #[derive(Debug, ApiError)]
    #[api(type_base = "https://example.com/errors/")]
    pub enum Orders {
        /// The order does not exist.
        #[api(status = 404, code = "OrderNotFound", message = "No order {id}")]
        NotFound {
            #[api(expose)]
            id: u64,
        },
        #[api(status = 429, code = "SlowDown", message = "Retry in {seconds} s")]
        SlowDown {
            #[api(header = "Retry-After")]
            seconds: u32,
        },
        #[api(
            status = 409,
            code = "OrderExists",
            message = "An order with this reference exists."
        )]
        Duplicate,
    }
);

#[test]
fn a_retired_code_reintroduced_fails_whatever_the_mode() {
    let path = temp_lock("reborn");
    Contract::new()
        .catalog::<before::Orders>()
        .check_with(&path, BlessMode::Compatible)
        .unwrap();
    Contract::new()
        .catalog::<code_removed::Orders>()
        .check_with(&path, BlessMode::Breaking)
        .unwrap();
    let retired = std::fs::read_to_string(&path).unwrap();
    assert!(retired.contains("[\"OrderExists\"]\nstate = \"retired\"\n"));

    let contract = Contract::new().catalog::<code_reborn::Orders>();
    for mode in [BlessMode::Check, BlessMode::Compatible, BlessMode::Breaking] {
        let error = contract.check_with(&path, mode).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{}: the error contract changed (1 forbidden change):\n\
                 \n  forbidden   error-code-reused  code `OrderExists` (`Orders::Duplicate`) was retired and is used again, with status 409 Conflict; \
                 a retired code is never used again: give this error a new code\n\
                 \nA retired code can never be used again, whatever ERRCAT_BLESS says: give the error a new code. Nothing was written.",
                path.display()
            ),
            "{mode:?}"
        );
        assert_eq!(std::fs::read_to_string(&path).unwrap(), retired);
    }
}

#[test]
fn the_report_counts_each_severity_and_has_a_json_twin() {
    let path = temp_lock("json");
    Contract::new()
        .catalog::<before::Orders>()
        .check_with(&path, BlessMode::Compatible)
        .unwrap();
    let error = Contract::new()
        .catalog::<placeholder_renamed::Orders>()
        .check_with(&path, BlessMode::Check)
        .unwrap_err();
    let text = error.to_string();
    assert!(text.starts_with(&format!(
        "{}: the error contract changed (1 breaking change, 2 compatible changes):\n\n  \
         breaking    error-placeholder-removed  code `SlowDown`",
        path.display()
    )));
    assert!(text.contains("\n  compatible  error-placeholder-added    code `SlowDown`"));

    let CheckError::Rejected(report) = &error else {
        panic!("{error}");
    };
    assert!(!report.written());
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["lock"], path.display().to_string());
    assert_eq!(json["mode"], "check");
    assert_eq!(json["written"], false);
    assert_eq!(json["breaking"], 1);
    assert_eq!(json["compatible"], 2);
    assert_eq!(json["forbidden"], 0);
    assert_eq!(
        json["changes"][0],
        serde_json::json!({
            "id": "error-placeholder-removed",
            "severity": "breaking",
            "code": "SlowDown",
            "variant": "Orders::SlowDown",
            "old": "seconds",
            "new": null,
            "text": "code `SlowDown` (`Orders::SlowDown`) no longer interpolates `{seconds}` in its message (removed or renamed)",
        })
    );
    // Keys in the order written, for people reading it too.
    assert!(report.to_json().starts_with("{\n  \"lock\": "));
}

#[test]
fn catalogs_that_define_a_code_twice_have_no_contract() {
    let error = Contract::new()
        .catalog::<before::Orders>()
        .catalog::<status_changed::Orders>()
        .check_with(temp_lock("conflict"), BlessMode::Breaking)
        .unwrap_err();
    assert!(matches!(error, CheckError::Conflicts(_)));
    assert_eq!(
        error.to_string(),
        "code `OrderExists` is defined twice, with a different status: \
         by `test_contract::before::Orders::Exists` (crate `test_contract`: 409 \"This order exists.\", format problem, type https://example.com/errors/OrderExists) \
         and by `test_contract::status_changed::Orders::Exists` (crate `test_contract`: 422 \"This order exists.\", format problem, type https://example.com/errors/OrderExists)"
    );
    // The same catalog twice, or a type and one that repeats its rows, is
    // one contract.
    Contract::new()
        .catalog::<before::Orders>()
        .catalog::<before::Orders>()
        .lock()
        .unwrap();
}

// ---------------------------------------------------------------------------
// Locks that cannot be read.

/// The error of reading `text` as a lock, as `line N: ...`.
fn parse_error(text: &str) -> String {
    Lock::parse(text).unwrap_err().to_string()
}

const GOOD: &str = "version = 1\n\n[\"Gone\"]\nstate = \"active\"\nstatus = 410\nformat = \"problem\"\nvariant = \"E::Gone\"\nmessage = \"Gone\"\n";

#[test]
fn a_malformed_lock_is_an_error_with_its_line() {
    Lock::parse(GOOD).unwrap();
    let cases = [
        ("", "line 1: not an errcat lock: `version = 1` is missing"),
        (
            "version = 2\n",
            "line 1: this lock has version 2; this errcat reads version 1",
        ),
        (
            "[\"Gone\"]\n",
            "line 1: `version = 1` must come before the first code",
        ),
        (
            "version = 1\nstatus = 404\n",
            "line 2: `status` is outside any code: a code's keys come after its `[\"code\"]` line",
        ),
        (
            "version = 1\n[\"Go ne\"]\n",
            "line 2: `Go ne` is not a code: ' ' is outside `A-Z a-z 0-9 - . _ ~`",
        ),
        ("version = 1\n[\"Gone\"\n", "line 2: expected `[\"code\"]`"),
        (
            "version = 1\n[[Gone]]\n",
            "line 2: `[[...]]` tables are not part of a lock; a code is `[\"code\"]`",
        ),
        (
            "version = 1\n[\"Gone\"]\nstate = \"active\"\n",
            "line 2: code `Gone` has no `status`",
        ),
        (
            "version = 1\n[\"Gone\"]\nstate = \"gone\"\n",
            "line 3: `state` is \"active\", \"deprecated\" or \"retired\"; found \"gone\"",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus = \"410\"\n",
            "line 3: `status` is a number, not a string",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus = 99999999999999999999\n",
            "line 3: `status` = 99999999999999999999 is too large a number",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus =\n",
            "line 3: `status` needs a value: a number, a \"string\" or a [\"list\"]",
        ),
        (
            "version = 1\n[\"Gone\"]\ncolour = \"red\"\n",
            "line 3: unknown key `colour`; a code takes `state`, `status`, `format`, `type`, `variant`, `message`, `placeholders`, `exposed`, `headers`, `deprecated`, `description`",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus = 410\nstatus = 404\n",
            "line 4: `status` is given twice (first at line 3)",
        ),
        (
            "version = 1\n[\"Gone\"]\nmessage = \"Gone\n",
            "line 3: a string is not closed: it needs a `\"` before the end of the line",
        ),
        (
            "version = 1\n[\"Gone\"]\nmessage = \"a\\qb\"\n",
            "line 3: unknown escape `\\q` in a string",
        ),
        (
            "version = 1\n[\"Gone\"]\nmessage = \"\\uD800\"\n",
            "line 3: `\\uD800` is not a character",
        ),
        (
            "version = 1\n[\"Gone\"]\nexposed = [\"id\" \"name\"]\n",
            "line 3: expected `,` or `]` after a list item",
        ),
        (
            "version = 1\n[\"Gone\"]\nexposed = [1]\n",
            "line 3: a list holds \"strings\", separated by commas, and ends with `]`",
        ),
        (
            "version = 1\n[\"Gone\"]\nexposed = \"id\"\n",
            "line 3: `exposed` is a list of strings, not a string",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus = 410 410\n",
            "line 3: unexpected `410` after the value",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus 410\n",
            "line 3: expected `key = value` or `[\"code\"]`, found `status 410`",
        ),
        (
            "version = 1\n[\"Gone\"]\nstatus = 200\n",
            "line 3: `status` is an error status, a number in 400–599; found 200",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(parse_error(text), expected, "{text:?}");
    }
    let twice = format!("{GOOD}\n{}", &GOOD[GOOD.find('[').unwrap()..]);
    assert_eq!(
        parse_error(&twice),
        "line 10: code `Gone` is locked twice (first at line 3)"
    );
    let deprecated_without_note = GOOD.replace("\"active\"", "\"deprecated\"");
    assert_eq!(
        parse_error(&deprecated_without_note),
        "line 3: code `Gone` is deprecated but has no `deprecated = \"...\"` note"
    );
    let note_on_active = format!("{GOOD}deprecated = \"use X\"\n");
    assert_eq!(
        parse_error(&note_on_active),
        "line 9: a `deprecated` note goes with `state = \"deprecated\"`; code `Gone` is active"
    );
}

#[test]
fn a_malformed_lock_fails_the_check_naming_file_and_line() {
    let path = temp_lock("malformed");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, "version = 1\n\n[\"OrderExists\"]\nstatus = 409\n").unwrap();
    let error = Contract::new()
        .catalog::<before::Orders>()
        .check_with(&path, BlessMode::Breaking)
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{}:3: not a lock errcat can read: code `OrderExists` has no `state`",
            path.display()
        )
    );
}

#[test]
fn comments_and_bare_keys_are_read_and_the_rewrite_is_canonical() {
    let text = "# hand-edited\nversion = 1 # the format\n\n[Gone]   # a bare key\nstate=\"active\"\nstatus = 410\nformat = \"problem\"\nvariant = \"E::Gone\"\nmessage = \"Gone \\\"for\\\" good\\t\\u00e9\"\nplaceholders = [ \"a\", \"b\", ]\n";
    let lock = Lock::parse(text).unwrap();
    let gone = lock.get("Gone").unwrap();
    assert_eq!(gone.message, "Gone \"for\" good\té");
    assert_eq!(gone.placeholders, ["a", "b"]);
    let rendered = lock.render();
    assert!(rendered.ends_with(
        "[\"Gone\"]\nstate = \"active\"\nstatus = 410\nformat = \"problem\"\nvariant = \"E::Gone\"\n\
         message = \"Gone \\\"for\\\" good\\té\"\nplaceholders = [\"a\", \"b\"]\n"
    ));
    assert_eq!(Lock::parse(&rendered).unwrap().render(), rendered);
}

#[test]
fn a_lock_that_is_not_canonical_is_rewritten_only_when_blessed() {
    let path = temp_lock("canonical");
    let contract = Contract::new().catalog::<before::Orders>();
    contract.check_with(&path, BlessMode::Compatible).unwrap();
    let canonical = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, canonical.replace("\n\n[", "\n\n# a note\n[")).unwrap();
    let error = contract.check_with(&path, BlessMode::Check).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "{} records the error contract, but not as errcat writes it.\n\
             To rewrite it, run the same command with ERRCAT_BLESS=1 set, e.g. `ERRCAT_BLESS=1 cargo test`.",
            path.display()
        )
    );
    let report = contract.check_with(&path, BlessMode::Compatible).unwrap();
    assert!(report.written() && report.changes().is_empty());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), canonical);
}

#[test]
fn strange_text_round_trips() {
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum Strange {
        #[doc = "Tabs\tand \"quotes\" and \\ backslashes."]
        #[api(
            code = "a.b~c",
            message = "Line\nbreak, \u{7} bell, {{braces}} and ünïcödé"
        )]
        Odd,
    }
    let text = lock_of::<Strange>().render();
    assert!(text.contains(
        "[\"a.b~c\"]\nstate = \"active\"\nstatus = 400\nformat = \"problem\"\ntype = \"about:blank\"\n\
         variant = \"Strange::Odd\"\nmessage = \"Line\\nbreak, \\u0007 bell, {{braces}} and ünïcödé\"\n\
         description = \"Tabs\\tand \\\"quotes\\\" and \\\\ backslashes.\"\n"
    ));
    assert_eq!(Lock::parse(&text).unwrap().render(), text);
    assert_eq!(Lock::parse(&text).unwrap(), lock_of::<Strange>());
}
