//! The catalog: `Catalog::ENTRIES` row by row, descriptions from doc comments,
//! `Catalog::MARKDOWN`, and the shapes of types the derive accepts (structs,
//! generics, lifetimes, transparent layers, `cfg`-ed variants, trait objects).

#![allow(
    dead_code,
    reason = "most errors here are only read through their catalog"
)]

use std::fmt::{self, Display};

use errcat::{ApiError, Catalog, ErrorEntry};
use http::StatusCode;

/// A row as `(name, status, code, message, description)`; `ErrorEntry` is
/// `#[non_exhaustive]`, so tests compare tuples.
type Row = (&'static str, u16, &'static str, &'static str, &'static str);

fn row(entry: &ErrorEntry) -> Row {
    (
        entry.name,
        entry.status,
        entry.code,
        entry.message,
        entry.description,
    )
}

/// The type's rows, after checking that its table is rendered from them.
fn rows<C: Catalog>() -> Vec<Row> {
    assert_eq!(C::MARKDOWN, errcat::docs::markdown(C::ENTRIES));
    C::ENTRIES.iter().map(row).collect()
}

fn descriptions<C: Catalog>() -> Vec<&'static str> {
    rows::<C>()
        .into_iter()
        .map(|(.., description)| description)
        .collect()
}

/// What a client sees of an error.
fn observed<E: ApiError + ?Sized>(error: &E) -> (StatusCode, &'static str, String) {
    (error.status(), error.code(), error.message().to_string())
}

const HEADER: &str = "| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n";

mod rows {
    use super::*;

    /// Errors of the orders API.
    #[derive(Debug, ApiError)]
    #[api(status = 422, rename_all = "snake_case")]
    enum OrderError {
        /// The order does not exist.
        #[api(status = 404, message = "Couldn't find Order with 'id'={id}")]
        OrderNotFound { id: u64 },
        /// Validation failed.
        #[api(code = "validation_error", message = "{0}")]
        Invalid(String),
        #[api(status = 500)]
        Internal,
        #[api(message = "{{literal}} {{id}}")]
        Braces,
    }

    #[test]
    fn entries_in_declaration_order() {
        assert_eq!(
            rows::<OrderError>(),
            [
                (
                    "OrderNotFound",
                    404,
                    "order_not_found",
                    "Couldn't find Order with 'id'={id}",
                    "The order does not exist.",
                ),
                (
                    "Invalid",
                    422,
                    "validation_error",
                    "{0}",
                    "Validation failed."
                ),
                ("Internal", 500, "internal", "Internal Server Error", ""),
                ("Braces", 422, "braces", "{{literal}} {{id}}", ""),
            ]
        );
    }

    #[test]
    fn each_value_returns_its_row() {
        let values = [
            OrderError::OrderNotFound { id: 1 },
            OrderError::Invalid("Email Required".to_owned()),
            OrderError::Internal,
            OrderError::Braces,
        ];
        for (value, entry) in values.iter().zip(OrderError::ENTRIES) {
            assert_eq!(value.entry(), entry);
            assert_eq!(value.status().as_u16(), entry.status);
            assert_eq!(value.code(), entry.code);
        }
        assert_eq!(OrderError::ENTRIES[0].status_code(), StatusCode::NOT_FOUND);
        assert_eq!(OrderError::ENTRIES[1].reason(), "Unprocessable Entity");
    }
}

mod descriptions {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    #[allow(clippy::empty_docs, reason = "empty doc comments are under test")]
    enum Documented {
        /// One line.
        OneLine,
        /// First line,
        ///     indented second line.
        ///
        ///
        /// After two empty lines.
        SeveralLines,
        /** A block comment. */
        Block,
        /**
            A block comment
            over several lines.

            With an empty line.
        */
        MultiLineBlock,
        /**
         * A starred block:
         * each line's star goes, as in rustdoc.
         */
        StarredBlock,
        /// * A bullet of a line comment keeps its star.
        Bullet,
        ///
        /// Starts with an empty doc line.
        ///
        EmptyDocLines,
        #[doc = "  Explicit  attribute.  "]
        #[doc = ""]
        #[doc = "Second attribute."]
        DocAttributes,
        /// Doc and attribute mixed,
        #[api(message = "ok")]
        /// in any order.
        Interleaved,
        ///
        OnlyEmpty,
        Undocumented,
    }

