//! Section labels for the paragraphs of a speech (SPEC §5 step 5), and its heading hierarchy.
//!
//! Every paragraph gets scores for the seven sections from cue phrases (its own and its
//! heading's), its position and a few counts; a first-order chain over the paragraphs then picks
//! the best sequence under the order of a speech (opening < review < problems < situation < tasks
//! < guarantee < closing, with situation allowed before the review and problems inside the
//! tasks), where a change of section is cheap at a level-1 heading and dear inside one.
//! Confidence is the label's posterior under the same chain. Shared by `mine`, `analyze` and `check`.

mod chain;
mod context;
mod cues;
pub mod learned;
mod score;
#[cfg(test)]
mod eval;
#[doc(hidden)]
pub mod gold;
pub mod heading;

use crate::corpus::Para;
use crate::section::Section;

/// The label of one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// None for `other`: titles, speaker and date lines, debris.
    pub section: Option<Section>,
    pub confidence: f64,
    /// The innermost numbered heading the paragraph stands under (itself when it is one).
    pub heading: Option<String>,
    /// The paragraph's own heading level (1 一、, 2 （一）, 3 1、), if it opens with one.
    pub level: Option<u8>,
}

const N: usize = 7;

/// The summed tense above which a block reads as a report of what was done.
const PAST_BLOCK: f64 = 1.0;

/// The paragraph cue phrases and the section each points to (index into `Section::ALL`).
pub fn cue_table() -> impl Iterator<Item = (&'static str, usize)> {
    cues::PARAGRAPH.iter().map(|c| (c.0, c.1))
}

/// The indexes (into `cue_table`) of the cues a text holds, each once.
pub fn cue_hits(text: &str) -> Vec<usize> {
    cues::PARAGRAPH_CUES.hits(text)
}

pub(crate) fn cap(x: f64) -> f64 {
    if x > 0.0 { x / (1.0 + x / 8.0) } else { x }
}

/// Labels the paragraphs of one speech.
pub fn label(paras: &[Para]) -> Vec<Label> {
    label_with(paras, &Params::default())
}

/// The few weights of the labeller that are tuned on data (the cue lexicon is not): how much a
/// heading and a block's tense weigh against a paragraph's own words, and what a change of
/// section costs. `eval` tunes them leave-one-file-out to measure how well they generalise.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    pub w: [f64; Params::COUNT],
}

impl Params {
    pub const COUNT: usize = 15;
    /// Heading cues on the paragraphs under a level-1 heading.
    pub(crate) const BLOCK: usize = 0;
    /// Sub-heading cues on the paragraphs under it.
    pub(crate) const SUB: usize = 1;
    /// A block's summed tense.
    pub(crate) const BLOCK_TENSE: usize = 2;
    /// A paragraph's own tense.
    pub(crate) const TENSE: usize = 3;
    /// The cost of a change of section inside a block.
    pub(crate) const INSIDE: usize = 4;
    /// The prior of problems.
    pub(crate) const PROBLEMS: usize = 5;
    /// The extra weight of a paragraph's first sentence.
    pub(crate) const FIRST: usize = 6;
    /// Sentence votes.
    pub(crate) const VOTE: usize = 7;
    /// The 一些…还 shape of a complaint.
    pub(crate) const SHAPE: usize = 8;
    /// A turn to problems (在肯定成绩的同时).
    pub(crate) const PIVOT: usize = 9;
    /// 同志们， late in the speech.
    pub(crate) const CLOSING: usize = 10;
    /// A guarantee-worded heading on the last block.
    pub(crate) const LAST: usize = 11;
    /// Sub-heading problem cues (（二）存在的问题 inside a review heading).
    pub(crate) const SUB_P: usize = 12;
    /// A level-1 heading that clearly names problems, situation or guarantee (统一思想，提高认识):
    /// that section gets this much more on every paragraph under it.
    pub(crate) const DOMINANT: usize = 13;
    /// The temperature of the posterior (confidence only; fitted, not tuned for accuracy).
    pub(crate) const TEMP: usize = 14;
    /// The weights tuned for accuracy: all but the temperature.
    pub const TUNED: usize = 14;
    const STEP: [f64; Params::COUNT] = [0.4, 0.3, 0.1, 0.2, 0.4, 0.5, 0.3, 0.5, 0.5, 0.5, 1.0, 0.5, 0.5, 0.5, 0.1];

