//! Reading a corpus (SPEC §5 steps 1–4): decoding, Traditional → Simplified, cleaning, splitting
//! into speeches, duplicates. Used by `mine` and `analyze` only; the drafting road never loads it.

pub mod clean;
mod convert;
mod decode;
pub mod dedup;
pub mod split;

use std::path::{Path, PathBuf};

pub use convert::{is_traditional_text, to_simplified, REVERSALS};
pub use decode::{decode, Decoded};
pub use split::Span;

use crate::error::{Error, Result};

/// What a paragraph is, before section labelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Speech text (including headings and the salutation).
    Body,
    /// Web-page debris.
    Debris,
    /// A title line (or `第N篇：`).
    Title,
    /// A date, author, speaker or subtitle line.
    Meta,
}

/// A paragraph: one or more input lines joined, or a piece of a line that held glued paragraphs.
#[derive(Debug, Clone)]
pub struct Para {
    /// First and last input line (1-based).
    pub line: usize,
    pub last: usize,
    /// Cleaned, Simplified text.
    pub text: String,
    pub kind: Kind,
}

/// A non-empty input line, cleaned, and the paragraph its text starts in.
#[derive(Debug, Clone)]
pub struct Line {
    pub no: usize,
    pub text: String,
    pub para: usize,
}

/// One corpus file, read.
#[derive(Debug, Clone)]
pub struct Document {
    pub name: String,
    pub encoding: &'static str,
    pub replaced: usize,
    /// Converted from Traditional.
    pub converted: bool,
    /// Debris lines removed.
    pub debris: usize,
    pub paras: Vec<Para>,
    pub lines: Vec<Line>,
    pub speeches: Vec<Span>,
}

impl Document {
    /// The paragraphs of speech `i`.
    pub fn speech_paras(&self, sp: &Span) -> &[Para] {
        self.paras.get(sp.start..sp.end).unwrap_or(&[])
    }
}

/// Reads one file's bytes into a document.
pub fn read_document(name: &str, bytes: &[u8]) -> Document {
    let d = decode(bytes);
    let converted = is_traditional_text(&d.text);
    let text = if converted { to_simplified(&d.text) } else { d.text };
    let raw: Vec<&str> = text.lines().collect();
    let (mut paras, lines, debris) = clean::paragraphs(&raw);
    let speeches = split::split(&mut paras);
    Document { name: name.to_owned(), encoding: d.encoding, replaced: d.replaced, converted, debris, paras, lines, speeches }
}

/// Reads a file from disk.
pub fn read_path(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(read_document(&path.display().to_string(), &bytes))
}

/// The corpus files under the given files and folders (folders recursively: .txt and .md), in
/// path order, and the files skipped for their extension.
pub fn collect_files(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let (mut files, mut skipped) = (Vec::new(), Vec::new());
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            walk(p, &mut files, &mut skipped)?;
        } else {
            files.push(p.clone());
        }
    }
    files.sort();
    files.dedup();
    skipped.sort();
    Ok((files, skipped))
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<PathBuf>) -> Result<()> {
    for item in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = item.map_err(|e| Error::io(dir, e))?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            walk(&path, files, skipped)?;
        } else if matches!(path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(), Some("txt" | "md")) {
            files.push(path);
        } else {
            skipped.push(path);
        }
    }
    Ok(())
}

/// The heading marker at the start of a text (see `label::heading::marker`).
pub fn heading_marker(t: &str) -> Option<(u8, usize, usize)> {
    crate::label::heading::marker(t)
}
