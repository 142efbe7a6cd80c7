//! The speechgen binary: parse arguments, call the library, print errors, set the exit code.

mod cli;

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::{BankAction, Cli, Command, DraftArgs};
use speechgen::render::{Format, Templates};
use speechgen::{Error, Result};

fn main() -> ExitCode {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    // `speechgen brief.yaml …` is `speechgen draft brief.yaml …`.
    if let Some(first) = args.get(1).and_then(|a| a.to_str()) {
        if !first.starts_with('-') && !cli::SUBCOMMANDS.contains(&first) {
            args.insert(1, "draft".into());
        }
    }
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli.command) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("speechgen: {e}");
            let mut src = std::error::Error::source(&e);
            while let Some(s) = src {
                eprintln!("  caused by: {s}");
                src = s.source();
            }
            ExitCode::from(2)
        }
    }
}

fn run(cmd: Command) -> Result<u8> {
    match cmd {
        Command::Draft(a) => draft(a),
        Command::Init { path, force } => {
            speechgen::output::write_atomic(&path, speechgen::EXAMPLE_BRIEF.as_bytes(), force)?;
            let schema_path = path.with_file_name("speechgen.schema.json");
            if !schema_path.exists() {
                speechgen::output::write_atomic(&schema_path, speechgen::schema().as_bytes(), false)?;
            }
            eprintln!("wrote {} (and {} for editor completion)", path.display(), schema_path.display());
            Ok(0)
        }
        Command::Schema => {
            print_out(speechgen::schema().as_bytes())?;
            Ok(0)
        }
        Command::Bank { action } => bank(action),
    }
}

fn draft(a: DraftArgs) -> Result<u8> {
    let format = match (&a.format, &a.output) {
        (Some(f), _) => Format::parse(f).ok_or_else(|| {
            Error::usage(format!("unknown format `{f}`")).with_hint("use md, txt, json or docx")
        })?,
        (None, Some(o)) => Format::from_path(o).unwrap_or(Format::Md),
        (None, None) => Format::Md,
    };
    if let Some(o) = &a.output {
        if !a.force && o.exists() {
            return Err(Error::Exists { path: o.clone() });
        }
    }
    let brief = speechgen::brief::load_brief(&a.brief)?;
    let bank = speechgen::load_bank(&a.banks)?;
    let templates = Templates::load(a.templates.as_deref())?;
    let seed = match a.seed.or(brief.options.seed) {
        Some(s) => s,
        None => {
            let s = fresh_seed();
            eprintln!("seed: {s}");
            s
        }
    };
    let name = speechgen::brief_name(&a.brief);
    let req = speechgen::DraftRequest {
        brief: &brief,
        brief_name: &name,
        bank: &bank,
        templates: &templates,
        seed,
        length: a.length,
        format,
    };
    let out = speechgen::draft(&req)?;
    for n in &out.notes {
        eprintln!("note: {n}");
    }
    match &a.output {
        Some(o) => speechgen::output::write_atomic(o, &out.bytes, a.force)?,
        None => print_out(&out.bytes)?,
    }
    Ok(0)
}

fn bank(action: BankAction) -> Result<u8> {
    let (dir, lint) = match action {
        BankAction::Lint { dir } => (dir, true),
        BankAction::Stats { dir } => (dir, false),
    };
    let (entries, topics) = speechgen::bank_entries(dir.as_deref())?;
    if lint {
        let findings = speechgen::bank::lint(&entries, &topics);
        for f in &findings {
            println!("{f}");
        }
        let label = dir.as_deref().map(|d| d.display().to_string()).unwrap_or_else(|| "built-in bank".into());
        eprintln!("{label}: {} entries, {} problems", entries.len(), findings.len());
        Ok(if findings.is_empty() { 0 } else { 1 })
    } else {
        print_out(speechgen::bank::stats(&entries).as_bytes())?;
        Ok(0)
    }
}

fn print_out(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::io(Path::new("<stdout>"), e)),
    }
}

/// A seed from the clock, for drafts without --seed (printed, and recorded in the draft).
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    (nanos ^ (u64::from(std::process::id()) << 32)) % 1_000_000
}