    #[test]
    fn doc_comments_are_trimmed_lines_joined_with_spaces() {
        assert_eq!(
            descriptions::<Documented>(),
            [
                "One line.",
                "First line, indented second line. After two empty lines.",
                "A block comment.",
                "A block comment over several lines. With an empty line.",
                "A starred block: each line's star goes, as in rustdoc.",
                "* A bullet of a line comment keeps its star.",
                "Starts with an empty doc line.",
                "Explicit  attribute. Second attribute.",
                "Doc and attribute mixed, in any order.",
                "",
                "",
            ]
        );
    }

    /// A struct's doc comment
    /// is its description.
    #[derive(Debug, ApiError)]
    #[api(status = 401)]
    struct Unauthorized;

    #[test]
    fn struct_doc_comment() {
        assert_eq!(
            descriptions::<Unauthorized>(),
            ["A struct's doc comment is its description."]
        );
    }
}

mod markdown {
    use super::*;

    /// Text that would break a table or turn into markup if written as is.
    #[derive(Debug, ApiError)]
    #[api(rename_all = "snake_case")]
    enum Tricky {
        /// Pipes | in *the* description, `code`, [a link](https://example.com) & ~strike~.
        #[api(
            status = 400,
            message = "a | b `code` <b>bold</b> *em* _under_ \\ back"
        )]
        PipesAndMarkup,
        /// Line one
        /// line two — ünïcode.
        #[api(status = 409, message = "first line\nsecond line\r\nthird\rfourth")]
        LineBreaks,
        #[api(status = 404, code = "_under_score~tilde_", message = "{model} > {id}")]
        Templated { model: &'static str, id: u64 },
        #[api(status = 503)]
        NoMessage,
    }

    #[test]
    fn exact_table() {
        let expected = [
            HEADER,
            r"| 400 | pipes_and_markup | a \| b \`code\` \<b\>bold\</b\> \*em\* \_under\_ \\ back | Pipes \| in \*the\* description, \`code\`, \[a link\](https://example.com) \& \~strike\~. |",
            "\n",
            r"| 409 | line_breaks | first line<br>second line<br>third<br>fourth | Line one line two — ünïcode. |",
            "\n",
            r"| 404 | \_under_score\~tilde\_ | {model} \> {id} |  |",
            "\n",
            r"| 503 | no_message | Service Unavailable |  |",
            "\n",
        ]
        .concat();
        assert_eq!(Tricky::MARKDOWN, expected);
        assert_eq!(errcat::docs::markdown(Tricky::ENTRIES), expected);
    }

    /// The same rows, rendered by const evaluation instead of by the macro.
    #[derive(Debug, ApiError)]
    #[api(transparent)]
    struct Wrapped(Tricky);

    #[test]
    fn const_rendered_table_is_the_same() {
        assert_eq!(rows::<Wrapped>(), rows::<Tricky>());
        assert_eq!(Wrapped::MARKDOWN, Tricky::MARKDOWN);
    }

    #[test]
    fn message_with_line_breaks_is_written_as_is() {
        assert_eq!(
            Tricky::LineBreaks.message().to_string(),
            "first line\nsecond line\r\nthird\rfourth"
        );
    }

    #[derive(Debug, ApiError)]
    enum Never {}

    #[test]
    fn enum_without_variants() {
        assert!(Never::ENTRIES.is_empty());
        assert_eq!(Never::MARKDOWN, HEADER);
        assert_eq!(errcat::docs::markdown(&[]), HEADER);
    }
}

mod structs {
    use super::*;

