//! Writing the mined bank folder without losing a person's work (SPEC §9): mining owns the files
//! that start with `HEADER`; in them it replaces the entries whose source is `mined:…` and keeps
//! every other entry byte for byte. A person's file with the same name is never touched: the
//! mined entries then go to `<name>.mined.yaml`.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The first line of every file mining writes.
pub const HEADER: &str = "# written by speechgen mine — edits here are replaced on the next mine; put your own entries in other files";

/// A string as a YAML double-quoted scalar.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn is_ours(text: &str) -> bool {
    text.starts_with(HEADER) || text.trim_start_matches('\u{feff}').starts_with(HEADER)
}

/// The entry blocks of one of our files that mining did not write, verbatim.
pub fn kept_blocks(text: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    let mut cur: Option<String> = None;
    let mut in_entries = false;
    for line in text.split_inclusive('\n') {
        if !in_entries {
            in_entries = line.trim_end() == "entries:";
            continue;
        }
        let starts_block = line.starts_with("  - ") || line.starts_with("- ");
        let top_level = !line.starts_with(' ') && !line.trim().is_empty() && !line.starts_with('-') && !line.starts_with('#');
        if starts_block || top_level {
            if let Some(b) = cur.take() {
                blocks.push(b);
            }
            if top_level {
                in_entries = false;
                continue;
            }
            cur = Some(String::new());
        }
        if let Some(b) = cur.as_mut() {
            b.push_str(line);
        }
    }
    if let Some(b) = cur.take() {
        blocks.push(b);
    }
    blocks.retain(|b| !is_mined_block(b));
    for b in &mut blocks {
        if !b.ends_with('\n') {
            b.push('\n');
        }
    }
    blocks
}

fn is_mined_block(b: &str) -> bool {
    b.lines().any(|l| {
        let t = l.trim_start().trim_start_matches("- ");
        t.strip_prefix("source:").is_some_and(|v| v.trim().trim_start_matches(['"', '\'']).starts_with("mined:"))
    })
}

/// Where mining may write `name` in `dir`: the file itself when it is new or ours, else
/// `<stem>.mined.yaml`; with the text already there, if any.
fn target(dir: &Path, name: &str) -> Result<(PathBuf, Option<String>)> {
    let stem = name.trim_end_matches(".yaml");
    for candidate in [name.to_owned(), format!("{stem}.mined.yaml")] {
        let path = dir.join(&candidate);
        if !path.exists() {
            return Ok((path, None));
        }
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if is_ours(&text) {
            return Ok((path, Some(text)));
        }
    }
    Err(Error::input(dir.join(format!("{stem}.mined.yaml")), None, "this file was not written by mining, and mining will not overwrite it")
        .with_hint("rename or move it, or mine into another folder"))
}

/// Writes one section file: our header, the section, the kept entries of a person, then the
/// mined entries (already formatted). Returns the path written.
pub fn write_section(dir: &Path, section: &str, mined: &str) -> Result<PathBuf> {
    let (path, old) = target(dir, &format!("{section}.yaml"))?;
    let kept = old.as_deref().map(kept_blocks).unwrap_or_default();
    let mut out = format!("{HEADER}\nsection: {section}\n");
    if kept.is_empty() && mined.is_empty() {
        out.push_str("entries: []\n");
    } else {
        out.push_str("entries:\n");
        for b in &kept {
            out.push_str(b);
        }
        out.push_str(mined);
    }
    crate::output::write_atomic(&path, out.as_bytes(), old.is_some())?;
    Ok(path)
}

/// Writes `structure.yaml` (all ours).
pub fn write_structure(dir: &Path, body: &str) -> Result<PathBuf> {
    let (path, old) = target(dir, "structure.yaml")?;
    let out = format!("{HEADER}\n{body}");
    crate::output::write_atomic(&path, out.as_bytes(), old.is_some())?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_persons_entries_verbatim() {
        let file = format!(
            "{HEADER}\nsection: review\nentries:\n  - id: review.lead.mined.0001\n    role: lead\n    text: \"甲\"\n    source: \"mined:a.txt#1:2\"\n    count: 1\n  - id: my.own\n    role: lead\n    # my note\n    text:   \"乙\"\n    source: mine-by-hand\n"
        );
        let kept = kept_blocks(&file);
        assert_eq!(kept, ["  - id: my.own\n    role: lead\n    # my note\n    text:   \"乙\"\n    source: mine-by-hand\n"]);
        assert_eq!(quote("他说\"好\""), "\"他说\\\"好\\\"\"");
    }
}
