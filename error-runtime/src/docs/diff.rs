//! A line diff of two texts, printed in the unified format with three lines
//! of context.
//!
//! The edit script is `similar`'s Myers diff of the lines (a shortest one,
//! so the kept lines are a longest common subsequence); the presentation is
//! ours. Myers takes time proportional to the number of lines times the
//! number of differing ones, so past `DEADLINE` it settles for a correct but
//! longer script.

use core::fmt::Write as _;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline, group_diff_ops};

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// How long the search for a shortest edit script may take.
const DEADLINE: Duration = Duration::from_millis(500);

/// The unified diff from `old` to `new`, under `--- old_label` and
/// `+++ new_label`; empty when the texts are equal.
pub(super) fn unified(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let deadline = Instant::now().checked_add(DEADLINE);
    let ops = capture_diff_slices_deadline(Algorithm::Myers, &old, &new, deadline);
    let mut out = String::new();
    let hunks = group_diff_ops(ops, CONTEXT);
    if hunks.is_empty() {
        return out;
    }
    let _ = writeln!(out, "--- {old_label}\n+++ {new_label}");
    for hunk in hunks {
        let (Some(first), Some(last)) = (hunk.first(), hunk.last()) else {
            continue;
        };
        let (old_start, new_start) = (first.old_range().start, first.new_range().start);
        let (old_end, new_end) = (last.old_range().end, last.new_range().end);
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            range(old_start, old_end - old_start),
            range(new_start, new_end - new_start)
        );
        for op in &hunk {
            if let DiffOp::Equal { .. } = op {
                for text in &old[op.old_range()] {
                    line(&mut out, ' ', text);
                }
                continue;
            }
            // A replacement, a removal or an addition: removed lines first.
            for text in &old[op.old_range()] {
                line(&mut out, '-', text);
            }
            for text in &new[op.new_range()] {
                line(&mut out, '+', text);
            }
        }
    }
    out
}

/// `start,count` of a hunk, with lines counted from 1 (and the line before
/// the hunk for an empty one, as `diff -u` does).
fn range(start: usize, count: usize) -> String {
    let first = if count == 0 { start } else { start + 1 };
    format!("{first},{count}")
}

