//! Turning a speech's own locality, level words, periods and meeting into named slots.

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::clean::re;
use crate::section::Section;

/// What a speech says about itself, read once from its text.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// The speech's administrative level: 省 市 县 区 镇 乡 街道, or empty when unclear.
    pub level: String,
    /// The meeting's name as said in the opening (全县组织工作会议).
    pub meeting: Option<String>,
    /// The meeting's topic (组织), when the name gives one.
    pub topic: Option<String>,
    /// The one topic tag of the speech's field (from the meeting's topic, else its title), which
    /// its sentences inherit; set by the miner.
    pub field: Option<String>,
    /// The level's words and their slots, longest first (`level_words`).
    words: Vec<(String, &'static str)>,
}

const LEVELS: [&str; 7] = ["省", "市", "县", "区", "镇", "乡", "街道"];

static MEETING: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"召开(?:了)?(?:这次|这个|今天的|本次)?((?:全[省市县区镇乡]|全系统|全行业)?([\p{Han}、“”]{2,16}?)(?:工作)?(?:会议|大会|推进会|座谈会|动员会|调度会|协调会))")
});
static YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(?:19|20)\d\d年|20[xX×]{2}年|[xX×]{4}年|二[〇零○][一二三四五六七八九〇零○]{2}年"));

impl Context {
    /// Reads the level (the most frequent 全X/我X/X委) and the meeting from a speech's text.
    pub fn read(text: &str, opening: &str) -> Context {
        static WORDS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
            let words: Vec<String> = LEVELS
                .iter()
                .flat_map(|l| [format!("全{l}"), format!("我{l}"), format!("{l}委"), format!("{l}党委"), format!("{l}党工委")])
                .collect();
            aho_corasick::AhoCorasick::new(words).ok()
        });
        let mut counts = [0usize; LEVELS.len()];
        if let Some(ac) = WORDS.as_ref() {
            for m in ac.find_overlapping_iter(text) {
                if let Some(c) = counts.get_mut(m.pattern().as_usize() / 5) {
                    *c += 1;
                }
            }
        }
        let mut best = ("", 0usize);
        for (l, &n) in LEVELS.iter().zip(&counts) {
            if n > best.1 {
                best = (l, n);
            }
        }
        let (meeting, topic) = MEETING
            .as_ref()
            .and_then(|r| r.captures(opening))
            .map(|c| {
                let name = c.get(1).map(|m| m.as_str().to_owned());
                let topic = c.get(2).map(|m| m.as_str().trim_end_matches("工作").to_owned()).filter(|t| t.chars().count() >= 2);
                (name, topic)
            })
            .unwrap_or((None, None));
        Context { level: best.0.to_owned(), meeting, topic, field: None, words: level_words(best.0) }
    }
}

/// The level words of a level and their slots, longest first.
fn level_words(l: &str) -> Vec<(String, &'static str)> {
    match l {
        "镇" | "乡" => vec![
            (format!("{l}党委、{l}政府"), "locality.leadership"),
            (format!("{l}党委"), "locality.party"),
            (format!("全{l}"), "locality.all"),
            (format!("我{l}"), "locality.our"),
        ],
        "街道" => vec![
            ("街道党工委、办事处".into(), "locality.leadership"),
            ("街道党工委".into(), "locality.party"),
            ("全街道".into(), "locality.all"),
            ("我们街道".into(), "locality.our"),
            ("我街道".into(), "locality.our"),
        ],
        "" => Vec::new(),
        _ => vec![
            (format!("{l}委、{l}政府"), "locality.leadership"),
            (format!("{l}委{l}政府"), "locality.leadership"),
            (format!("{l}直各部门"), "locality.depts"),
            (format!("{l}直各单位"), "locality.depts"),
            (format!("{l}委"), "locality.party"),
            (format!("全{l}"), "locality.all"),
            (format!("我{l}"), "locality.our"),
        ],
    }
}

/// Level words of other levels that would be wrong in a draft for another locality.
static OTHER_LEVEL: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"全[市县区镇乡]|我[市县区镇乡]|[市县区]委|[市县区镇乡]政府|[镇乡]党委|街道党工委|[市县区]直|[市县区]级"));
static SUPERIOR: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"在([省市县区]委、[省市县区]政府|[省市县区]委)的(正确|坚强)领导下"));

fn slot(name: &str) -> String {
    format!("{{{{ {name} }}}}")
}

