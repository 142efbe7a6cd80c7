//! The picker: the only holder of the draft's RNG. Draws bank entries by section and role, fitted
//! to the brief (topic, meeting kind, month, fillable slots), never the same entry twice.

use std::collections::HashSet;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::bank::{Bank, Entry};
use crate::draft::{Sentence, Source};
use crate::error::Result;
use crate::section::Section;
use crate::slots::Slots;

/// A constraint on the slots an entry prints.
#[derive(Debug, Clone, Copy)]
pub enum Require {
    Any,
    /// Must print this slot (it carries a brief fact).
    Uses(&'static str),
    /// Must not print this slot (it was printed already).
    Avoids(&'static str),
    /// Speaks of the brief's items (problems, achievements, tasks), of which there are this many:
    /// with one, no count and no plural wording (这些问题, 有的…有的); with none, no word that
    /// points back at them (这个问题, 上述).
    Items(usize),
}

/// True when an entry's wording agrees with `n` items (see `Require::Items`).
fn agrees(bank: &Bank, i: usize, e: &Entry, n: usize) -> bool {
    let counts = e.uses("count.problems") || e.uses("count.tasks") || e.uses("count.points");
    match n {
        0 => !counts && !bank.is_plural(i) && !bank.points_back(i),
        1 => !counts && !bank.is_plural(i),
        _ => true,
    }
}

pub struct Picker<'a> {
    bank: &'a Bank,
    slots: &'a Slots,
    rng: ChaCha8Rng,
    /// Entries drawn so far, by bank index.
    used: Vec<bool>,
    /// The mask of slots that have a value.
    present: u32,
    /// Fingerprints of the sentences drawn so far (membership only; never iterated).
    said: HashSet<u64>,
    /// Text already standing in the draft (regen): sentences found in it are not drawn again.
    avoid: &'a str,
    /// The first four characters of each sentence drawn so far: no two sentences open alike.
    openings: HashSet<String>,
    /// The draft's topic tags as a bank topic mask.
    topics: u64,
    /// The topics of the meeting itself (not of its tags): the only ones that may shape headings.
    primary: u64,
    kind: &'a str,
    month: Option<u8>,
    /// `Plan::depth`: from 2, the numbered paragraphs of 保障落实 prefer fuller entries.
    depth: usize,
}

/// Bigrams of the text a slot elaborates (`near`) and of its siblings (`far`).
#[derive(Debug, Clone, Default)]
pub struct Affinity {
    /// Hashes of the bigrams (see `zh::bigram_hashes`).
    pub near: Vec<u64>,
    pub far: Vec<u64>,
    /// Topic mask of the text elaborated (a task title's own field), allowed besides the draft's.
    pub topics: u64,
    /// Bigrams an entry must not share (a heading clause never repeats the title's words).
    pub avoid: Vec<u64>,
}

/// A drawn sentence repeats the draft when this share of its four-character runs was said already.
const ECHO: f64 = 0.4;

impl<'a> Picker<'a> {
    pub fn new(bank: &'a Bank, slots: &'a Slots, seed: u64, plan: &'a crate::plan::Plan, avoid: &'a str) -> Self {
        Picker {
            avoid,
            bank,
            slots,
            rng: ChaCha8Rng::seed_from_u64(seed),
            used: vec![false; bank.entries().len()],
            present: slots.present(),
            said: HashSet::new(),
            openings: HashSet::new(),
            topics: bank.topic_mask(&plan.topics),
            primary: bank.topic_mask(&plan.primary_topics),
            kind: &plan.kind,
            month: plan.month,
            depth: plan.depth,
        }
    }

    /// Everything about an entry's fit that does not change while the draft is composed.
    fn fits(&self, i: usize, e: &Entry, require: Require, hint: &Affinity) -> bool {
        let seasonal_ok = if e.role == "greeting" {
            self.month.is_some_and(|m| e.months.contains(&m))
        } else {
            e.months.is_empty() || self.month.is_some_and(|m| e.months.contains(&m))
        };
        seasonal_ok
            && (e.kinds.is_empty() || e.kinds.iter().any(|k| k == self.kind))
            && e.fits_level(&self.slots.locality.level)
            && !self.bank.is_chained(i)
            && (e.topic_mask == 0 || {
                // Headings and the opening speak for the whole meeting: only its own topic shapes them.
                let whole = e.role.starts_with("heading") || e.section == Section::Opening;
                let allowed = if whole { self.primary } else { self.topics | hint.topics };
                e.topic_mask & allowed != 0
            })
            && e.need_mask & !self.present == 0
            && (hint.avoid.is_empty() || self.bank.shared_bigrams(i, &hint.avoid) == 0)
            && match require {
                Require::Any => true,
                Require::Uses(s) => e.uses(s),
                Require::Avoids(s) => !e.uses(s),
                Require::Items(n) => agrees(self.bank, i, e, n),
            }
    }

