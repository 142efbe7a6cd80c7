//! `speechgen analyze`: the skeleton of existing speeches — speeches found, headings, and a section
//! label for every non-empty input line (SPEC §5), as an outline or as JSON.

use std::path::PathBuf;

use rayon::prelude::*;
use serde::Serialize;

use crate::corpus::{self, Document, Kind};
use crate::error::Result;
use crate::label::{self, Label};
use crate::section::Section;

#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    pub file: String,
    pub speeches: Vec<SpeechReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeechReport {
    pub title: Option<String>,
    pub paragraphs: Vec<ParaReport>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParaReport {
    /// 1-based line of the input file.
    pub line: usize,
    /// A section name or `other`.
    pub section: &'static str,
    pub heading: Option<String>,
    pub confidence: f64,
    /// Cleaned, Simplified text of the line.
    pub text: String,
    #[serde(skip)]
    pub level: Option<u8>,
}

/// The labels of every paragraph of a document, speech by speech (`labels[i]` for paragraph i).
pub fn label_document(doc: &Document) -> Vec<Label> {
    let mut out: Vec<Label> = doc.paras.iter().map(|_| Label { section: None, confidence: 1.0, heading: None, level: None }).collect();
    for sp in &doc.speeches {
        let labels = label::label(doc.speech_paras(sp));
        for (k, l) in labels.into_iter().enumerate() {
            if let Some(o) = out.get_mut(sp.start + k) {
                *o = l;
            }
        }
    }
    out
}

/// The report of one document: every non-empty line once, in the speech that holds it.
pub fn report(doc: &Document) -> FileReport {
    report_owned(doc.clone())
}

/// `report`, consuming the document: its texts move into the report (no second copy of a large
/// file), and the paragraphs' texts are dropped once they are labelled.
pub fn report_owned(mut doc: Document) -> FileReport {
    let labels = label_document(&doc);
    // What the lines need of their paragraphs.
    let paras: Vec<(Kind, usize)> = doc.paras.iter().map(|p| (p.kind, p.line)).collect();
    doc.paras = Vec::new();
    let mut speeches: Vec<SpeechReport> =
        doc.speeches.iter().map(|sp| SpeechReport { title: sp.title.clone(), paragraphs: Vec::new() }).collect();
    if speeches.is_empty() && !doc.lines.is_empty() {
        speeches.push(SpeechReport { title: None, paragraphs: Vec::new() });
    }
    let mut si = 0;
    for line in std::mem::take(&mut doc.lines) {
        // Lines come in paragraph order: the speech only moves forward.
        if !doc.speeches.get(si).is_some_and(|sp| (sp.start..sp.end).contains(&line.para)) {
            si = doc.speeches.iter().position(|sp| (sp.start..sp.end).contains(&line.para)).unwrap_or(0);
        }
        let para = paras.get(line.para);
        let lab = labels.get(line.para);
        let other = para.is_none_or(|p| p.0 != Kind::Body);
        let first_line = para.is_some_and(|p| p.1 == line.no);
        let pr = ParaReport {
            line: line.no,
            section: if other { "other" } else { lab.and_then(|l| l.section).map_or("other", Section::name) },
            heading: lab.and_then(|l| l.heading.clone()),
            confidence: lab.map_or(1.0, |l| l.confidence),
            text: line.text,
            level: if first_line { lab.and_then(|l| l.level) } else { None },
        };
        if let Some(s) = speeches.get_mut(si) {
            s.paragraphs.push(pr);
        }
    }
    FileReport { file: doc.name, speeches }
}

/// Reads and reports files in parallel, in the given order.
pub fn analyze_paths(paths: &[PathBuf]) -> Result<Vec<FileReport>> {
    paths.par_iter().map(|p| corpus::read_path(p).map(report_owned)).collect()
}

/// JSON: one object for one file, an array for several.
pub fn to_json(reports: &[FileReport]) -> String {
    let v = match reports {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    };
    v.unwrap_or_default() + "\n"
}

/// A readable outline: per speech its title, then each run of one section with its lines and
/// the headings in it.
pub fn to_text(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for f in reports {
        out.push_str(&format!("{}: {} speech(es)\n", f.file, f.speeches.len()));
        for (i, s) in f.speeches.iter().enumerate() {
            let lines = s.paragraphs.first().map(|p| p.line).zip(s.paragraphs.last().map(|p| p.line));
            let span = lines.map_or(String::new(), |(a, b)| format!("  (lines {a}–{b})"));
            out.push_str(&format!("\n  [{}] {}{}\n", i + 1, s.title.as_deref().unwrap_or("(untitled)"), span));
            let mut k = 0;
            while let Some(p) = s.paragraphs.get(k) {
                let mut end = k;
                while s.paragraphs.get(end + 1).is_some_and(|q| q.section == p.section) {
                    end += 1;
                }
                let run = s.paragraphs.get(k..=end).unwrap_or(&[]);
                let last = run.last().map_or(p.line, |q| q.line);
                let conf = run.iter().map(|q| q.confidence).sum::<f64>() / run.len().max(1) as f64;
                let zh = Section::parse(p.section).map_or("其他", Section::chinese);
                out.push_str(&format!("    {:<10} {:<5} lines {}–{}, {} paragraph(s), confidence {:.2}\n", p.section, zh, p.line, last, run.len(), conf));
                for q in run {
                    match q.level {
                        Some(l) if l <= 2 => {
                            let h = q.heading.clone().unwrap_or_else(|| q.text.clone());
                            let indent = "  ".repeat(l as usize);
                            out.push_str(&format!("      {indent}{} (line {})\n", short(&h, 40), q.line));
                        }
                        _ => {}
                    }
                }
                k = end + 1;
            }
        }
        out.push('\n');
    }
    out
}

fn short(s: &str, n: usize) -> String {
    if s.chars().count() <= n { s.to_owned() } else { s.chars().take(n).collect::<String>() + "…" }
}