    /// Nothing here.
    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    struct Missing;

    #[derive(Debug, ApiError)]
    #[api(
        status = 400,
        code = "bad_quantity",
        message = "{0} is not between {1} and {2}"
    )]
    struct BadQuantity(i32, i32, i32);

    #[derive(Debug, ApiError)]
    #[api(status = 429, message = "Retry in {seconds} s")]
    struct RateLimited {
        seconds: u32,
    }

    #[test]
    fn unit_struct() {
        assert_eq!(
            rows::<Missing>(),
            [("Missing", 404, "Missing", "Not Found", "Nothing here.")]
        );
        assert_eq!(
            observed(&Missing),
            (StatusCode::NOT_FOUND, "Missing", "Not Found".to_owned())
        );
    }

    #[test]
    fn tuple_struct() {
        assert_eq!(
            rows::<BadQuantity>(),
            [(
                "BadQuantity",
                400,
                "bad_quantity",
                "{0} is not between {1} and {2}",
                "",
            )]
        );
        assert_eq!(
            observed(&BadQuantity(0, 1, 10)),
            (
                StatusCode::BAD_REQUEST,
                "bad_quantity",
                "0 is not between 1 and 10".to_owned()
            )
        );
    }

    #[test]
    fn named_struct() {
        assert_eq!(
            rows::<RateLimited>(),
            [(
                "RateLimited",
                429,
                "RateLimited",
                "Retry in {seconds} s",
                ""
            )]
        );
        assert_eq!(
            observed(&RateLimited { seconds: 30 }),
            (
                StatusCode::TOO_MANY_REQUESTS,
                "RateLimited",
                "Retry in 30 s".to_owned()
            )
        );
    }
}

mod generics {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    enum Bad<T> {
        #[api(message = "bad {0}")]
        Bad(T),
    }

    /// A type without `Display`: fields no message uses need none.
    #[derive(Debug)]
    struct Opaque;

    #[derive(Debug, ApiError)]
    enum Hidden<T> {
        #[api(status = 500)]
        Internal(T),
    }

    #[derive(Debug, ApiError)]
    #[api(status = 404)]
    enum Borrowed<'a> {
        #[api(message = "No user named {name}")]
        NoUser { name: &'a str },
        #[api(message = "{0} and {1}")]
        Pair(&'a str, &'a String),
    }

    #[derive(Debug, ApiError)]
    #[api(status = 422, message = "{value} exceeds the limit")]
    struct Limited<'a, T, const LIMIT: usize>
    where
        T: Display + ?Sized,
    {
        value: &'a T,
    }

    #[derive(Debug, ApiError)]
    #[api(status = 409)]
    enum Where<K, V>
    where
        K: Display,
        V: Clone + Display,
    {
        #[api(message = "{key} already holds {value}")]
        Taken { key: K, value: V },
    }

    #[test]
    fn type_parameter_with_display() {
        assert_eq!(
            observed(&Bad::Bad(5_u8)),
            (StatusCode::BAD_REQUEST, "Bad", "bad 5".to_owned())
        );
        assert_eq!(Bad::<&str>::Bad("input").message().to_string(), "bad input");
        let expected = [("Bad", 400, "Bad", "bad {0}", "")];
        assert_eq!(rows::<Bad<u8>>(), expected);
        assert_eq!(rows::<Bad<String>>(), expected);
    }

