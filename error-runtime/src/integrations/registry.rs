//! Every derived error type linked into the binary, across crates, with no
//! registration code: a service's whole catalog, and the codes two of its
//! types define differently.
//!
//! With the `registry` feature, each non-generic type that derives
//! `ApiError` adds itself to a list the linker gathers (with
//! [`linkme`](https://docs.rs/linkme): no code runs at startup, reading the
//! list costs nothing). [`types`] lists them; [`check`] fails, naming both
//! types and their crates, when two define one code differently — with
//! another status, message, format or problem `type`. That also catches a
//! code that a `transparent` variant brings in from another crate, which no
//! single type's compile-time check sees.
//!
//! ```standalone_crate
//! use errcat::ApiError;
//!
//! /// Errors of the users API.
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     #[api(status = 409, code = "Taken", message = "This email is in use.")]
//!     EmailTaken,
//!     #[api(status = 404, message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//!
//! /// Errors of the admin API, in another crate of the same service.
//! #[derive(Debug, ApiError)]
//! enum AdminError {
//!     #[api(status = 400, code = "Taken", message = "This name is in use.")]
//!     NameTaken,
//! }
//!
//! let users = errcat::registry::types()
//!     .into_iter()
//!     .find(|ty| ty.name() == "UserError")
//!     .unwrap();
//! assert_eq!(users.format(), "nested");
//! assert_eq!(users.entries().len(), 2);
//! assert_eq!(users.crate_name(), users.module_path().split("::").next().unwrap());
//!
//! // In a test of the service: `errcat::registry::check().unwrap();`
//! let error = errcat::registry::check().unwrap_err();
//! let conflict = &error.conflicts()[0];
//! assert_eq!(conflict.code, "Taken");
//! assert!(conflict.first.type_name.ends_with("::AdminError"));
//! assert!(conflict.second.type_name.ends_with("::UserError"));
//! assert!(error.to_string().starts_with(
//!     "code `Taken` is defined twice, with a different status, message and format: by `"
//! ));
//! ```
//!
//! What is listed:
//!
//! - every type that derives `ApiError` in a crate linked into the binary.
//!   A crate is linked when the binary uses something from it; a crate used
//!   for its errors alone needs a `use the_crate as _;`;
//! - not a generic type (lifetime parameters included): its rows depend on
//!   its parameters, and it has no single name. Its rows are listed where a
//!   listed type takes them through a `transparent` variant;
//! - not an error written by hand (`impl Describe`), which has no catalog
//!   of its own; [`docs::Docs::catalog`](crate::docs::Docs::catalog) and
//!   the contract take catalogs one by one too.
//!
//! [`docs::Docs::registry`](crate::docs::Docs::registry) renders the page of
//! every listed type, and the contract (feature `contract`) records them.

use core::fmt;

use crate::ErrorEntry;
use crate::definitions::{self, Source};
use crate::format::TypeSettings;
use crate::locale::Translations;

pub use crate::definitions::{Conflict, Conflicts, Definition, Difference};

/// A derived type in the registry: its name, crate, format and rows.
pub struct Registered {
    type_name: fn() -> &'static str,
    module_path: &'static str,
    entries: &'static [ErrorEntry],
    own: &'static [ErrorEntry],
    settings: &'static TypeSettings,
    #[cfg_attr(
        not(feature = "docs"),
        allow(dead_code, reason = "only docs pages read translations")
    )]
    translations: &'static Translations,
}

