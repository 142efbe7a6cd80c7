//! `speechgen mine` (SPEC §5): corpus files → speeches (deduplicated) → labelled paragraphs →
//! structure and phrase-bank entries, written to a bank folder.
//!
//! Files are read in chunks, each chunk in parallel (rayon); a file is reduced to its speeches'
//! fingerprints, statistics and candidate ids right away, so memory follows the bank and the
//! number of speeches, not the corpus's size. Everything that reaches output is ordered
//! (BTreeMap, file order), so mining the same corpus twice writes the same bytes.

mod extract;
mod filter;
mod merge;
mod slot;
mod structure;
pub mod write;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use extract::{sentences, Cand};
pub use filter::reject;
use merge::Merger;
pub use merge::MAX_CANDIDATES;
use structure::SpeechStats;

use crate::bank::TopicTable;
use crate::corpus::{self, dedup, Document, Kind};
use crate::error::{Error, Result};
use crate::section::Section;

/// What one speech gives.
struct SpeechHarvest {
    number: usize,
    nonspeech: bool,
    fp: Vec<u64>,
    quality: dedup::Quality,
    cands: Vec<Cand>,
    stats: SpeechStats,
}

/// “ (2 skipped: not .txt or .md; 1 binary)”, or nothing.
fn skipped_note(other: usize, binary: usize) -> String {
    match (other, binary) {
        (0, 0) => String::new(),
        (n, 0) => format!(" ({n} skipped: not .txt or .md)"),
        (0, b) => format!(" ({b} skipped: binary, not text)"),
        (n, b) => format!(" ({} skipped: {n} not .txt or .md, {b} binary)", n + b),
    }
}

/// What one file gives.
struct FileHarvest {
    name: String,
    debris: usize,
    converted: bool,
    replaced: usize,
    long_lines: usize,
    long_speeches: usize,
    bytes: usize,
    speeches: Vec<SpeechHarvest>,
}

fn harvest(name: &str, bytes: Vec<u8>, topics: &filter::TopicMatcher) -> FileHarvest {
    let size = bytes.len();
    let doc = corpus::read_owned(name, bytes, false);
    let speeches = doc.speeches.iter().enumerate().map(|(i, sp)| harvest_speech(&doc, sp, i + 1, topics)).collect();
    FileHarvest {
        name: name.to_owned(),
        debris: doc.debris,
        converted: doc.converted,
        replaced: doc.replaced,
        long_lines: doc.long_lines,
        long_speeches: doc.long_speeches,
        bytes: size,
        speeches,
    }
}

fn harvest_speech(doc: &Document, sp: &corpus::Span, number: usize, topics: &filter::TopicMatcher) -> SpeechHarvest {
    let paras = doc.speech_paras(sp);
    let labels = crate::label::label(paras);
    let body = || paras.iter().filter(|p| p.kind == Kind::Body).map(|p| p.text.as_str());
    let fp = dedup::fingerprint(body());
    let text: String = body().collect();
    let unmasked = !text.contains("**") && !text.contains("＊＊");
    let headings = labels.iter().filter(|l| l.level == Some(1)).count();
    let quality = dedup::Quality { unmasked, headings, chars: text.chars().count() };
    let opening: String = paras
        .iter()
        .zip(&labels)
        .filter(|(p, l)| p.kind == Kind::Body && l.section == Some(Section::Opening))
        .map(|(p, _)| p.text.as_str())
        .collect();
    let mut ctx = slot::Context::read(&text, &opening);
    let one = |t: &str| Some(topics.topics_of(t)).filter(|tags| tags.len() == 1).and_then(|mut tags| tags.pop());
    ctx.field = ctx.topic.as_deref().and_then(one).or_else(|| sp.title.as_deref().and_then(one));
    let cands = if sp.nonspeech { Vec::new() } else { extract::candidates(paras, &labels, &ctx, topics) };
    let stats = SpeechStats::of(paras, &labels);
    SpeechHarvest { number, nonspeech: sp.nonspeech, fp, quality, cands, stats }
}