    #[test]
    fn type_parameter_without_display() {
        assert_eq!(
            observed(&Hidden::Internal(Opaque)),
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal",
                "Internal Server Error".to_owned()
            )
        );
        assert_eq!(
            rows::<Hidden<Opaque>>(),
            [("Internal", 500, "Internal", "Internal Server Error", "")]
        );
    }

    #[test]
    fn lifetimes() {
        let name = String::from("ada");
        let other = String::from("grace");
        assert_eq!(
            Borrowed::NoUser { name: &name }.message().to_string(),
            "No user named ada"
        );
        assert_eq!(
            Borrowed::Pair(&name, &other).message().to_string(),
            "ada and grace"
        );
        assert_eq!(rows::<Borrowed<'static>>().len(), 2);
    }

    #[test]
    fn where_clause_lifetime_and_const_parameter() {
        let error = Limited::<str, 8> { value: "too long" };
        assert_eq!(
            observed(&error),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Limited",
                "too long exceeds the limit".to_owned()
            )
        );
        let taken = Where::Taken {
            key: "email",
            value: 7,
        };
        assert_eq!(taken.message().to_string(), "email already holds 7");
        assert_eq!(
            rows::<Where<&str, i32>>(),
            [("Taken", 409, "Taken", "{key} already holds {value}", "")]
        );
    }
}

/// Generics the derive reads as tokens: bounds with `->`, defaults, lifetime
/// bounds, where clauses after a tuple struct's fields, discriminants with
/// commas in a turbofish.
mod tricky_generics {
    use std::error::Error as _;

    use super::*;

    /// The status and body a client receives.
    fn response<E: ApiError>(error: &E) -> (StatusCode, String) {
        let response = errcat::http_response(error);
        let status = response.status();
        let body = String::from_utf8(response.into_body()).expect("a UTF-8 body");
        (status, body)
    }

    #[derive(Debug, ApiError)]
    #[api(status = 400, message = "{input} rejected")]
    struct Rejected<F: Fn(u8) -> Result<u8, String>, T: Display> {
        #[api(expose)]
        input: T,
        check: F,
    }

    fn odd(value: u8) -> Result<u8, String> {
        Err(format!("{value} is odd"))
    }

