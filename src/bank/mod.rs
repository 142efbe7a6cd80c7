//! The phrase bank (SPEC §4): entries of stock phrasing by section, role and topic, layered from
//! the built-in folder (compiled in) and any `--bank DIR`, plus the topic keyword table.
//!
//! Every entry's text is compiled once, when the bank loads, into a `Phrase` (the Tera subset that
//! phrasing needs; `bank lint` also checks it with Tera itself).

mod entry;
mod lint;
mod load;
mod phrase;
mod stats;
mod topics;

use std::collections::BTreeMap;

pub use entry::{slot_paths, Entry, Origin, GENERAL};
pub use lint::{lint, LintFinding};
pub use phrase::Phrase;
pub use load::{builtin_files, load_dir_files, BankFile};
pub use stats::stats;
pub use topics::{Topic, TopicTable};

use crate::error::{Error, Result};
use crate::section::Section;

/// A layered bank, ready to draw from.
pub struct Bank {
    entries: Vec<Entry>,
    by_role: BTreeMap<Section, BTreeMap<String, Vec<usize>>>,
    topics: TopicTable,
    phrases: Vec<Phrase>,
    /// Four-character fingerprints of each entry's literal text (slots removed).
    grams: Vec<Vec<u64>>,
    /// Hashes of each entry's Han bigrams, sorted, for matching entries to task titles.
    bigrams: Vec<Vec<u64>>,
    /// Entries whose text carries a chain marker of its own (see `has_chain_marker`).
    chained: Vec<bool>,
    /// Entries that speak of several items at once (`PLURAL`), and that point back at items just
    /// named (`POINTING`), for number agreement.
    plural: Vec<bool>,
    pointing: Vec<bool>,
    /// Every topic tag the bank knows, in first-seen order; a tag's bit is its position (the
    /// 64th and later share the last bit).
    tags: Vec<String>,
}

