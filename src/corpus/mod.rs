//! Reading a corpus (SPEC §5 steps 1–4): decoding, Traditional → Simplified, cleaning, splitting
//! into speeches, duplicates. Used by `mine` and `analyze` only; the drafting road never loads it.

pub mod clean;
mod debris;
mod convert;
mod decode;
pub mod dedup;
pub mod split;

use std::path::{Path, PathBuf};

pub use convert::{is_traditional_text, to_simplified, REVERSALS};
pub use decode::{decode, decode_vec, Decoded};
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
    /// Input lines longer than `MAX_LINE` bytes, split into pieces of at most that size.
    pub long_lines: usize,
    /// Speeches longer than `split::MAX_SPEECH` bytes, cut into parts.
    pub long_speeches: usize,
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

/// The longest line (and paragraph) kept whole, in bytes; a longer one is split, after a full
/// stop when there is one in its second half. Real paragraphs stay far below it; the cap keeps a
/// file without line breaks (one 100 MB line) from making the line-level work explode.
pub const MAX_LINE: usize = 64 * 1024;

/// Reads one file's bytes into a document, with every cleaned line (for `analyze`).
pub fn read_document(name: &str, bytes: &[u8]) -> Document {
    read_owned(name, bytes.to_vec(), true)
}

/// Reads one file's bytes into a document; `keep_lines: false` leaves `lines` empty (mining
/// needs only the paragraphs). The bytes are reused as the text when they are UTF-8.
pub fn read_owned(name: &str, bytes: Vec<u8>, keep_lines: bool) -> Document {
    let d = decode_vec(bytes);
    let (encoding, replaced) = (d.encoding, d.replaced);
    let converted = is_traditional_text(&d.text);
    let text = if converted { to_simplified(&d.text) } else { d.text };
    let (raw, long_lines) = capped_lines(&text);
    let (mut paras, lines, debris) = clean::paragraphs(&raw, keep_lines);
    drop(raw);
    drop(text);
    split::outlines(&mut paras);
    let (speeches, long_speeches) = split::split(&mut paras);
    Document { name: name.to_owned(), encoding, replaced, converted, debris, long_lines, long_speeches, paras, lines, speeches }
}

/// The lines of a text with their 1-based numbers; a line over `MAX_LINE` bytes comes as several
/// pieces with the same number. Also returns how many lines were split.
fn capped_lines(text: &str) -> (Vec<(usize, &str)>, usize) {
    let mut out = Vec::new();
    let mut long = 0;
    for (i, line) in text.lines().enumerate() {
        if line.len() <= MAX_LINE {
            out.push((i + 1, line));
            continue;
        }
        long += 1;
        let mut rest = line;
        while rest.len() > MAX_LINE {
            let cut = split_point(rest, MAX_LINE);
            out.push((i + 1, rest.get(..cut).unwrap_or("")));
            rest = rest.get(cut..).unwrap_or("");
        }
        if !rest.is_empty() {
            out.push((i + 1, rest));
        }
    }
    (out, long)
}

/// Where to cut a text longer than `max` bytes: after the last 。！？ in the second half of the
/// first `max` bytes, else at the last character boundary at or before `max` (never 0).
fn split_point(t: &str, max: usize) -> usize {
    let mut end = max.min(t.len());
    while end > 0 && !t.is_char_boundary(end) {
        end -= 1;
    }
    let window = t.get(..end).unwrap_or("");
    let stop = window.rfind(['。', '！', '？']).map(|i| i + '。'.len_utf8()).filter(|&i| i >= max / 2);
    match stop {
        Some(i) => i,
        None if end > 0 => end,
        None => t.chars().next().map_or(t.len(), char::len_utf8),
    }
}

/// Reads a file from disk.
pub fn read_path(path: &Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    Ok(read_owned(&path.display().to_string(), bytes, true))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_overlong_lines() {
        let sentence = "要把各项任务落到实处。";
        let line = sentence.repeat(MAX_LINE / sentence.len() * 3);
        let text = format!("同志们：\n{line}\n谢谢大家！");
        let (lines, long) = capped_lines(&text);
        assert_eq!(long, 1);
        assert!(lines.iter().all(|(_, l)| l.len() <= MAX_LINE));
        assert!(lines.iter().filter(|(n, _)| *n == 2).all(|(_, l)| l.ends_with('。')));
        assert_eq!(lines.iter().map(|(_, l)| l.len()).sum::<usize>(), text.len() - 2);
        // No full stop at all: cut at a character boundary.
        let plain = "抓".repeat(MAX_LINE);
        let (lines, long) = capped_lines(&plain);
        assert_eq!((long, lines.len()), (1, 4)); // 65,535 bytes a piece: 抓 takes three
        assert_eq!(lines.iter().map(|(_, l)| l.len()).sum::<usize>(), plain.len());
    }
}
