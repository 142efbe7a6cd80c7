//! Rules on the text itself, with or without a brief: placeholders, web debris, Traditional
//! characters, half-width punctuation, repeated sentences and long paragraphs.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::doc::{Doc, Speech};
use super::{Finding, Findings};
use crate::zh::is_han;

/// A paragraph longer than this (characters) gets a warning.
pub const LONG_PARAGRAPH: usize = 400;
/// A repeated sentence of at least this many characters is an error.
pub const REPEAT_MIN: usize = 10;

fn is_chinese(c: char) -> bool {
    is_han(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

fn mark_like(c: char) -> bool {
    matches!(c, 'x' | 'X' | '×' | 'ｘ' | 'Ｘ')
}

/// Placeholders: XX, xx, ×, ×××, 20xx, xxxx年, 某某, __, {{ }}, 【待补】, empty “” 【】 （）, 下降%.
/// `braces_from_brief`: the brief itself holds `{{`, which the draft prints as data.
pub fn placeholders(doc: &Doc, i: usize, braces_from_brief: bool, out: &mut Findings) {
    let Some(line) = doc.line(i) else { return };
    let body = line.body();
    if !body.chars().any(|c| matches!(c, 'x' | 'X' | '×' | 'ｘ' | 'Ｘ' | '某' | '_' | '＿' | '【' | '“' | '（' | '{' | '%')) {
        return;
    }
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|p| p.1);
    let mut k = 0;
    while let Some(&(off, c)) = chars.get(k) {
        let prev = k.checked_sub(1).and_then(at);
        let mut found: Option<(&str, usize)> = None; // (what, chars it covers)
        if mark_like(c) {
            let run = chars.iter().skip(k).take_while(|p| mark_like(p.1)).count();
            let next = at(k + run);
            let ascii_word = prev.is_some_and(|p| p.is_ascii_alphabetic()) || next.is_some_and(|n| n.is_ascii_alphabetic());
            let hit = if run >= 2 {
                !ascii_word
            } else if c == '×' {
                let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == ' ');
                !(alnum(prev) && alnum(next))
            } else {
                !ascii_word
                    && !next.is_some_and(|n| n.is_ascii_digit() || n == '光' || n == '射')
                    && (prev.is_some_and(|p| is_chinese(p) || p.is_ascii_digit()) || next.is_some_and(is_han))
                    && (prev.is_some() || next.is_some_and(is_han))
            };
            if hit {
                found = Some(("a placeholder", run));
            }
            k += run.max(1) - 1;
        } else {
            let rest = body.get(off..).unwrap_or("");
            let pairs: [(&str, &str); 8] = [
                ("某某", "a placeholder name"),
                ("__", "a blank to fill in"),
                ("＿＿", "a blank to fill in"),
                ("【待", "a note that something is still to be filled in"),
                ("【】", "empty brackets: a word was deleted"),
                ("“”", "empty quotation marks: a word was deleted"),
                ("（）", "empty brackets: a word was deleted"),
                ("{{", "an unrendered template slot"),
            ];
            for (pat, what) in pairs {
                if rest.starts_with(pat) && !(pat == "{{" && braces_from_brief) {
                    found = Some((what, pat.chars().count()));
                    break;
                }
            }
            if found.is_none() && rest.starts_with("{%") && !braces_from_brief {
                found = Some(("an unrendered template tag", 2));
            }
            if found.is_none() && c == '%' && prev.is_some_and(is_han) {
                found = Some(("a percentage without its number", 1));
            }
            if let Some((_, n)) = found {
                // Skip over the rest of a run such as ______ or 某某某.
                let same = chars.iter().skip(k + n).take_while(|p| Some(p.1) == at(k)).count();
                k += n - 1 + same;
            }
        }
        if let Some((what, _)) = found {
            let end = chars.iter().skip(k + 1).position(|p| p.1 == '。' || p.1 == '，').map_or(body.len(), |e| chars.get(k + 1 + e).map_or(body.len(), |p| p.0));
            let token: String = body.get(off..end).unwrap_or("").chars().take(12).collect();
            out.push(Finding::error(doc, i, off, "placeholder", format!("{what}: “{token}”"), "fill in the real word, number or date (a brief value marked 【待补】 is printed as given)"));
        }
        k += 1;
    }
}

static DEBRIS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(DEBRIS_WORDS).ok()
});

const DEBRIS_WORDS: &[&str] = &[
    "一号文库", "范文网", "範文網", "范文網", "相关范文推荐", "页，当前第", "页,当前第", "\u{fffd}", "猜您喜欢", "猜你喜欢",
    "本站热搜", "热门推荐", "熱門標籤", "欢迎大家阅读", "小编", "范文是一种", "讲话稿是一种", "百度文库", "豆丁网", "道客巴巴",
    "http://", "https://", "www.", "免费下载", "版权所有", "转载请注明", "原文地址", "点击下载", "下载文档",
];

/// Lines of debris: 来源/作者 lines, 第N篇 compilation marks, page counters, compilation titles.
static DEBRIS_LINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:来源|來源|作者|上一篇|下一篇|第[一二三四五六七八九十]+篇)[:：]|时间[:：]\s*\d|\d{1,3}$|\d{1,3}/\d{1,3}$|.{2,60}[（(](?:实用|案例|精选)?\d+篇[）)]$)").ok()
});

/// The first characters a DEBRIS_LINE match can start with.
fn may_be_debris_line(body: &str) -> bool {
    body.len() <= 200 || body.starts_with(['来', '來', '作', '上', '下', '第', '时'])
}

