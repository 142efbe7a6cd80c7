//! YAML reading shared by the brief and the bank: input budgets, and parser errors turned into one
//! message with the position, what was expected and a hint (nearest key for a misspelled one).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Pos};

/// How deep YAML may nest (a brief needs four or five levels; a bank file three).
pub const MAX_DEPTH: usize = 24;

/// Separates a message from its hint in the errors our own deserializers raise (`explain` splits
/// them again).
pub(crate) const HINT: &str = " ‖ ";

/// Parses YAML text into `T` with budgets that refuse deep nesting and alias bombs.
pub fn from_str<T: DeserializeOwned>(text: &str, path: &Path) -> crate::error::Result<T> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            max_events: 2_000_000,
            max_aliases: 100,
        },
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|e| error(path, &e))
}

/// Turns a serde-saphyr error into one message: position, what went wrong, and a hint.
pub fn error(path: &Path, e: &serde_saphyr::Error) -> Error {
    let pos = e.location().map(|l| Pos { line: l.line() as usize, col: l.column() as usize });
    let plain = e.without_snippet().to_string();
    let raw = first_line(&plain);
    let at_root = pos.is_none_or(|p| p.line <= 1 && p.col <= 1);
    let (message, hint) = explain(&raw, at_root);
    let mut err = Error::input(path, pos.filter(|p| p.line > 0), message);
    if let Some(hint) = hint {
        err = err.with_hint(hint);
    }
    err
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    // serde-saphyr appends " at line L column C"; we print the position ourselves.
    match line.find(" at line ") {
        Some(i) => line.get(..i).unwrap_or(line).to_owned(),
        None => line.to_owned(),
    }
}

/// The text between the first pair of backticks after `prefix`.
fn quoted<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message.strip_prefix(prefix).map(|rest| rest.split('`').next().unwrap_or(""))
}

/// The names after "expected one of " (or "expected "), without backticks.
fn choices(message: &str) -> Vec<&str> {
    message
        .split("expected one of ")
        .nth(1)
        .or_else(|| message.split("expected ").nth(1))
        .map(|list| list.split(", ").map(|k| k.trim_matches(|c| c == '`' || c == ' ')).filter(|k| !k.is_empty()).collect())
        .unwrap_or_default()
}

/// The nearest of `known` to `bad`, when it is near enough to be a slip.
fn nearest<'a>(bad: &str, known: &[&'a str]) -> Option<&'a str> {
    let (d, k) = known.iter().map(|k| (strsim::damerau_levenshtein(bad, k), *k)).min()?;
    (d <= 3 || k.contains(bad) || bad.contains(k)).then_some(k)
}

