//! Writing a public message allocates nothing: errcat streams the template
//! and the fields' `Display` into the caller's writer.
//!
//! This file installs a counting global allocator, so it holds this test alone.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::Write as _;

use errcat::ApiError;

thread_local! {
    /// Allocations made by this thread; the harness's other threads are not
    /// counted.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

struct CountingAllocator;

// SAFETY: every call is forwarded unchanged to `System`.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

#[derive(Debug, ApiError)]
enum Inner {
    #[api(status = 404, message = "No {model} with id {id:>6}")]
    NotFound { model: &'static str, id: u64 },
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Outer {
    #[api(message = "This email is already in use, please try another one.")]
    Literal,
    #[api(message = "{{literal braces}} {0} and {1:.2} of {0:*^7}")]
    Templated(&'static str, f64),
    #[api(status = 503)]
    Reason,
    #[api(transparent)]
    Wrapped(Inner),
}

/// The message written into a preallocated `String`, and the allocations the
/// writing made.
fn write_message(error: &dyn ApiError) -> (String, usize) {
    let mut out = String::with_capacity(256);
    let before = allocations();
    write!(out, "{}", error.message()).expect("writing to a String succeeds");
    let made = allocations() - before;
    (out, made)
}

#[test]
fn writing_a_message_allocates_nothing() {
    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(Outer::Templated("abc", 2.5));
    let cases: [(&dyn ApiError, &str); 5] = [
        (
            &Outer::Literal,
            "This email is already in use, please try another one.",
        ),
        (
            &Outer::Templated("abc", 1.0 / 3.0),
            "{literal braces} abc and 0.33 of **abc**",
        ),
        (&Outer::Reason, "Service Unavailable"),
        (
            &Outer::Wrapped(Inner::NotFound {
                model: "Order",
                id: 42,
            }),
            "No Order with id     42",
        ),
        (&boxed, "{literal braces} abc and 2.50 of **abc**"),
    ];
    for (error, expected) in cases {
        assert_eq!(write_message(error), (expected.to_owned(), 0));
    }
}

#[test]
fn the_counter_sees_allocations() {
    let before = allocations();
    let text = Outer::Literal.message().to_string();
    assert!(allocations() > before);
    assert_eq!(
        text,
        "This email is already in use, please try another one."
    );
}
