//! The structure learned from the speeches (SPEC §5 step 6): section order and frequency, where
//! each section starts, lengths, headings, cue phrases with weights; written as `structure.yaml`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::corpus::{Kind, Para};
use crate::label::Label;
use crate::section::Section;

/// What one speech adds to the structure.
#[derive(Debug, Clone, Default)]
pub struct SpeechStats {
    /// Sections in order of first appearance.
    pub sequence: Vec<Section>,
    /// Per section: (start as a fraction of the speech's paragraphs, characters, paragraphs).
    pub sections: BTreeMap<Section, (f64, usize, usize)>,
    pub chars: usize,
    pub paragraphs: usize,
    /// Sentence lengths, in characters, capped at 300.
    pub sentences: Vec<u16>,
    /// (cue index, section) for each cue in each paragraph.
    pub cues: Vec<(u16, Section)>,
}

impl SpeechStats {
    pub fn of(paras: &[Para], labels: &[Label]) -> SpeechStats {
        let mut st = SpeechStats::default();
        let body: Vec<(&Para, Section)> =
            paras.iter().zip(labels).filter(|(p, _)| p.kind == Kind::Body).filter_map(|(p, l)| l.section.map(|s| (p, s))).collect();
        let n = body.len().max(1);
        for (i, (p, s)) in body.iter().enumerate() {
            let chars = crate::zh::count_chars(&p.text);
            st.chars += chars;
            st.paragraphs += 1;
            if !st.sequence.contains(s) {
                st.sequence.push(*s);
            }
            let e = st.sections.entry(*s).or_insert((i as f64 / n as f64, 0, 0));
            e.1 += chars;
            e.2 += 1;
            for sent in super::extract::sentences(&p.text) {
                st.sentences.push(sent.chars().count().min(300) as u16);
            }
            for c in crate::label::cue_hits(&p.text) {
                st.cues.push((c as u16, *s));
            }
        }
        st
    }
}

/// The structure of the kept speeches.
#[derive(Debug, Default)]
pub struct Structure {
    pub speeches: usize,
    per_section: BTreeMap<Section, Vec<(f64, usize, usize)>>,
    sequences: BTreeMap<Vec<Section>, usize>,
    chars: Vec<usize>,
    paragraphs: Vec<usize>,
    sentence_hist: Vec<u64>,
    cues: BTreeMap<u16, [u64; 7]>,
}

impl Structure {
    pub fn add(&mut self, st: &SpeechStats) {
        self.speeches += 1;
        for (s, v) in &st.sections {
            self.per_section.entry(*s).or_default().push(*v);
        }
        *self.sequences.entry(st.sequence.clone()).or_default() += 1;
        self.chars.push(st.chars);
        self.paragraphs.push(st.paragraphs);
        if self.sentence_hist.is_empty() {
            self.sentence_hist = vec![0; 301];
        }
        for &l in &st.sentences {
            if let Some(h) = self.sentence_hist.get_mut(l as usize) {
                *h += 1;
            }
        }
        for &(c, s) in &st.cues {
            let row = self.cues.entry(c).or_insert([0; 7]);
            if let Some(x) = row.get_mut(s as usize) {
                *x += 1;
            }
        }
    }