impl Registered {
    /// The type, as [`core::any::type_name`] writes it (`app::errors::UserError`).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        (self.type_name)()
    }

    /// The type's name, without its module path (`UserError`).
    #[must_use]
    pub fn name(&self) -> &'static str {
        let type_name = self.type_name();
        type_name.rsplit("::").next().unwrap_or(type_name)
    }

    /// The module the type is defined in, as [`module_path!`] writes it there.
    #[must_use]
    pub fn module_path(&self) -> &'static str {
        self.module_path
    }

    /// The crate the type is defined in: the first segment of its module
    /// path.
    #[must_use]
    pub fn crate_name(&self) -> &'static str {
        definitions::first_segment(self.module_path)
    }

    /// The type's format: a built-in format's name (`nested`), or a custom
    /// format's type name without its module path.
    #[must_use]
    pub fn format(&self) -> &'static str {
        self.settings.format_name()
    }

    /// The type's catalog rows, as [`Catalog::ENTRIES`](crate::Catalog::ENTRIES).
    #[must_use]
    pub fn entries(&self) -> &'static [ErrorEntry] {
        self.entries
    }

    /// The type's settings, for example bodies in its format.
    #[cfg(feature = "docs")]
    pub(crate) fn settings(&self) -> &'static TypeSettings {
        self.settings
    }

    /// The type's translations, for docs pages in a locale.
    #[cfg(feature = "docs")]
    pub(crate) fn translations(&self) -> &'static Translations {
        self.translations
    }

    pub(crate) fn source(&self) -> Source {
        Source {
            type_name: self.type_name(),
            crate_name: self.crate_name(),
            entries: self.entries,
            own: self.own,
            settings: self.settings,
        }
    }
}

impl fmt::Debug for Registered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Registered")
            .field("type_name", &self.type_name())
            .field("module_path", &self.module_path)
            .field("format", &self.format())
            .field("entries", &self.entries)
            .finish_non_exhaustive()
    }
}

/// Every registered type, sorted by type name.
#[must_use]
pub fn types() -> Vec<&'static Registered> {
    let mut types: Vec<&'static Registered> = __private::TYPES.iter().collect();
    types.sort_by_cached_key(|ty| ty.type_name());
    types
}

/// One definition per code of every registered type, ordered by code, and
/// the codes defined differently.
pub(crate) fn definitions() -> (Vec<Definition>, Vec<Conflict>) {
    let sources: Vec<Source> = types().iter().map(|ty| ty.source()).collect();
    definitions::define(&sources)
}

/// The codes that two registered types define differently: with another
/// status or message, or, both defining the code with a variant of their
/// own, another format or problem `type`. Each names both types and their
/// crates. A row repeated through a `transparent` variant is no second
/// definition.
#[must_use]
pub fn conflicts() -> Vec<Conflict> {
    definitions().1
}

/// Fails when two registered types define a code differently (see
/// [`conflicts`]); meant for a test of the service, as
/// `errcat::registry::check().unwrap()`:
///
/// ```standalone_crate
/// # use errcat::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "NotFound")]
/// struct UserNotFound;
///
/// #[derive(Debug, ApiError)]
/// #[api(status = 404, code = "NotFound", format = "nested")]
/// struct OrderNotFound;
///
/// let error = errcat::registry::check().unwrap_err();
/// assert!(error.to_string().starts_with("code `NotFound` is defined twice, with a different format: by `"));
/// ```
///
/// # Errors
///
/// The [`Conflicts`], one per line in `Display` and `Debug`.
pub fn check() -> Result<(), Conflicts> {
    let conflicts = conflicts();
    if conflicts.is_empty() {
        Ok(())
    } else {
        Err(Conflicts::new(conflicts))
    }
}

/// What the hook's statics name.
#[doc(hidden)]
pub mod __private {
    use super::Registered;
    use crate::Catalog;

    /// The registered types, gathered by the linker.
    #[linkme::distributed_slice]
    pub static TYPES: [Registered];

    /// The registry's record of `T`, defined in `module_path`.
    #[must_use]
    pub const fn register<T: Catalog>(module_path: &'static str) -> Registered {
        Registered {
            type_name: core::any::type_name::<T>,
            module_path,
            entries: T::ENTRIES,
            own: T::__OWN_ENTRIES,
            settings: T::__SETTINGS,
            translations: T::__TRANSLATIONS,
        }
    }
}

/// Registers a non-generic type; a generic one (`impl [<T>] ...`) has no
/// single catalog to list.
#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_registry {
    (impl [] [$($ty:tt)*] [$($where:tt)*]) => {
        #[$crate::__private::linkme::distributed_slice($crate::registry::__private::TYPES)]
        #[linkme(crate = $crate::__private::linkme)]
        static __REGISTERED: $crate::registry::Registered =
            $crate::registry::__private::register::<$($ty)*>(::core::module_path!());
    };
    (impl [$($generics:tt)+] $($rest:tt)*) => {};
}