/// A mined entry, ready to write.
#[derive(Debug, Clone)]
pub struct MinedEntry {
    pub id: String,
    pub role: &'static str,
    pub topics: Vec<String>,
    pub months: Vec<u8>,
    pub text: String,
    pub source: String,
    pub count: u64,
}

/// The counts `mine` reports.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub files: usize,
    pub skipped: usize,
    /// Files skipped because they are binary, not text.
    pub binary: usize,
    pub bytes: usize,
    pub speeches: usize,
    pub duplicates: usize,
    pub nonspeeches: usize,
    pub debris: usize,
    pub converted: usize,
    pub replaced: usize,
    /// Lines over `corpus::MAX_LINE` bytes, split.
    pub long_lines: usize,
    /// Speeches over `corpus::split::MAX_SPEECH` bytes, cut into parts.
    pub long_speeches: usize,
    /// Distinct candidates left out because their section and role had `MAX_CANDIDATES`.
    pub capped: usize,
    pub entries: BTreeMap<Section, usize>,
    pub written: Vec<PathBuf>,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "mined {} file(s){}: {} speeches, {} duplicate(s) dropped, {} not speeches, {} debris line(s) removed, {} document(s) converted from Traditional, {} invalid byte sequence(s) replaced",
            self.files,
            skipped_note(self.skipped, self.binary),
            self.speeches,
            self.duplicates,
            self.nonspeeches,
            self.debris,
            self.converted,
            self.replaced
        )?;
        if self.long_lines > 0 || self.long_speeches > 0 {
            writeln!(
                f,
                "note: {} line(s) over {} KiB split, {} speech(es) over {} MiB cut into parts (a file without line breaks?)",
                self.long_lines,
                corpus::MAX_LINE >> 10,
                self.long_speeches,
                corpus::split::MAX_SPEECH >> 20
            )?;
        }
        if self.capped > 0 {
            writeln!(f, "note: {} distinct sentence(s) not kept: a section and role holds at most {MAX_CANDIDATES} (the first in corpus order)", self.capped)?;
        }
        let parts: Vec<String> = Section::ALL.iter().map(|s| format!("{} {}", s.name(), self.entries.get(s).copied().unwrap_or(0))).collect();
        let total: usize = self.entries.values().sum();
        writeln!(f, "entries: {} (total {total})", parts.join(", "))?;
        if let Some(dir) = self.written.first().and_then(|p| p.parent()) {
            writeln!(f, "wrote {} file(s) to {}", self.written.len(), dir.display())?;
        }
        Ok(())
    }
}

/// The result of mining, before it is written.
pub struct Mined {
    pub summary: Summary,
    pub entries: BTreeMap<Section, Vec<MinedEntry>>,
    /// structure.yaml without its header.
    pub structure: String,
}

/// Mines in-memory files (name, bytes) in the given order; `exclude` holds texts already in the
/// bank (built-in or a person's), which are not mined again.
pub fn mine_bytes(files: &[(String, Vec<u8>)], exclude: &BTreeSet<String>) -> Mined {
    let (topics, _) = builtin_parts(false);
    let topics = filter::TopicMatcher::new(&topics);
    // The gazetteer is built on another thread while the first files are read, as in `mine`.
    let (m, ()) = rayon::join(
        || {
            let mut m = Merger::default();
            for chunk in files.chunks(CHUNK) {
                let hs: Vec<FileHarvest> = chunk.par_iter().map(|(n, b)| harvest(n, b.clone(), &topics)).collect();
                for h in hs {
                    m.add(h);
                }
            }
            m
        },
        || {
            crate::check::places::gazetteer();
        },
    );
    m.finish(exclude)
}

/// Files per parallel batch; their harvests (small) are merged in corpus order after each batch.
const CHUNK: usize = 64;
/// Bytes per parallel batch (a batch holds at least one file).
const BATCH_BYTES: u64 = 64 << 20;