    #[test]
    fn bound_with_an_arrow() {
        let error = Rejected::<fn(u8) -> Result<u8, String>, u8> {
            input: 3,
            check: odd,
        };
        assert_eq!(error.code(), "Rejected");
        assert_eq!(error.message().to_string(), "3 rejected");
        assert_eq!((error.check)(3), Err("3 is odd".to_owned()));
        let (status, body) = response(&error);
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body.contains(r#""input":3"#), "{body}");
    }

    #[derive(Debug, ApiError)]
    #[api(status = 413, message = "{len} bytes, over {max}")]
    struct TooLong<const MAX: usize = 8> {
        #[api(expose)]
        len: usize,
        #[api(expose = "MAX")]
        max: usize,
    }

    #[test]
    fn const_parameter_with_a_default() {
        let error: TooLong = TooLong { len: 9, max: 8 };
        assert_eq!(
            observed(&error),
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                "TooLong",
                "9 bytes, over 8".to_owned()
            )
        );
        let (status, body) = response(&TooLong::<16> { len: 17, max: 16 });
        assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
        assert!(body.contains(r#""len":17,"MAX":16"#), "{body}");
    }

    #[derive(Debug, ApiError)]
    #[api(status = 409)]
    enum Conflict<'a, 'b: 'a, T: ?Sized + Display + 'b> {
        #[api(message = "{first} conflicts with {second}")]
        Pair { first: &'a str, second: &'b T },
    }

    #[test]
    fn lifetime_bound() {
        let second = String::from("bob");
        let error: Conflict<'_, '_, str> = Conflict::Pair {
            first: "ada",
            second: second.as_str(),
        };
        assert_eq!(
            observed(&error),
            (
                StatusCode::CONFLICT,
                "Pair",
                "ada conflicts with bob".to_owned()
            )
        );
        assert_eq!(
            rows::<Conflict<'static, 'static, str>>(),
            [("Pair", 409, "Pair", "{first} conflicts with {second}", "")]
        );
    }

    #[derive(Debug, ApiError)]
    #[api(status = 502, display, message = "upstream: {0}")]
    struct Upstream<E>(pub(crate) E, #[api(source)] pub core::option::Option<E>)
    where
        E: std::error::Error + Display + 'static;

    #[test]
    fn where_clause_on_a_tuple_struct() {
        let cause = || std::io::Error::other("reset");
        let error = Upstream(cause(), Some(cause()));
        assert_eq!(error.to_string(), "upstream: reset");
        assert_eq!(
            error.source().map(ToString::to_string).as_deref(),
            Some("reset")
        );
        assert!(Upstream(cause(), None).source().is_none());
        let (status, body) = response(&error);
        assert_eq!(status, StatusCode::BAD_GATEWAY);
        assert!(body.contains("upstream: reset"), "{body}");
    }

    #[derive(Debug, ApiError)]
    #[api(status = 503)]
    enum Unavailable<T: Display = &'static str, U = ()> {
        #[api(message = "{0} is down")]
        Down(T, U),
    }

    #[test]
    fn default_type_parameter() {
        let error: Unavailable = Unavailable::Down("billing", ());
        assert_eq!(
            observed(&error),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Down",
                "billing is down".to_owned()
            )
        );
        let (status, body) = response(&Unavailable::Down(7_u8, 'x'));
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(body.contains("7 is down"), "{body}");
    }

    /// A discriminant read from its parameters' sizes.
    const fn size_sum<A, B>() -> u8 {
        (size_of::<A>() + size_of::<B>()) as u8
    }

    /// Discriminants are skipped up to the comma ending the variant, not one
    /// between turbofish arguments, nor a shift's `<<`.
    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    #[repr(u8)]
    enum Flag {
        Shifted = 1 << 3,
        Chosen = size_sum::<u8, u16>(),
        #[api(status = 418)]
        Last,
    }

    #[test]
    fn discriminants_with_commas_in_generic_arguments() {
        assert_eq!(Flag::Chosen as u8, 3);
        assert_eq!(
            rows::<Flag>()
                .iter()
                .map(|(name, status, ..)| (*name, *status))
                .collect::<Vec<_>>(),
            [("Shifted", 400), ("Chosen", 400), ("Last", 418)]
        );
        let (status, body) = response(&Flag::Last);
        assert_eq!(status, StatusCode::IM_A_TEAPOT);
        assert!(body.contains("Last"), "{body}");
    }
}

mod statuses {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api(status = 422)]
    enum Statuses {
        #[api(status = 409)]
        Integer,
        #[api(status = CONFLICT)]
        Name,
        #[api(status = StatusCode::CONFLICT)]
        TypePath,
        #[api(status = http::StatusCode::CONFLICT)]
        CratePath,
        Default,
        #[api(message = "default status, own message")]
        DefaultWithMessage,
    }

    #[test]
    fn status_forms_and_type_default() {
        let statuses: Vec<u16> = rows::<Statuses>()
            .into_iter()
            .map(|(_, status, ..)| status)
            .collect();
        assert_eq!(statuses, [409, 409, 409, 409, 422, 422]);
        assert_eq!(Statuses::CratePath.status(), StatusCode::CONFLICT);
        assert_eq!(
            observed(&Statuses::Default),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                "Default",
                "Unprocessable Entity".to_owned()
            )
        );
        assert_eq!(Statuses::Name.message().to_string(), "Conflict");
    }
}

mod transparent {
    use super::*;

    /// Innermost layer.
    #[derive(Debug, ApiError)]
    enum Storage {
        /// The row is locked.
        #[api(status = 423, code = "locked", message = "Row {0} is locked")]
        Locked(u64),
        #[api(status = 507, code = "disk_full")]
        DiskFull,
    }

    #[derive(Debug, ApiError)]
    enum Service {
        #[api(status = 503, code = "maintenance", message = "Back at {at}")]
        Maintenance { at: &'static str },
        #[api(transparent)]
        Storage(Storage),
        #[api(status = 504, code = "timeout")]
        Timeout,
    }

    #[derive(Debug, ApiError)]
    enum Api {
        #[api(status = 400, code = "bad_request", message = "Bad request")]
        BadRequest,
        #[api(transparent)]
        Service { service: Service },
        /// Last of the outer rows.
        #[api(status = 401, code = "unauthorized")]
        Unauthorized,
    }

