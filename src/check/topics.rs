//! Off-topic words: a field word of another topic (学生 in a safety-production speech) in a sentence
//! that did not come from the brief, using the bank's topic keyword table (a warning).

use aho_corasick::{AhoCorasick, MatchKind};

use super::doc::{Doc, Speech};
use super::{Finding, Findings};
use crate::bank::TopicTable;

/// Meetings that range over every field: no word is off-topic there.
const BROAD: &[&str] = &["经济工作会议", "三级干部", "全会", "全委", "政府工作", "务虚会", "党代会", "代表大会", "年度工作会", "年终总结", "总结表彰"];

/// A speech's own topics when there is no brief: those of its title and headings; none (the rule
/// is skipped) for an untitled speech or a meeting that ranges over every field.
pub fn inferred(doc: &Doc, sp: &Speech, table: &TopicTable) -> Vec<String> {
    let mut texts: Vec<&str> = Vec::new();
    for i in [sp.header.title, sp.header.subtitle].into_iter().flatten() {
        if let Some(l) = doc.line(i) {
            if BROAD.iter().any(|b| l.body().contains(b)) {
                return Vec::new();
            }
            texts.push(l.body());
        }
    }
    if texts.is_empty() {
        return Vec::new();
    }
    let heading = |l: &&super::doc::Line| l.md > 0 || super::numbering::marker(l.body()).is_some_and(|m| m.0 == super::numbering::Kind::L1);
    texts.extend(doc.body(sp).filter_map(|i| doc.line(i)).filter(heading).map(|l| l.body()));
    table.infer(texts.iter().copied())
}

/// One automaton over every field word of the table, built once per check.
pub struct Matcher<'t> {
    table: &'t TopicTable,
    words: Vec<(&'t str, &'t str)>,
    ac: Option<AhoCorasick>,
}

impl<'t> Matcher<'t> {
    pub fn new(table: &'t TopicTable) -> Matcher<'t> {
        let words: Vec<(&str, &str)> = table
            .topics()
            .iter()
            .flat_map(|t| t.field_words.iter().filter(|w| !w.is_empty()).map(move |w| (w.as_str(), t.tag.as_str())))
            .collect();
        let ac = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(words.iter().map(|w| w.0)).ok();
        Matcher { table, words, ac }
    }
}

/// A topic whose words stand in more sentences than this is a theme of the speech, not a leftover.
const LEFTOVER_MAX: usize = 2;

/// Warns on field words of topics the speech is not about. `own`: its topic tags (the rule is
/// skipped when empty); `from_brief`: whether a sentence (normalised) holds brief text.
pub fn off_topic(doc: &Doc, sp: &Speech, m: &Matcher, own: &[String], from_brief: &dyn Fn(&str) -> bool, out: &mut Findings) {
    let Some(ac) = &m.ac else { return };
    if own.is_empty() {
        return;
    }
    let mine: Vec<&str> = m
        .table
        .topics()
        .iter()
        .filter(|t| own.contains(&t.tag))
        .flat_map(|t| t.keywords.iter().chain(&t.field_words).map(String::as_str).chain([t.tag.as_str()]))
        .collect();
    // (tag, line, offset, word) of each sentence that holds a foreign field word.
    let mut hits: Vec<(&str, usize, usize, &str)> = Vec::new();
    for i in doc.body(sp) {
        let Some(line) = doc.line(i) else { continue };
        let body = line.body();
        let mut done_until = 0;
        for mt in ac.find_iter(body) {
            let Some(&(word, tag)) = m.words.get(mt.pattern().as_usize()) else { continue };
            if mt.start() < done_until || own.iter().any(|o| o == tag) || mine.iter().any(|w| w.contains(word) || word.contains(w)) {
                continue;
            }
            let s = body.get(..mt.start()).and_then(|b| b.rfind(['。', '！', '？', '；'])).map_or(0, |p| p + '。'.len_utf8());
            let e = body.get(mt.end()..).and_then(|b| b.find(['。', '！', '？', '；'])).map_or(body.len(), |p| mt.end() + p);
            done_until = e;
            if !from_brief(&super::facts::normalize(body.get(s..e).unwrap_or(""))) {
                hits.push((tag, i, mt.start(), word));
            }
        }
    }
    for &(tag, i, off, word) in &hits {
        if hits.iter().filter(|h| h.0 == tag).count() > LEFTOVER_MAX {
            continue;
        }
        out.push(Finding::warning(
            doc,
            i,
            off,
            "off-topic",
            format!("“{word}” belongs to {tag}, which this speech is not about"),
            format!("check that the sentence was not left over from another speech; the speech's topics: {}", own.join("、")),
        ));
    }
}