    /// Moves parameter `k` by `step` of its unit.
    pub fn bump(&mut self, k: usize, step: f64) {
        if let (Some(w), Some(u)) = (self.w.get_mut(k), Params::STEP.get(k)) {
            *w += step * u;
        }
    }

    pub fn values(&self) -> [f64; Params::COUNT] {
        self.w
    }

    pub(crate) fn get(&self, k: usize) -> f64 {
        self.w.get(k).copied().unwrap_or(0.0)
    }
}

impl Default for Params {
    fn default() -> Params {
        Params { w: [1.2, 0.0, 0.2, 0.5, 0.8, 0.0, 0.3, 1.5, 1.5, 2.5, 6.0, 0.5, 1.0, 1.5, 0.5] }
    }
}

/// Labels the paragraphs of one speech with the given weights.
pub fn label_with(paras: &[Para], p: &Params) -> Vec<Label> {
    label_model(paras, p, learned::shipped())
}

/// Labels the paragraphs of one speech with the given weights and learned layer (none: the
/// hand-set evidence alone).
pub fn label_model(paras: &[Para], p: &Params, model: Option<&learned::Model>) -> Vec<Label> {
    let s = context::Speech::read(paras, p);
    let emit: Vec<[f64; N]> = match model {
        Some(m) => (0..s.emit.len()).map(|i| m.emission(&s, i)).collect(),
        None => s.emit.clone(),
    };
    let (path, post) = chain::decode(&emit, &s.starts, p);
    let (body, headings, marks) = (&s.body, &s.headings, &s.marks);
    let mut out: Vec<Label> = paras.iter().map(|_| Label { section: None, confidence: 1.0, heading: None, level: None }).collect();
    for (j, &i) in body.iter().enumerate() {
        if let (Some(o), Some(&k)) = (out.get_mut(i), path.get(j)) {
            o.section = Section::ALL.get(k).copied();
            o.confidence = post.get(j).copied().unwrap_or(0.0);
            o.heading = headings.get(j).cloned().flatten();
            o.level = marks.get(j).copied().flatten().map(|m| m.0);
        }
    }
    out
}

/// The level used for blocks: the highest level that numbers at least two paragraphs.
/// A heading line without a number (过去五年的工作回顾, 存在的主要问题, 2026年重点工作): short, with
/// no closing punctuation, and words that clearly name one section. Read as a level-1 heading.
pub fn bare_heading(t: &str) -> bool {
    let n = t.chars().count();
    (4..=24).contains(&n)
        && !t.ends_with(['。', '！', '？', '；', '：', '，', '、', ':', ';', ',', '!', '?'])
        && heading::marker(t).is_none()
        && !crate::corpus::split::is_salutation(t)
        && dominant(&heading_scores(t)).is_some()
}

/// A paragraph's heading marker, or a bare heading's (level 1, no number, no marker). An item of
/// a chair's agenda (二、请县长某某同志讲话。) is numbered but heads nothing.
fn mark_of(t: &str) -> Option<(u8, usize, usize)> {
    if agenda_item(t) {
        return None;
    }
    heading::marker(t).or_else(|| bare_heading(t).then_some((1, 0, 0)))
}

/// A line of a meeting's running order: 请……同志讲话, ……作表态发言, 宣读……文件, 颁奖.
pub fn agenda_item(t: &str) -> bool {
    use crate::corpus::clean::{hit, re};
    static AGENDA: std::sync::LazyLock<Option<regex::Regex>> = std::sync::LazyLock::new(|| {
        re(r"^.{0,12}(请.{0,30}(讲话|发言|讲意见|致辞|宣读|作.{0,16}报告)|同志.{0,6}(讲话|发言|介绍|宣读|汇报|传达)|作表态发言|宣读.{0,30}(文件|决定|通报|名单)|颁奖|奏国歌)[^。！？]{0,40}[。；;]?$")
    });
    t.chars().count() <= 80 && hit(&AGENDA, t)
}