    #[derive(Debug, ApiError)]
    #[api(transparent)]
    struct Wrapper(Api);

    fn storage_rows() -> Vec<Row> {
        vec![
            (
                "Locked",
                423,
                "locked",
                "Row {0} is locked",
                "The row is locked.",
            ),
            ("DiskFull", 507, "disk_full", "Insufficient Storage", ""),
        ]
    }

    fn service_rows() -> Vec<Row> {
        let mut rows = vec![("Maintenance", 503, "maintenance", "Back at {at}", "")];
        rows.extend(storage_rows());
        rows.push(("Timeout", 504, "timeout", "Gateway Timeout", ""));
        rows
    }

    fn api_rows() -> Vec<Row> {
        let mut rows = vec![("BadRequest", 400, "bad_request", "Bad request", "")];
        rows.extend(service_rows());
        rows.push((
            "Unauthorized",
            401,
            "unauthorized",
            "Unauthorized",
            "Last of the outer rows.",
        ));
        rows
    }

    #[test]
    fn inner_rows_take_the_place_of_the_transparent_variant() {
        assert_eq!(rows::<Storage>(), storage_rows());
        assert_eq!(rows::<Service>(), service_rows());
        assert_eq!(rows::<Api>(), api_rows());
        assert_eq!(rows::<Wrapper>(), api_rows());
    }

    #[test]
    fn markdown_of_three_layers() {
        let expected = [
            HEADER,
            "| 400 | bad_request | Bad request |  |\n",
            "| 503 | maintenance | Back at {at} |  |\n",
            "| 423 | locked | Row {0} is locked | The row is locked. |\n",
            "| 507 | disk_full | Insufficient Storage |  |\n",
            "| 504 | timeout | Gateway Timeout |  |\n",
            "| 401 | unauthorized | Unauthorized | Last of the outer rows. |\n",
        ]
        .concat();
        assert_eq!(Api::MARKDOWN, expected);
        assert_eq!(Wrapper::MARKDOWN, expected);
    }

    #[test]
    fn values_answer_from_the_innermost_layer() {
        let innermost = Storage::Locked(7);
        let outer = Wrapper(Api::Service {
            service: Service::Storage(Storage::Locked(7)),
        });
        let expected = (StatusCode::LOCKED, "locked", "Row 7 is locked".to_owned());
        assert_eq!(observed(&innermost), expected);
        assert_eq!(observed(&outer), expected);
        assert_eq!(outer.entry(), &Storage::ENTRIES[0]);
        assert_eq!(outer.entry(), &Api::ENTRIES[2]);

        let middle = Api::Service {
            service: Service::Maintenance { at: "noon" },
        };
        assert_eq!(
            observed(&middle),
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "maintenance",
                "Back at noon".to_owned()
            )
        );
        assert_eq!(middle.entry(), &Service::ENTRIES[0]);
        assert_eq!(middle.entry(), &Api::ENTRIES[1]);
    }

    #[derive(Debug, ApiError)]
    enum Generic<E> {
        #[api(status = 400, code = "own")]
        Own,
        #[api(transparent)]
        Inner(E),
        #[api(transparent)]
        Boxed(Box<E>),
    }

    #[test]
    fn type_parameter_field_contributes_no_rows() {
        let own = [("Own", 400, "own", "Bad Request", "")];
        assert_eq!(rows::<Generic<Storage>>(), own);
        assert_eq!(rows::<Generic<Api>>(), own);
        let expected = (StatusCode::LOCKED, "locked", "Row 3 is locked".to_owned());
        assert_eq!(observed(&Generic::Inner(Storage::Locked(3))), expected);
        assert_eq!(
            observed(&Generic::Boxed(Box::new(Storage::Locked(3)))),
            expected
        );
    }