/// Writes one line of a hunk, making the invisible visible: a carriage
/// return before the line break as `\r`, a missing final line break with
/// the usual marker.
fn line(out: &mut String, sign: char, text: &str) {
    out.push(sign);
    let (text, ended) = match text.strip_suffix('\n') {
        Some(text) => (text, true),
        None => (text, false),
    };
    match text.strip_suffix('\r') {
        Some(text) => {
            out.push_str(text);
            out.push_str("\\r");
        }
        None => out.push_str(text),
    }
    out.push('\n');
    if !ended {
        out.push_str("\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One line per item.
    fn lines<T: core::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
        items.into_iter().fold(String::new(), |mut text, item| {
            let _ = writeln!(text, "{item}");
            text
        })
    }

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a\nb\n", "a\nb\n", "old", "new"), "");
        assert_eq!(unified("", "", "old", "new"), "");
    }

    #[test]
    fn changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        assert_eq!(
            unified(old, new, "old", "new"),
            "--- old\n+++ new\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n",
        );
    }

    #[test]
    fn distant_changes_make_two_hunks() {
        let old = lines(1..=20);
        let new = lines((1..=20).filter(|&n| n != 19).map(|n| {
            if n == 2 {
                "two".to_owned()
            } else {
                n.to_string()
            }
        }));
        assert_eq!(
            unified(&old, &new, "a", "b"),
            "--- a\n+++ b\n\
             @@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n\
             @@ -16,5 +16,4 @@\n 16\n 17\n 18\n-19\n 20\n",
        );
    }

    #[test]
    fn insertion_into_empty_and_missing_newline() {
        assert_eq!(
            unified("", "a\nb", "a", "b"),
            "--- a\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n\\ No newline at end of file\n",
        );
        assert_eq!(
            unified("a\r\n", "a\n", "a", "b"),
            "--- a\n+++ b\n@@ -1,1 +1,1 @@\n-a\\r\n+a\n",
        );
    }

    #[test]
    fn lcs_keeps_moved_and_repeated_lines() {
        let diff = unified("x\na\nb\nc\n", "a\nb\nx\nc\n", "a", "b");
        assert_eq!(diff, "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-x\n a\n b\n+x\n c\n");
    }

    /// `old` with the hunks of `diff` applied, checking each kept and
    /// removed line; for texts whose lines all end in a line break and hold
    /// no carriage return.
    fn patch(old: &str, diff: &str) -> String {
        let old: Vec<&str> = old.lines().collect();
        let mut new = String::new();
        let mut at = 0;
        let mut lines = diff.lines();
        assert!(lines.next().unwrap().starts_with("--- "));
        assert!(lines.next().unwrap().starts_with("+++ "));
        for line in lines {
            if let Some(header) = line.strip_prefix("@@ -") {
                let range = header.split(' ').next().unwrap();
                let (first, count) = range.split_once(',').unwrap();
                let (first, count): (usize, usize) =
                    (first.parse().unwrap(), count.parse().unwrap());
                let start = if count == 0 { first } else { first - 1 };
                assert!(start >= at, "hunks overlap or go backwards");
                for kept in &old[at..start] {
                    let _ = writeln!(new, "{kept}");
                }
                at = start;
                continue;
            }
            let (sign, text) = line.split_at(1);
            match sign {
                " " | "-" => {
                    assert_eq!(old[at], text);
                    at += 1;
                    if sign == " " {
                        let _ = writeln!(new, "{text}");
                    }
                }
                "+" => {
                    let _ = writeln!(new, "{text}");
                }
                _ => panic!("unexpected line {line:?}"),
            }
        }
        for kept in &old[at..] {
            let _ = writeln!(new, "{kept}");
        }
        new
    }

    #[test]
    fn large_texts_with_few_changes_have_small_hunks() {
        let old = lines(0..20_000);
        let new = lines((0..20_000).map(|n| if n % 1000 == 500 { n + 100_000 } else { n }));
        let diff = unified(&old, &new, "a", "b");
        let headers: Vec<&str> = diff.lines().filter(|line| line.starts_with("@@")).collect();
        assert_eq!(headers.len(), 20);
        assert_eq!(headers[0], "@@ -498,7 +498,7 @@");
        assert_eq!(headers[19], "@@ -19498,7 +19498,7 @@");
        assert_eq!(patch(&old, &diff), new);
    }

    #[test]
    fn wholly_rewritten_large_texts_still_have_a_correct_diff() {
        // Every line moves: the search for a shortest script is cut short
        // by the deadline (in an unoptimized build), and the diff it falls
        // back on is longer but still turns `old` into `new`.
        let old = lines(0..3000);
        let new = lines((0..3000).map(|n| n * 7));
        let diff = unified(&old, &new, "a", "b");
        assert!(diff.starts_with("--- a\n+++ b\n@@ -1,3000 +1,3000 @@\n 0\n-1\n-2\n"));
        assert_eq!(patch(&old, &diff), new);
        let old = lines(0..3000);
        let new = lines(3000..6000);
        let diff = unified(&old, &new, "a", "b");
        assert!(diff.starts_with("--- a\n+++ b\n@@ -1,3000 +1,3000 @@\n-0\n"));
        assert_eq!(patch(&old, &diff), new);
    }

    #[test]
    fn small_diffs_patch_back() {
        for (old, new) in [
            ("a\nb\nc\n", "c\nb\na\n"),
            ("", "x\n"),
            ("x\n", ""),
            ("a\nb\na\nb\n", "b\na\nb\na\n"),
            ("1\n2\n3\n4\n5\n6\n7\n8\n", "0\n2\n3\n4\n5\n6\n7\n9\n"),
        ] {
            let diff = unified(old, new, "a", "b");
            assert_eq!(patch(old, &diff), new, "{diff}");
        }
    }
}
