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
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    parse_brief(&bytes, path)
}

fn too_large(path: &Path, len: usize) -> Error {
    Error::input(path, None, format!("the brief is {len} bytes; a brief may be at most 1 MB"))
        .with_hint("a brief holds the facts of one meeting; check that this is the right file")
}

/// Decodes bytes as UTF-8 (BOM optional), UTF-16 (with BOM) or GB18030. Returns None for data that
/// is plainly binary (NUL bytes outside UTF-16).
pub fn decode_text(bytes: &[u8]) -> Option<String> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Some(text.into_owned());
    }
    if bytes.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(s.to_owned()),
        Err(_) => {
            let (text, _, _) = encoding_rs::GB18030.decode(bytes);
            Some(text.into_owned())
        }
    }
}

/// Parses the bytes of a brief; `path` names it in errors.
pub fn parse_brief(bytes: &[u8], path: &Path) -> Result<Brief> {
    if bytes.len() > MAX_BRIEF_BYTES {
        return Err(too_large(path, bytes.len()));
    }
    let Some(text) = decode_text(bytes) else {
        return Err(Error::input(path, None, "this is a binary file, not a YAML brief")
            .with_hint("a brief is a text file; `speechgen init brief.yaml` writes an example"));
    };
    if text.trim().is_empty() {
        return Err(Error::input(path, None, "the brief is empty")
            .with_hint("`speechgen init brief.yaml` writes a commented example to start from"));
    }
    crate::yaml::from_str(&text, path)
}