    /// A boxed field of a known type has that type's catalog.
    #[derive(Debug, ApiError)]
    enum Boxing {
        #[api(transparent)]
        Storage(Box<Storage>),
        #[api(status = 400, code = "own")]
        Own,
    }

    #[test]
    fn boxed_field_contributes_the_rows_of_the_box() {
        let codes: Vec<&str> = Boxing::ENTRIES.iter().map(|entry| entry.code).collect();
        let mut expected: Vec<&str> = Storage::ENTRIES.iter().map(|entry| entry.code).collect();
        expected.push("own");
        assert_eq!(codes, expected);
        assert_eq!(Boxing::MARKDOWN, errcat::docs::markdown(Boxing::ENTRIES));
        let boxed = Boxing::Storage(Box::new(Storage::Locked(3)));
        assert_eq!(
            observed(&boxed),
            (StatusCode::LOCKED, "locked", "Row 3 is locked".to_owned())
        );
    }
}

/// Transparent fields whose types use the enum's lifetime or const parameters.
mod transparent_generic_fields {
    use super::*;

    #[derive(Debug, ApiError)]
    enum Lookup<'a> {
        #[api(status = 404, code = "no_user", message = "No user named {name}")]
        NoUser { name: &'a str },
    }

    #[derive(Debug, ApiError)]
    enum Request<'a> {
        #[api(status = 400, code = "bad_request")]
        BadRequest,
        #[api(transparent)]
        Lookup(Lookup<'a>),
    }

    #[derive(Debug, ApiError)]
    #[api(status = 413, code = "too_many", message = "{0} items, at most {1}")]
    struct TooMany<const N: usize>(usize, usize);

    #[derive(Debug, ApiError)]
    enum Batch<const N: usize> {
        #[api(status = 400, code = "empty")]
        Empty,
        #[api(transparent)]
        TooMany(TooMany<N>),
    }

    #[test]
    fn lifetime_parameter_field_contributes_its_rows() {
        assert_eq!(
            rows::<Request<'_>>(),
            [
                ("BadRequest", 400, "bad_request", "Bad Request", ""),
                ("NoUser", 404, "no_user", "No user named {name}", ""),
            ]
        );
        let name = String::from("ada");
        assert_eq!(
            observed(&Request::Lookup(Lookup::NoUser { name: &name })),
            (
                StatusCode::NOT_FOUND,
                "no_user",
                "No user named ada".to_owned()
            )
        );
    }

    #[test]
    fn const_parameter_field_contributes_no_rows() {
        assert_eq!(
            rows::<Batch<3>>(),
            [("Empty", 400, "empty", "Bad Request", "")]
        );
        assert_eq!(
            observed(&Batch::<3>::TooMany(TooMany(4, 3))),
            (
                StatusCode::PAYLOAD_TOO_LARGE,
                "too_many",
                "4 items, at most 3".to_owned()
            )
        );
    }
}

mod cfg {
    use super::*;

    #[derive(Debug, ApiError)]
    #[api(status = 400)]
    #[allow(clippy::non_minimal_cfg, reason = "`cfg(all())` is under test")]
    enum Configured {
        First,
        #[cfg(any())]
        Removed,
        #[cfg(all())]
        Kept,
        #[cfg_attr(all(), api(status = 404))]
        StatusByCfgAttr,
        #[cfg_attr(any(), api(status = 500))]
        IgnoredCfgAttr,
        #[cfg_attr(all(), doc = "Documented through cfg_attr.")]
        DocByCfgAttr,
    }

    #[test]
    fn cfg_removes_variants_and_cfg_attr_applies() {
        assert_eq!(
            rows::<Configured>(),
            [
                ("First", 400, "First", "Bad Request", ""),
                ("Kept", 400, "Kept", "Bad Request", ""),
                ("StatusByCfgAttr", 404, "StatusByCfgAttr", "Not Found", ""),
                ("IgnoredCfgAttr", 400, "IgnoredCfgAttr", "Bad Request", ""),
                (
                    "DocByCfgAttr",
                    400,
                    "DocByCfgAttr",
                    "Bad Request",
                    "Documented through cfg_attr.",
                ),
            ]
        );
        assert_eq!(Configured::StatusByCfgAttr.status(), StatusCode::NOT_FOUND);
    }
}

