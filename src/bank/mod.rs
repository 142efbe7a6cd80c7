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
    by_role: BTreeMap<(Section, String), Vec<usize>>,
    topics: TopicTable,
    phrases: Vec<Phrase>,
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
        let mut by_role: BTreeMap<(Section, String), Vec<usize>> = BTreeMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_role.entry((e.section, e.role.clone())).or_default().push(i);
        }
        Ok(Bank { entries, by_role, topics, phrases })
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
        self.by_role
            .get(&(section, role.to_owned()))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i))
    }

    /// The entries of one section and role with their indexes, in bank order.
    pub fn role_indexed(&self, section: Section, role: &str) -> impl Iterator<Item = (usize, &Entry)> {
        self.by_role
            .get(&(section, role.to_owned()))
            .into_iter()
            .flatten()
            .filter_map(|&i| self.entries.get(i).map(|e| (i, e)))
    }

    /// Renders entry `i` with the draft's slots.
    pub fn render(&self, i: usize, slots: &crate::slots::Slots) -> String {
        self.phrases.get(i).map(|p| p.render(slots)).unwrap_or_default()
    }
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
