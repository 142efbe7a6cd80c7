//! The sections of a speech (SPEC §1), named in English or Chinese.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Opening,
    Review,
    Problems,
    Situation,
    Tasks,
    Guarantee,
    Closing,
}

impl Section {
    /// In the order a draft holds them.
    pub const ALL: [Section; 7] = [
        Section::Opening,
        Section::Review,
        Section::Problems,
        Section::Situation,
        Section::Tasks,
        Section::Guarantee,
        Section::Closing,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Opening => "opening",
            Section::Review => "review",
            Section::Problems => "problems",
            Section::Situation => "situation",
            Section::Tasks => "tasks",
            Section::Guarantee => "guarantee",
            Section::Closing => "closing",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Section::Opening => "开场",
            Section::Review => "成绩回顾",
            Section::Problems => "问题不足",
            Section::Situation => "认识形势",
            Section::Tasks => "下步任务",
            Section::Guarantee => "保障落实",
            Section::Closing => "结尾号召",
        }
    }

    /// Parses an English or Chinese section name.
    pub fn parse(s: &str) -> Option<Section> {
        let s = s.trim();
        Section::ALL.into_iter().find(|x| x.name().eq_ignore_ascii_case(s) || x.chinese() == s)
    }

    /// The roles the built-in templates use in this section (SPEC §4, plus `heading_joint`,
    /// `targets`, `clause` and `greeting`).
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Section::Opening => &["salutation", "context", "purpose", "agenda"],
            Section::Review => &["heading", "heading_joint", "lead", "item", "summary", "credit"],
            Section::Problems => &["heading", "lead", "item", "wrap"],
            Section::Situation => &["heading", "lead", "point"],
            Section::Tasks => &["heading", "lead", "targets", "point", "requirement", "clause"],
            Section::Guarantee => &["heading", "point"],
            Section::Closing => &["heading", "call", "thanks", "greeting"],
        }
    }

    /// The five every speech has.
    pub fn is_required(self) -> bool {
        !matches!(self, Section::Situation | Section::Guarantee)
    }
}

impl std::fmt::Display for Section {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_english_and_chinese() {
        assert_eq!(Section::parse("tasks"), Some(Section::Tasks));
        assert_eq!(Section::parse("下步任务"), Some(Section::Tasks));
        assert_eq!(Section::parse("保障落实"), Some(Section::Guarantee));
        assert_eq!(Section::parse("task"), None);
    }
}
