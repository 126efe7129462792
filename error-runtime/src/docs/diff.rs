//! A line diff of two texts, printed in the unified format with three lines
//! of context.
//!
//! The edit script is a longest common subsequence of the lines between the
//! common prefix and suffix. That table is quadratic, so past `MAX_CELLS`
//! the differing middle is shown as removed and added whole: still a correct
//! diff, only a longer one.

use core::fmt::Write as _;

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// The largest LCS table built (16 MiB of `u32`).
const MAX_CELLS: usize = 1 << 22;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Keep,
    Remove,
    Add,
}

/// The unified diff from `old` to `new`, under `--- old_label` and
/// `+++ new_label`; empty when the texts are equal.
pub(super) fn unified(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    let old: Vec<&str> = old.split_inclusive('\n').collect();
    let new: Vec<&str> = new.split_inclusive('\n').collect();
    let ops = script(&old, &new);
    let mut out = String::new();
    if ops.iter().all(|&op| op == Op::Keep) {
        return out;
    }
    let _ = writeln!(out, "--- {old_label}\n+++ {new_label}");
    // Position in `old` and in `new` before each op.
    let mut positions = Vec::with_capacity(ops.len() + 1);
    let (mut at_old, mut at_new) = (0, 0);
    for &op in &ops {
        positions.push((at_old, at_new));
        at_old += usize::from(op != Op::Add);
        at_new += usize::from(op != Op::Remove);
    }
    positions.push((at_old, at_new));
    for (start, end) in hunks(&ops) {
        let (old_start, new_start) = positions[start];
        let (old_end, new_end) = positions[end];
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            range(old_start, old_end - old_start),
            range(new_start, new_end - new_start)
        );
        let (mut i, mut j) = (old_start, new_start);
        for &op in &ops[start..end] {
            let (sign, text) = match op {
                Op::Keep => (' ', old[i]),
                Op::Remove => ('-', old[i]),
                Op::Add => ('+', new[j]),
            };
            i += usize::from(op != Op::Add);
            j += usize::from(op != Op::Remove);
            line(&mut out, sign, text);
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

/// The ranges of `ops` to print: each change with `CONTEXT` lines around
/// it, overlapping ranges joined.
fn hunks(ops: &[Op]) -> Vec<(usize, usize)> {
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for (at, &op) in ops.iter().enumerate() {
        if op == Op::Keep {
            continue;
        }
        let start = at.saturating_sub(CONTEXT);
        let end = (at + 1 + CONTEXT).min(ops.len());
        match hunks.last_mut() {
            Some(last) if start <= last.1 => last.1 = end,
            _ => hunks.push((start, end)),
        }
    }
    hunks
}

/// The edit script from `old` to `new`, removals before additions.
fn script(old: &[&str], new: &[&str]) -> Vec<Op> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let mut ops = vec![Op::Keep; prefix];
    middle(
        &old_rest[..old_rest.len() - suffix],
        &new_rest[..new_rest.len() - suffix],
        &mut ops,
    );
    ops.resize(ops.len() + suffix, Op::Keep);
    ops
}

/// Appends the edit script of `old` to `new` through a longest common
/// subsequence table.
fn middle(old: &[&str], new: &[&str], ops: &mut Vec<Op>) {
    let (n, m) = (old.len(), new.len());
    if n.saturating_mul(m) > MAX_CELLS {
        ops.resize(ops.len() + n, Op::Remove);
        ops.resize(ops.len() + m, Op::Add);
        return;
    }
    // lcs[i * width + j]: the length of the LCS of old[i..] and new[j..].
    let width = m + 1;
    let mut lcs = vec![0_u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if old[i] == new[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old[i] == new[j] {
            ops.push(Op::Keep);
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
            ops.push(Op::Remove);
            i += 1;
        } else {
            ops.push(Op::Add);
            j += 1;
        }
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

    #[test]
    fn huge_middle_is_replaced_whole() {
        let old = lines(0..3000);
        let new = lines((0..3000).map(|n| n * 7));
        let diff = unified(&old, &new, "a", "b");
        assert!(diff.starts_with("--- a\n+++ b\n@@ -1,3000 +1,3000 @@\n 0\n-1\n-2\n"));
        assert_eq!(
            diff.lines().filter(|line| line.starts_with('-')).count(),
            2999 + 1
        );
    }
}