mod trait_objects {
    use super::*;

    #[derive(Debug, ApiError)]
    enum Concrete {
        #[api(
            status = 409,
            code = "EmailAlreadyExists",
            message = "{email} is taken"
        )]
        EmailTaken { email: String },
        #[api(status = 503)]
        Unavailable,
        #[api(transparent)]
        Gone(Gone),
    }

    #[derive(Debug, ApiError)]
    #[api(status = 410, message = "{0} is gone")]
    struct Gone(&'static str);

    fn values() -> [Concrete; 3] {
        [
            Concrete::EmailTaken {
                email: "ada@example.com".to_owned(),
            },
            Concrete::Unavailable,
            Concrete::Gone(Gone("v1")),
        ]
    }

    #[test]
    fn dyn_references_and_boxes_answer_like_the_value() {
        for value in values() {
            let expected = observed(&value);
            let entry = value.entry();
            let by_ref: &dyn ApiError = &value;
            assert_eq!(observed(by_ref), expected);
            assert_eq!(by_ref.entry(), entry);
            let boxed: Box<dyn ApiError + Send + Sync> = Box::new(value);
            assert_eq!(observed(&*boxed), expected);
            assert_eq!(observed(&boxed), expected);
            assert_eq!(boxed.entry(), entry);
        }
    }

    #[test]
    fn dyn_values_give_the_expected_answers() {
        let boxed: Vec<Box<dyn ApiError + Send + Sync>> = values()
            .into_iter()
            .map(|value| Box::new(value) as _)
            .collect();
        let answers: Vec<_> = boxed.iter().map(observed).collect();
        assert_eq!(
            answers,
            [
                (
                    StatusCode::CONFLICT,
                    "EmailAlreadyExists",
                    "ada@example.com is taken".to_owned()
                ),
                (
                    StatusCode::SERVICE_UNAVAILABLE,
                    "Unavailable",
                    "Service Unavailable".to_owned()
                ),
                (StatusCode::GONE, "Gone", "v1 is gone".to_owned()),
            ]
        );
    }

    /// Errors reach `Display`-only code through the message.
    fn log_line(error: &dyn ApiError) -> String {
        struct Line<'a>(&'a dyn ApiError);
        impl Display for Line<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(
                    f,
                    "{} {}: {}",
                    self.0.status().as_u16(),
                    self.0.code(),
                    self.0.message()
                )
            }
        }
        Line(error).to_string()
    }

    #[test]
    fn message_of_a_trait_object_streams_into_another_formatter() {
        assert_eq!(
            log_line(&values()[0]),
            "409 EmailAlreadyExists: ada@example.com is taken"
        );
    }
}

/// The table is written into the generated code as a raw string: text that
/// looks like the end of one, tabs and NULs come back as they went in.
#[derive(Debug, ApiError)]
#[api(status = 400)]
enum RawLooking {
    /// Ends "# and "## and \"### here.
    #[api(message = "quote \"# hash \"## tab\t nul\0 end \"")]
    Quotes,
    /** Block "#
    comment */
    #[api(message = "line\rbreak\r\nand\nmore")]
    Breaks,
}

#[test]
fn markdown_survives_text_like_the_end_of_a_raw_string() {
    assert_eq!(
        RawLooking::MARKDOWN,
        "| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n\
         | 400 | Quotes | quote \"# hash \"## tab\t nul\0 end \" | Ends \"# and \"## and \\\\\"### here. |\n\
         | 400 | Breaks | line<br>break<br>and<br>more | Block \"# comment |\n"
    );
    assert_eq!(
        RawLooking::MARKDOWN,
        errcat::docs::markdown(RawLooking::ENTRIES)
    );
}