fn top_level(marks: &[Option<(u8, usize, usize)>]) -> Option<u8> {
    let count = |l: u8| marks.iter().filter(|m| m.is_some_and(|m| m.0 == l)).count();
    // Two of a level, or one above a run of the next (an excerpt's 一、 over its （一）（二）).
    (1..=3).find(|&l| count(l) >= 2 || (count(l) == 1 && (l + 1..=3).any(|d| count(d) >= 2)))
}

/// The section a heading clearly names: a score of 3 or more, and three times any other's
/// (既看到成绩也正视不足 names two).
fn dominant(c: &[f64; N]) -> Option<usize> {
    let (k, best) = c.iter().copied().enumerate().fold((0, 0.0), |b, x| if x.1 > b.1 { x } else { b });
    let second = c.iter().enumerate().filter(|(j, _)| *j != k).map(|(_, x)| *x).fold(0.0, f64::max);
    (best >= 3.0 && 3.0 * second <= best).then_some(k)
}

fn heading_scores(words: &str) -> [f64; N] {
    // Earlier clauses say more about the block than later ones.
    let mut out = [0.0; N];
    let mut first = [0.0; N];
    for (k, clause) in words.split(['，', '、', '；']).enumerate() {
        let w = match k {
            0 => 1.0,
            1 => 0.8,
            _ => 0.6,
        };
        let mut c = [0.0; N];
        cues::HEADING_CUES.score(clause, w, &mut c);
        if k == 0 {
            first = c;
        }
        // An outcome (综合实力稳步提升) reports; it asks for nothing.
        if score::result_clause(clause) {
            c[1] += 3.0 * w;
            c[4] *= 0.3;
        }
        // A problem as the object of a remedy (着力解决……突出问题, 抓隐患整改) is a task.
        if cues::REMEDY.iter().any(|v| clause.contains(v)) {
            c[4] += c[2];
            c[2] = 0.0;
        }
        for (o, x) in out.iter_mut().zip(c) {
            *o += x;
        }
    }
    // 肯定成绩，正视问题: a review that owns up to its gaps; the problems in it are found by their
    // own words (在肯定成绩的同时…).
    if first[1] > 0.0 && first[1] >= first[2] && out[2] > 0.0 {
        out[2] *= 0.3;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Kind;

    /// The section names `label` gives a speech of one paragraph per text.
    fn sections(texts: &[&str]) -> Vec<&'static str> {
        let paras: Vec<Para> = texts.iter().map(|t| para(t)).collect();
        label(&paras).iter().map(|l| l.section.map_or("other", Section::name)).collect()
    }

    fn para(text: &str) -> Para {
        Para { line: 1, last: 1, text: text.to_owned(), kind: Kind::Body }
    }

    #[test]
    fn agenda_items_head_nothing() {
        for t in ["四、请市政府副市长讲话。", "二、***作表态发言。", "一、请政协副主席**同志宣读表彰文件。", "第二项：请X同志讲意见。", "一、局长同志介绍工程建设进展情况。"] {
            assert!(agenda_item(t) && mark_of(t).is_none(), "{t}");
        }
        for t in ["一、统一思想，提高认识", "二、请大家认真贯彻落实会议精神，把各项任务落到实处，切实抓出成效。", "三、认真学习贯彻全会精神"] {
            assert!(!agenda_item(t), "{t}");
        }
    }

    #[test]
    fn heading_evidence() {
        let named = |h: &str| dominant(&heading_scores(h)).and_then(|k| Section::ALL.get(k)).map_or("none", |s| s.name());
        for (h, want) in [
            ("统一思想，提高认识", "situation"),
            ("准确把握面临的新变化新特点", "situation"),
            ("正视差距，查找不足", "problems"),
            ("既看到成绩也正视不足", "none"),
            ("着力解决群众反映强烈的突出问题", "tasks"),
            ("强化措施，形成合力", "guarantee"),
        ] {
            assert_eq!(named(h), want, "{h}");
        }
        // The longest cue only: 强化措施 is not also the 措施 of a task.
        assert_eq!(heading_scores("强化措施")[4], 0.0);
    }

    #[test]
    fn finds_problems_between_review_and_tasks_without_headings() {
        let texts = [
            "同志们：",
            "今天召开这个推进会，主要是看进度、找差距、压责任。",
            "上半年，各乡镇按照年初部署，完成了农房改造四百余户，拆除违建一万多平方米，群众满意度明显提升。",
            "但也要看到，工作中还存在一些不容忽视的问题。有的乡镇进度偏慢，与序时目标相比还有差距；一些村资金拨付不及时，不同程度存在等靠思想。",
            "下一步，各乡镇要对照时间节点，倒排工期，确保年底前全面完成改造任务。",
            "要加强资金监管，抓好质量安全，推动工作提速增效。",
            "同志们，时间紧、任务重，让我们真抓实干，确保圆满完成全年任务！",
        ];
        assert_eq!(sections(&texts), ["opening", "opening", "review", "problems", "tasks", "tasks", "closing"]);
    }

    #[test]
    fn a_plan_full_of_figures_is_not_a_review() {
        let texts = [
            "各位代表：",
            "现在，我代表镇人民政府向大会报告工作，请予审议。",
            "一、2023年工作回顾",
            "过去一年，全镇完成固定资产投资3亿元，新增市场主体120户，建成高标准农田6000亩。",
            "新改建农村公路20公里，完成农村改厕500座，群众满意度明显提升。",
            "二、2024年重点工作",
            "（一）聚焦产业振兴",
            "建设高标准农田8000亩，推广带状复合种植2000亩，新发展特色种植800亩，建设冷链仓储中心1处。",
            "（二）聚焦民生改善",
            "改造农村危房30户，新建村级文化广场4处，完成3个村卫生室标准化改造，改厕800座。",
            "推进医共体建设，开展技能培训1200人次，新增城镇就业300人，发放创业担保贷款500万元。",
            "（三）聚焦平安建设",
            "完善镇村两级矛盾调处机制，充实应急队伍，排查整治风险点位60处，培训网格员90名。",
            "三、加强政府自身建设",
            "坚持依法行政，严格执行重大决策程序，自觉接受人大监督，持续转变作风，狠抓工作落实。",
        ];
        let got = sections(&texts);
        assert_eq!(got.get(5..13), Some(&["tasks"; 8][..]), "{got:?}");
    }

    #[test]
    fn labels_a_plain_speech() {
        let texts = [
            "同志们：",
            "今天，我们召开全县工作会议，主要任务是总结去年工作，部署今年任务。下面，我讲三点意见。",
            "一、肯定成绩，坚定信心",
            "过去的一年，全县上下团结奋进，各项工作取得了显著成效，经济总量稳步提升。",
            "二、正视差距，补齐短板",
            "在肯定成绩的同时，我们也要清醒地看到，发展不足仍然是最大的问题，短板还不少。",
            "三、突出重点，扎实推进今年各项工作",
            "今年是关键之年，要着力抓好项目建设，确保完成全年目标任务。",
            "要加快推进产业升级，抓好重点项目，推动高质量发展。",
            "四、加强领导，狠抓落实",
            "各级领导干部要切实加强组织领导，压实责任，强化督查考核，形成工作合力。",
            "同志们，让我们团结一心，真抓实干，为完成全年目标任务而努力奋斗！",
        ];
        assert_eq!(sections(&texts), ["opening", "opening", "review", "review", "problems", "problems", "tasks", "tasks", "tasks", "guarantee", "guarantee", "closing"]);
        let l = label(&texts.iter().map(|t| para(t)).collect::<Vec<_>>());
        assert_eq!(l.get(8).and_then(|l| l.heading.clone()).as_deref(), Some("三、突出重点，扎实推进今年各项工作"));
        assert!(l.iter().all(|x| (0.0..=1.0).contains(&x.confidence)));
    }
}