impl Bank {
    /// Builds a bank from parsed files in layer order: a later entry with the same id replaces
    /// the earlier one; topic tables merge.
    pub fn from_files(files: Vec<BankFile>) -> Result<Bank> {
        let mut entries: Vec<Entry> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        let mut topics = TopicTable::default();
        for file in files {
            match file {
                BankFile::Entries(list) => {
                    for e in list {
                        match index.get(&e.id) {
                            Some(&i) => entries[i] = e,
                            None => {
                                index.insert(e.id.clone(), entries.len());
                                entries.push(e);
                            }
                        }
                    }
                }
                BankFile::Topics(t) => topics.merge(t),
                BankFile::Other => {}
            }
        }
        let phrases = entries
            .iter()
            .map(|e| {
                Phrase::compile(&e.text).map_err(|msg| {
                    Error::input(&e.origin.file, Some(e.origin.pos()), format!("entry {}: {msg}", e.id))
                        .with_hint("entry text uses {{ slot }} and {% if slot %}…{% else %}…{% endif %}; see phrasebank/README.md")
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let mut tags: Vec<String> = topics.topics().iter().map(|t| t.tag.clone()).collect();
        for e in &mut entries {
            for t in &e.topics {
                if t != GENERAL && !tags.contains(t) {
                    tags.push(t.clone());
                }
            }
            e.topic_mask = if e.is_general() { 0 } else { tag_mask(&tags, &e.topics) };
        }
        let mut by_role: BTreeMap<Section, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_role.entry(e.section).or_default().entry(e.role.clone()).or_default().push(i);
        }
        let grams = entries.iter().map(|e| crate::zh::grams4(&lint::strip_tera(&e.text))).collect();
        let bigrams = entries.iter().map(|e| crate::zh::bigram_hashes(&lint::strip_tera(&e.text))).collect();
        let chained = entries.iter().map(|e| has_chain_marker(&e.text)).collect();
        let plural = entries.iter().map(|e| PLURAL.iter().any(|w| e.text.contains(w))).collect();
        let pointing = entries.iter().map(|e| POINTING.iter().any(|w| e.text.contains(w))).collect();
        Ok(Bank { entries, by_role, topics, phrases, grams, bigrams, chained, plural, pointing, tags })
    }

    /// The built-in bank alone.
    pub fn builtin() -> Result<Bank> {
        Bank::from_files(builtin_files()?)
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    pub fn topics(&self) -> &TopicTable {
        &self.topics
    }

    /// The entries of one section and role, in bank order.
    pub fn role(&self, section: Section, role: &str) -> impl Iterator<Item = &Entry> {
        self.role_indexed(section, role).map(|(_, e)| e)
    }

    /// The entries of one section and role with their indexes, in bank order.
    pub fn role_indexed(&self, section: Section, role: &str) -> impl Iterator<Item = (usize, &Entry)> {
        self.by_role
            .get(&section)
            .and_then(|roles| roles.get(role))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i).map(|e| (i, e)))
    }

    /// Entry `i`'s fingerprint (see `zh::grams4`).
    pub fn grams(&self, i: usize) -> &[u64] {
        self.grams.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The mask of these topic tags (see `Entry::topic_mask`).
    pub fn topic_mask(&self, tags: &[String]) -> u64 {
        tag_mask(&self.tags, tags)
    }

    /// True when entry `i` speaks of several items (这些, 有的…, 逐项 …).
    pub fn is_plural(&self, i: usize) -> bool {
        self.plural.get(i).copied().unwrap_or(false)
    }

    /// True when entry `i` points back at items just named (这个, 这类, 对此 …).
    pub fn points_back(&self, i: usize) -> bool {
        self.pointing.get(i).copied().unwrap_or(false) || self.is_plural(i)
    }

    /// True when entry `i` numbers things itself (一是…), so it cannot stand in a draft's chain.
    pub fn is_chained(&self, i: usize) -> bool {
        self.chained.get(i).copied().unwrap_or(false)
    }

    /// How many of the (sorted) bigram hashes `of` entry `i` contains.
    pub fn shared_bigrams(&self, i: usize, of: &[u64]) -> usize {
        let mine = self.bigrams.get(i).map(Vec::as_slice).unwrap_or(&[]);
        of.iter().filter(|h| mine.binary_search(h).is_ok()).count()
    }

    /// Renders entry `i` with the draft's slots.
    pub fn render(&self, i: usize, slots: &crate::slots::Slots) -> String {
        self.phrases.get(i).map(|p| p.render(slots)).unwrap_or_default()
    }
}

/// Words that speak of several items at once.
const PLURAL: &[&str] = &["这些", "上述", "以上", "几个方面", "几项", "几点", "以下方面", "有的", "逐项", "逐一", "一项一项", "一件一件", "一个一个", "分别"];
/// Words that point back at items just named.
const POINTING: &[&str] = &["这个", "这一", "这类", "这方面", "这样的", "上述", "以上", "对此", "此类", "前面"];

/// True when a text carries a chain marker of its own (一是, 二是 …), which would break the
/// draft's numbering (mined sentences sometimes do: 我们一是要…). 统一是, 唯一是 are words.
pub(crate) fn has_chain_marker(text: &str) -> bool {
    let mut before = None;
    let mut prev = None;
    for c in text.chars() {
        if c == '是' {
            match prev {
                Some('二' | '三' | '四' | '五' | '六' | '七' | '八' | '九') => return true,
                Some('一') if !before.is_some_and(|b: char| "统唯同单万专划逐".contains(b)) => return true,
                _ => {}
            }
        }
        before = prev;
        prev = Some(c);
    }
    false
}

fn tag_mask(known: &[String], tags: &[String]) -> u64 {
    tags.iter().filter_map(|t| known.iter().position(|k| k == t)).fold(0, |m, i| m | 1 << i.min(63))
}

/// A Tera error with its causes, on one line.
pub(crate) fn one_line_error(err: &tera::Error) -> String {
    let mut parts = vec![err.to_string()];
    let mut src = std::error::Error::source(err);
    while let Some(s) = src {
        parts.push(s.to_string());
        src = s.source();
    }
    parts.join(": ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::has_chain_marker;

    fn check(text: &str, expected: bool) {
        assert_eq!(has_chain_marker(text), expected, "{text}");
    }

    #[test]
    fn chain_markers_inside_an_entry_are_found() {
        check("暑期补课期间，我们一是要保证时间投入。", true);
        check("二是要压实责任。", true);
        check("一是坚持问题导向。", true);
        check("思想统一是行动一致的前提。", false);
        check("这是唯一的办法，也是必由之路。", false);
        check("要坚持统筹推进，做到步调一致。", false);
    }
}
