//! The structured draft: what compose makes and the renderers lay out (SPEC §3).

use serde::Serialize;

use crate::section::Section;

#[derive(Debug, Clone, Serialize)]
pub struct Draft {
    pub meta: Meta,
    /// 在…上的讲话
    pub title: String,
    /// 区委书记　李明
    pub speaker_line: String,
    /// （2026年3月6日）
    pub date_line: Option<String>,
    pub sections: Vec<SectionDraft>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Meta {
    pub version: String,
    pub seed: u64,
    /// The brief's file name as given (no folders), for the header comment.
    pub brief: String,
    pub layout: String,
    pub topics: Vec<String>,
    pub length_target: usize,
    pub length: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionDraft {
    pub section: Section,
    pub name: &'static str,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum Block {
    /// A numbered heading: level 1 (一、) or 2 (（一）).
    Heading { level: u8, number: String, text: String, source: Source },
    Paragraph { sentences: Vec<Sentence> },
}

#[derive(Debug, Clone, Serialize)]
pub struct Sentence {
    pub text: String,
    pub source: Source,
}

/// Where a sentence came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Source {
    /// A bank entry, by id.
    Bank { id: String },
    /// A brief fact, by its path in the brief (e.g. `tasks[0].points[1]`), with the chain
    /// number compose put before it, if any.
    Brief { path: String },
}

impl Block {
    pub fn text(&self) -> String {
        match self {
            Block::Heading { number, text, .. } => format!("{number}{text}"),
            Block::Paragraph { sentences } => sentences.iter().map(|s| s.text.as_str()).collect(),
        }
    }
}

impl Draft {
    /// The body's length in characters (headings and paragraphs, no title lines).
    pub fn body_length(&self) -> usize {
        self.sections.iter().flat_map(|s| &s.blocks).map(|b| crate::zh::count_chars(&b.text())).sum()
    }
}
