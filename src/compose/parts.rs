//! The draft under construction: fixed sentences, and growth slots that the length budget fills
//! with bank sentences. Flattening numbers chains and headings.

use crate::draft::{Block, Sentence, Source};
use crate::section::Section;
use crate::zh;

use super::pick::{Affinity, Require};

/// How a slot's sentences are laid out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    /// Appended to the paragraph.
    Inline,
    /// Appended and numbered 一是、二是… when there are two or more.
    Chain,
    /// Each a paragraph of its own, numbered 一是、二是… when there are two or more.
    Paras,
}

#[derive(Debug)]
pub struct Slot {
    pub section: Section,
    pub role: &'static str,
    pub require: Require,
    pub min: usize,
    /// How many a draft of the default length takes at most; longer drafts take a multiple.
    pub max: usize,
    /// Never more than this, however long the draft.
    pub cap: usize,
    pub mode: Mode,
    pub filled: Vec<Sentence>,
    /// Characters in `filled`, kept by `push`.
    pub len: usize,
    pub open: bool,
    /// What this slot elaborates (a task title) and what its siblings do.
    pub hint: Affinity,
    /// The slot's candidates with their weights, computed at its first draw.
    pub cache: Option<Vec<(usize, u64)>>,
}

#[derive(Debug)]
pub enum Piece {
    Fixed(Sentence),
    Slot(usize),
}

#[derive(Debug)]
pub enum Part {
    /// Level 1 or 2; numbered when flattened.
    Heading { level: u8, text: String, source: Source },
    Para(Vec<Piece>),
    /// A slot in `Mode::Paras`.
    Paras(usize),
}

/// One section's parts.
#[derive(Debug)]
pub struct SectionParts {
    pub section: Section,
    pub parts: Vec<Part>,
}

/// All parts and slots of a draft.
#[derive(Debug, Default)]
pub struct Skeleton {
    pub sections: Vec<SectionParts>,
    pub slots: Vec<Slot>,
}

impl Slot {
    pub fn push(&mut self, s: Sentence) {
        self.len += zh::count_chars(&s.text);
        self.filled.push(s);
    }

    /// Characters this slot adds to its section, with chain numbers.
    pub fn chars_now(&self) -> usize {
        let prefix = if self.mode != Mode::Inline && self.filled.len() > 1 { 2 * self.filled.len() } else { 0 };
        self.len + prefix
    }

    /// True when the slot may take another sentence at growth stage `stage` (1, 2, …), its cap
    /// multiplied by `scale` for long drafts (chains never pass five).
    pub fn can_grow(&self, stage: usize, scale: usize) -> bool {
        // Only elaboration stretches; openings, comments and wraps keep their size.
        let cap = match (self.mode, self.role) {
            (Mode::Inline, "point" | "requirement") => self.cap * scale,
            (Mode::Inline, "wrap" | "summary" | "context") => self.cap + (scale - 1) / 2,
            _ => self.cap,
        };
        self.open && self.filled.len() < (self.max * stage).min(cap)
    }
}

impl Skeleton {
    pub fn slot(&mut self, section: Section, role: &'static str, require: Require, min: usize, max: usize, mode: Mode) -> usize {
        // Chains longer than five (六是…) tire the listener; a paragraph of more than five
        // elaborating sentences reads as padding.
        let cap = match (mode, role) {
            (_, "item" | "credit" | "purpose") => max,
            (_, "wrap" | "summary" | "context") => max + 1,
            (Mode::Inline, _) => (max * 2).clamp(max, 5),
            _ => (max + 2).min(5),
        };
        self.slots.push(Slot { section, role, require, min, max, cap, mode, filled: Vec::new(), len: 0, open: max > 0, hint: Affinity::default(), cache: None });
        self.slots.len() - 1
    }

    /// A slot that elaborates `about`, among siblings (see `Slot::hint`).
    pub fn slot_about(&mut self, section: Section, role: &'static str, (min, max): (usize, usize), about: &str, siblings: &[&str], topics: u64) -> usize {
        self.slot_about_as(Mode::Inline, section, role, (min, max), about, siblings, topics)
    }

    /// Like `slot_about`, laid out in `mode`.
    #[allow(clippy::too_many_arguments)]
    pub fn slot_about_as(&mut self, mode: Mode, section: Section, role: &'static str, (min, max): (usize, usize), about: &str, siblings: &[&str], topics: u64) -> usize {
        let i = self.slot(section, role, Require::Any, min, max, mode);
        if let Some(s) = self.slots.get_mut(i) {
            let near = zh::bigram_hashes(about);
            let mut far: Vec<u64> = siblings.iter().filter(|t| **t != about).flat_map(|t| zh::bigram_hashes(t)).filter(|b| !near.contains(b)).collect();
            far.sort_unstable();
            far.dedup();
            s.hint = Affinity { near, far, topics, avoid: Vec::new() };
        }
        i
    }

    /// Characters now in a section (fixed text, headings and filled slots).
    pub fn section_len(&self, section: Section) -> usize {
        let mut n = 0;
        for sp in self.sections.iter().filter(|s| s.section == section) {
            for part in &sp.parts {
                match part {
                    Part::Heading { text, .. } => n += zh::count_chars(text) + 2,
                    Part::Para(pieces) => {
                        for p in pieces {
                            if let Piece::Fixed(s) = p {
                                n += zh::count_chars(&s.text);
                            }
                        }
                    }
                    Part::Paras(_) => {}
                }
            }
        }
        n + self.slots.iter().filter(|s| s.section == section).map(Slot::chars_now).sum::<usize>()
    }

