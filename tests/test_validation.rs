//! `ValidationErrors`: the Rails sentence, the serialized shape and its
//! ordering rules.

use errcat::{ApiError, ValidationErrors};

fn sentence(fields: &[(&'static str, &'static str)]) -> String {
    let mut errors = ValidationErrors::new("order");
    for (field, message) in fields {
        errors.add(*field, "invalid", *message);
    }
    errors.to_string()
}

#[test]
fn sentence_joins_like_rails() {
    assert_eq!(sentence(&[]), "");
    assert_eq!(sentence(&[("email", "Required")]), "Email Required");
    assert_eq!(
        sentence(&[("email", "Required"), ("guest", "Required")]),
        "Email Required and Guest Required"
    );
    assert_eq!(
        sentence(&[
            ("first_name", "Required"),
            ("email", "is taken"),
            ("guest", "Required")
        ]),
        "First name Required, Email is taken, and Guest Required"
    );
}

#[test]
fn fields_are_humanized() {
    assert_eq!(sentence(&[("author_id", "missing")]), "Author missing");
    assert_eq!(sentence(&[("_id", "missing")]), "Id missing");
    assert_eq!(
        sentence(&[("SHIPPING_ADDRESS", "blank")]),
        "Shipping address blank"
    );
    assert_eq!(sentence(&[("note", "")]), "Note");
}

#[test]
fn association_errors_are_not_in_the_sentence() {
    let mut errors = ValidationErrors::new("order");
    errors.add("email", "blank", "Required");
    errors.add_nested("tickets", 1, "guest", "blank", "can't be blank");
    assert_eq!(errors.to_string(), "Email Required");
}

#[test]
fn model_first_then_associations_ids_and_errors_in_first_added_order() {
    let mut errors = ValidationErrors::new("order");
    errors
        .add_nested("tickets", 2, "guest", "blank", "a")
        .add_nested("payments", "p-1", "amount", "invalid", "b")
        .add_nested("tickets", 1, "seat", "taken", "c")
        .add_nested("tickets", 2, "price", "invalid", "d");
    assert!(!errors.is_empty());
    assert!(errors.errors().is_empty());
    assert_eq!(
        serde_json::to_string(&errors).unwrap(),
        concat!(
            r#"{"order":[],"#,
            r#""tickets":{"2":[{"field":"guest","code":"blank","message":"a"},{"field":"price","code":"invalid","message":"d"}],"#,
            r#""1":[{"field":"seat","code":"taken","message":"c"}]},"#,
            r#""payments":{"p-1":[{"field":"amount","code":"invalid","message":"b"}]}}"#,
        )
    );
    assert!(ValidationErrors::new("order").is_empty());
}

#[derive(Debug, ApiError)]
#[api(format = "typed", rename_all = "snake_case")]
enum OrderError {
    #[api(status = 422, message = "{errors}")]
    ValidationError {
        #[api(expose)]
        errors: ValidationErrors,
    },
}

#[test]
fn an_association_named_like_the_model_is_refused_not_written_twice() {
    let mut errors = ValidationErrors::new("order");
    errors.add("email", "blank", "Required");
    errors.add_nested("order", 1, "email", "blank", "Required");
    let message = serde_json::to_string(&errors).unwrap_err().to_string();
    assert_eq!(message, "association `order` has the name of the model");
    // The response keeps the shape and leaves the members out.
    let response = errcat::http_response(&OrderError::ValidationError { errors });
    assert_eq!(response.status(), 422);
    assert_eq!(
        response.body(),
        br#"{"type":"validation_error","message":"Email Required"}"#
    );
}