/// The sentence with the speech's own words turned into slots; None when a word of another level
/// or an unslottable year is left.
pub fn slot_sentence(s: &str, ctx: &Context, section: Section) -> Option<String> {
    let mut t = s.to_owned();
    if let Some(name) = &ctx.meeting {
        if name.chars().count() >= 4 && t.contains(name.as_str()) {
            t = t.replace(name.as_str(), &slot("meeting.name"));
        }
    }
    if let Some(topic) = ctx.topic.as_ref().filter(|topic| t.contains(topic.as_str())) {
        let work = format!("{topic}工作");
        t = t.replace(&work, &slot("meeting.work"));
    }
    // The superior's leadership (在市委、市政府的坚强领导下) in a speech of a lower level.
    if let Some(r) = SUPERIOR.as_ref().filter(|_| t.contains("领导下")) {
        let own = ctx.level.as_str();
        if let Some(c) = r.captures(&t) {
            let who = c.get(1).map_or("", |m| m.as_str());
            if !own.is_empty() && !who.starts_with(own) {
                let range = c.get(1).map(|m| m.range());
                if let Some(rg) = range {
                    t.replace_range(rg, &slot("locality.superior"));
                }
            }
        }
    }
    for (w, name) in &ctx.words {
        if t.contains(w.as_str()) {
            t = t.replace(w.as_str(), &slot(name));
        }
    }
    t = slot_years(&t, section)?;
    let plain = strip_slots(&t);
    if OTHER_LEVEL.as_ref().is_some_and(|r| r.is_match(&plain)) {
        return None;
    }
    Some(t)
}

fn slot_years(t: &str, section: Section) -> Option<String> {
    // Every form of a year ends in 年: most sentences need no search.
    let Some(r) = YEAR.as_ref().filter(|_| t.contains('年')) else { return Some(t.to_owned()) };
    let years: Vec<&str> = r.find_iter(t).map(|m| m.as_str()).collect();
    match years.as_slice() {
        [] => Some(t.to_owned()),
        [one] => {
            let s = match section {
                Section::Review | Section::Problems => "period.review",
                Section::Tasks | Section::Guarantee | Section::Closing | Section::Situation => "period.plan",
                Section::Opening => {
                    let before = t.split(one).next().unwrap_or("");
                    if before.ends_with("总结") || before.ends_with("回顾") || before.contains("过去") { "period.review" } else { "period.plan" }
                }
            };
            Some(t.replacen(one, &slot(s), 1))
        }
        [a, b] if a != b => {
            // The earlier year is the one reviewed, the later the one planned.
            let (first, second) = (slot("period.review"), slot("period.plan"));
            let digits = |y: &str| y.chars().filter(char::is_ascii_digit).collect::<String>();
            let ordered = digits(a) <= digits(b);
            let (x, y) = if ordered { (first, second) } else { (second, first) };
            Some(t.replacen(a, &x, 1).replacen(b, &y, 1))
        }
        _ => None,
    }
}

/// The text with `{{ … }}` slots removed (replaced by a mark that is neither Chinese nor a digit).
pub fn strip_slots(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(i) = rest.find("{{") {
        out.push_str(rest.get(..i).unwrap_or(""));
        match rest.get(i..).and_then(|r| r.find("}}")) {
            Some(j) => {
                out.push('|');
                rest = rest.get(i + j + 2..).unwrap_or("");
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context::read("全县上下，我县，县委、县政府，县委", "今天，我们召开全县组织工作会议，主要任务是总结工作。")
    }

    #[test]
    fn reads_the_context() {
        let c = ctx();
        assert_eq!(c.level, "县");
        assert_eq!(c.meeting.as_deref(), Some("全县组织工作会议"));
        assert_eq!(c.topic.as_deref(), Some("组织"));
    }

    #[test]
    fn slots_level_words_periods_and_meeting() {
        let c = ctx();
        let got = slot_sentence("今天，我们召开全县组织工作会议，总结2023年工作，部署2024年任务。", &c, Section::Opening);
        assert_eq!(got.as_deref(), Some("今天，我们召开{{ meeting.name }}，总结{{ period.review }}工作，部署{{ period.plan }}任务。"));
        let got = slot_sentence("在市委、市政府的坚强领导下，全县上下做好组织工作。", &c, Section::Review);
        assert_eq!(got.as_deref(), Some("在{{ locality.superior }}的坚强领导下，{{ locality.all }}上下做好{{ meeting.work }}。"));
        assert_eq!(slot_sentence("县委、县政府高度重视。", &c, Section::Tasks).as_deref(), Some("{{ locality.leadership }}高度重视。"));
        assert_eq!(slot_sentence("全市上下要高度重视。", &c, Section::Tasks), None);
    }
}
