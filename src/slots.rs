//! The slots a bank entry may print: the brief's values plus derived forms (level words, the
//! meeting's work, counts as Chinese numerals). Built once per draft; entries read them through Tera.

use serde::Serialize;

use crate::brief::Brief;
use crate::zh;

/// Every slot path an entry may use (SPEC §4); `bank lint` refuses any other.
pub const KNOWN: &[&str] = &[
    "meeting.name", "meeting.kind", "meeting.topic", "meeting.work", "meeting.date", "meeting.preceded",
    "speaker.title", "speaker.name", "speaker.on_behalf_of",
    "locality.name", "locality.short", "locality.level", "locality.all", "locality.our",
    "locality.party", "locality.leadership", "locality.depts", "locality.superior",
    "audience", "period.review", "period.plan", "closing.vision",
    "count.points", "count.tasks", "count.problems", "problems.these",
];

/// The bit of a slot path in a slot mask (see `Slots::present`); unknown paths get bit 31, which
/// is never present, so an entry needing one is never chosen.
pub fn bit(path: &str) -> u32 {
    KNOWN.iter().position(|k| *k == path).map_or(1 << 31, |i| 1 << i)
}

/// The mask of the slots a text needs.
pub fn mask<'a>(paths: impl IntoIterator<Item = &'a String>) -> u32 {
    paths.into_iter().fold(0, |m, p| m | bit(p))
}

#[derive(Debug, Clone, Serialize)]
pub struct Slots {
    pub meeting: MeetingSlots,
    pub speaker: SpeakerSlots,
    pub locality: LocalitySlots,
    pub audience: String,
    pub period: PeriodSlots,
    pub closing: ClosingSlots,
    pub count: CountSlots,
    pub problems: ProblemSlots,
}

