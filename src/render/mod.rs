//! Draft → text. Markdown and plain text go through Tera templates (compiled in, overridable by
//! name with `--templates DIR`); JSON is the draft itself; Word goes through docx-rs. Templates only lay out: every phrase was
//! chosen by compose.

mod docx;

use std::path::Path;

use serde::Serialize;

pub use docx::docx;

use crate::draft::{Block, Draft};
use crate::error::{Error, Result};

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Md,
    Txt,
    Json,
    Docx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "txt" | "text" => Some(Format::Txt),
            "json" => Some(Format::Json),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }

    /// The format an output path's extension names, if any.
    pub fn from_path(p: &Path) -> Option<Format> {
        p.extension().and_then(|e| e.to_str()).and_then(Format::parse)
    }
}

const BUILTIN: [(&str, &str); 2] = [
    ("draft.md", include_str!("../../templates/draft.md")),
    ("draft.txt", include_str!("../../templates/draft.txt")),
];

/// The layout templates: built in, with any of them replaced by a file of the same name.
pub struct Templates {
    tera: tera::Tera,
    /// Template name → what messages call it (the writer's file, or the built-in name).
    labels: Vec<(&'static str, String)>,
}

const TEMPLATE: crate::brief::Kind = crate::brief::Kind {
    noun: "a template",
    hint: "a template is a text file (Tera); copy templates/draft.md from the sources to start from",
};

/// A Tera error as one message with the template's file, line and column, and a hint.
fn template_error(label: &str, e: &tera::Error) -> Error {
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let span = r.span();
            let pos = (span.start_line > 0).then_some(crate::error::Pos { line: span.start_line, col: span.start_col + 1 });
            let syntax = matches!(e.kind(), tera::ErrorKind::SyntaxError(_));
            let what = if syntax { "template syntax error" } else { "the template failed while laying out the draft" };
            let hint = if syntax {
                "close every {{ with }} and every {% if %} / {% for %} with {% endif %} / {% endfor %}"
            } else {
                "the template may use: title, speaker_line, date_line, seed, version, brief, and sections (name, last, blocks: kind, text)"
            };
            Error::input(label, pos, format!("{what}: {}", r.message())).with_hint(hint)
        }
        _ => Error::input(label, None, format!("template error: {}", crate::bank::one_line_error(e)))
            .with_hint("check the template against templates/draft.md of the sources"),
    }
}

impl Templates {
    pub fn builtin() -> Result<Templates> {
        Templates::load(None)
    }

    /// Loads the built-in templates, then `dir/draft.md` and `dir/draft.txt` where present.
    pub fn load(dir: Option<&Path>) -> Result<Templates> {
        if let Some(d) = dir {
            if !d.is_dir() {
                return Err(Error::input(d, None, "--templates needs a folder")
                    .with_hint("the folder may hold draft.md and draft.txt; others keep the built-in ones"));
            }
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on(Vec::<&str>::new());
        let mut labels = Vec::new();
        for (name, text) in BUILTIN {
            let own = match dir.map(|d| d.join(name)) {
                Some(p) if p.exists() => Some((p.display().to_string(), crate::brief::read_text(&p, TEMPLATE)?)),
                _ => None,
            };
            let (label, source) = match &own {
                Some((p, t)) => (p.clone(), t.as_str()),
                None => (name.to_owned(), text),
            };
            tera.add_raw_template(name, source).map_err(|e| template_error(&label, &e))?;
            labels.push((name, label));
        }
        Ok(Templates { tera, labels })
    }

    fn render(&self, name: &str, draft: &Draft) -> Result<String> {
        let label = self.labels.iter().find(|(n, _)| *n == name).map_or(name, |(_, l)| l.as_str());
        let ctx = tera::Context::from_serialize(&View::of(draft)).map_err(|e| template_error(label, &e))?;
        self.tera.render(name, &ctx).map_err(|e| template_error(label, &e))
    }

    pub fn markdown(&self, draft: &Draft) -> Result<String> {
        self.render("draft.md", draft).map(tidy)
    }

    pub fn text(&self, draft: &Draft) -> Result<String> {
        self.render("draft.txt", draft).map(tidy)
    }
}

/// Ends the text with exactly one newline.
fn tidy(s: String) -> String {
    format!("{}\n", s.trim_end())
}

pub fn json(draft: &Draft) -> String {
    serde_json::to_string_pretty(draft).unwrap_or_default() + "\n"
}

/// What the layout templates see: strings only.
#[derive(Serialize)]
struct View<'a> {
    version: &'a str,
    seed: u64,
    brief: &'a str,
    title: &'a str,
    speaker_line: &'a str,
    date_line: Option<&'a str>,
    sections: Vec<ViewSection>,
}

#[derive(Serialize)]
struct ViewSection {
    name: &'static str,
    last: bool,
    blocks: Vec<ViewBlock>,
}

#[derive(Serialize)]
struct ViewBlock {
    /// h1, h2, p, or salutation (the opening's first line).
    kind: &'static str,
    text: String,
}

impl<'a> View<'a> {
    fn of(d: &'a Draft) -> View<'a> {
        let n = d.sections.len();
        View {
            version: &d.meta.version,
            seed: d.meta.seed,
            brief: &d.meta.brief,
            title: &d.title,
            speaker_line: &d.speaker_line,
            date_line: d.date_line.as_deref(),
            sections: d
                .sections
                .iter()
                .enumerate()
                .map(|(i, s)| ViewSection {
                    name: s.name,
                    last: i + 1 == n,
                    blocks: s
                        .blocks
                        .iter()
                        .enumerate()
                        .map(|(j, b)| ViewBlock {
                            kind: match b {
                                Block::Heading { level: 1, .. } => "h1",
                                Block::Heading { .. } => "h2",
                                Block::Paragraph { .. } if i == 0 && j == 0 => "salutation",
                                Block::Paragraph { .. } => "p",
                            },
                            text: b.text(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}