/// The message a writer reads, and a hint, for a parser or serde message.
fn explain(raw: &str, at_root: bool) -> (String, Option<String>) {
    if let Some((message, hint)) = raw.split_once(HINT) {
        return (message.to_owned(), Some(hint.to_owned()));
    }
    if let Some(bad) = quoted(raw, "unknown field `") {
        let known = choices(raw);
        let hint = match nearest(bad, &known) {
            Some(k) => format!("did you mean `{k}`? keys here: {}", known.join(", ")),
            None => format!("keys allowed here: {}", known.join(", ")),
        };
        return (format!("unknown key `{bad}`"), Some(hint));
    }
    if let Some(bad) = quoted(raw, "unknown variant `") {
        let known = choices(raw);
        let hint = match nearest(bad, &known) {
            Some(k) => format!("did you mean `{k}`?"),
            None => "write one of the values listed".to_owned(),
        };
        return (format!("`{bad}` is not allowed here; expected one of {}", known.join(", ")), Some(hint));
    }
    if let Some(rest) = raw.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or("").trim();
        return (
            format!("the key `{key}` appears twice"),
            Some("each key may appear once in a mapping; keep one of the two".into()),
        );
    }
    if let Some(field) = quoted(raw, "missing field `") {
        return (
            format!("the required key `{field}` is missing"),
            Some("add this key; `speechgen init` writes a complete example brief".into()),
        );
    }
    if raw.starts_with("expected mapping start") || raw.contains("expected a map") || raw.contains("expected struct") {
        let hint = if at_root {
            "a brief is a set of `key: value` lines, starting with `meeting:`; `speechgen init brief.yaml` writes an example"
        } else {
            "this key takes keys of its own on the following lines, indented (e.g. `  name: …`)"
        };
        return ("expected a mapping of `key: value` lines here".into(), Some(hint.into()));
    }
    if raw.starts_with("expected string scalar") || raw.starts_with("expected scalar") {
        return (
            "expected text here, found a list or a mapping".into(),
            Some("write the value after `key: ` on the same line; only the keys that take lists take - items or [ ]".into()),
        );
    }
    if raw.starts_with("expected sequence start") || raw.contains("expected a sequence") {
        return (
            "expected a list here".into(),
            Some("write the items on the following lines, each starting with `- `, or as [甲, 乙]".into()),
        );
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "another kind of value"));
        return (
            format!("expected {expected}, found {found}"),
            Some("check the indentation and whether a list (- item) or a single value is expected".into()),
        );
    }
    if let Some(kind) = raw.strip_prefix("invalid ").filter(|k| matches!(*k, "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64")) {
        let range = match kind {
            "u8" => " from 0 to 255",
            "u16" => " from 0 to 65535",
            "u32" => " from 0 to 4294967295",
            _ => "",
        };
        return (
            format!("expected a whole number{range}"),
            Some("write digits only, without units or quotes (e.g. length: 3000)".into()),
        );
    }
    if raw.starts_with("invalid f64") || raw.starts_with("invalid f32") {
        return ("expected a number".into(), Some("write digits only, e.g. weight: 1.5".into()));
    }
    if raw.contains("null into") || raw.starts_with("invalid type: null") {
        return (
            "this value is empty; expected text".into(),
            Some("write the value after the colon (【待补】 marks one you do not know yet), or remove an optional key".into()),
        );
    }
    if raw.contains("Depth") || raw.contains("recursion limit") {
        return (
            format!("the YAML is nested more than {MAX_DEPTH} levels deep"),
            Some("a brief needs only a few levels (review → achievements → facts); check for stray [ or {".into()),
        );
    }
    if raw.starts_with("budget breached") {
        return (
            "the YAML is too large or repeats aliases (&name / *name) too often".into(),
            Some("write the values out; a brief or bank file needs no aliases".into()),
        );
    }
    if raw.contains("did not match any variant") {
        return (
            "expected a sentence, or a mapping with `title:` and its list".into(),
            Some("write a plain sentence, or a mapping with title: and its list (facts: or points:)".into()),
        );
    }
    if raw.contains("end of input") || raw.contains("end of stream") {
        return (
            "the file ends in the middle of a value".into(),
            Some("close every [ { and quotation mark that was opened".into()),
        );
    }
    if raw.contains("multiple") && raw.contains("document") || raw.contains("more than one") {
        return (
            "the file holds more than one YAML document".into(),
            Some("remove the `---` lines; one file holds one brief".into()),
        );
    }
    if raw.is_empty() {
        return ("this is not valid YAML".into(), Some(generic_hint()));
    }
    (format!("this is not valid YAML: {raw}"), Some(generic_hint()))
}

fn generic_hint() -> String {
    "indent with spaces (not tabs), put a space after every `key:`, and quote a value that starts with [ { * & ! | > ' \" % @ or `".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(yaml: &str, message: &str, hint: &str) {
        let r: crate::error::Result<crate::brief::Brief> = from_str(yaml, Path::new("b.yaml"));
        let e = r.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains(message) && e.contains(hint), "{:?} gave:\n{e}", yaml.chars().take(200).collect::<String>());
    }

    #[test]
    fn messages_say_what_was_expected() {
        check("就是一段话\n", "b.yaml:1:1: expected a mapping", "starting with `meeting:`");
        check("meeting: 会议\n", "expected a mapping", "keys of its own");
        check("meeting:\n  name: 会\n  topic: 教育\noptions:\n  length: 三千\n", ":5:11: expected a whole number", "digits only");
        check("meeting:\n  name: ~\n", ":2:9: this value is empty", "【待补】");
        check("options:\n  layout: standrad\n", "`standrad` is not allowed here", "did you mean `standard`?");
        let deep = |n: usize| format!("review:\n  achievements:\n    - title: 甲\n      facts: {}{}\n", "[".repeat(n), "]".repeat(n));
        // Deep nesting stops at the first level that is not allowed, long before any budget.
        check(&deep(40), ":4:15: expected text here, found a list", "hint");
        check(&deep(100_000), "nested more than 24 levels", "stray");
        check("meeting:\n\tname: 会\n", "b.yaml:2:", "hint: ");
        check("meeting:\n  name: \"\"\n", ":2:9: this value is empty", "【待补】");
        check("tasks:\n  - title: 甲\n    point: [乙]\n", ":3:5: unknown key `point`", "did you mean `points`?");
        check("tasks:\n  - \"  \"\n", ":2:5: this value is empty", "hint");
        check("tasks: []\n", ":1:8: this list is empty", "at least one item");
        check("options:\n  length: 50\n", ":2:11: a target length of 50 characters is out of range", "from 800 to 20000");
    }
}
