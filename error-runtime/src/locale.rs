//! Localized messages: the translations `#[api(locales = "...")]` checked at
//! compile time, formatted per request.
//!
//! With the `locales` feature, [`ApiError::message_in`](crate::ApiError::message_in) writes the message
//! in a locale, [`Envelope::in_locale`](crate::Envelope::in_locale) and
//! [`http_response_in`](crate::http_response_in) write the body in it, and
//! [`negotiate`] picks a locale from an `Accept-Language` header. A
//! translation is in Project Fluent's syntax, its id is the error's code and
//! its variables are the variant's fields: numbers as numbers, so that
//! plural selectors (`{ $count -> [one] ... *[other] ... }`) follow the
//! locale's CLDR rules, everything else by its `Display`.
//!
//! ```text
//! #[derive(Debug, errcat::ApiError)]
//! #[api(format = "nested", locales = "locales")]
//! enum UserError {
//!     #[api(status = 404, message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//! // locales/de.ftl:
//! //     UserNotFound = Kein Benutzer { $id }
//! ```

use core::fmt::Display;

/// One locale of a derived type: its language tag and the Fluent source of
/// its translations, which the derive checked.
#[doc(hidden)]
#[derive(Debug)]
pub struct Locale {
    pub tag: &'static str,
    pub source: &'static str,
}

/// The translations of a catalog, known without a value: the locales of the
/// type and those of the types its `transparent` variants hold, whose rows
/// are in its catalog. A code is translated by the type that defines it,
/// and codes are unique in a catalog, so the first locale set translating a
/// code is its own.
#[doc(hidden)]
#[derive(Debug)]
pub struct Translations {
    pub own: &'static [Locale],
    pub inner: &'static [&'static Translations],
}

impl Translations {
    /// A catalog without translations.
    pub const NONE: Translations = Translations {
        own: &[],
        inner: &[],
    };
}

/// What [`Describe::__arguments`](crate::Describe::__arguments) shows: the
/// fields the translations of the value's code use.
#[doc(hidden)]
pub trait LocaleArguments {
    fn number(&mut self, name: &'static str, value: f64);
    fn text(&mut self, name: &'static str, value: &dyn Display);
}

/// A field handed to a translation: `(&&Argument(field)).__errcat_argument(..)`
/// passes a number as a number and anything else by its `Display`, picking
/// the impl by autoref where the field's type is concrete.
#[doc(hidden)]
pub struct Argument<'a, T: ?Sized>(pub &'a T);

#[doc(hidden)]
pub trait NumberArgument {
    fn __errcat_argument(&self, arguments: &mut dyn LocaleArguments, name: &'static str);
}

#[doc(hidden)]
pub trait TextArgument {
    fn __errcat_argument(&self, arguments: &mut dyn LocaleArguments, name: &'static str);
}

/// The primitive numbers, which a translation sees as Fluent numbers.
#[doc(hidden)]
pub trait Number: Copy {
    fn to_f64(self) -> f64;
}

macro_rules! numbers {
    ($($ty:ty),*) => {$(
        impl Number for $ty {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn to_f64(self) -> f64 {
                self as f64
            }
        }
    )*};
}

numbers!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);

impl<T: Number> NumberArgument for &Argument<'_, T> {
    fn __errcat_argument(&self, arguments: &mut dyn LocaleArguments, name: &'static str) {
        arguments.number(name, self.0.to_f64());
    }
}

impl<T: Display + ?Sized> TextArgument for Argument<'_, T> {
    fn __errcat_argument(&self, arguments: &mut dyn LocaleArguments, name: &'static str) {
        arguments.text(name, &self.0);
    }
}

#[cfg(all(feature = "locales", feature = "docs"))]
pub(crate) use self::enabled::{Bundle, find, locales_of, new_bundle, translates};
#[cfg(feature = "locales")]
pub(crate) use self::enabled::{Localized, language_headers, vary};
#[cfg(feature = "locales")]
pub use self::enabled::{LocalizedMessage, negotiate};
#[cfg(all(feature = "locales", any(feature = "axum", feature = "actix-web")))]
pub(crate) use self::negotiation::{Scope, render};

/// Without translations, there is no language to put in scope.
#[cfg(all(not(feature = "locales"), feature = "axum"))]
pub(crate) struct Scope;

#[cfg(all(not(feature = "locales"), feature = "axum"))]
impl Scope {
    pub(crate) fn of_axum(_: &http::HeaderMap) -> Self {
        Scope
    }