    /// Flattens into blocks per section, numbering headings (一、 and （一）) and chains.
    pub fn flatten(self) -> Vec<(Section, Vec<Block>)> {
        let Skeleton { sections, mut slots } = self;
        let mut out = Vec::new();
        let mut level1 = 0;
        let mut level2 = 0;
        for sp in sections {
            let mut blocks = Vec::new();
            for part in sp.parts {
                match part {
                    Part::Heading { level, text, source } => {
                        let number = if level == 1 {
                            level1 += 1;
                            level2 = 0;
                            format!("{}、", zh::numeral(level1))
                        } else {
                            level2 += 1;
                            format!("（{}）", zh::numeral(level2))
                        };
                        blocks.push(Block::Heading { level, number, text, source });
                    }
                    Part::Para(pieces) => {
                        let mut sentences = Vec::new();
                        for p in pieces {
                            match p {
                                Piece::Fixed(s) => sentences.push(s),
                                Piece::Slot(i) => {
                                    if let Some(slot) = slots.get_mut(i) {
                                        let chain = slot.mode == Mode::Chain;
                                        sentences.extend(numbered(std::mem::take(&mut slot.filled), chain));
                                    }
                                }
                            }
                        }
                        for para in split_long(sentences) {
                            blocks.push(Block::Paragraph { sentences: para });
                        }
                    }
                    Part::Paras(i) => {
                        if let Some(slot) = slots.get_mut(i) {
                            for s in numbered(std::mem::take(&mut slot.filled), true) {
                                blocks.push(Block::Paragraph { sentences: vec![s] });
                            }
                        }
                    }
                }
            }
            out.push((sp.section, blocks));
        }
        out
    }
}

/// Paragraphs longer than this are split at a sentence boundary (check warns above 400).
const LONG: usize = 360;

fn is_chain_item(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    let second = chars.next();
    let third = chars.next();
    first.is_some_and(|c| "一二三四五六七八九十".contains(c)) && (second == Some('是') || (second == Some('十') && third == Some('是')))
}

/// Splits a long paragraph where a split keeps 一是…二是… chains readable: before a chain item,
/// or where no chain item follows.
fn split_long(sentences: Vec<Sentence>) -> Vec<Vec<Sentence>> {
    let total: usize = sentences.iter().map(|s| zh::count_chars(&s.text)).sum();
    if sentences.is_empty() {
        return Vec::new();
    }
    if total <= LONG || sentences.len() < 2 {
        return vec![sentences];
    }
    let mut best: Option<(usize, usize)> = None;
    let mut acc = 0;
    for i in 1..sentences.len() {
        acc += sentences.get(i - 1).map_or(0, |s| zh::count_chars(&s.text));
        let rest = sentences.get(i..).unwrap_or(&[]);
        let ok = rest.first().is_some_and(|s| is_chain_item(&s.text)) || !rest.iter().any(|s| is_chain_item(&s.text));
        if ok {
            let score = acc.abs_diff(total / 2);
            if best.is_none_or(|(_, b)| score < b) {
                best = Some((i, score));
            }
        }
    }
    let Some((at, _)) = best else {
        return vec![sentences];
    };
    let mut first = sentences;
    let second = first.split_off(at);
    let mut out = split_long(first);
    out.extend(split_long(second));
    out
}

/// Prefixes 一是、二是… when `chain` and there are at least two sentences. Items keep one form:
/// when some open with the modal 要 and some do not (一是健全…二是要坚持…), the 要 of the bank's
/// sentences goes (a writer's own words from the brief stay as written).
pub fn numbered(sentences: Vec<Sentence>, chain: bool) -> Vec<Sentence> {
    if !chain || sentences.len() < 2 {
        return sentences;
    }
    // 要素, 要求, 要点…: words, not the modal.
    let modal = |t: &str| t.strip_prefix('要').is_some_and(|r| !r.starts_with(['素', '求', '害', '点', '件', '闻', '务', '事']));
    let mixed = !sentences.iter().all(|s| modal(&s.text)) && sentences.iter().any(|s| modal(&s.text));
    sentences
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            let text = if mixed && modal(&s.text) && matches!(s.source, crate::draft::Source::Bank { .. }) { s.text.get('要'.len_utf8()..).unwrap_or(&s.text) } else { &s.text };
            s.text = format!("{}是{}", zh::numeral(i + 1), text);
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Source;

    fn check(items: &[&str], want: &[&str]) {
        let sentences = items.iter().map(|t| Sentence { text: (*t).to_owned(), source: Source::Bank { id: "t".into() } }).collect();
        let got: Vec<String> = numbered(sentences, true).into_iter().map(|s| s.text).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn chain_items_keep_one_form() {
        check(&["健全推进机制。", "要坚持一线工作法。"], &["一是健全推进机制。", "二是坚持一线工作法。"]);
        check(&["要加强领导。", "要压实责任。"], &["一是要加强领导。", "二是要压实责任。"]);
        check(&["要素保障到位。", "要压实责任。"], &["一是要素保障到位。", "二是压实责任。"]);
        check(&["园区产值增长。", "项目建设加快。"], &["一是园区产值增长。", "二是项目建设加快。"]);
    }
}
