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
    /// Validate a phrase bank, or count its entries
    Bank {
        #[command(subcommand)]
        action: BankAction,
    },
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
    /// Extra phrase-bank folders, layered after the built-in bank in order
    #[arg(long = "bank", value_name = "DIR")]
    pub banks: Vec<PathBuf>,
    /// Folder of templates that replace the built-in ones by name
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// Target length in Chinese characters (overrides the brief)
    #[arg(long)]
    pub length: Option<usize>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
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
pub const SUBCOMMANDS: &[&str] = &["draft", "init", "schema", "bank", "help"];