    /// The YAML body (without the header comment); `headings` are the mined heading entries.
    pub fn to_yaml(&self, headings: &BTreeMap<Section, Vec<(String, u64)>>) -> String {
        let mut y = String::new();
        let n = self.speeches.max(1) as f64;
        let _ = writeln!(y, "speeches: {}", self.speeches);
        y.push_str("sections:\n");
        for s in Section::ALL {
            let v = self.per_section.get(&s).map(Vec::as_slice).unwrap_or(&[]);
            let starts: Vec<f64> = v.iter().map(|x| x.0).collect();
            let chars: Vec<usize> = v.iter().map(|x| x.1).collect();
            let paras: Vec<usize> = v.iter().map(|x| x.2).collect();
            let _ = writeln!(
                y,
                "  {}: {{speeches: {}, share: {:.2}, median_start: {:.2}, median_chars: {}, median_paragraphs: {}}}",
                s.name(),
                v.len(),
                v.len() as f64 / n,
                median_f(&starts),
                median(&chars),
                median(&paras)
            );
        }
        y.push_str("order:\n");
        let mut seqs: Vec<(&Vec<Section>, &usize)> = self.sequences.iter().collect();
        seqs.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        for (seq, count) in seqs.into_iter().take(12) {
            let names: Vec<&str> = seq.iter().map(|s| s.name()).collect();
            let _ = writeln!(y, "  - {{count: {count}, sequence: [{}]}}", names.join(", "));
        }
        let mut chars = self.chars.clone();
        chars.sort_unstable();
        let q = |f: f64| chars.get(((chars.len().saturating_sub(1)) as f64 * f).round() as usize).copied().unwrap_or(0);
        y.push_str("lengths:\n");
        let _ = writeln!(y, "  speech_chars: {{min: {}, p25: {}, median: {}, p75: {}, max: {}}}", q(0.0), q(0.25), q(0.5), q(0.75), q(1.0));
        let _ = writeln!(y, "  paragraphs_per_speech: {{median: {}}}", median(&self.paragraphs));
        let _ = writeln!(y, "  sentence_chars: {{median: {}, p90: {}}}", hist_q(&self.sentence_hist, 0.5), hist_q(&self.sentence_hist, 0.9));
        y.push_str("headings:\n");
        for s in Section::ALL {
            let list = headings.get(&s).map(Vec::as_slice).unwrap_or(&[]);
            if list.is_empty() {
                let _ = writeln!(y, "  {}: []", s.name());
                continue;
            }
            let _ = writeln!(y, "  {}:", s.name());
            for (text, count) in list.iter().take(20) {
                let _ = writeln!(y, "    - {{count: {count}, text: {}}}", super::write::quote(text));
            }
        }
        y.push_str(&self.cues_yaml());
        y
    }

    /// Cue phrases per section: how often, what share of them fell in the section, and a weight
    /// (log of that share over the section's share of all cues).
    fn cues_yaml(&self) -> String {
        let table: Vec<(&str, usize)> = crate::label::cue_table().collect();
        let mut totals = [0u64; 7];
        for row in self.cues.values() {
            for (t, x) in totals.iter_mut().zip(row) {
                *t += x;
            }
        }
        let all: u64 = totals.iter().sum::<u64>().max(1);
        let mut y = String::from("cues:\n");
        for (k, s) in Section::ALL.iter().enumerate() {
            let prior = (totals.get(k).copied().unwrap_or(0) as f64 + 1.0) / (all as f64 + 7.0);
            let mut rows: Vec<(f64, &str, u64, f64)> = Vec::new();
            for (&c, row) in &self.cues {
                let total: u64 = row.iter().sum();
                let here = row.get(k).copied().unwrap_or(0);
                if total < 3 || here * 2 < total {
                    continue;
                }
                let share = here as f64 / total as f64;
                let weight = ((here as f64 + 0.5) / (total as f64 + 1.0) / prior).ln();
                if let Some(&(cue, _)) = table.get(c as usize) {
                    rows.push((weight, cue, total, share));
                }
            }
            rows.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            if rows.is_empty() {
                let _ = writeln!(y, "  {}: []", s.name());
                continue;
            }
            let _ = writeln!(y, "  {}:", s.name());
            for (w, cue, total, share) in rows.into_iter().take(15) {
                let _ = writeln!(y, "    - {{cue: {}, count: {total}, share: {share:.2}, weight: {w:.2}}}", super::write::quote(cue));
            }
        }
        y
    }
}

fn median(v: &[usize]) -> usize {
    let mut v = v.to_vec();
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or(0)
}

fn median_f(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn hist_q(h: &[u64], q: f64) -> usize {
    let total: u64 = h.iter().sum();
    let want = (total as f64 * q).ceil() as u64;
    let mut acc = 0;
    for (i, &c) in h.iter().enumerate() {
        acc += c;
        if acc >= want && total > 0 {
            return i;
        }
    }
    0
}