    /// Weight of an entry: topic and meeting-kind entries are preferred to general ones; entries
    /// that share words with the text a slot elaborates (a task title) are preferred, and those
    /// that plainly belong to another (a sibling task's title) are pushed back.
    fn weight(&self, i: usize, e: &Entry, hint: &Affinity) -> u64 {
        let mut w = (e.weight.max(0.01) * 100.0).round() as u64;
        if !hint.near.is_empty() {
            let near = self.bank.shared_bigrams(i, &hint.near) as u64;
            // Each word shared with the title counts: a task on 森林防火 draws its 火源 line, not
            // a 堤防 one (up to 17 times the weight).
            w *= 1 + 4 * near.min(4);
            // Only field-specific entries plainly belong to one task; general ones fit any.
            if near < 2 && e.topic_mask != 0 && self.bank.shared_bigrams(i, &hint.far) >= 2 {
                w = w / 16 + 1;
            }
        }
        // The meeting's own field and the task's are preferred; the brief's extra tags are allowed
        // but not pushed, so 招商 lines do not crowd a park meeting's every task. In a task whose
        // title names a field, only that field is pushed; elsewhere the meeting's own (and the
        // hint's, for a heading clause).
        let pushed = if hint.near.is_empty() || hint.topics == 0 { self.primary | hint.topics } else { hint.topics };
        if e.topic_mask & pushed != 0 {
            w *= 6;
        }
        if !e.kinds.is_empty() {
            w *= 6;
        }
        if self.depth >= 2 && e.section == Section::Guarantee && e.role == "point" {
            // A long speech's guarantee points are paragraphs, not one-liners.
            w = w * (e.text.chars().count() as u64).min(160) / 40;
        }
        w.max(1)
    }

    /// Draws one entry of `section`/`role` and renders it; None when nothing fits.
    pub fn pick(&mut self, section: Section, role: &str, require: Require) -> Result<Option<Sentence>> {
        self.pick_near(section, role, require, &Affinity::default())
    }

    /// Like `pick`, preferring entries that share the bigrams in `hint`. An entry that would
    /// echo what the draft has already said is set aside and another is drawn.
    pub fn pick_near(&mut self, section: Section, role: &str, require: Require, hint: &Affinity) -> Result<Option<Sentence>> {
        let mut cache = None;
        self.pick_cached(section, role, require, hint, &mut cache)
    }

    /// Like `pick_near`, keeping the slot's weighted candidates in `cache` between draws.
    pub fn pick_cached(
        &mut self,
        section: Section,
        role: &str,
        require: Require,
        hint: &Affinity,
        cache: &mut Option<Vec<(usize, u64)>>,
    ) -> Result<Option<Sentence>> {
        let all = match cache {
            Some(c) => c,
            None => cache.insert(
                self.bank
                    .role_indexed(section, role)
                    .filter(|&(i, e)| self.fits(i, e, require, hint))
                    .map(|(i, e)| (i, self.weight(i, e, hint)))
                    .collect(),
            ),
        };
        let entries = self.bank.entries();
        let mut candidates: Vec<(usize, &'a Entry, u64)> = all
            .iter()
            .filter(|(i, _)| !self.used.get(*i).copied().unwrap_or(true))
            .filter_map(|&(i, w)| entries.get(i).map(|e| (i, e, w)))
            .collect();
        // Draw; an entry that would echo the draft is set aside and the draw is repeated among
        // the rest (in bank order, so the result depends only on the seed).
        while !candidates.is_empty() {
            let total: u64 = candidates.iter().map(|c| c.2).sum();
            let mut r = self.rng.random_range(0..total.max(1));
            let mut at = candidates.len() - 1;
            for (k, c) in candidates.iter().enumerate() {
                if r < c.2 {
                    at = k;
                    break;
                }
                r -= c.2;
            }
            let (index, entry, _) = candidates.remove(at);
            if let Some(u) = self.used.get_mut(index) {
                *u = true;
            }
            let grams = self.bank.grams(index);
            let echoed = grams.iter().filter(|g| self.said.contains(g)).count();
            if !grams.is_empty() && echoed as f64 > ECHO * grams.len() as f64 {
                continue;
            }
            let sentence = self.render(index, entry);
            if !self.avoid.is_empty() && self.avoid.contains(sentence.text.as_str()) {
                continue;
            }
            let opening: String = sentence.text.chars().take(4).collect();
            if opening.chars().count() == 4 && opening.chars().all(crate::zh::is_han) && !self.openings.insert(opening) {
                continue;
            }
            self.said.extend(grams.iter().copied());
            return Ok(Some(sentence));
        }
        Ok(None)
    }

    /// True with probability `p` (a draw from the draft's RNG).
    pub fn coin(&mut self, p: f64) -> bool {
        self.rng.random_bool(p.clamp(0.0, 1.0))
    }

    /// Records a sentence the draft says that was not drawn (a fact with glue), so that no drawn
    /// sentence opens the same way.
    pub fn note_opening(&mut self, text: &str) {
        let opening: String = text.chars().take(4).collect();
        self.openings.insert(opening);
    }

    fn render(&self, index: usize, chosen: &Entry) -> Sentence {
        let text = self.bank.render(index, self.slots);
        Sentence { text: text.trim().to_owned(), source: Source::Bank { id: chosen.id.clone() } }
    }

    /// Like `pick`, but a missing entry is an error: the templates rely on this role.
    pub fn must(&mut self, section: Section, role: &str, require: Require) -> Result<Sentence> {
        self.pick(section, role, require)?.ok_or_else(|| {
            crate::error::Error::usage(format!("the phrase bank has no usable entry for {section}.{role}"))
                .with_hint("add general entries (topics: [通用]) for this role, or check --bank folders with `speechgen bank lint`")
        })
    }
}
