//! Command-line definitions (clap). Parsing only; main.rs does the work.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(name = "speechgen", version, about = "起草领导讲话稿：从 YAML 提要生成结构化初稿", long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write a draft from a brief (`speechgen BRIEF.yaml` is the same)
    Draft(DraftArgs),
    /// Write a commented example brief
    Init {
        /// Where to write it (default: brief.yaml)
        #[arg(default_value = "brief.yaml")]
        path: PathBuf,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema (draft-07) of the brief
    Schema,
    /// Audit drafts against the quality rules (exit 1 when any error is found)
    Check(CheckArgs),
    /// Rewrite one section of an edited Markdown draft, keeping every other byte
    Regen(RegenArgs),
    /// Validate a phrase bank, or count its entries
    Bank {
        #[command(subcommand)]
        action: BankAction,
    },
    /// Learn structure and phrases from past speeches into a phrase-bank folder
    Mine(MineArgs),
    /// Show the structure of existing speeches: speeches, headings, a section for every paragraph
    Analyze(AnalyzeArgs),
}

#[derive(clap::Args, Debug)]
pub struct MineArgs {
    /// Corpus files or folders (.txt and .md, folders recursively)
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The bank folder to write (created if missing; a person's files and entries in it are kept)
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,
}

#[derive(clap::Args, Debug)]
pub struct AnalyzeArgs {
    /// Speech files (.txt, .md)
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// text (an outline) or json
    #[arg(long, default_value = "text")]
    pub format: String,
}

#[derive(clap::Args, Debug)]
pub struct DraftArgs {
    /// The brief (YAML)
    pub brief: PathBuf,
    /// Output file (default: stdout)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// md, txt, json or docx (default: from the output's extension, else md)
    #[arg(long)]
    pub format: Option<String>,
    /// Seed for phrase choice; the same seed gives the same draft
    #[arg(long)]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub sources: Sources,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Drafts to check: Markdown or plain text, generated, edited or hand-written
    #[arg(required = true)]
    pub drafts: Vec<PathBuf>,
    /// The brief the draft was written from: adds the fact, number, header and place-name rules
    #[arg(long)]
    pub brief: Option<PathBuf>,
    /// text or json
    #[arg(long, default_value = "text")]
    pub format: String,
    /// A word that may name a place (a fixed phrase such as 红旗渠精神); may be repeated
    #[arg(long = "allow", value_name = "WORD")]
    pub allow: Vec<String>,
    /// A file of such words, one per line (# starts a comment)
    #[arg(long, value_name = "FILE")]
    pub allow_file: Option<PathBuf>,
    /// Extra phrase-bank folders whose topics.yaml extends the topic table
    #[arg(long = "bank", value_name = "DIR")]
    pub banks: Vec<PathBuf>,
    /// Target length in characters (overrides the brief's options.length)
    #[arg(long, value_parser = length)]
    pub length: Option<usize>,
}

#[derive(clap::Args, Debug)]
pub struct RegenArgs {
    /// The Markdown draft (rewritten in place; the previous version is kept as DRAFT.md~)
    pub draft: PathBuf,
    /// The brief (facts may have changed since the draft was written)
    #[arg(long)]
    pub brief: PathBuf,
    /// The section: opening review problems situation tasks guarantee closing (or 开场 成绩回顾 …)
    #[arg(long)]
    pub section: String,
    /// Seed for the new section's phrasing
    #[arg(long)]
    pub seed: Option<u64>,
    #[command(flatten)]
    pub sources: Sources,
}

/// Where phrasing and layout come from, shared by draft and regen.
#[derive(clap::Args, Debug)]
pub struct Sources {
    /// Extra phrase-bank folders, layered after the built-in bank in order
    #[arg(long = "bank", value_name = "DIR")]
    pub banks: Vec<PathBuf>,
    /// Folder of templates that replace the built-in ones by name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Target length in Chinese characters, 800 to 20000 (overrides the brief)
    #[arg(long, value_parser = length)]
    pub length: Option<usize>,
}

#[derive(Subcommand, Debug)]
pub enum BankAction {
    /// Check entries: sections, roles, slots, templates, duplicates, placeholders, script, punctuation
    Lint {
        /// A bank folder (default: the built-in bank)
        dir: Option<PathBuf>,
    },
    /// Count entries by section, role and topic
    Stats {
        /// A bank folder (default: the built-in bank)
        dir: Option<PathBuf>,
    },
}

/// Known subcommand names; anything else in first position is taken as a brief.
pub const SUBCOMMANDS: &[&str] = &["draft", "init", "schema", "bank", "check", "mine", "analyze", "regen", "help"];

/// `--length`: the range the brief's options.length allows too.
fn length(s: &str) -> Result<usize, String> {
    let range = speechgen::brief::LENGTHS;
    let n: u32 = s.trim().parse().map_err(|_| format!("`{s}` is not a whole number; give a length such as 3000"))?;
    if !range.contains(&n) {
        return Err(format!("{n} is out of range; give a number from {} to {}", range.start(), range.end()));
    }
    Ok(n as usize)
}
