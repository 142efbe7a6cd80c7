//! Rules that need the brief: missing facts, numbers not in the brief, a speaker, date or meeting
//! that differs, and the length.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::doc::{parse_date, Doc};
use super::{Finding, Findings};
use crate::brief::{Achievement, Brief};
use crate::section::Section;

/// A brief value that must stand in the draft.
pub struct Fact {
    /// Where it is in the brief (`review.achievements[1].facts[0]`).
    pub path: String,
    pub text: String,
    /// Letters, digits and % only: how facts are compared.
    pub norm: String,
    pub section: Section,
}

/// What the rules need from the brief, computed once.
pub struct BriefCtx {
    pub facts: Vec<Fact>,
    /// The facts and the agenda before the speech (preceded_by), normalised, of 4 characters or
    /// more: a sentence that holds one came from the brief.
    pub values: Vec<String>,
    pub numbers: HashSet<String>,
    /// The brief holds `{{` or `{%`, which the draft prints literally.
    pub braces: bool,
    /// Every string value of the brief, as given.
    pub strings: Vec<String>,
}

/// Letters, digits and % of a text, punctuation and white space dropped.
pub fn normalize(s: &str) -> String {
    s.chars().filter(|&c| is_word_char(c) || c == '%' || c == '％').collect()
}

/// A letter or digit (Han first: the common case, and cheaper than the Unicode tables).
pub fn is_word_char(c: char) -> bool {
    crate::zh::is_han(c) || c.is_ascii_alphanumeric() || !(c.is_ascii() || matches!(c, '\u{2000}'..='\u{303f}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff01}'..='\u{ff0f}' | '\u{ff1a}'..='\u{ff20}')) && c.is_alphanumeric()
}

impl BriefCtx {
    pub fn new(brief: &Brief) -> BriefCtx {
        let mut facts = Vec::new();
        let mut add = |path: String, text: &str, section: Section| {
            let norm = normalize(&crate::zh::clause(text));
            if !norm.is_empty() {
                facts.push(Fact { path, text: crate::zh::clause(text), norm, section });
            }
        };
        if let Some(r) = &brief.review {
            if let Some(s) = &r.summary {
                add("review.summary".into(), s, Section::Review);
            }
            for (i, a) in r.achievements.iter().enumerate() {
                match a {
                    Achievement::Plain(s) => add(format!("review.achievements[{i}]"), s, Section::Review),
                    Achievement::Group(g) => {
                        add(format!("review.achievements[{i}].title"), &g.title, Section::Review);
                        for (j, f) in g.facts.iter().enumerate() {
                            add(format!("review.achievements[{i}].facts[{j}]"), f, Section::Review);
                        }
                    }
                }
            }
        }
        for (i, p) in brief.problems.iter().flatten().enumerate() {
            add(format!("problems[{i}]"), p, Section::Problems);
        }
        for (i, s) in brief.situation.iter().enumerate() {
            add(format!("situation[{i}]"), s, Section::Situation);
        }
        for (i, t) in brief.targets.iter().enumerate() {
            add(format!("targets[{i}]"), t, Section::Tasks);
        }
        for (i, t) in brief.tasks.iter().enumerate() {
            add(format!("tasks[{i}].title"), t.title(), Section::Tasks);
            for (j, p) in t.points().iter().enumerate() {
                add(format!("tasks[{i}].points[{j}]"), p, Section::Tasks);
            }
        }
        if let Some(v) = brief.closing.as_ref().and_then(|c| c.vision.as_ref()) {
            add("closing.vision".into(), v, Section::Closing);
        }
        let mut strings = Vec::new();
        if let Ok(v) = serde_json::to_value(brief) {
            collect_strings(&v, &mut strings);
        }
        let mut numbers = HashSet::new();
        for s in &strings {
            for (_, n) in numbers_in(s) {
                numbers.insert(n);
            }
        }
        let braces = strings.iter().any(|s| s.contains("{{") || s.contains("{%"));
        let values = facts.iter().map(|f| f.norm.clone()).chain(brief.meeting.preceded_by.iter().map(|p| normalize(p))).filter(|s| s.chars().count() >= 4).collect();
        BriefCtx { facts, values, numbers, braces, strings }
    }

    /// True when a sentence (normalised) is part of a brief fact or holds one.
    pub fn holds_brief_text(&self, norm: &str) -> bool {
        !norm.is_empty() && self.values.iter().any(|v| norm.contains(v.as_str()) || v.contains(norm))
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.iter().filter(|(k, _)| k.as_str() != "options").for_each(|(_, x)| collect_strings(x, out)),
        _ => {}
    }
}

