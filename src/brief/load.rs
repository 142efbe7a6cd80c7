//! Reading a brief: bytes → text (UTF-8 with or without BOM, UTF-16 with BOM, GB18030) → YAML →
//! `Brief`, with errors that point at the line and suggest the nearest known key.

use std::path::Path;

use super::Brief;
use crate::error::{Error, Result};

/// Briefs larger than this are refused before parsing.
pub const MAX_BRIEF_BYTES: usize = 1_000_000;

/// Reads and parses a brief file.
pub fn load_brief(path: &Path) -> Result<Brief> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::input(path, None, "this is a folder, not a brief file")
            .with_hint("give the path of a .yaml brief; `speechgen init brief.yaml` writes an example"));
    }
    if meta.len() > MAX_BRIEF_BYTES as u64 {
        return Err(too_large(path, meta.len() as usize));
    }
    // Read at most one byte past the budget: a device or a pipe has no length to check first.
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| std::io::Read::read_to_end(&mut std::io::Read::take(f, MAX_BRIEF_BYTES as u64 + 1), &mut bytes))
        .map_err(|e| Error::io(path, e))?;
    parse_brief(&bytes, path)
}

/// What a text file is read for, in messages: "a YAML brief", "a draft", "a bank file"…
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// "a YAML brief"
    pub noun: &'static str,
    /// What to do with a binary file.
    pub hint: &'static str,
}

/// A binary file, not text: NUL bytes in its first 64 KiB and no UTF-16 byte-order mark.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..65536).unwrap_or(bytes);
    let utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    !utf16 && head.contains(&0)
}

/// Opens a text file and reads its first 64 KiB, refusing a folder or a binary file: the start
/// tells at once (also for an endless device such as /dev/zero).
fn open_text(path: &Path, kind: Kind) -> Result<(std::fs::File, Vec<u8>)> {
    use std::io::Read;
    if path.is_dir() {
        return Err(Error::input(path, None, format!("this is a folder, not {}", kind.noun)).with_hint(kind.hint));
    }
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut head = Vec::new();
    (&mut file).take(65536).read_to_end(&mut head).map_err(|e| Error::io(path, e))?;
    if looks_binary(&head) {
        return Err(Error::input(path, None, format!("this is a binary file, not {}", kind.noun)).with_hint(kind.hint));
    }
    Ok((file, head))
}

/// Refuses a folder or a binary file by a look at its start, before a command reads it whole.
pub fn refuse_binary(path: &Path, kind: Kind) -> Result<()> {
    open_text(path, kind).map(|_| ())
}

/// The bytes of a text file: a folder, a binary file or one over `MAX_TEXT_BYTES` is refused.
pub fn read_bytes(path: &Path, kind: Kind) -> Result<Vec<u8>> {
    use std::io::Read;
    let (file, mut bytes) = open_text(path, kind)?;
    file.take(MAX_TEXT_BYTES as u64).read_to_end(&mut bytes).map_err(|e| Error::io(path, e))?;
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(Error::input(path, None, format!("the file is larger than {} MB; this is not {}", MAX_TEXT_BYTES >> 20, kind.noun))
            .with_hint("check that this is the right file"));
    }
    Ok(bytes)
}

/// Reads a text file strictly: a folder, a binary file, or bytes that are not text in any of the
/// encodings we read are refused with the path (and the line, for bad bytes) and a hint.
pub fn read_text(path: &Path, kind: Kind) -> Result<String> {
    decode_strict(&read_bytes(path, kind)?, path, kind)
}

/// Drafts, bank files and templates larger than this are refused (a long speech is 100 KB).
pub const MAX_TEXT_BYTES: usize = 64 << 20;

/// Decodes UTF-8 (BOM optional), UTF-16 with BOM or GB18030, refusing what is none of them: a
/// damaged file is an error, not text with U+FFFD in it (mining, which must not stop, replaces
/// and counts instead: `corpus::decode`).
pub fn decode_strict(bytes: &[u8], path: &Path, kind: Kind) -> Result<String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or(&[]);
        return match enc.decode_without_bom_handling_and_without_replacement(body) {
            Some(text) => Ok(text.into_owned()),
            None => Err(Error::input(path, None, format!("the file starts with a {} mark but holds bytes that are not {}: it is damaged or cut short", enc.name(), enc.name()))
                .with_hint("open it in an editor and save it again as UTF-8")),
        };
    }
    if bytes.contains(&0) {
        return Err(Error::input(path, None, format!("this is a binary file, not {}", kind.noun)).with_hint(kind.hint));
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(utf8) => match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            Some(text) => Ok(text.into_owned()),
            None => {
                // Point at the first bad byte as GB18030 sees it when the file starts as GB18030,
                // else where UTF-8 stops.
                let (lossy, _) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
                let prefix: String = if utf8.valid_up_to() == 0 || utf8.valid_up_to() < lossy.find('\u{fffd}').unwrap_or(0) {
                    lossy.split('\u{fffd}').next().unwrap_or("").to_owned()
                } else {
                    String::from_utf8_lossy(bytes.get(..utf8.valid_up_to()).unwrap_or(&[])).into_owned()
                };
                let line = prefix.matches('\n').count() + 1;
                let col = prefix.rsplit('\n').next().unwrap_or("").chars().count() + 1;
                Err(Error::input(path, Some(crate::error::Pos { line, col }), "bytes that are neither UTF-8 nor GB18030 text")
                    .with_hint("save the file as UTF-8 (or GB18030) text; a Word or PDF file must be saved as .txt first"))
            }
        },
    }
}

const BRIEF: Kind = Kind {
    noun: "a YAML brief",
    hint: "a brief is a text file of `key: value` lines; `speechgen init brief.yaml` writes an example",
};

fn too_large(path: &Path, len: usize) -> Error {
    Error::input(path, None, format!("the brief is {len} bytes; a brief may be at most 1 MB"))
        .with_hint("a brief holds the facts of one meeting; check that this is the right file")
}

/// Parses the bytes of a brief; `path` names it in errors.
pub fn parse_brief(bytes: &[u8], path: &Path) -> Result<Brief> {
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(too_large(path, bytes.len()));
    }
    let text = decode_strict(bytes, path, BRIEF)?;
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        return Err(Error::input(path, None, "the brief is empty")
            .with_hint("`speechgen init brief.yaml` writes a commented example to start from"));
    }
    crate::yaml::from_str(&text, path)
}

