//! `speechgen check`: audits any draft — generated, edited or hand-written, Markdown or plain
//! text — against the quality rules of SPEC §7.
//!
//! ```text
//! text ─▶ doc (lines, comments blanked, header, speeches, section markers)
//!        ├─ text       placeholder debris traditional half-width repeated-sentence long-paragraph
//!        ├─ numbering  numbering count-mismatch
//!        ├─ facts      (with a brief) missing-fact unknown-number speaker/date/meeting-mismatch length
//!        ├─ places     (with a brief) place-name — gazetteer + one Aho-Corasick automaton
//!        └─ topics     off-topic (warning)
//! ```
//!
//! Pure: the caller reads the files; `check` takes the text and gives findings sorted by place.

mod doc;
mod facts;
mod numbering;
pub(crate) mod places;
mod report;
mod text;
mod topics;

use serde::Serialize;

use crate::bank::TopicTable;
use crate::brief::Brief;
use doc::Doc;

pub use places::ALLOWED_PHRASES;
pub use report::{json, text_report};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, at a 1-based line and column (columns count characters).
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub hint: String,
}

pub type Findings = Vec<Finding>;

impl Finding {
    fn at(doc: &Doc, line: usize, off: usize, severity: Severity, code: &'static str, message: String, hint: String) -> Finding {
        let (no, col) = doc.line(line).map_or((1, 1), |l| (l.no, l.col(off)));
        Finding { line: no, col, severity, code, message, hint }
    }

    fn error(doc: &Doc, line: usize, off: usize, code: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Finding {
        Finding::at(doc, line, off, Severity::Error, code, message.into(), hint.into())
    }

    fn warning(doc: &Doc, line: usize, off: usize, code: &'static str, message: impl Into<String>, hint: impl Into<String>) -> Finding {
        Finding::at(doc, line, off, Severity::Warning, code, message.into(), hint.into())
    }
}

/// What to check the draft against.
#[derive(Default)]
pub struct Options<'a> {
    pub brief: Option<&'a Brief>,
    /// The topic table (from the bank) for off-topic warnings; none skips them.
    pub topics: Option<&'a TopicTable>,
    /// Words that may contain or be a place name (`--allow`), besides ALLOWED_PHRASES.
    pub allow: Vec<String>,
    /// The target length, overriding the brief's (`--length`).
    pub length: Option<usize>,
}

/// The findings for one draft.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }

    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}

/// Checks one draft's text.
pub fn check(input: &str, opts: &Options) -> Report {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let doc = Doc::parse(input);
    let ctx = opts.brief.map(facts::BriefCtx::new);
    let from_brief = |norm: &str| ctx.as_ref().is_some_and(|c| c.holds_brief_text(norm));
    let mut out = Findings::new();
    for sp in &doc.speeches {
        let all: Vec<usize> = (sp.start..sp.end).filter(|&i| doc.line(i).is_some_and(|l| !l.is_blank())).collect();
        for &i in &all {
            text::placeholders(&doc, i, ctx.as_ref().is_some_and(|c| c.braces), &mut out);
            text::debris(&doc, i, &mut out);
            text::traditional(&doc, i, &mut out);
            text::half_width(&doc, i, &mut out);
        }
        for i in doc.body(sp) {
            text::long_paragraph(&doc, i, &mut out);
        }
        text::repeated(&doc, sp, &from_brief, &mut out);
        let items = numbering::items(&doc, sp);
        numbering::check_sequences(&doc, &items, &mut out);
        numbering::check_counts(&doc, sp, &items, &mut out);
    }
    if let (Some(brief), Some(ctx)) = (opts.brief, &ctx) {
        facts::missing_facts(&doc, ctx, &mut out);
        facts::unknown_numbers(&doc, ctx, &mut out);
        facts::header(&doc, brief, &mut out);
        let target = opts.length.or(brief.options.length.map(|l| l as usize)).unwrap_or(crate::plan::DEFAULT_LENGTH);
        facts::length(&doc, target, &mut out);
        place_names(&doc, brief, ctx, opts, &mut out);
    }
    if let Some(table) = opts.topics {
        let own = opts.brief.map(|b| brief_topics(b, table));
        let matcher = topics::Matcher::new(table);
        for sp in &doc.speeches {
            let own = own.clone().unwrap_or_else(|| topics::inferred(&doc, sp, table));
            topics::off_topic(&doc, sp, &matcher, &own, &from_brief, &mut out);
        }
    }
    out.sort_by(|a, b| (a.line, a.col, a.severity, a.code).cmp(&(b.line, b.col, b.severity, b.code)));
    out.dedup_by(|a, b| a.line == b.line && a.col == b.col && a.code == b.code && a.message == b.message);
    Report { findings: out }
}

/// The brief's topics: those the drafter infers, plus those of any of its task titles and facts.
fn brief_topics(brief: &Brief, table: &TopicTable) -> Vec<String> {
    let mut own = crate::plan::infer_topics(brief, table);
    let mut texts: Vec<&str> = brief.tasks.iter().map(|t| t.title()).collect();
    texts.extend(brief.tasks.iter().flat_map(|t| t.points().iter().map(String::as_str)));
    for t in table.infer(texts.iter().copied()) {
        if !own.contains(&t) {
            own.push(t);
        }
    }
    own
}

fn place_names(doc: &Doc, brief: &Brief, ctx: &facts::BriefCtx, opts: &Options, out: &mut Findings) {
    let allowed = places::Allowed::new(brief, &ctx.strings, opts.allow.clone());
    let g = places::gazetteer();
    for sp in &doc.speeches {
        for i in (sp.start..sp.end).filter(|&i| doc.line(i).is_some_and(|l| !l.is_blank())) {
            let Some(line) = doc.line(i) else { continue };
            let body = line.body();
            for hit in g.find(body) {
                if allowed.allows(&hit, body) {
                    continue;
                }
                out.push(Finding::error(
                    doc,
                    i,
                    hit.start,
                    "place-name",
                    format!("“{}” is a place name that is not the brief's locality ({}) or its superiors", hit.name, brief.locality.name),
                    "a name left over from a 范文? write the brief's place, or allow the word with --allow",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests;