/// The Arabic numbers of a text, as (byte offset, canonical form): 1,000 → 1000, 12.50 → 12.5,
/// 03 → 3. Numbers glued to Latin letters (5G, G20, 4A) are names, not quantities.
pub fn numbers_in(s: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let digit = |c: char| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
    let mut k = 0;
    while let Some(&(off, c)) = chars.get(k) {
        if digit(c).is_none() {
            k += 1;
            continue;
        }
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|p| p.1);
        let (mut int, mut frac, mut in_frac) = (String::new(), String::new(), false);
        while let Some(&(_, c)) = chars.get(k) {
            if let Some(d) = digit(c) {
                let d = char::from_digit(d, 10).unwrap_or('0');
                if in_frac { frac.push(d) } else { int.push(d) }
                k += 1;
                continue;
            }
            let next_digits = chars.iter().skip(k + 1).take_while(|p| digit(p.1).is_some()).count();
            match c {
                '.' | '．' if !in_frac && next_digits > 0 => in_frac = true,
                ',' if !in_frac && next_digits == 3 => {}
                _ => break,
            }
            k += 1;
        }
        let next = chars.get(k).map(|p| p.1);
        if prev.is_some_and(|p| p.is_ascii_alphabetic()) || next.is_some_and(|n| n.is_ascii_alphabetic()) {
            continue;
        }
        let int = int.trim_start_matches('0');
        let frac = frac.trim_end_matches('0');
        let int = if int.is_empty() { "0" } else { int };
        out.push((off, if frac.is_empty() { int.to_owned() } else { format!("{int}.{frac}") }));
    }
    out
}

/// Brief facts that the draft does not hold.
pub fn missing_facts(doc: &Doc, ctx: &BriefCtx, out: &mut Findings) {
    let body: Vec<usize> = doc.speeches.iter().flat_map(|sp| doc.body(sp)).collect();
    let norms: Vec<(usize, String)> = body.iter().filter_map(|&i| doc.line(i).map(|l| (i, normalize(l.body())))).collect();
    let all: String = norms.iter().map(|n| n.1.as_str()).collect();
    // One pass over the draft for all facts.
    let mut found = vec![false; ctx.facts.len()];
    match aho_corasick::AhoCorasick::new(ctx.facts.iter().map(|f| f.norm.as_str())) {
        Ok(ac) => ac.find_overlapping_iter(all.as_str()).for_each(|m| found.get_mut(m.pattern().as_usize()).map_or((), |x| *x = true)),
        Err(_) => found.iter_mut().zip(&ctx.facts).for_each(|(x, f)| *x = all.contains(f.norm.as_str())),
    }
    let missing: Vec<usize> = found.iter().enumerate().filter(|(_, f)| !**f).map(|(k, _)| k).collect();
    if missing.is_empty() {
        return;
    }
    // The line each fact stands on (None: missing, or split over lines).
    let at: Vec<Option<usize>> = ctx.facts.iter().map(|f| norms.iter().find(|n| n.1.contains(f.norm.as_str())).map(|n| n.0)).collect();
    for k in missing {
        let Some(f) = ctx.facts.get(k) else { continue };
        let line = locate(doc, &body, &at, k, f);
        out.push(Finding::error(doc, line, 0, "missing-fact", format!("the brief's {} is not in the draft: “{}”", f.path, f.text), "restore the fact as the brief gives it (punctuation may differ), or change the brief"));
    }
}

/// Where a missing fact belongs: the line that shares most of its words (an edited fact); else
/// between the facts printed before and after it; else the start of its section.
fn locate(doc: &Doc, body: &[usize], at: &[Option<usize>], k: usize, f: &Fact) -> usize {
    let range = doc.section_range(f.section);
    let in_range: Vec<usize> = body.iter().copied().filter(|i| range.is_none_or(|(a, b)| (a..b).contains(i))).collect();
    let grams = crate::zh::bigrams(&f.text);
    let mut best = (0, 0);
    for &i in &in_range {
        let Some(l) = doc.line(i) else { continue };
        let score = grams.iter().filter(|g| l.body().contains(g.as_str())).count();
        if score > best.0 {
            best = (score, i);
        }
    }
    let prev = at.get(..k).and_then(|a| a.iter().rev().flatten().next().copied());
    let next = at.get(k + 1..).and_then(|a| a.iter().flatten().next().copied());
    if best.0 * 5 >= grams.len() * 3 && best.0 >= 2 {
        return best.1;
    }
    match (prev, next) {
        (Some(p), Some(q)) if p == q => p,
        _ if best.0 * 5 >= grams.len() * 2 && best.0 >= 2 => best.1,
        (Some(p), _) if in_range.contains(&p) => p,
        (_, Some(q)) => q,
        _ => in_range.first().or(body.first()).copied().unwrap_or(0),
    }
}

