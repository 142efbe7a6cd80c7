//! Running the built binary, and fixtures.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_speechgen"))
}

/// Runs speechgen with arguments, in `dir` when given.
pub fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the speechgen binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under tests/fixtures/.
pub fn fixture(name: &str) -> String {
    root().join("tests/fixtures").join(name).display().to_string()
}

/// Every brief under tests/fixtures/briefs/ and examples/, by path.
pub fn all_briefs() -> Vec<String> {
    let mut out = vec![root().join("examples/brief.yaml").display().to_string()];
    let dir = root().join("tests/fixtures/briefs");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    names.sort();
    out.extend(names.iter().filter(|p| p.extension().is_some_and(|e| e == "yaml")).map(|p| p.display().to_string()));
    out
}

pub fn name_of(path: &str) -> String {
    Path::new(path).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}
