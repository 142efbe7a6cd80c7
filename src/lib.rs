//! speechgen drafts Chinese official speeches (领导讲话稿) from a YAML brief and a phrase bank.
//!
//! # Codemap
//!
//! ```text
//! drafting  brief.yaml ─▶ brief ─▶ plan ─▶ compose ─▶ Draft ─▶ render ─▶ md / txt / json / docx
//!                                  (layout,  (bank + seeded      (Tera templates; serde)
//!                                  sections)  ChaCha picks)
//! mining    files ─▶ corpus (decode, t2s, clean, split, dedup) ─▶ label ─▶ mine ─▶ bank folder
//! analysis  files ─▶ corpus ─▶ label ─▶ analyze ─▶ outline / JSON
//! audit     draft ─▶ check (parse, rules, gazetteer) ─▶ findings
//! ```
//!
//! - `brief`   — serde types of the brief; loading (UTF-8/UTF-16/GB18030, 1 MB budget)
//! - `yaml`    — serde-saphyr with budgets; parser errors → one message with line, column, hint
//! - `bank`    — entries, layering of bank folders, topic table, lint, stats
//! - `slots`   — the values entries may print (brief values + level words + counts)
//! - `plan`    — layout, sections, level-1 headings, length, topics
//! - `compose` — the picker (the only RNG), section builders, the length budget
//! - `draft`   — the structured draft; `render` lays it out (md, txt via Tera; json; docx)
//! - `regen`   — section surgery on an edited Markdown draft
//! - `check`   — `speechgen check`: the quality rules of SPEC §7 over any draft (gazetteer, numbering…)
//! - `section`, `zh`, `script` — section names, Chinese text helpers, Traditional characters
//! - `output`  — the atomic, no-overwrite file writer
//! - `corpus`  — mining's reader: decoding, Traditional → Simplified, cleaning, speeches, copies
//! - `label`   — paragraph → section and heading hierarchy (shared by mine, analyze and check)
//! - `mine`, `analyze` — a bank learnt from a corpus; the outline of a speech
//!
//! # Invariants
//!
//! - Only the loaders (brief, bank, templates, corpus) and the binary touch the file system; every write
//!   goes through `output::write_atomic`, which refuses to overwrite without `force`.
//! - Only `compose::pick` holds an RNG (ChaCha8 from the seed); templates and filters are pure, so
//!   brief + seed + bank + templates fix the output byte for byte. No HashMap order reaches output.
//! - Templates never choose phrases; brief values reach Tera as data, never as template source.
//! - The drafting road loads nothing that mining needs (segmentation, conversion tables).
//! - The library knows nothing of clap, terminals or exit codes.

pub mod analyze;
pub mod bank;
pub mod brief;
pub mod check;
pub mod compose;
pub mod corpus;
pub mod draft;
pub mod error;
pub mod label;
pub mod mine;
pub mod output;
pub mod plan;
pub mod regen;
pub mod render;
pub mod script;
pub mod section;
pub mod slots;
pub mod yaml;
pub mod zh;

use std::path::{Path, PathBuf};

pub use error::{Error, Result};

/// The built-in bank plus each `--bank DIR`, in order.
pub fn load_bank(dirs: &[PathBuf]) -> Result<bank::Bank> {
    let mut files = bank::builtin_files()?;
    for d in dirs {
        files.extend(bank::load_dir_files(d)?);
    }
    bank::Bank::from_files(files)
}

/// The entries of one bank folder (or of the built-in bank), with the topic table that applies to
/// them (the built-in one plus the folder's own), for `bank lint` and `bank stats`.
pub fn bank_entries(dir: Option<&Path>) -> Result<(Vec<bank::Entry>, bank::TopicTable)> {
    let builtin = bank::builtin_files()?;
    let mut topics = bank::TopicTable::default();
    let mut entries = Vec::new();
    let own = match dir {
        Some(d) => {
            for f in builtin {
                if let bank::BankFile::Topics(t) = f {
                    topics.merge(t);
                }
            }
            bank::load_dir_files(d)?
        }
        None => builtin,
    };
    for f in own {
        match f {
            bank::BankFile::Entries(list) => entries.extend(list),
            bank::BankFile::Topics(t) => topics.merge(t),
            bank::BankFile::Other => {}
        }
    }
    Ok((entries, topics))
}