/// Arabic numbers in the draft that the brief does not hold.
pub fn unknown_numbers(doc: &Doc, ctx: &BriefCtx, out: &mut Findings) {
    for sp in &doc.speeches {
        for i in (sp.start..sp.end).filter(|i| doc.line(*i).is_some_and(|l| !l.is_blank())) {
            let Some(line) = doc.line(i) else { continue };
            let body = line.body();
            if !body.bytes().any(|b| b.is_ascii_digit()) && !body.contains(|c: char| ('０'..='９').contains(&c)) {
                continue;
            }
            let skip = match super::numbering::marker(body) {
                Some((super::numbering::Kind::Arabic | super::numbering::Kind::ParenArabic, _, len)) => len,
                _ => 0,
            };
            for (off, n) in numbers_in(body) {
                if off >= skip && !ctx.numbers.contains(&n) {
                    out.push(Finding::error(doc, i, off, "unknown-number", format!("the number {n} is not in the brief"), "every number in a speech must come from the brief: correct it, or add the fact to the brief"));
                }
            }
        }
    }
}

static MEETING: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"在(.{2,80}?)上的(?:总结|主持|动员|工作)?(?:讲话|发言|致辞|报告|主持词)").ok());

/// The speaker line, date line and title against the brief.
pub fn header(doc: &Doc, brief: &Brief, out: &mut Findings) {
    for sp in &doc.speeches {
        let h = sp.header;
        if let Some(l) = h.speaker.and_then(|i| doc.line(i).map(|l| (i, l))) {
            let got = normalize(l.1.body());
            let title = normalize(&brief.speaker.title);
            let name = brief.speaker.name.as_deref().map(normalize).unwrap_or_default();
            if !got.contains(&title) || !got.contains(&name) {
                let want = [brief.speaker.title.as_str(), brief.speaker.name.as_deref().unwrap_or("")].join("　");
                out.push(Finding::error(doc, l.0, 0, "speaker-mismatch", format!("the speaker line “{}” differs from the brief's speaker", l.1.body()), format!("write “{}”", want.trim_end_matches('　'))));
            }
        }
        if let (Some(i), Some(d)) = (h.date, brief.meeting.date) {
            let got = doc.line(i).and_then(|l| parse_date(l.body()));
            if got.is_some_and(|g| g != (u32::from(d.year), u32::from(d.month), u32::from(d.day))) {
                out.push(Finding::error(doc, i, 0, "date-mismatch", "the date differs from the brief's meeting.date", format!("write （{}）", d.chinese())));
            }
        }
        for i in [h.title, h.subtitle].into_iter().flatten() {
            let Some(l) = doc.line(i) else { continue };
            let Some(c) = MEETING.as_ref().and_then(|r| r.captures(l.body())).and_then(|c| c.get(1)) else { continue };
            if normalize(c.as_str()) != normalize(&brief.meeting.name) {
                out.push(Finding::error(doc, i, c.start(), "meeting-mismatch", format!("the title names “{}”; the brief's meeting is “{}”", c.as_str(), brief.meeting.name), format!("write 在{}上的讲话", brief.meeting.name)));
            }
        }
    }
}

/// A draft more than 10% off its target length (a warning).
pub fn length(doc: &Doc, target: usize, out: &mut Findings) {
    let n: usize = doc.speeches.iter().flat_map(|sp| doc.body(sp)).filter_map(|i| doc.line(i)).map(|l| crate::zh::count_chars(l.body())).sum();
    let (lo, hi) = (target as f64 * 0.9, target as f64 * 1.1);
    if (n as f64) < lo || (n as f64) > hi {
        let first = doc.speeches.first().and_then(|sp| doc.body(sp).next()).unwrap_or(0);
        out.push(Finding::warning(doc, first, 0, "length", format!("the draft has {n} characters; the target is {target} (±10%)"), "shorten or lengthen it, or set options.length in the brief (or --length)"));
    }
}
