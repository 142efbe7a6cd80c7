//! `speechgen bank lint`: what makes an entry unusable or unfit for a speech (SPEC §4).

use std::collections::BTreeMap;

use serde::Serialize;

use super::entry::{slot_paths, Entry};
use super::topics::TopicTable;
use crate::slots::KNOWN;

#[derive(Debug, Clone, Serialize)]
pub struct LintFinding {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub code: &'static str,
    pub message: String,
}

impl std::fmt::Display for LintFinding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}: error[{}]: {}", self.file, self.line, self.col, self.code, self.message)
    }
}

const PLACEHOLDERS: &[&str] = &["XX", "xx", "××", "×", "某某", "20xx", "20XX", "xxxx", "__", "【待补】", "＊＊", "**"];

/// Lints entries (all layers given) against the topic table; findings in entry order.
pub fn lint(entries: &[Entry], topics: &TopicTable) -> Vec<LintFinding> {
    let mut out = Vec::new();
    let mut ids: BTreeMap<&str, &Entry> = BTreeMap::new();
    let mut texts: BTreeMap<&str, &Entry> = BTreeMap::new();
    let mut tera = tera::Tera::new();
    for e in entries {
        let mut push = |code: &'static str, message: String| {
            out.push(LintFinding { file: e.origin.file.clone(), line: e.origin.line, col: e.origin.col, code, message });
        };
        if let Some(first) = ids.insert(&e.id, e) {
            push("duplicate-id", format!("id {} is also used at {}:{}", e.id, first.origin.file, first.origin.line));
        }
        if let Some(first) = texts.insert(e.text.trim(), e) {
            push("duplicate-text", format!("{} has the same text as {}", e.id, first.id));
        }
        if !e.section.roles().contains(&e.role.as_str()) {
            push("unknown-role", format!("{}: role `{}` is not one of {} ({})", e.id, e.role, e.section.roles().join(", "), e.section));
        }
        if let Err(err) = tera.add_raw_template(&e.id, &e.text) {
            let what = match err.kind() {
                tera::ErrorKind::SyntaxError(r) => format!("{} (character {} of the text)", r.message(), r.span().start_col + 1),
                _ => super::one_line_error(&err),
            };
            push("template", format!("{}: {what}", e.id));
        }
        if let Some(m) = e.months.iter().find(|m| !(1..=12).contains(*m)) {
            push("months", format!("{}: month {m} does not exist; months are 1 to 12", e.id));
        }
        let (need, opt) = slot_paths(&e.text);
        for slot in need.iter().chain(&opt) {
            if !KNOWN.contains(&slot.as_str()) {
                push("unknown-slot", format!("{}: `{slot}` is not a slot; slots: {}", e.id, KNOWN.join(" ")));
            }
        }
        let plain = strip_tera(&e.text);
        for p in PLACEHOLDERS {
            if plain.contains(p) {
                push("placeholder", format!("{}: holds the placeholder {p}; use a named slot", e.id));
                break;
            }
        }
        if plain.chars().any(|c| c.is_ascii_digit()) {
            push("number", format!("{}: holds a number; numbers come only from the brief", e.id));
        }
        if let Some(c) = plain.chars().find(|&c| crate::script::is_traditional(c)) {
            push("traditional", format!("{}: Traditional character {c}", e.id));
        }
        if let Some(c) = half_width_in_chinese(&plain) {
            push("half-width", format!("{}: half-width {c} in Chinese text; use the full-width form", e.id));
        }
        if e.is_general() {
            for t in topics.topics() {
                if let Some(w) = t.field_words.iter().find(|w| plain.contains(w.as_str())) {
                    push("off-topic", format!("{}: a general entry uses {w}, a word of {}; tag it topics: [{}]", e.id, t.tag, t.tag));
                }
            }
        }
        for l in e.levels.iter().filter(|l| !super::entry::LEVELS.contains(&l.as_str())) {
            push("unknown-level", format!("{}: level {l} is not one of {}", e.id, super::entry::LEVELS.join(" ")));
        }
        for t in &e.topics {
            if t != super::GENERAL && !topics.is_tag(t) {
                push("unknown-topic", format!("{}: topic {t} is not in topics.yaml", e.id));
            }
        }
    }
    out
}

/// The text with Tera blocks removed, for checks on the literal Chinese.
pub(super) fn strip_tera(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = ["{{", "{%", "{#"].iter().filter_map(|m| rest.find(m).map(|i| (i, *m))).min();
        let Some((i, m)) = next else {
            out.push_str(rest);
            break;
        };
        out.push_str(rest.get(..i).unwrap_or(""));
        let close = match m {
            "{{" => "}}",
            "{%" => "%}",
            _ => "#}",
        };
        let after = rest.get(i..).unwrap_or("");
        match after.find(close) {
            Some(j) => {
                out.push('|');
                rest = after.get(j + close.len()..).unwrap_or("");
            }
            None => break,
        }
    }
    out
}

fn half_width_in_chinese(s: &str) -> Option<char> {
    let chars: Vec<char> = s.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        if !",:;()!?".contains(c) {
            return None;
        }
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).is_some_and(|&p| crate::zh::is_han(p));
        let next = chars.get(i + 1).is_some_and(|&n| crate::zh::is_han(n));
        (prev || next).then_some(c)
    })
}