/// Web-page debris: site names, 来源/作者 lines, page counters, U+FFFD.
pub fn debris(doc: &Doc, i: usize, out: &mut Findings) {
    let Some(line) = doc.line(i) else { return };
    let body = line.body();
    let hint = "delete the web-page debris the text was copied with";
    if let Some(m) = DEBRIS_LINE.as_ref().filter(|_| may_be_debris_line(body)).and_then(|r| r.find(body)) {
        let token: String = body.chars().take(16).collect();
        out.push(Finding::error(doc, i, m.start(), "debris", format!("web-page debris: “{token}”"), hint));
        return;
    }
    if let Some(m) = DEBRIS.as_ref().and_then(|ac| ac.find(body)) {
        let what = body.get(m.start()..m.end()).unwrap_or("");
        let what = if what == "\u{fffd}" { "U+FFFD (a character lost in decoding)" } else { what };
        out.push(Finding::error(doc, i, m.start(), "debris", format!("web-page debris: “{what}”"), hint));
    }
}

/// Traditional characters, one finding per line.
pub fn traditional(doc: &Doc, i: usize, out: &mut Findings) {
    let Some(line) = doc.line(i) else { return };
    let body = line.body();
    let mut first = None;
    let mut seen: Vec<char> = Vec::new();
    for (off, c) in body.char_indices() {
        if (c as u32) >= 0x3400 && crate::script::is_traditional(c) {
            first.get_or_insert(off);
            if !seen.contains(&c) {
                seen.push(c);
            }
        }
    }
    if let Some(off) = first {
        let list: Vec<String> = seen.iter().take(6).map(|&c| match crate::script::simplified(c) {
            Some(s) => format!("{c}→{s}"),
            None => c.to_string(),
        }).collect();
        let more = if seen.len() > 6 { " …" } else { "" };
        out.push(Finding::error(doc, i, off, "traditional", format!("Traditional characters in a Simplified draft: {}{more}", list.join(" ")), "write the Simplified forms (OpenCC t2s converts a whole file)"));
    }
}

/// Half-width , : ; ( ) ! ? . touching Chinese text, one finding per line.
pub fn half_width(doc: &Doc, i: usize, out: &mut Findings) {
    let Some(line) = doc.line(i) else { return };
    let body = line.body();
    if !body.bytes().any(|b| matches!(b, b',' | b':' | b';' | b'(' | b')' | b'!' | b'?' | b'.')) || body.contains("://") {
        return;
    }
    // The drafter's own normaliser decides: what it would change is half-width in Chinese text.
    let fixed = crate::zh::full_width(body);
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut hits = Vec::new();
    for (k, (&(off, c), f)) in chars.iter().zip(fixed.chars()).enumerate() {
        let dot = c == '.' && {
            let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
            let next = chars.get(k + 1).map(|p| p.1);
            prev.is_some_and(is_han) && next.is_none_or(|n| is_han(n) || n.is_whitespace())
        };
        if c != f || dot {
            hits.push((off, c));
        }
    }
    if let Some(&(off, c)) = hits.first() {
        let more = if hits.len() > 1 { format!(" (and {} more on this line)", hits.len() - 1) } else { String::new() };
        let full = match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            '!' => '！',
            '?' => '？',
            _ => '。',
        };
        out.push(Finding::error(doc, i, off, "half-width", format!("half-width “{c}” in Chinese text{more}"), format!("write the full-width “{full}”")));
    }
}

/// A paragraph over LONG_PARAGRAPH characters.
pub fn long_paragraph(doc: &Doc, i: usize, out: &mut Findings) {
    let Some(line) = doc.line(i) else { return };
    let n = crate::zh::count_chars(line.body());
    if n > LONG_PARAGRAPH {
        out.push(Finding::warning(doc, i, 0, "long-paragraph", format!("the paragraph has {n} characters (more than {LONG_PARAGRAPH})"), "split it where the thought turns; a listener loses a paragraph this long"));
    }
}

/// The same sentence of REPEAT_MIN or more characters twice in one speech. `from_brief` tells a
/// sentence the brief itself repeats (a target that is also a task point).
pub fn repeated(doc: &Doc, sp: &Speech, from_brief: &dyn Fn(&str) -> bool, out: &mut Findings) {
    let mut seen: HashMap<Cow<str>, usize> = HashMap::new();
    for i in doc.body(sp) {
        let Some(line) = doc.line(i) else { continue };
        let body = line.body();
        let mut start = 0;
        for (off, c) in body.char_indices().chain(std::iter::once((body.len(), '。'))) {
            if !matches!(c, '。' | '！' | '？' | '!' | '?') {
                continue;
            }
            let s = body.get(start..off).unwrap_or("");
            let from = start;
            start = off + c.len_utf8();
            let t = s.trim_matches(super::doc::is_space);
            let key: Cow<str> = if t.contains(super::doc::is_space) { Cow::Owned(t.chars().filter(|c| !super::doc::is_space(*c)).collect()) } else { Cow::Borrowed(t) };
            if key.chars().filter(|&c| super::facts::is_word_char(c)).take(REPEAT_MIN).count() < REPEAT_MIN {
                continue;
            }
            let lead = s.len() - s.trim_start_matches(super::doc::is_space).len();
            match seen.get(&key) {
                Some(&first) if !from_brief(&key) => {
                    let first_no = doc.line(first).map_or(0, |l| l.no);
                    let shown: String = key.chars().take(20).collect();
                    out.push(Finding::error(doc, i, from + lead, "repeated-sentence", format!("this sentence already stands on line {first_no}: “{shown}…”"), "delete one of them or say it another way"));
                }
                Some(_) => {}
                None => {
                    seen.insert(key, i);
                }
            }
        }
    }
}
