//! The speechgen binary: parse arguments, call the library, print errors, set the exit code.

mod cli;

use std::ffi::OsString;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use cli::{AnalyzeArgs, BankAction, CheckArgs, Cli, Command, DraftArgs, MineArgs, RegenArgs};
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
            // One message, and under it what the system said, if anything.
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
        Command::Regen(a) => regen(a),
        Command::Check(a) => check(a),
        Command::Mine(a) => mine(a),
        Command::Analyze(a) => analyze(a),
    }
}

fn mine(a: MineArgs) -> Result<u8> {
    use std::io::IsTerminal;
    let progress = std::io::stderr().is_terminal();
    for p in a.paths.iter().filter(|p| p.is_file()) {
        speechgen::brief::refuse_binary(p, speechgen::SPEECH)?;
    }
    let summary = speechgen::mine::mine(&a.paths, &a.output, progress)?;
    eprint!("{summary}");
    Ok(0)
}

fn analyze(a: AnalyzeArgs) -> Result<u8> {
    let json = match a.format.as_str() {
        "text" => false,
        "json" => true,
        f => return Err(Error::usage(format!("unknown format `{f}`")).with_hint("use --format text or --format json")),
    };
    let reports = speechgen::analyze_files(&a.files)?;
    let out = if json { speechgen::analyze::to_json(&reports) } else { speechgen::analyze::to_text(&reports) };
    print_out(out.as_bytes())?;
    Ok(0)
}

fn check(a: CheckArgs) -> Result<u8> {
    let json = match a.format.as_str() {
        "text" => false,
        "json" => true,
        f => return Err(Error::usage(format!("unknown format `{f}`")).with_hint("use text or json")),
    };
    let brief = a.brief.as_deref().map(speechgen::brief::load_brief).transpose()?;
    let bank = speechgen::load_bank(&a.banks)?;
    let mut allow = a.allow;
    if let Some(p) = &a.allow_file {
        let kind = speechgen::brief::Kind { noun: "a list of words", hint: "give a text file with one word a line (# starts a comment)" };
        let text = speechgen::brief::read_text(p, kind)?;
        allow.extend(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from));
    }
    let opts = speechgen::check::Options { brief: brief.as_ref(), topics: Some(bank.topics()), allow, length: a.length };
    let mut reports = Vec::new();
    for d in &a.drafts {
        reports.push((d.display().to_string(), speechgen::check_file(d, &opts)?));
    }
    let out = if json {
        speechgen::check::json(&reports)
    } else {
        reports.iter().map(|(f, r)| speechgen::check::text_report(f, r)).collect()
    };
    print_out(out.as_bytes())?;
    Ok(if reports.iter().any(|(_, r)| r.errors() > 0) { 1 } else { 0 })
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
        speechgen::output::check_target(o, a.force)?;
    }
    let loaded = Loaded::new(&a.brief, &a.sources)?;
    let (seed, fresh) = seed_or_fresh(a.seed.or(loaded.brief.options.seed));
    let req = loaded.request(seed, a.sources.length, format);
    let out = speechgen::draft(&req)?;
    match &a.output {
        Some(o) => speechgen::output::write_atomic(o, &out.bytes, a.force)?,
        None if format == Format::Docx && std::io::IsTerminal::is_terminal(&std::io::stdout()) => {
            return Err(Error::usage("a Word file is binary and is not printed on the terminal")
                .with_hint("write it to a file: -o draft.docx"));
        }
        None => print_out(&out.bytes)?,
    }
    // Notes and the seed once the draft is written: a failed command prints only its error.
    for n in &out.notes {
        eprintln!("note: {n}");
    }
    if fresh {
        eprintln!("seed: {seed}");
    }
    Ok(0)
}

fn regen(a: RegenArgs) -> Result<u8> {
    let section = speechgen::section::Section::parse(&a.section).ok_or_else(|| {
        Error::usage(format!("unknown section `{}`", a.section))
            .with_hint("opening review problems situation tasks guarantee closing, or 开场 成绩回顾 问题不足 认识形势 下步任务 保障落实 结尾号召")
    })?;
    // Read once: the bytes go to the backup as they are, the text to the splice.
    let bytes = speechgen::brief::read_bytes(&a.draft, speechgen::DRAFT)?;
    let old = speechgen::brief::decode_strict(&bytes, &a.draft, speechgen::DRAFT)?;
    let loaded = Loaded::new(&a.brief, &a.sources)?;
    let (seed, fresh) = seed_or_fresh(a.seed);
    let req = loaded.request(seed, a.sources.length, Format::Md);
    let file = a.draft.display().to_string();
    let spliced = speechgen::regen(&old, &file, &req, section)?;
    let mut backup = a.draft.clone().into_os_string();
    backup.push("~");
    speechgen::output::write_atomic(Path::new(&backup), &bytes, true)?;
    speechgen::output::write_atomic(&a.draft, spliced.text.as_bytes(), true)?;
    for n in &spliced.notes {
        eprintln!("note: {n}");
    }
    if fresh {
        eprintln!("seed: {seed}");
    }
    eprintln!("rewrote the {section} section of {file}; the previous version is {}", Path::new(&backup).display());
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

/// What drafting reads besides the command line: the brief, the banks, the templates.
struct Loaded {
    brief: speechgen::brief::Brief,
    name: String,
    bank: speechgen::bank::Bank,
    templates: Templates,
}

impl Loaded {
    fn new(brief: &Path, sources: &cli::Sources) -> Result<Loaded> {
        Ok(Loaded {
            brief: speechgen::brief::load_brief(brief)?,
            name: speechgen::brief_name(brief),
            bank: speechgen::load_bank(&sources.banks)?,
            templates: Templates::load(sources.templates.as_deref())?,
        })
    }

    fn request(&self, seed: u64, length: Option<usize>, format: Format) -> speechgen::DraftRequest<'_> {
        speechgen::DraftRequest {
            brief: &self.brief,
            brief_name: &self.name,
            bank: &self.bank,
            templates: &self.templates,
            seed,
            length,
            format,
        }
    }
}

/// The seed given, or one drawn from the clock (true: print it once the command succeeds).
fn seed_or_fresh(given: Option<u64>) -> (u64, bool) {
    match given {
        Some(s) => (s, false),
        None => (fresh_seed(), true),
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
