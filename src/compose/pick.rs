//! The picker: the only holder of the draft's RNG. Draws bank entries by section and role, fitted
//! to the brief (topic, meeting kind, month, fillable slots), never the same entry twice.

use std::collections::BTreeSet;

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
}

pub struct Picker<'a> {
    bank: &'a Bank,
    slots: &'a Slots,
    rng: ChaCha8Rng,
    used: BTreeSet<&'a str>,
    topics: &'a [String],
    kind: &'a str,
    month: Option<u8>,
}

impl<'a> Picker<'a> {
    pub fn new(bank: &'a Bank, slots: &'a Slots, seed: u64, topics: &'a [String], kind: &'a str, month: Option<u8>) -> Result<Self> {
        Ok(Picker { bank, slots, rng: ChaCha8Rng::seed_from_u64(seed), used: BTreeSet::new(), topics, kind, month })
    }

    fn fits(&self, e: &Entry, require: Require) -> bool {
        let seasonal_ok = if e.role == "greeting" {
            self.month.is_some_and(|m| e.months.contains(&m))
        } else {
            e.months.is_empty() || self.month.is_some_and(|m| e.months.contains(&m))
        };
        !self.used.contains(e.id.as_str())
            && seasonal_ok
            && (e.kinds.is_empty() || e.kinds.iter().any(|k| k == self.kind))
            && (e.is_general() || e.topics.iter().any(|t| self.topics.contains(t)))
            && e.needs.iter().all(|n| self.slots.get(n).is_some_and(|v| !v.is_empty()))
            && match require {
                Require::Any => true,
                Require::Uses(s) => e.uses(s),
                Require::Avoids(s) => !e.uses(s),
            }
    }

    /// Weight of an entry: topic and meeting-kind entries are preferred to general ones.
    fn weight(&self, e: &Entry) -> u64 {
        let mut w = (e.weight.max(0.01) * 100.0).round() as u64;
        if !e.is_general() {
            w *= 4;
        }
        if !e.kinds.is_empty() {
            w *= 6;
        }
        w.max(1)
    }

    /// Draws one entry of `section`/`role` and renders it; None when nothing fits.
    pub fn pick(&mut self, section: Section, role: &str, require: Require) -> Result<Option<Sentence>> {
        let candidates: Vec<(usize, &'a Entry)> = self.bank.role_indexed(section, role).filter(|(_, e)| self.fits(e, require)).collect();
        let total: u64 = candidates.iter().map(|(_, e)| self.weight(e)).sum();
        let Some(&(mut chosen)) = candidates.first() else {
            return Ok(None);
        };
        let mut r = self.rng.random_range(0..total.max(1));
        for &(i, e) in &candidates {
            let w = self.weight(e);
            if r < w {
                chosen = (i, e);
                break;
            }
            r -= w;
        }
        let (index, chosen) = chosen;
        self.used.insert(chosen.id.as_str());
        let text = self.bank.render(index, self.slots);
        Ok(Some(Sentence { text: text.trim().to_owned(), source: Source::Bank { id: chosen.id.clone() } }))
    }

    /// Like `pick`, but a missing entry is an error: the templates rely on this role.
    pub fn must(&mut self, section: Section, role: &str, require: Require) -> Result<Sentence> {
        self.pick(section, role, require)?.ok_or_else(|| {
            crate::error::Error::usage(format!("the phrase bank has no usable entry for {section}.{role}"))
                .with_hint("add general entries (topics: [通用]) for this role, or check --bank folders with `speechgen bank lint`")
        })
    }
}
