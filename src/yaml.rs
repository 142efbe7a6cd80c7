//! YAML reading shared by the brief and the bank: input budgets, and parser errors turned into one
//! message with the position, what went wrong and a hint (nearest key for a misspelled one).

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::{Error, Pos};

/// Parses YAML text into `T` with budgets that refuse deep nesting and alias bombs.
pub fn from_str<T: DeserializeOwned>(text: &str, path: &Path) -> crate::error::Result<T> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: 24,
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
    let hint = hint_for(&raw);
    let message = if let Some(rest) = raw.strip_prefix("unknown field `") {
        format!("unknown key `{}`", rest.split('`').next().unwrap_or(""))
    } else if let Some(rest) = raw.strip_prefix("duplicate mapping key: ") {
        format!("the key `{}` appears twice", rest.split(',').next().unwrap_or("").trim())
    } else {
        raw
    };
    let mut err = Error::input(path, pos, message);
    if let Some(hint) = hint {
        err = err.with_hint(hint);
    }
    err
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    // serde-saphyr appends " at line L column C"; we print the position ourselves.
    match line.find(" at line ") {
        Some(i) => line[..i].to_owned(),
        None => line.to_owned(),
    }
}

/// Hints for the common mistakes: a misspelled key, a missing field, a wrong type.
fn hint_for(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let bad = rest.split('`').next().unwrap_or("");
        let known: Vec<&str> = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .map(|list| list.split(", ").map(|k| k.trim_matches(|c| c == '`' || c == ' ')).collect())
            .unwrap_or_default();
        let best = known
            .iter()
            .map(|k| (strsim::damerau_levenshtein(bad, k), *k))
            .min();
        return Some(match best {
            Some((d, k)) if d <= 3 || k.contains(bad) || bad.contains(k) => {
                format!("did you mean `{k}`? keys here: {}", known.join(", "))
            }
            _ => format!("keys allowed here: {}", known.join(", ")),
        });
    }
    if message.starts_with("duplicate mapping key") {
        return Some("each key may appear once in a mapping; keep one of the two".into());
    }
    if message.starts_with("missing field `") {
        return Some("add this field; `speechgen init` writes a complete example brief".into());
    }
    if message.contains("invalid type") {
        return Some("check the indentation and whether a list (- item) or a single value is expected".into());
    }
    if message.contains("did not match any variant") {
        return Some("write a plain sentence, or a mapping with title: and its list (facts: or points:)".into());
    }
    None
}