/// Consecutive batches of at most `CHUNK` files and `BATCH_BYTES` bytes (or one larger file).
fn batches<'a>(files: &'a [PathBuf], sizes: &[u64]) -> Vec<&'a [PathBuf]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, &size) in sizes.iter().enumerate().take(files.len()) {
        if i > start && (i - start >= CHUNK || bytes + size > BATCH_BYTES) {
            out.extend(files.get(start..i));
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    out.extend(files.get(start..));
    out.retain(|b| !b.is_empty());
    out
}

/// The built-in bank, parsed once: its topic table and (when `texts`) its entries' texts.
fn builtin_parts(texts: bool) -> (TopicTable, BTreeSet<String>) {
    let mut t = TopicTable::default();
    let mut out = BTreeSet::new();
    for f in crate::bank::builtin_files().unwrap_or_default() {
        match f {
            crate::bank::BankFile::Topics(list) => t.merge(list),
            crate::bank::BankFile::Entries(list) if texts => out.extend(list.into_iter().filter(|e| !e.source.starts_with("mined:")).map(|e| e.text)),
            _ => {}
        }
    }
    (t, out)
}

/// The texts of the entries in `dir` that mining did not write.
fn own_texts(dir: &Path, out: &mut BTreeSet<String>) {
    if !dir.is_dir() {
        return;
    }
    for f in crate::bank::load_dir_files(dir).unwrap_or_default() {
        if let crate::bank::BankFile::Entries(list) = f {
            out.extend(list.into_iter().filter(|e| !e.source.starts_with("mined:")).map(|e| e.text));
        }
    }
}

