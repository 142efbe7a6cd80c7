//! The two shapes of a report: `FILE:LINE:COL: error[code]: message` lines with a hint, and JSON
//! (SPEC §7).

use std::fmt::Write;

use serde::Serialize;

use super::{Finding, Report, Severity};

/// Text: one finding per line with an indented hint, then a summary line.
pub fn text_report(file: &str, report: &Report) -> String {
    let mut s = String::new();
    for f in &report.findings {
        let sev = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(s, "{file}:{}:{}: {sev}[{}]: {}", f.line, f.col, f.code, f.message);
        let _ = writeln!(s, "  hint: {}", f.hint);
    }
    let (e, w) = (report.errors(), report.warnings());
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    let _ = writeln!(s, "{file}: {}, {}", plural(e, "error"), plural(w, "warning"));
    s
}

#[derive(Serialize)]
struct JsonReport<'a> {
    file: &'a str,
    errors: usize,
    warnings: usize,
    findings: &'a [Finding],
}

/// JSON: `{"file", "errors", "warnings", "findings": [...]}` for one file, an array for several.
pub fn json(reports: &[(String, Report)]) -> String {
    let items: Vec<JsonReport> = reports
        .iter()
        .map(|(file, r)| JsonReport { file, errors: r.errors(), warnings: r.warnings(), findings: &r.findings })
        .collect();
    let out = match items.as_slice() {
        [one] => serde_json::to_string_pretty(one),
        many => serde_json::to_string_pretty(many),
    };
    out.unwrap_or_default() + "\n"
}
