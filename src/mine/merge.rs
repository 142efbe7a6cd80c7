//! Merging the harvests of files in corpus order: duplicate speeches judged and dropped, candidate
//! sentences counted (at most `MAX_CANDIDATES` distinct ones per section and role), statistics summed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::structure::{SpeechStats, Structure};
use super::{Cand, FileHarvest, Mined, MinedEntry, Summary};
use crate::corpus::dedup;
use crate::section::Section;

/// At most this many distinct candidates per section and role are remembered (the first ones in
/// corpus order); repeats of remembered ones are still counted. Keeps memory bounded by the bank
/// on a corpus of any size.
pub const MAX_CANDIDATES: usize = 10_000;

/// One speech still in the running: its source prefix, candidate ids (id, paragraph pairs) and
/// statistics. Dropped as soon as the speech is judged a copy.
type Kept = (String, Vec<u32>, SpeechStats);

/// Merges file harvests in corpus order.
pub(super) struct Merger {
    /// `MAX_CANDIDATES`, or less in tests.
    cap: usize,
    dedup: dedup::Dedup,
    pub(super) summary: Summary,
    /// Interned candidates (without their paragraph) → id, in order of first appearance.
    ids: HashMap<Cand, u32>,
    /// Distinct candidates per section and role, for `MAX_CANDIDATES`.
    per_group: BTreeMap<(Section, &'static str), usize>,
    /// Per speech judged, in order: its data while it is kept (None for copies and non-speeches).
    pub(super) speeches: Vec<Option<Kept>>,
}

impl Default for Merger {
    fn default() -> Merger {
        Merger {
            cap: MAX_CANDIDATES,
            dedup: dedup::Dedup::default(),
            summary: Summary::default(),
            ids: HashMap::new(),
            per_group: BTreeMap::new(),
            speeches: Vec::new(),
        }
    }
}

impl Merger {
    /// A merger that remembers at most `cap` distinct candidates per section and role.
    #[cfg(test)]
    pub(super) fn with_cap(cap: usize) -> Merger {
        Merger { cap, ..Merger::default() }
    }

    pub(super) fn add(&mut self, fh: FileHarvest) {
        self.summary.files += 1;
        self.summary.bytes += fh.bytes;
        self.summary.debris += fh.debris;
        self.summary.converted += usize::from(fh.converted);
        self.summary.replaced += fh.replaced;
        self.summary.long_lines += fh.long_lines;
        self.summary.long_speeches += fh.long_speeches;
        for sh in fh.speeches {
            if sh.nonspeech {
                self.summary.nonspeeches += 1;
                // Keep the index of the dedup in step with `speeches`.
                self.dedup.add(&[], sh.quality);
                self.speeches.push(None);
                continue;
            }
            let verdict = self.dedup.add(&sh.fp, sh.quality);
            let mut ids = Vec::with_capacity(sh.cands.len() * 2);
            for mut c in sh.cands {
                let para = std::mem::take(&mut c.para);
                let id = match self.ids.get(&c) {
                    Some(&id) => id,
                    None => {
                        let n = self.per_group.entry((c.section, c.role)).or_default();
                        if *n >= self.cap {
                            self.summary.capped += 1;
                            continue;
                        }
                        *n += 1;
                        let id = self.ids.len() as u32;
                        self.ids.insert(c, id);
                        id
                    }
                };
                ids.push(id);
                ids.push(para as u32);
            }
            match verdict {
                dedup::Verdict::Duplicate(_) => {
                    self.summary.duplicates += 1;
                    self.speeches.push(None);
                }
                dedup::Verdict::Keep | dedup::Verdict::Replaces => {
                    // Copies that a better one replaces are dropped now.
                    for o in self.dedup.replaced.drain(..) {
                        if self.speeches.get_mut(o).is_some_and(|slot| slot.take().is_some()) {
                            self.summary.duplicates += 1;
                        }
                    }
                    self.speeches.push(Some((format!("{}#{}", fh.name, sh.number), ids, sh.stats)));
                }
            }
        }
    }

    pub(super) fn finish(mut self, exclude: &BTreeSet<String>) -> Mined {
        let mut structure = Structure::default();
        let n = self.ids.len();
        let mut keys: Vec<Option<Cand>> = vec![None; n];
        for (c, id) in self.ids.drain() {
            if let Some(k) = keys.get_mut(id as usize) {
                *k = Some(c);
            }
        }
        let mut count: Vec<u64> = vec![0; n];
        let mut first: Vec<Option<String>> = vec![None; n];
        for (src, ids, stats) in self.speeches.iter().flatten() {
            self.summary.speeches += 1;
            structure.add(stats);
            for pair in ids.chunks(2) {
                if let [id, para] = pair {
                    let id = *id as usize;
                    if let Some(c) = count.get_mut(id) {
                        *c += 1;
                    }
                    if let Some(f) = first.get_mut(id) {
                        f.get_or_insert_with(|| format!("mined:{src}:{para}"));
                    }
                }
            }
        }
        // Per section and role: by count, then first seen; numbered from 0001.
        let mut groups: BTreeMap<(Section, &'static str), Vec<(u64, usize)>> = BTreeMap::new();
        let mut seen_text: BTreeSet<&str> = BTreeSet::new();
        for (id, key) in keys.iter().enumerate() {
            let Some(key) = key else { continue };
            let n = count.get(id).copied().unwrap_or(0);
            if n == 0 || exclude.contains(&key.text) || !seen_text.insert(key.text.as_str()) {
                continue;
            }
            groups.entry((key.section, key.role)).or_default().push((n, id));
        }
        let mut entries: BTreeMap<Section, Vec<MinedEntry>> = BTreeMap::new();
        let mut headings: BTreeMap<Section, Vec<(String, u64)>> = BTreeMap::new();
        for ((section, role), mut list) in groups {
            list.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for (k, (n, id)) in list.into_iter().enumerate() {
                let Some(Some(key)) = keys.get(id) else { continue };
                if role == "heading" {
                    headings.entry(section).or_default().push((key.text.clone(), n));
                }
                let source = first.get(id).cloned().flatten().unwrap_or_default();
                entries.entry(section).or_default().push(MinedEntry {
                    id: format!("{}.{role}.mined.{:04}", section.name(), k + 1),
                    role,
                    topics: if key.topics.is_empty() { vec![crate::bank::GENERAL.to_owned()] } else { key.topics.clone() },
                    months: key.months.clone(),
                    text: key.text.clone(),
                    source,
                    count: n,
                });
            }
        }
        for (s, list) in &entries {
            self.summary.entries.insert(*s, list.len());
        }
        let structure = structure.to_yaml(&headings);
        Mined { summary: self.summary, entries, structure }
    }
}

