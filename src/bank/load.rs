//! Reading bank folders: the built-in one compiled in from `phrasebank/`, and users' folders.
//! `topics.yaml` holds the topic table; `structure.yaml` (written by `mine`) is skipped here.

use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::entry::{slot_paths, Entry, Origin, GENERAL};
use super::topics::Topic;
use crate::error::{Error, Pos, Result};
use crate::section::Section;

static BUILTIN: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/phrasebank");

/// One parsed bank file.
pub enum BankFile {
    Entries(Vec<Entry>),
    Topics(Vec<Topic>),
    Other,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    section: Option<Section>,
    entries: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: Spanned<String>,
    #[serde(default)]
    section: Option<Section>,
    role: String,
    #[serde(default)]
    topics: Vec<String>,
    #[serde(default)]
    kinds: Vec<String>,
    #[serde(default)]
    levels: Vec<String>,
    #[serde(default)]
    months: Vec<u8>,
    text: String,
    #[serde(default)]
    needs: Vec<String>,
    #[serde(default)]
    weight: Option<f64>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    count: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopics {
    topics: Vec<Topic>,
}

/// The built-in bank's files, in path order.
pub fn builtin_files() -> Result<Vec<BankFile>> {
    let mut files: Vec<&include_dir::File> = Vec::new();
    collect(&BUILTIN, &mut files);
    files.sort_by(|a, b| a.path().cmp(b.path()));
    files
        .into_iter()
        .map(|f| {
            let name = format!("phrasebank/{}", f.path().display());
            let text = std::str::from_utf8(f.contents())
                .map_err(|_| Error::input(&name, None, "the built-in bank file is not UTF-8"))?;
            parse_file(text, &name)
        })
        .collect()
}

fn collect<'a>(dir: &'a Dir<'a>, out: &mut Vec<&'a include_dir::File<'a>>) {
    for f in dir.files() {
        if is_yaml(f.path()) {
            out.push(f);
        }
    }
    for d in dir.dirs() {
        collect(d, out);
    }
}

fn is_yaml(p: &Path) -> bool {
    matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
}

const BANK_FILE: crate::brief::Kind = crate::brief::Kind {
    noun: "a YAML bank file",
    hint: "a bank folder holds only YAML text files (section: and entries:); move other files out of it",
};

/// The `.yaml` files of a user's bank folder (recursively, in path order), parsed.
pub fn load_dir_files(dir: &Path) -> Result<Vec<BankFile>> {
    let meta = std::fs::metadata(dir).map_err(|e| Error::io(dir, e))?;
    if !meta.is_dir() {
        return Err(Error::input(dir, None, "a bank is a folder of .yaml files, and this is not a folder")
            .with_hint("pass the folder that holds the bank's .yaml files"));
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths)?;
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = crate::brief::read_text(p, BANK_FILE)?;
            parse_file(&text, &p.display().to_string())
        })
        .collect()
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    for item in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = item.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Parses one bank file; `name` is used in messages.
pub fn parse_file(text: &str, name: &str) -> Result<BankFile> {
    let base = Path::new(name).file_name().and_then(|f| f.to_str()).unwrap_or("");
    let path = Path::new(name);
    match base {
        "structure.yaml" => return Ok(BankFile::Other),
        "topics.yaml" => {
            let raw: RawTopics = crate::yaml::from_str(text, path)?;
            return Ok(BankFile::Topics(raw.topics));
        }
        _ => {}
    }
    let raw: RawFile = crate::yaml::from_str(text, path)?;
    raw.entries
        .into_iter()
        .map(|r| {
            let origin = Origin { file: name.to_owned(), line: r.id.referenced.line() as usize, col: r.id.referenced.column() as usize };
            let section = r.section.or(raw.section).ok_or_else(|| {
                Error::input(name, Some(Pos { line: origin.line, col: origin.col }), format!("entry {} has no section", r.id.value))
                    .with_hint("put `section: review` (or another section) at the top of the file or on the entry")
            })?;
            let (mut needs, _) = slot_paths(&r.text);
            for n in r.needs {
                if !needs.contains(&n) {
                    needs.push(n);
                }
            }
            let topics = if r.topics.is_empty() { vec![GENERAL.to_owned()] } else { r.topics };
            let need_mask = crate::slots::mask(&needs);
            Ok(Entry {
                need_mask,
                topic_mask: 0,
                id: r.id.value,
                section,
                role: r.role,
                topics,
                kinds: r.kinds,
                levels: r.levels,
                months: r.months,
                text: r.text,
                needs,
                weight: r.weight.unwrap_or(1.0),
                source: r.source.unwrap_or_else(|| "curated".into()),
                count: r.count,
                origin,
            })
        })
        .collect::<Result<Vec<_>>>()
        .map(BankFile::Entries)
}