    #[expect(clippy::unused_self, reason = "the same call as with translations")]
    pub(crate) fn enter<T>(&mut self, run: impl FnOnce() -> T) -> T {
        run()
    }
}

/// The `Accept-Language` of the request being answered, for the framework
/// integrations: their layer polls the rest of the service inside its
/// [`Scope`], so that an error turned into a response anywhere in it
/// (`IntoResponse`, `From<_> for actix_web::Error`) is written in the
/// locale the request prefers.
#[cfg(all(feature = "locales", any(feature = "axum", feature = "actix-web")))]
mod negotiation {
    use std::cell::RefCell;

    #[cfg(feature = "axum")]
    use http::HeaderMap;
    use http::Response;

    use super::enabled::{find, locales_of, preferred, translates};
    use crate::ApiError;

    thread_local! {
        static ACCEPT_LANGUAGE: RefCell<Option<AcceptLanguage>> = const { RefCell::new(None) };
    }

    /// The `Accept-Language` of the request in scope, as the request holds
    /// it: a clone shares its bytes rather than copying them, on every
    /// request that sends one.
    enum AcceptLanguage {
        /// The request sent none.
        Absent,
        #[cfg(feature = "axum")]
        Axum(http::HeaderValue),
        // actix-web's header type is another major version of `http`'s.
        #[cfg(feature = "actix-web")]
        ActixWeb(::actix_web::http::header::HeaderValue),
    }

    impl AcceptLanguage {
        /// The header's text; empty for one that is not text.
        fn text(&self) -> &str {
            match self {
                AcceptLanguage::Absent => "",
                #[cfg(feature = "axum")]
                AcceptLanguage::Axum(value) => value.to_str().unwrap_or(""),
                #[cfg(feature = "actix-web")]
                AcceptLanguage::ActixWeb(value) => value.to_str().unwrap_or(""),
            }
        }
    }

    /// The `Accept-Language` of one request, put in scope while its
    /// service runs: [`AcceptLanguage::Absent`] when the request sent none;
    /// one that is not text reads as empty, the default language.
    pub(crate) struct Scope {
        accept_language: Option<AcceptLanguage>,
    }

    impl Scope {
        /// The scope of an axum request with these headers.
        #[cfg(feature = "axum")]
        pub(crate) fn of_axum(headers: &HeaderMap) -> Self {
            let value = headers.get(http::header::ACCEPT_LANGUAGE);
            Scope::holding(value.map_or(AcceptLanguage::Absent, |value| {
                AcceptLanguage::Axum(value.clone())
            }))
        }

        /// The scope of an actix-web request with these headers.
        #[cfg(feature = "actix-web")]
        pub(crate) fn of_actix_web(headers: &::actix_web::http::header::HeaderMap) -> Self {
            let value = headers.get(::actix_web::http::header::ACCEPT_LANGUAGE);
            Scope::holding(value.map_or(AcceptLanguage::Absent, |value| {
                AcceptLanguage::ActixWeb(value.clone())
            }))
        }

        fn holding(accept_language: AcceptLanguage) -> Self {
            Scope {
                accept_language: Some(accept_language),
            }
        }

        /// Runs `run` with the request's `Accept-Language` in scope; the
        /// scope around it is back afterwards, even when `run` panics.
        pub(crate) fn enter<T>(&mut self, run: impl FnOnce() -> T) -> T {
            // `run` inside the one access: a second would cost as much again.
            ACCEPT_LANGUAGE.with(|slot| {
                let outer = slot.replace(self.accept_language.take());
                let _entered = Entered {
                    slot,
                    scope: self,
                    outer,
                };
                run()
            })
        }
    }

    /// A [`Scope`] entered: dropped, it takes its `Accept-Language` back and
    /// puts the one around it in its place.
    struct Entered<'a> {
        slot: &'a RefCell<Option<AcceptLanguage>>,
        scope: &'a mut Scope,
        outer: Option<AcceptLanguage>,
    }

    impl Drop for Entered<'_> {
        fn drop(&mut self) {
            self.scope.accept_language = self.slot.replace(self.outer.take());
        }
    }

    /// The response of `error`, in the locale the request in scope prefers:
    /// with `Content-Language` when a translation answers, and
    /// `Vary: Accept-Language` whenever the type has translations. Outside a
    /// negotiated request, [`http_response`](crate::http_response).
    pub(crate) fn render(error: &dyn ApiError) -> Response<Vec<u8>> {
        let locales = locales_of(error);
        if locales.is_empty() {
            return crate::http_response(error);
        }
        let chosen = ACCEPT_LANGUAGE.with(|scope| {
            let scope = scope.borrow();
            let header = scope.as_ref()?.text();
            let code = error.code();
            let translated =
                |range: &str| find(locales, range).filter(|found| translates(found, code));
            Some(preferred(header, translated).map(|locale| locale.tag))
        });
        match chosen {
            Some(Some(tag)) => crate::http_response_in(error, tag),
            _ => crate::http_response(error),
        }
    }
}

