//! The one error type of the library. Every I/O error carries its path; every input error says
//! where (file, line, column when known), what was expected, and a hint a writer can act on.

use std::fmt;
use std::path::PathBuf;

/// Where in an input a problem was found (1-based line and column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug)]
pub enum Error {
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: std::io::Error },
    /// A file's content is wrong: bad YAML, a wrong value, an impossible date…
    Input { path: PathBuf, pos: Option<Pos>, message: String, hint: Option<String> },
    /// A template failed to parse or render.
    Template { name: String, message: String },
    /// Refused to overwrite an existing file.
    Exists { path: PathBuf },
    /// A command-line value the library checks (a section name, a length…).
    Usage { message: String, hint: Option<String> },
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io { path: path.into(), source }
    }

    pub fn input(path: impl Into<PathBuf>, pos: Option<Pos>, message: impl Into<String>) -> Self {
        Error::Input { path: path.into(), pos, message: message.into(), hint: None }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), hint: None }
    }

    /// Adds or replaces the hint of an input or usage error.
    pub fn with_hint(mut self, text: impl Into<String>) -> Self {
        match &mut self {
            Error::Input { hint, .. } | Error::Usage { hint, .. } => *hint = Some(text.into()),
            _ => {}
        }
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => {
                let (what, hint) = io_words(source);
                write!(f, "{}: {what}\n  hint: {hint}", path.display())
            }
            Error::Input { path, pos, message, hint } => {
                write!(f, "{}", path.display())?;
                if let Some(p) = pos {
                    write!(f, ":{}:{}", p.line, p.col)?;
                }
                write!(f, ": {message}")?;
                if let Some(h) = hint {
                    write!(f, "\n  hint: {h}")?;
                }
                Ok(())
            }
            Error::Template { name, message } => write!(f, "template {name}: {message}"),
            Error::Exists { path } => write!(
                f,
                "{}: the file exists; nothing was written\n  hint: pass --force to replace it, or choose another -o",
                path.display()
            ),
            Error::Usage { message, hint } => {
                write!(f, "{message}")?;
                if let Some(h) = hint {
                    write!(f, "\n  hint: {h}")?;
                }
                Ok(())
            }
        }
    }
}

/// What an I/O failure means for the writer, and what to do about it.
fn io_words(e: &std::io::Error) -> (&'static str, &'static str) {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => ("no such file or folder", "check the path (a relative path starts from the current folder)"),
        K::PermissionDenied => ("permission denied", "check that you may read (or write) this file and its folder"),
        K::IsADirectory => ("this is a folder, not a file", "give the path of a file"),
        K::NotADirectory => ("a part of this path is a file, not a folder", "check the path"),
        K::AlreadyExists => ("the file exists", "choose another name, or pass --force"),
        K::StorageFull => ("the disk is full", "free some space and run the command again; nothing was replaced"),
        K::ReadOnlyFilesystem => ("the disk is read-only", "write to another folder"),
        K::InvalidData => ("the file is not valid text", "save it as UTF-8 (or GB18030) text"),
        _ => ("cannot read or write the file", "check the path and the disk, then run the command again"),
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