/// Words that point back at the brief's problems, agreeing with their number.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ProblemSlots {
    /// 这个问题, 这两个问题, 这些问题; empty without problems.
    pub these: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MeetingSlots {
    pub name: String,
    pub kind: String,
    pub topic: String,
    pub work: String,
    pub date: String,
    pub preceded: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SpeakerSlots {
    pub title: String,
    pub name: String,
    pub on_behalf_of: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocalitySlots {
    pub name: String,
    pub short: String,
    pub level: String,
    pub all: String,
    pub our: String,
    pub party: String,
    pub leadership: String,
    pub depts: String,
    pub superior: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeriodSlots {
    pub review: String,
    pub plan: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClosingSlots {
    pub vision: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct CountSlots {
    pub points: String,
    pub tasks: String,
    pub problems: String,
}

/// A count before a measure word: 两点意见, not 二点意见.
fn count(n: usize) -> String {
    if n == 2 { "两".into() } else { zh::numeral(n) }
}

/// 这个问题, 这两个问题, 这些问题 for `n` problems; empty for none.
fn these_problems(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => "这个问题".into(),
        2 => "这两个问题".into(),
        _ => "这些问题".into(),
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(zh::clause).unwrap_or_default()
}

impl Slots {
    /// The slots of a brief; `points` is the number of level-1 headings the plan gives.
    pub fn new(brief: &Brief, points: usize) -> Slots {
        let m = &brief.meeting;
        let topic = zh::clause(&m.topic);
        let work = if topic.ends_with("工作") { topic.clone() } else { format!("{topic}工作") };
        let preceded: Vec<String> = m.preceded_by.iter().map(|p| zh::clause(p)).collect();
        Slots {
            meeting: MeetingSlots {
                name: zh::clause(&m.name),
                kind: opt(&m.kind),
                topic,
                work,
                date: m.date.map(|d| d.chinese()).unwrap_or_default(),
                preceded: preceded.join("，"),
            },
            speaker: SpeakerSlots {
                title: zh::clause(&brief.speaker.title),
                name: opt(&brief.speaker.name),
                on_behalf_of: opt(&brief.speaker.on_behalf_of),
            },
            locality: LocalitySlots::new(&brief.locality.name, brief.locality.level.as_deref(), opt(&brief.locality.superior)),
            audience: opt(&brief.audience),
            period: PeriodSlots { review: opt(&brief.period.review), plan: opt(&brief.period.plan) },
            closing: ClosingSlots { vision: brief.closing.as_ref().map(|c| opt(&c.vision)).unwrap_or_default() },
            count: CountSlots {
                points: count(points),
                tasks: count(brief.tasks.len()),
                problems: count(brief.problems.as_ref().map_or(0, Vec::len)),
            },
            problems: ProblemSlots { these: these_problems(brief.problems.as_ref().map_or(0, Vec::len)) },
        }
    }

    /// The mask of the slots that have a value.
    pub fn present(&self) -> u32 {
        KNOWN.iter().enumerate().filter(|(_, k)| self.get(k).is_some_and(|v| !v.is_empty())).fold(0, |m, (i, _)| m | 1 << i)
    }

    /// The value of a slot path such as `locality.superior`; None for an unknown path.
    pub fn get(&self, path: &str) -> Option<&str> {
        Some(match path {
            "meeting.name" => &self.meeting.name,
            "meeting.kind" => &self.meeting.kind,
            "meeting.topic" => &self.meeting.topic,
            "meeting.work" => &self.meeting.work,
            "meeting.date" => &self.meeting.date,
            "meeting.preceded" => &self.meeting.preceded,
            "speaker.title" => &self.speaker.title,
            "speaker.name" => &self.speaker.name,
            "speaker.on_behalf_of" => &self.speaker.on_behalf_of,
            "locality.name" => &self.locality.name,
            "locality.short" => &self.locality.short,
            "locality.level" => &self.locality.level,
            "locality.all" => &self.locality.all,
            "locality.our" => &self.locality.our,
            "locality.party" => &self.locality.party,
            "locality.leadership" => &self.locality.leadership,
            "locality.depts" => &self.locality.depts,
            "locality.superior" => &self.locality.superior,
            "audience" => &self.audience,
            "period.review" => &self.period.review,
            "period.plan" => &self.period.plan,
            "closing.vision" => &self.closing.vision,
            "count.points" => &self.count.points,
            "count.tasks" => &self.count.tasks,
            "count.problems" => &self.count.problems,
            "problems.these" => &self.problems.these,
            _ => return None,
        })
    }
}

/// The level of a locality, from the brief or from the name's suffix.
pub fn level_of(name: &str, given: Option<&str>) -> String {
    let name = name.trim();
    match given.map(str::trim) {
        Some("乡镇") => if name.ends_with('乡') { "乡".into() } else { "镇".into() },
        Some("单位") | None => unit_or_suffix(name, given.is_some()),
        Some(l) => l.to_owned(),
    }
}

fn unit_or_suffix(name: &str, is_unit: bool) -> String {
    const UNITS: [&str; 4] = ["集团", "公司", "局", "厅"];
    for u in UNITS {
        if name.contains(u) {
            return u.to_owned();
        }
    }
    if is_unit {
        return "单位".into();
    }
    for s in ["自治区", "街道", "社区", "省", "市", "县", "旗", "区", "镇", "乡", "村"] {
        if name.ends_with(s) {
            return if s == "自治区" { "区".into() } else { s.into() };
        }
    }
    "单位".into()
}

impl LocalitySlots {
    pub fn new(name: &str, level: Option<&str>, superior: String) -> LocalitySlots {
        let name = zh::clause(name);
        let level = level_of(&name, level);
        let l = level.as_str();
        let (all, our, party, leadership, depts) = match l {
            "省" | "市" | "县" | "区" | "旗" => (
                format!("全{l}"),
                format!("我{l}"),
                format!("{l}委"),
                format!("{l}委、{l}政府"),
                format!("{l}直各部门"),
            ),
            "镇" | "乡" => (
                format!("全{l}"),
                format!("我{l}"),
                format!("{l}党委"),
                format!("{l}党委、{l}政府"),
                format!("{l}直各单位"),
            ),
            "街道" => ("全街道".into(), "我们街道".into(), "街道党工委".into(), "街道党工委、办事处".into(), "街道各科室".into()),
            "村" | "社区" => (format!("全{l}"), format!("我们{l}"), format!("{l}党组织"), format!("{l}“两委”"), format!("{l}各网格")),
            "局" | "厅" => (format!("全{l}"), format!("我{l}"), format!("{l}党组"), format!("{l}党组"), format!("{l}机关各处室")),
            "公司" | "集团" => (format!("全{l}"), format!("我们{l}"), format!("{l}党委"), format!("{l}党委"), format!("{l}各部门和所属单位")),
            _ => ("全单位".into(), "我们单位".into(), "单位党组织".into(), "单位党组织".into(), "各部门".into()),
        };
        let short = short_name(&name, l);
        LocalitySlots { name, short, level, all, our, party, leadership, depts, superior }
    }
}

fn short_name(name: &str, level: &str) -> String {
    for suffix in ["有限责任公司", "股份有限公司", "有限公司", "自治区", "自治县", "街道", level] {
        if let Some(s) = name.strip_suffix(suffix) {
            if s.chars().count() >= 2 {
                return s.to_owned();
            }
        }
    }
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, level: Option<&str>, expected: [&str; 4]) {
        let l = LocalitySlots::new(name, level, String::new());
        assert_eq!([l.level.as_str(), &l.all, &l.our, &l.leadership], expected, "{name}");
    }

    #[test]
    fn level_words_follow_the_locality() {
        check("临江区", None, ["区", "全区", "我区", "区委、区政府"]);
        check("青山县", None, ["县", "全县", "我县", "县委、县政府"]);
        check("柳林镇", Some("乡镇"), ["镇", "全镇", "我镇", "镇党委、镇政府"]);
        check("东湖街道", None, ["街道", "全街道", "我们街道", "街道党工委、办事处"]);
        check("江南能源集团有限公司", Some("单位"), ["集团", "全集团", "我们集团", "集团党委"]);
    }

    #[test]
    fn the_problems_are_named_by_their_number() {
        let words: Vec<String> = (0..5).map(these_problems).collect();
        assert_eq!(words, ["", "这个问题", "这两个问题", "这些问题", "这些问题"]);
    }

    #[test]
    fn every_known_slot_resolves() {
        let l = LocalitySlots::new("临江区", None, String::new());
        assert_eq!(l.short, "临江");
        let json = serde_json::to_value(Slots {
            meeting: MeetingSlots { name: "a".into(), kind: String::new(), topic: String::new(), work: String::new(), date: String::new(), preceded: String::new() },
            speaker: SpeakerSlots { title: String::new(), name: String::new(), on_behalf_of: String::new() },
            locality: l,
            audience: String::new(),
            period: PeriodSlots { review: String::new(), plan: String::new() },
            closing: ClosingSlots { vision: String::new() },
            count: CountSlots::default(),
            problems: ProblemSlots::default(),
        })
        .unwrap_or_default();
        let mut paths = Vec::new();
        if let Some(obj) = json.as_object() {
            for (k, v) in obj {
                match v.as_object() {
                    Some(inner) => paths.extend(inner.keys().map(|i| format!("{k}.{i}"))),
                    None => paths.push(k.clone()),
                }
            }
        }
        let mut known: Vec<String> = KNOWN.iter().map(|s| s.to_string()).collect();
        paths.sort();
        known.sort();
        assert_eq!(paths, known);
    }
}