#[cfg(feature = "locales")]
mod enabled {
    use core::fmt::{self, Display};
    use std::sync::{Mutex, PoisonError};

    use fluent_bundle::concurrent::FluentBundle;
    use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
    use http::HeaderMap;
    use http::header::{CONTENT_LANGUAGE, HeaderValue, VARY};

    use super::{Locale, LocaleArguments};
    use crate::api_error::{Inspect, Visitor};
    use crate::format::{Fixed, Row};
    use crate::{ApiError, Describe, ErrorEntry};

    /// The public message of an [`ApiError`] in a locale, written when
    /// displayed (see [`ApiError::message_in`]).
    #[derive(Clone, Copy)]
    pub struct LocalizedMessage<'a> {
        pub(crate) error: &'a dyn ApiError,
        pub(crate) locale: &'a str,
    }

    impl fmt::Display for LocalizedMessage<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match translate(self.error, self.locale) {
                Some(text) => f.write_str(&text),
                None => self.error.write_message(f),
            }
        }
    }

    impl fmt::Debug for LocalizedMessage<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Debug::fmt(&self.to_string(), f)
        }
    }

    /// The translations of `error`'s code.
    pub(crate) fn locales_of(error: &dyn ApiError) -> &'static [Locale] {
        error.__fixed().definer.locales
    }

    /// The translation of `error`'s code in the locale `wanted` matches, if
    /// there is one.
    fn translate(error: &dyn ApiError, wanted: &str) -> Option<String> {
        let locale = find(locales_of(error), wanted)?;
        let bundle = bundle(locale)?;
        let pattern = bundle.get_message(error.code())?.value()?;
        let mut arguments = Arguments(FluentArgs::new());
        error.__arguments(&mut arguments);
        let mut problems = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&arguments.0), &mut problems);
        Some(text.into_owned())
    }

    /// Whether `locale` translates `code` (a locale that falls back to the
    /// default language for some codes does not).
    pub(crate) fn translates(locale: &'static Locale, code: &str) -> bool {
        bundle(locale).is_some_and(|bundle| bundle.has_message(code))
    }

    /// The locale of `locales` that the language range `wanted` matches:
    /// the same tag (ignoring case), else the range with its last subtag
    /// dropped, and so on (`de-CH` finds `de`).
    pub(crate) fn find(locales: &'static [Locale], wanted: &str) -> Option<&'static Locale> {
        let mut range = wanted.trim();
        loop {
            if range.is_empty() || range == "*" {
                return None;
            }
            if let Some(locale) = locales
                .iter()
                .find(|locale| locale.tag.eq_ignore_ascii_case(range))
            {
                return Some(locale);
            }
            range = &range[..range.rfind('-')?];
        }
    }

    struct Arguments(FluentArgs<'static>);

    impl LocaleArguments for Arguments {
        fn number(&mut self, name: &'static str, value: f64) {
            self.0.set(name, FluentValue::from(value));
        }
        fn text(&mut self, name: &'static str, value: &dyn Display) {
            self.0.set(name, FluentValue::from(value.to_string()));
        }
    }

    pub(crate) type Bundle = FluentBundle<FluentResource>;

    /// The bundle of `locale`, built once: each locale of each type is a
    /// `static`, so there are as many bundles as locales linked in.
    fn bundle(locale: &'static Locale) -> Option<&'static Bundle> {
        static BUNDLES: Mutex<Vec<(usize, &'static Bundle)>> = Mutex::new(Vec::new());
        let key = core::ptr::from_ref(locale) as usize;
        let mut bundles = BUNDLES.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, bundle)) = bundles.iter().find(|(seen, _)| *seen == key) {
            return Some(bundle);
        }
        let bundle = new_bundle(locale, |bundle| bundle.add_builtins().is_ok())?;
        let bundle: &'static Bundle = Box::leak(Box::new(bundle));
        bundles.push((key, bundle));
        Some(bundle)
    }

    /// A bundle of `locale`'s translations, written without Unicode
    /// isolation marks, with the functions `functions` adds (`false` when it
    /// cannot).
    pub(crate) fn new_bundle(
        locale: &Locale,
        functions: impl FnOnce(&mut Bundle) -> bool,
    ) -> Option<Bundle> {
        let language = locale.tag.parse().ok()?;
        // The derive checked the source; a resource that still fails to
        // parse or to load leaves the default message in place.
        let resource = FluentResource::try_new(locale.source.to_owned()).ok()?;
        let mut bundle = FluentBundle::new_concurrent(vec![language]);
        bundle.set_use_isolating(false);
        if !functions(&mut bundle) {
            return None;
        }
        bundle.add_resource(resource).ok()?;
        Some(bundle)
    }

    /// An error seen in a locale: its message is the translation, the rest
    /// is the error's own.
    pub(crate) struct Localized<'a> {
        pub(crate) error: &'a dyn ApiError,
        pub(crate) locale: &'a str,
    }

    impl Localized<'_> {
        /// `fixed` of the error, for its message in the locale: a
        /// translated message is written, never the literal default.
        fn translated(&self, fixed: Fixed) -> Fixed {
            Fixed {
                literal: fixed.literal && find(fixed.definer.locales, self.locale).is_none(),
                ..fixed
            }
        }
    }

    impl Describe for Localized<'_> {
        fn describe(&self) -> &'static ErrorEntry {
            self.error.entry()
        }
        fn write_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            fmt::Display::fmt(
                &LocalizedMessage {
                    error: self.error,
                    locale: self.locale,
                },
                f,
            )
        }
        fn __visit(&self, visitor: &mut dyn Visitor) {
            self.error.__visit(visitor);
        }
        fn __fixed(&self) -> Fixed {
            self.translated(self.error.__fixed())
        }
        fn __row(&self) -> Row {
            let row = self.error.__row();
            Row::new(row.entry, self.translated(row.fixed))
        }
        fn __inspect(&self) -> Inspect<'_> {
            self.error.__inspect()
        }
        fn __arguments(&self, arguments: &mut dyn LocaleArguments) {
            self.error.__arguments(arguments);
        }
    }

    /// `Vary: Accept-Language` for an error with translations: its body
    /// depends on the header wherever errors are negotiated.
    #[inline]
    pub(crate) fn vary(fixed: &Fixed, headers: &mut HeaderMap) {
        if !fixed.definer.locales.is_empty() {
            headers.append(VARY, HeaderValue::from_static("accept-language"));
        }
    }

    /// `Content-Language` when `locale` finds one of the error's
    /// translations.
    pub(crate) fn language_headers(error: &dyn ApiError, locale: &str, headers: &mut HeaderMap) {
        let found = find(locales_of(error), locale).filter(|found| translates(found, error.code()));
        if let Some(found) = found {
            if let Ok(tag) = HeaderValue::from_str(found.tag) {
                headers.insert(CONTENT_LANGUAGE, tag);
            }
        }
    }

    /// The locale of `available` that an `Accept-Language` header prefers,
    /// if any: ranges by quality (`q=0` refuses), each matched as
    /// [`ApiError::message_in`] does (`de-CH` finds `de`). A malformed
    /// range is ignored; `None` means the default language.
    ///
    /// ```
    /// assert_eq!(errcat::locale::negotiate("de-CH, fr;q=0.5", &["fr", "de"]), Some("de"));
    /// assert_eq!(errcat::locale::negotiate("fr;q=0.5, de;q=0", &["fr", "de"]), Some("fr"));
    /// assert_eq!(errcat::locale::negotiate("xx", &["fr", "de"]), None);
    /// ```
    #[must_use]
    pub fn negotiate<'a>(accept_language: &str, available: &[&'a str]) -> Option<&'a str> {
        preferred(accept_language, |range| {
            available
                .iter()
                .copied()
                .find(|tag| tag.eq_ignore_ascii_case(range))
        })
    }

    /// The first of the header's ranges, best quality first, that `lookup`
    /// finds, directly or with its last subtags dropped.
    pub(super) fn preferred<T>(
        accept_language: &str,
        lookup: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        // One pass, with nothing collected: the best found so far, which a
        // later range of the same quality does not replace.
        let mut best: Option<(u16, T)> = None;
        for (quality, range) in accept_language.split(',').filter_map(parse_range) {
            let better = best.as_ref().is_none_or(|(found, _)| quality > *found);
            if quality > 0 && better {
                if let Some(found) = find_range(range, &lookup) {
                    best = Some((quality, found));
                }
            }
        }
        best.map(|(_, found)| found)
    }

    /// The quality and the range of one item of `Accept-Language`
    /// (`de-CH;q=0.8`); `None` for a malformed one.
    fn parse_range(item: &str) -> Option<(u16, &str)> {
        let mut parts = item.split(';');
        let range = parts.next()?.trim();
        let valid = !range.is_empty()
            && range.len() <= 64
            && range
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'*');
        if !valid {
            return None;
        }
        let mut quality = 1000;
        for parameter in parts {
            let (name, value) = parameter.split_once('=')?;
            if name.trim().eq_ignore_ascii_case("q") {
                quality = parse_quality(value.trim())?;
            }
        }
        Some((quality, range))
    }

    /// What `lookup` finds for `range`, or for it with its last subtags
    /// dropped (`de-CH` finds `de`); `*` finds nothing.
    fn find_range<T>(mut range: &str, lookup: impl Fn(&str) -> Option<T>) -> Option<T> {
        loop {
            if range == "*" {
                return None;
            }
            if let Some(found) = lookup(range) {
                return Some(found);
            }
            range = &range[..range.rfind('-')?];
        }
    }

    /// A quality value (`0`, `0.5`, `1.000`) in thousandths.
    fn parse_quality(value: &str) -> Option<u16> {
        let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
        if fraction.len() > 3 || !fraction.bytes().all(|byte| byte.is_ascii_digit()) {
            return None;
        }
        let thousandths = fraction
            .bytes()
            .chain(core::iter::repeat(b'0'))
            .take(3)
            .fold(0u16, |sum, digit| sum * 10 + u16::from(digit - b'0'));
        match whole {
            "0" => Some(thousandths),
            "1" if thousandths == 0 => Some(1000),
            _ => None,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::negotiate;

        #[test]
        fn negotiates() {
            let available = &["de", "fr"];
            assert_eq!(negotiate("de-CH, fr;q=0.5", available), Some("de"));
            assert_eq!(negotiate("fr;q=0.9, de", available), Some("de"));
            assert_eq!(negotiate("DE", available), Some("de"));
            assert_eq!(negotiate("xx", available), None);
            assert_eq!(negotiate("*", available), None);
            assert_eq!(negotiate("de;q=0", available), None);
            assert_eq!(negotiate("de;q=2, fr", available), Some("fr"));
            assert_eq!(negotiate(";;,,=;q=", available), None);
            assert_eq!(negotiate("", available), None);
        }

        /// The ranges sorted by quality, then by place, and the first
        /// found: what the one pass must choose.
        fn sorted_first<'a>(accept_language: &str, available: &[&'a str]) -> Option<&'a str> {
            let mut ranges: Vec<(u16, usize, &str)> = accept_language
                .split(',')
                .enumerate()
                .filter_map(|(index, item)| {
                    super::parse_range(item).map(|(quality, range)| (quality, index, range))
                })
                .filter(|(quality, _, _)| *quality > 0)
                .collect();
            ranges.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            ranges.into_iter().find_map(|(_, _, range)| {
                super::find_range(range, |range| {
                    available
                        .iter()
                        .copied()
                        .find(|tag| tag.eq_ignore_ascii_case(range))
                })
            })
        }

        /// Every header of up to three items from hostile and ordinary
        /// ones, against several sets of locales.
        #[test]
        fn one_pass_chooses_as_sorting_does() {
            let items = [
                "de",
                "de-CH",
                "DE-ch;q=0.7",
                "fr;q=0.5",
                "fr;q=0.500",
                "en-US-x;q=0.7",
                "*",
                "*;q=1",
                "xx",
                "de;q=0",
                "it;q=1.0",
                "it;q=2",
                "bad range",
                " fr ; q = 0.9 ",
                "",
                "q=0.5",
                "es;q=0.5;q=0.9",
                "\r\n",
            ];
            let available: [&[&str]; 4] = [&["de", "fr"], &["fr", "it"], &["en-US"], &[]];
            let mut headers = vec![String::new()];
            for a in items {
                headers.push(a.to_owned());
                for b in items {
                    headers.push(format!("{a},{b}"));
                    for c in items {
                        headers.push(format!("{a}, {b},{c}"));
                    }
                }
            }
            for header in &headers {
                for available in available {
                    assert_eq!(
                        negotiate(header, available),
                        sorted_first(header, available),
                        "{header:?} among {available:?}"
                    );
                }
            }
        }
    }
}