/// What `draft` needs besides the brief.
pub struct DraftRequest<'a> {
    pub brief: &'a brief::Brief,
    /// The brief's file name, recorded in the draft's header.
    pub brief_name: &'a str,
    pub bank: &'a bank::Bank,
    pub templates: &'a render::Templates,
    pub seed: u64,
    pub length: Option<usize>,
    pub format: render::Format,
}

/// A rendered draft and the notes for the writer.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub notes: Vec<String>,
    pub draft: draft::Draft,
}

/// Plans, composes and renders one draft.
pub fn draft(req: &DraftRequest) -> Result<Rendered> {
    let plan = plan::Plan::new(req.brief, req.bank.topics(), req.length);
    let composed = compose::compose(req.brief, req.bank, &plan, req.seed, req.brief_name)?;
    let bytes = match req.format {
        render::Format::Md => req.templates.markdown(&composed.draft)?.into_bytes(),
        render::Format::Txt => req.templates.text(&composed.draft)?.into_bytes(),
        render::Format::Json => render::json(&composed.draft).into_bytes(),
        render::Format::Docx => render::docx(&composed.draft)?,
    };
    Ok(Rendered { bytes, notes: composed.notes, draft: composed.draft })
}

/// Reads a draft (UTF-8 with or without BOM, UTF-16 with BOM, GB18030) and checks it (SPEC §7).
pub fn check_file(path: &Path, opts: &check::Options) -> Result<check::Report> {
    let text = brief::read_text(path, DRAFT)?;
    Ok(check::check(&text, opts))
}

/// A draft, for `check` and `regen`.
pub const DRAFT: brief::Kind = brief::Kind {
    noun: "a draft",
    hint: "give a Markdown or text draft (.md, .txt); save a Word file as .txt first",
};

/// A speech of a corpus, for `analyze` and `mine`.
pub const SPEECH: brief::Kind = brief::Kind {
    noun: "a speech in text form",
    hint: "give .txt or .md files; save a Word or PDF file as .txt first",
};

/// `analyze` of the files given: each must be a text file (a folder or a binary file is refused
/// here, before any is analysed); bad bytes inside a text file are the cleaner's to count.
pub fn analyze_files(paths: &[PathBuf]) -> Result<Vec<analyze::FileReport>> {
    for p in paths {
        brief::refuse_binary(p, SPEECH)?;
    }
    analyze::analyze_paths(paths)
}

/// Rewrites one section of the writer's Markdown draft `old` (named `file` in messages) for the
/// current brief: composes a fresh draft with the request's seed and splices its section in.
pub fn regen(old: &str, file: &str, req: &DraftRequest, section: section::Section) -> Result<regen::Spliced> {
    let plan = plan::Plan::new(req.brief, req.bank.topics(), req.length);
    let marks: Vec<&str> = old.lines().filter(|l| l.trim_start().starts_with("<!-- section:")).collect();
    if marks.is_empty() {
        return Err(Error::input(file, None, "this draft has no section markers (<!-- section: … -->)")
            .with_hint("regen works on Markdown drafts written by speechgen; keep the markers when editing"));
    }
    // Everything the writer keeps: a fresh sentence must not repeat any of it.
    let composed = compose::compose_avoiding(req.brief, req.bank, &plan, req.seed, req.brief_name, old)?;
    let fresh = req.templates.markdown(&composed.draft)?;
    let mut spliced = regen::splice(old, &fresh, section, file)?;
    spliced.notes.extend(composed.notes);
    Ok(spliced)
}

/// The brief's file name without folders, for the draft header.
pub fn brief_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The commented example brief that `init` writes.
pub const EXAMPLE_BRIEF: &str = include_str!("../examples/brief.yaml");

/// The JSON Schema (draft-07) of the brief.
pub fn schema() -> String {
    let settings = schemars::generate::SchemaSettings::draft07();
    let schema = settings.into_generator().into_root_schema_for::<brief::Brief>();
    serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n"
}