#[test]
fn many_nested_records_keep_first_added_order() {
    // 100_000 errors over 50_000 ids: instant when a record is found by an
    // index, minutes when found by scanning the records before it.
    const IDS: usize = 50_000;
    // A permutation of 0..IDS, so that first-added order is not id order.
    let id = |i: usize| i * 7_919 % IDS;
    let mut errors = ValidationErrors::new("order");
    for i in 0..IDS {
        errors.add_nested("tickets", id(i), "guest", "blank", "a");
        if i == IDS / 2 {
            errors.add_nested("payments", "p-1", "amount", "invalid", "b");
        }
    }
    // The second errors of the records, in reverse: each joins its record.
    for i in (0..IDS).rev() {
        errors.add_nested("tickets", id(i), "seat", "taken", "c");
    }

    let mut expected = String::from(r#"{"order":[],"tickets":{"#);
    for i in 0..IDS {
        if i > 0 {
            expected.push(',');
        }
        expected.push_str(&format!(
            r#""{}":[{{"field":"guest","code":"blank","message":"a"}},{{"field":"seat","code":"taken","message":"c"}}]"#,
            id(i)
        ));
    }
    expected
        .push_str(r#"},"payments":{"p-1":[{"field":"amount","code":"invalid","message":"b"}]}}"#);
    assert_eq!(serde_json::to_string(&errors).unwrap(), expected);
}

#[test]
fn equality_clone_and_debug_see_the_errors_only() {
    let build = || {
        let mut errors = ValidationErrors::new("order");
        errors
            .add("email", "blank", "Required")
            .add_nested("tickets", 2, "guest", "blank", "a")
            .add_nested("tickets", 2, "seat", "taken", "b");
        errors
    };
    assert_eq!(build(), build());
    assert_eq!(format!("{:?}", build()), format!("{:?}", build()));
    assert_eq!(
        format!("{:?}", build()),
        concat!(
            r#"ValidationErrors { model: "order", "#,
            r#"errors: [FieldError { field: "email", code: "blank", message: "Required" }], "#,
            r#"associations: {"tickets": {"2": ["#,
            r#"FieldError { field: "guest", code: "blank", message: "a" }, "#,
            r#"FieldError { field: "seat", code: "taken", message: "b" }]}} }"#,
        )
    );

    // A clone goes on adding to its own records.
    let original = build();
    let mut clone = original.clone();
    assert_eq!(clone, original);
    clone.add_nested("tickets", 2, "price", "invalid", "c");
    assert_ne!(clone, original);
    assert_eq!(
        serde_json::to_string(&clone).unwrap(),
        concat!(
            r#"{"order":[{"field":"email","code":"blank","message":"Required"}],"#,
            r#""tickets":{"2":[{"field":"guest","code":"blank","message":"a"},"#,
            r#"{"field":"seat","code":"taken","message":"b"},"#,
            r#"{"field":"price","code":"invalid","message":"c"}]}}"#,
        )
    );

    // The same errors added in another order are other errors.
    let mut reordered = ValidationErrors::new("order");
    reordered
        .add("email", "blank", "Required")
        .add_nested("tickets", 2, "seat", "taken", "b")
        .add_nested("tickets", 2, "guest", "blank", "a");
    assert_ne!(reordered, build());
    assert_eq!(ValidationErrors::default(), ValidationErrors::new(""));
}

fn sentence_of(errors: &[(&'static str, &'static str, &'static str)]) -> String {
    let mut validation = ValidationErrors::new("order");
    for (field, code, message) in errors {
        validation.add(*field, *code, *message);
    }
    validation.to_string()
}

#[test]
fn an_error_without_a_field_is_the_models_and_gives_its_message_alone() {
    assert_eq!(sentence(&[("", "Order is locked")]), "Order is locked");
    assert_eq!(
        sentence(&[("", "Order is locked"), ("", "Payments are closed")]),
        "Order is locked and Payments are closed"
    );
    assert_eq!(
        sentence(&[("name", "can't be blank"), ("", "Order is locked")]),
        "Name can't be blank and Order is locked"
    );
    assert_eq!(
        sentence(&[
            ("", "Order is locked"),
            ("email", "is taken"),
            ("", "Payments are closed")
        ]),
        "Order is locked, Email is taken, and Payments are closed"
    );
    // A field that humanizes to nothing is no field either.
    assert_eq!(sentence(&[("_", "Order is locked")]), "Order is locked");
    // It serializes like any other error.
    let mut errors = ValidationErrors::new("order");
    errors.add("", "locked", "Order is locked");
    assert_eq!(
        serde_json::to_string(&errors).unwrap(),
        r#"{"order":[{"field":"","code":"locked","message":"Order is locked"}]}"#
    );
}

#[test]
fn an_error_with_neither_field_nor_message_gives_its_humanized_code() {
    assert_eq!(sentence_of(&[("", "order_locked", "")]), "Order locked");
    assert_eq!(
        sentence_of(&[("email", "taken", "is taken"), ("", "locked", "")]),
        "Email is taken and Locked"
    );
    // An error with no text at all puts nothing in the sentence.
    assert_eq!(
        sentence_of(&[("email", "taken", "is taken"), ("", "", "")]),
        "Email is taken"
    );
    assert_eq!(
        sentence_of(&[("", "", ""), ("email", "taken", "is taken"), ("", "", "")]),
        "Email is taken"
    );
    assert_eq!(sentence_of(&[("", "", "")]), "");
}

#[test]
fn hostile_fields_and_messages_pass_through_unharmed() {
    let mut errors = ValidationErrors::new("order");
    errors
        .add("straße_id", "x", "is \"wrong\"\r\nX-Injected: 1")
        .add("ǆungla", "x", "ñ")
        .add("ß", "x", "")
        .add("\r\n", "x", "m")
        .add("xİ", "x", "<b>")
        .add("🎫_id", "x", "\u{0}")
        .add("é_id", "x", "\\");
    let expected = concat!(
        "Straße is \"wrong\"\r\nX-Injected: 1, ",
        "Ǆungla ñ, ",
        "SS, ",
        "\r\n m, ",
        "Xi\u{307} <b>, ",
        "🎫 \u{0}, ",
        "and É \\",
    );
    assert_eq!(errors.to_string(), expected);

    let response = errcat::http_response(&OrderError::ValidationError {
        errors: errors.clone(),
    });
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(body["message"], expected);
    assert_eq!(body["errors"]["order"][0]["field"], "straße_id");
    assert_eq!(
        body["errors"]["order"][0]["message"],
        "is \"wrong\"\r\nX-Injected: 1"
    );
}

#[test]
fn without_errors_of_its_own_the_sentence_is_the_associations() {
    let mut errors = ValidationErrors::new("order");
    errors.add_nested("tickets", 1, "guest", "blank", "can't be blank");
    assert_eq!(errors.to_string(), "Guest can't be blank");

    // Associations, ids and errors in the order they serialize in.
    errors
        .add_nested("payments", "p-1", "amount", "invalid", "is invalid")
        .add_nested("tickets", 2, "", "locked", "Ticket is used")
        .add_nested("tickets", 1, "seat_id", "taken", "is taken");
    assert_eq!(
        errors.to_string(),
        "Guest can't be blank, Seat is taken, Ticket is used, and Amount is invalid"
    );

    // An error of the model's own takes the sentence back.
    let mut own = errors.clone();
    own.add("email", "blank", "Required");
    assert_eq!(own.to_string(), "Email Required");
    // Unless it has no text to give.
    let mut wordless = errors.clone();
    wordless.add("", "", "");
    assert_eq!(wordless.to_string(), errors.to_string());

    let response = errcat::http_response(&OrderError::ValidationError { errors });
    let body: serde_json::Value = serde_json::from_slice(response.body()).unwrap();
    assert_eq!(
        body["message"],
        "Guest can't be blank, Seat is taken, Ticket is used, and Amount is invalid"
    );
}
