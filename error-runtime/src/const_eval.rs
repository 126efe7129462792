//! What const evaluation computes for a type with `transparent` variants,
//! whose rows the macro cannot see: the joined rows, their table, and the
//! check that no code repeats. Each step is linear in the rows but the
//! check, which sorts (`n log n`), so a large catalog costs rustc little.

use crate::ErrorEntry;
use crate::catalog::derived_entry;
use crate::markdown::render;
use crate::shared::markdown::Out;

/// Joins the rows of a type's own variants and of its transparent variants'
/// types into one array, in order. `N` is the total length.
///
/// # Panics
///
/// When `N` is not the total length; generated code computes it from the
/// same parts, and in const evaluation the panic is a compile error.
#[must_use]
pub const fn concat_entries<const N: usize>(parts: &[&[ErrorEntry]]) -> [ErrorEntry; N] {
    let mut all = [derived_entry("", 0, "", "", "", "", false, &[], &[], &[], "", "", "", ""); N];
    let mut len = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            all[len] = parts[part][i];
            len += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(len == N, "errcat: catalog length mismatch");
    all
}

/// The length of the markdown table of `entries`.
#[must_use]
pub const fn markdown_len(entries: &[ErrorEntry]) -> usize {
    let mut out = Out::new(&mut []);
    render(entries, &mut out);
    out.len()
}

/// The markdown table of `entries`; `N` is [`markdown_len`] of them.
#[must_use]
pub const fn markdown_bytes<const N: usize>(entries: &[ErrorEntry]) -> [u8; N] {
    let mut table = [0; N];
    render(entries, &mut Out::new(&mut table));
    table
}

/// `bytes` as text.
///
/// # Panics
///
/// When `bytes` is not UTF-8; it is only called in const evaluation, on
/// tables `render` wrote from text.
#[must_use]
pub const fn utf8(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => panic!("errcat: catalog table is not UTF-8"),
    }
}

/// Fails const evaluation, naming the code and `type_name`, when two of
/// `entries` share a code: a code repeated through a `transparent` variant.
///
/// # Panics
///
/// That is its job; generated code calls it in a `const` item, where the
/// panic is a compile error.
pub const fn assert_unique_codes<const N: usize>(entries: &[ErrorEntry; N], type_name: &str) {
    let mut order = [0usize; N];
    let mut i = 0;
    while i < N {
        order[i] = i;
        i += 1;
    }
    heap_sort(&mut order, entries);
    let mut i = 1;
    while i < N {
        let code = entries[order[i]].code;
        if str_eq(entries[order[i - 1]].code, code) {
            repeated_code(code, type_name);
        }
        i += 1;
    }
}

/// Panics with a sentence naming `code` and `type_name`: const panics take
/// one `&str`, so the sentence is written into a buffer first.
const fn repeated_code(code: &str, type_name: &str) -> ! {
    let mut buf = [0u8; 512];
    let mut out = Out::new(&mut buf);
    out.bytes(b"errcat: code `");
    out.bytes(code.as_bytes());
    out.bytes(b"` appears twice in the catalog of `");
    out.bytes(type_name.as_bytes());
    out.bytes(b"` (through a `transparent` variant); each error needs its own code");
    let len = out.len();
    let (written, _) = buf.split_at(if len < 512 { len } else { 512 });
    match core::str::from_utf8(written) {
        Ok(message) => panic!("{}", message),
        Err(_) => panic!("errcat: a code appears twice in the catalog"),
    }
}

/// Sorts `order`, indices into `entries`, by code.
const fn heap_sort(order: &mut [usize], entries: &[ErrorEntry]) {
    let n = order.len();
    let mut start = n / 2;
    while start > 0 {
        start -= 1;
        sift_down(order, entries, start, n);
    }
    let mut end = n;
    while end > 1 {
        end -= 1;
        order.swap(0, end);
        sift_down(order, entries, 0, end);
    }
}

const fn sift_down(order: &mut [usize], entries: &[ErrorEntry], mut root: usize, end: usize) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && str_lt(entries[order[child]].code, entries[order[child + 1]].code) {
            child += 1;
        }
        if !str_lt(entries[order[root]].code, entries[order[child]].code) {
            return;
        }
        order.swap(root, child);
        root = child;
    }
}

const fn str_lt(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

const fn str_eq(a: &str, b: &str) -> bool {
    !str_lt(a, b) && !str_lt(b, a)
}

/// Fails const evaluation, naming the code, when one of `codes` is the code
/// of none of `entries`, or is listed twice: an operation's error set
/// (`errcat::responses!`) naming an error its type does not have, or
/// documenting one twice.
///
/// # Panics
///
/// That is its job; the macro calls it in a `const` item, where the panic
/// is a compile error.
pub const fn assert_codes_in(entries: &[ErrorEntry], codes: &[&str], type_name: &str, set: &str) {
    let mut i = 0;
    while i < codes.len() {
        let code = codes[i];
        let mut found = false;
        let mut j = 0;
        while j < entries.len() {
            if str_eq(entries[j].code, code) {
                found = true;
            }
            j += 1;
        }
        if !found {
            refuse_code(set, code, &["`, which no error of `", type_name, "` has"]);
        }
        // A set is a handful of codes: comparing each with those before it
        // costs less than sorting them.
        let mut k = 0;
        while k < i {
            if str_eq(codes[k], code) {
                refuse_code(set, code, &["` twice"]);
            }
            k += 1;
        }
        i += 1;
    }
}

/// Panics with the sentence "errcat: `set` lists the code `code`" and the
/// `rest` of it.
const fn refuse_code(set: &str, code: &str, rest: &[&str]) -> ! {
    let mut buf = [0u8; 512];
    let mut out = Out::new(&mut buf);
    out.bytes(b"errcat: `");
    out.bytes(set.as_bytes());
    out.bytes(b"` lists the code `");
    out.bytes(code.as_bytes());
    let mut i = 0;
    while i < rest.len() {
        out.bytes(rest[i].as_bytes());
        i += 1;
    }
    let len = out.len();
    let (written, _) = buf.split_at(if len < 512 { len } else { 512 });
    match core::str::from_utf8(written) {
        Ok(message) => panic!("{}", message),
        Err(_) => panic!("errcat: an error set lists a code its type lacks, or one twice"),
    }
}
