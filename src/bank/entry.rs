//! One bank entry and the slots its text uses.

use serde::Serialize;

use crate::error::Pos;
use crate::section::Section;

/// The topic tag that fits every topic.
pub const GENERAL: &str = "通用";

/// Where an entry was read from, for messages.
#[derive(Debug, Clone, Serialize)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub col: usize,
}

impl Origin {
    pub fn pos(&self) -> Pos {
        Pos { line: self.line, col: self.col }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub id: String,
    pub section: Section,
    pub role: String,
    pub topics: Vec<String>,
    pub kinds: Vec<String>,
    /// Levels of locality it fits (政府, 企业, or a level word such as 县 or 集团); empty = all.
    pub levels: Vec<String>,
    pub months: Vec<u8>,
    pub text: String,
    /// Slots that must be non-empty for the entry to be chosen (declared plus inferred).
    pub needs: Vec<String>,
    pub weight: f64,
    pub source: String,
    /// How often mining saw the phrase; None for written entries.
    pub count: Option<u64>,
    /// `needs` as a slot mask (see `slots::bit`).
    #[serde(skip)]
    pub need_mask: u32,
    /// `topics` as a mask over the bank's tags (see `Bank::topic_mask`); 0 for general entries.
    #[serde(skip)]
    pub topic_mask: u64,
    #[serde(skip)]
    pub origin: Origin,
}

impl Entry {
    pub fn is_general(&self) -> bool {
        self.topics.is_empty() || self.topics.iter().any(|t| t == GENERAL)
    }

    /// True when the text prints this slot.
    pub fn uses(&self, slot: &str) -> bool {
        self.need_mask & crate::slots::bit(slot) != 0
    }
}

/// What `levels:` may hold: the two classes, and the level words of `slots::level_of`.
pub const LEVELS: &[&str] = &[
    "政府", "企业", "省", "市", "县", "区", "旗", "镇", "乡", "街道", "村", "社区", "局", "厅", "公司", "集团", "单位",
];

/// The class of a locality level: a company (公司, 集团, or a 单位 that is neither) or a
/// government (every other level).
pub fn level_class(level: &str) -> &'static str {
    if matches!(level, "公司" | "集团" | "单位") { "企业" } else { "政府" }
}

impl Entry {
    /// True when the entry may be said at a meeting of a locality of this level.
    pub fn fits_level(&self, level: &str) -> bool {
        self.levels.is_empty() || self.levels.iter().any(|l| l == level || l == level_class(level))
    }
}

/// The slot paths in a text: those printed with `{{ … }}` (needed) and those only tested in
/// `{% … %}` (optional). Filters after `|` are ignored.
pub fn slot_paths(text: &str) -> (Vec<String>, Vec<String>) {
    let mut printed = Vec::new();
    let mut tested = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(['{']) {
        let after = &rest[start..];
        let (close, is_print) = if after.starts_with("{{") {
            ("}}", true)
        } else if after.starts_with("{%") {
            ("%}", false)
        } else {
            rest = &after[1..];
            continue;
        };
        // The closer is looked for after the opener: `{%}` is an opener never closed.
        let Some(end) = after.get(2..).and_then(|a| a.find(close)).map(|e| e + 2) else { break };
        let inner = after[2..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
        let inner = inner.split('|').next().unwrap_or("");
        for word in inner.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.')) {
            if word.is_empty() || KEYWORDS.contains(&word) || word.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let list = if is_print { &mut printed } else { &mut tested };
            if !list.iter().any(|w| w == word) {
                list.push(word.to_owned());
            }
        }
        rest = &after[end + 2..];
    }
    // A slot tested anywhere (`{% if slot %}`) is optional, even where it is also printed.
    printed.retain(|p| !tested.contains(p));
    (printed, tested)
}

const KEYWORDS: &[&str] = &["if", "elif", "else", "endif", "and", "or", "not", "is", "in", "true", "false", "none"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_slots_are_needed_tested_ones_optional() {
        let (need, opt) = slot_paths("{{ period.review }}，{% if locality.superior %}在{{ locality.superior }}的领导下，{% endif %}{% if speaker.on_behalf_of %}我{% endif %}{{ locality.all }}上下");
        assert_eq!(need, ["period.review", "locality.all"]);
        assert_eq!(opt, ["locality.superior", "speaker.on_behalf_of"]);
    }

    fn check_level(levels: &[&str], level: &str, expected: bool) {
        let mut e = crate::bank::Bank::from_files(crate::bank::builtin_files().unwrap()).unwrap().entries()[0].clone();
        e.levels = levels.iter().map(|l| l.to_string()).collect();
        assert_eq!(e.fits_level(level), expected, "{levels:?} at {level}");
    }

    #[test]
    fn levels_keep_government_and_company_wording_apart() {
        check_level(&[], "集团", true);
        check_level(&["政府"], "县", true);
        check_level(&["政府"], "街道", true);
        check_level(&["政府"], "集团", false);
        check_level(&["政府"], "单位", false);
        check_level(&["企业"], "公司", true);
        check_level(&["企业"], "镇", false);
        check_level(&["县", "区"], "区", true);
        check_level(&["县"], "市", false);
    }
}