/// Names for sources: the path relative to the argument it was found under.
fn display_name(file: &Path, roots: &[PathBuf]) -> String {
    for r in roots {
        if r.is_dir() {
            if let Ok(rel) = file.strip_prefix(r) {
                return rel.display().to_string();
            }
        }
    }
    file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Reads and harvests the files in bounded batches, merging in corpus order; also returns the
/// texts not to mine again (the built-in bank and a person's entries in `dir`).
fn harvest_files(files: &[PathBuf], paths: &[PathBuf], dir: &Path, progress: bool) -> Result<(Merger, BTreeSet<String>)> {
    let (table, mut exclude) = builtin_parts(true);
    own_texts(dir, &mut exclude);
    let topics = filter::TopicMatcher::new(&table);
    let sizes: Vec<u64> = files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).collect();
    let total: u64 = sizes.iter().sum();
    let bar = progress.then(|| {
        let b = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template("mining {bar:30} {bytes}/{total_bytes} {msg}") {
            b.set_style(style);
        }
        b
    });
    let mut m = Merger::default();
    for chunk in batches(files, &sizes) {
        let hs: Vec<Result<Option<FileHarvest>>> = chunk
            .par_iter()
            .map(|f| {
                let bytes = std::fs::read(f).map_err(|e| Error::io(f, e))?;
                let size = bytes.len() as u64;
                // A binary file in a corpus folder (an image, a .txt that is not text) is skipped.
                let h = (!crate::brief::looks_binary(&bytes)).then(|| harvest(&display_name(f, paths), bytes, &topics));
                if let Some(b) = &bar {
                    b.inc(size);
                }
                Ok(h)
            })
            .collect();
        for h in hs {
            match h? {
                Some(h) => m.add(h),
                None => m.summary.binary += 1,
            }
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    Ok((m, exclude))
}

/// `speechgen mine PATH... -o DIR`.
pub fn mine(paths: &[PathBuf], dir: &Path, progress: bool) -> Result<Summary> {
    let (files, skipped) = corpus::collect_files(paths)?;
    if files.is_empty() {
        return Err(Error::usage("no .txt or .md files to mine").with_hint("pass corpus files or folders that hold .txt or .md files"));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Error::input(dir, None, "the bank must be a folder, and this is a file").with_hint("pass a folder with -o"));
    }
    // The gazetteer that the place filter uses is built on another thread while the bank loads
    // and the first files are read (a file that reaches the filter first waits for it).
    let (merged, ()) = rayon::join(
        || harvest_files(&files, paths, dir, progress),
        || {
            crate::check::places::gazetteer();
        },
    );
    let (m, exclude) = merged?;
    if m.summary.files == 0 {
        return Err(Error::usage(format!("no text to mine: the {} file(s) given are binary", m.summary.binary))
            .with_hint("pass .txt or .md files of past speeches; save Word or PDF files as text first"));
    }
    let mut mined = m.finish(&exclude);
    mined.summary.skipped = skipped.len();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut written = vec![write::write_structure(dir, &mined.structure)?];
    for s in Section::ALL {
        let list = mined.entries.get(&s).map(Vec::as_slice).unwrap_or(&[]);
        written.push(write::write_section(dir, s.name(), &format_entries(list))?);
    }
    mined.summary.written = written;
    Ok(mined.summary)
}

/// Entries in the bank format, two-space indented under `entries:`.
pub fn format_entries(list: &[MinedEntry]) -> String {
    let mut out = String::new();
    for e in list {
        out.push_str(&format!("  - id: {}\n    role: {}\n    topics: [{}]\n", e.id, e.role, e.topics.join(", ")));
        if !e.months.is_empty() {
            let m: Vec<String> = e.months.iter().map(u8::to_string).collect();
            out.push_str(&format!("    months: [{}]\n", m.join(", ")));
        }
        out.push_str(&format!("    text: {}\n    source: {}\n    count: {}\n", write::quote(&e.text), write::quote(&e.source), e.count));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speech(number: usize, fp: Vec<u64>, texts: &[&str]) -> SpeechHarvest {
        let cands = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Cand { section: Section::Tasks, role: "point", text: (*t).to_owned(), topics: Vec::new(), months: Vec::new(), para: i + 1 })
            .collect();
        let quality = dedup::Quality { unmasked: true, headings: 0, chars: 100 };
        SpeechHarvest { number, nonspeech: false, fp, quality, cands, stats: SpeechStats::default() }
    }

    fn file(speeches: Vec<SpeechHarvest>) -> FileHarvest {
        FileHarvest { name: "a.txt".into(), debris: 0, converted: false, replaced: 0, long_lines: 0, long_speeches: 0, bytes: 1, speeches }
    }

    #[test]
    fn batches_are_bounded_by_files_and_bytes() {
        let files: Vec<PathBuf> = (0..130).map(|i| PathBuf::from(format!("{i}.txt"))).collect();
        let mut sizes = vec![1u64; 130];
        let lens = |b: &[&[PathBuf]]| b.iter().map(|x| x.len()).collect::<Vec<_>>();
        assert_eq!(lens(&batches(&files, &sizes)), [64, 64, 2]);
        sizes[1] = BATCH_BYTES;
        sizes[3] = BATCH_BYTES * 2;
        assert_eq!(lens(&batches(&files, &sizes)).get(..5), Some(&[1, 1, 1, 1, 64][..]));
    }

    #[test]
    fn caps_distinct_candidates_and_drops_copies_early() {
        let mut m = Merger::with_cap(2);
        let (a, b, c) = ("要把责任压实到每个环节。", "要把工作抓细抓实。", "要把群众冷暖放在心上。");
        m.add(file(vec![speech(1, vec![16, 32, 48], &[a, b, c]), speech(2, vec![16, 32, 48], &[a, a])]));
        // The copy holds nothing once judged.
        assert!(m.speeches.get(1).is_some_and(Option::is_none));
        let mined = m.finish(&BTreeSet::new());
        assert_eq!((mined.summary.capped, mined.summary.duplicates, mined.summary.speeches), (1, 1, 1));
        let texts: Vec<(&str, u64)> = mined.entries.get(&Section::Tasks).into_iter().flatten().map(|e| (e.text.as_str(), e.count)).collect();
        assert_eq!(texts, [(a, 1), (b, 1)]);
    }
}
