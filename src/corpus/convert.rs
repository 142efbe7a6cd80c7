//! Traditional → Simplified for documents detected as Traditional: OpenCC `t2s` character and
//! phrase conversion plus the SPEC's reviewed list of Taiwan-vocabulary reversals. OpenCC's whole
//! Taiwan phrase table is not used (it turns 核心 into 内核, 建立 into 创建, 指标 into 指针).
//!
//! The tables load on first use, behind `to_simplified`; only mining and analysis call it.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use ferrous_opencc::{config::BuiltinConfig, OpenCC};

/// Taiwan vocabulary (after `t2s`) and its mainland form (SPEC §5), plus the character-level
/// slips of the old converter that `t2s` cannot see (乾部 for 幹部).
pub const REVERSALS: &[(&str, &str)] = &[
    ("巨集观", "宏观"),
    ("专案", "项目"),
    ("支援", "支持"),
    ("联络", "联系"),
    ("资讯", "信息"),
    ("网路", "网络"),
    ("丛集", "集群"),
    ("软硬体", "软硬件"),
    ("程式", "程序"),
    ("乾部", "干部"),
];

/// Words in which 著 stays 著 (著名, 显著 …). Everywhere else a Traditional text's 著 is the
/// particle or verb that Simplified writes 着 (凝聚著 → 凝聚着, 著力 → 着力); `t2s` keeps it as 著.
const ZHU_WORDS: &[&str] = &[
    "著名", "著作", "著称", "著述", "著者", "著录", "著书", "显著", "卓著", "昭著", "土著", "名著", "巨著", "原著",
    "论著", "专著", "编著", "译著", "合著", "遗著", "拙著", "新著", "大著",
];

/// 著 read as 着, and the longer strings that beat a word of `ZHU_WORDS` (体现著作风 is 着 + 作风).
const ZHU_ZHE: &[(&str, &str)] = &[("著作风", "着作风"), ("著", "着")];

static ZHU: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(ZHU_WORDS.iter().copied().chain(ZHU_ZHE.iter().map(|p| p.0)))
        .ok()
});

static T2S: LazyLock<Option<OpenCC>> = LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).ok());

static REVERSE: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(REVERSALS.iter().map(|p| p.0))
        .ok()
});

/// True when a text is Traditional Chinese: enough of its Han characters are Traditional-only.
pub fn is_traditional_text(text: &str) -> bool {
    let (mut han, mut trad) = (0usize, 0usize);
    for (k, (i, c)) in text.char_indices().enumerate() {
        if crate::zh::is_han(c) {
            han += 1;
            if crate::script::is_traditional(c) {
                trad += 1;
            }
        }
        // Stop once the rest cannot reach one in twenty: it holds at most rest/3 Han characters
        // (three bytes or more each), which at best add 19 to 20·trad − han apiece. A Simplified
        // document stops about 95% of the way in.
        if k % 1024 == 1023 && 60 * trad + 19 * (text.len() - i) < 3 * han {
            return false;
        }
    }
    // Simplified text has none; a Traditional one has about one in five.
    trad >= 3 && trad * 20 >= han
}

/// The Simplified form of a Traditional text; lines and everything outside Chinese are kept.
pub fn to_simplified(text: &str) -> String {
    let converted = match T2S.as_ref() {
        Some(cc) => cc.convert(text),
        None => text.chars().map(|c| crate::script::simplified(c).unwrap_or(c)).collect(),
    };
    let reversed = match REVERSE.as_ref() {
        Some(ac) => ac.replace_all(&converted, &REVERSALS.iter().map(|p| p.1).collect::<Vec<_>>()),
        None => converted,
    };
    match ZHU.as_ref() {
        Some(ac) => ac.replace_all(&reversed, &ZHU_WORDS.iter().copied().chain(ZHU_ZHE.iter().map(|p| p.1)).collect::<Vec<_>>()),
        None => reversed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn must_convert() {
        let got = to_simplified("巨集觀政策 重大專案 支援 聯絡 資訊產業 網路 產業叢集 軟硬體 審批程式 做好乾部工作");
        assert_eq!(got, "宏观政策 重大项目 支持 联系 信息产业 网络 产业集群 软硬件 审批程序 做好干部工作");
    }

    #[test]
    fn must_not_over_convert() {
        let got = to_simplified("核心競爭力 建立健全 指標 智慧城市 羅埠鎮 通過 優化 質量 水平");
        assert_eq!(got, "核心竞争力 建立健全 指标 智慧城市 罗埠镇 通过 优化 质量 水平");
    }

    #[test]
    fn zhu_becomes_zhe_outside_its_own_words() {
        let got = to_simplified("凝聚著心血，著力引進項目，著名企業，成效顯著，代表著形象，體現著作風");
        assert_eq!(got, "凝聚着心血，着力引进项目，著名企业，成效显著，代表着形象，体现着作风");
    }

    #[test]
    fn detects_script() {
        assert!(is_traditional_text("三級幹部大會發言大綱，總結經驗，開創新局面。"));
        assert!(!is_traditional_text("三级干部大会发言大纲，总结经验，开创新局面。"));
        assert!(!is_traditional_text(""));
        // The early stop never decides a document whose Traditional part comes late.
        let late = format!("{}{}", "总结经验开创新局面".repeat(170), "總結經驗開創新局面".repeat(70));
        assert!(is_traditional_text(&late));
        assert!(!is_traditional_text(&"总结经验开创新局面".repeat(400)));
    }
}
