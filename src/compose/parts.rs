//! The draft under construction: fixed sentences, and growth slots that the length budget fills
//! with bank sentences. Flattening numbers chains and headings.

use crate::draft::{Block, Sentence, Source};
use crate::section::Section;
use crate::zh;

use super::pick::Require;

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
    pub max: usize,
    pub mode: Mode,
    pub filled: Vec<Sentence>,
    pub open: bool,
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

impl Skeleton {
    pub fn slot(&mut self, section: Section, role: &'static str, require: Require, min: usize, max: usize, mode: Mode) -> usize {
        self.slots.push(Slot { section, role, require, min, max, mode, filled: Vec::new(), open: max > 0 });
        self.slots.len() - 1
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
        n + self.slots.iter().filter(|s| s.section == section).map(slot_len).sum::<usize>()
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
                        if !sentences.is_empty() {
                            blocks.push(Block::Paragraph { sentences });
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

fn slot_len(s: &Slot) -> usize {
    let prefix = if s.mode != Mode::Inline && s.filled.len() > 1 { 2 } else { 0 };
    s.filled.iter().map(|x| zh::count_chars(&x.text) + prefix).sum()
}

/// Prefixes 一是、二是… when `chain` and there are at least two sentences.
pub fn numbered(sentences: Vec<Sentence>, chain: bool) -> Vec<Sentence> {
    if !chain || sentences.len() < 2 {
        return sentences;
    }
    sentences
        .into_iter()
        .enumerate()
        .map(|(i, mut s)| {
            s.text = format!("{}是{}", zh::numeral(i + 1), s.text);
            s
        })
        .collect()
}
