//! A paragraph's own evidence: its cues (whole, first sentence, sentence votes), tense and
//! number density, position in the speech, and the transitions that open a problems passage.

use super::{cap, cues, Params, N};
use crate::corpus::split::is_salutation;


/// A call to the audience late in the speech (同志们， 各位代表！ in its last 40%).
pub(super) fn late_call(t: &str, i: usize, n: usize) -> bool {
    const CALLS: [&str; 6] = ["同志们，", "同志们！", "各位代表，", "各位代表！", "同志们、朋友们", "各位同事，"];
    n > 3 && i * 5 > (n - 1) * 3 && CALLS.iter().any(|c| t.starts_with(c))
}

/// Opens with a turn from what was done to what is lacking: 在肯定成绩的同时 …, 但也要清醒地看到 …
/// (in its first two sentences).
pub(super) fn pivot(t: &str) -> bool {
    const TURNS: [&str; 23] = [
        "的同时，", "但也要", "但也存在", "但也应", "但我们也", "但必须", "但是也", "同时也要看到", "也要清醒", "也必须看到",
        "也要看到", "清醒地看到", "清醒认识", "清醒地认识", "也深知", "也应看到", "必须正视", "不容回避", "坦率地说",
        "坦率地讲", "同时，我们也", "还面临", "仍面临",
    ];
    const LACK: [&str; 11] = ["问题", "不足", "差距", "清醒", "短板", "困难", "薄弱", "矛盾", "不够", "不强", "滞后"];
    let head = t.match_indices(['。', '！', '？']).nth(1).map_or(t, |(k, _)| t.get(..k).unwrap_or(t));
    TURNS.iter().any(|w| head.contains(w)) && LACK.iter().any(|w| head.contains(w))
}

/// Heading words that only a plan uses (2024年重点工作, 下一步工作打算, 今年的目标任务).
pub(super) fn plan_heading(words: &str) -> bool {
    ["今年", "明年", "下一步", "下步", "重点工作", "工作安排", "目标任务", "主要目标", "计划", "打算", "总体要求"].iter().any(|w| words.contains(w))
}

/// Turns from shortcomings to what is to be done: 针对这些问题，下一步要重点抓好……
pub(super) fn remedy_turn(t: &str) -> bool {
    ["针对这些问题", "针对上述问题", "针对以上问题", "针对存在的问题", "解决这些问题", "对这些问题，"].iter().any(|w| t.starts_with(w))
}

/// Opens a list of shortcomings: a short lead that names them (差距突出表现在：, 存在的问题主要有)
/// and then 一是 (but not a remedy: 着力解决以下问题：一是 sets tasks).
pub(super) fn problem_list(t: &str) -> bool {
    const LACK: [&str; 7] = ["问题", "不足", "差距", "短板", "弱项", "薄弱", "隐患"];
    let Some(k) = t.find("一是") else { return false };
    let lead = t.get(..k).unwrap_or("");
    lead.chars().count() <= 60
        && LACK.iter().any(|w| lead.contains(w))
        && !cues::REMEDY.iter().any(|v| lead.contains(v))
        && !lead.replace("主要", "").contains('要')
}

/// A list item headed by a shortcoming (一是责任意识淡薄。, 还有几个问题，值得研究：): a short
/// first clause that names what is lacking and asks for nothing.
pub(super) fn lack_item(t: &str) -> bool {
    const ITEMS: [&str; 6] = ["一是", "二是", "三是", "四是", "五是", "还有"];
    // 还有的人…, 还有一些单位…: one more of the people who fall short.
    if ["还有的", "还有一些", "还有少数", "还有个别"].iter().any(|w| t.starts_with(w)) {
        return true;
    }
    let Some(rest) = ITEMS.iter().find_map(|w| t.strip_prefix(w)) else { return false };
    let head = rest.split(['。', '；', '：', '，']).next().unwrap_or("");
    if head.chars().count() > 12 || head.contains('要') {
        return false;
    }
    let mut c = [0.0; N];
    cues::PARAGRAPH_CUES.score(head, 1.0, &mut c);
    c[2] >= 1.5 && c.iter().enumerate().all(|(k, x)| k == 2 || *x <= c[2]) || (t.starts_with("还有") && head.contains("问题"))
}

/// A clause that states an outcome, subject first and verb last (结构调整步伐加快, 综合实力稳步
///提升, 自身建设不断加强): a review's heading, where a task's puts the verb first (加快推进…,
/// 着力提升…) or aims at something new (实现新突破).
pub(super) fn result_clause(clause: &str) -> bool {
    const END: [&str; 24] = [
        "提升", "增强", "加强", "改善", "增长", "扩大", "优化", "提高", "加快", "巩固", "壮大", "完善", "深化", "好转",
        "上升", "攀升", "见效", "显现", "凸显", "彰显", "夯实", "提速", "向好", "突破",
    ];
    const START: [&str; 42] = [
        "加快", "推进", "推动", "提升", "着力", "强化", "突出", "坚持", "深化", "全力", "大力", "扎实", "持续", "做好",
        "抓", "加强", "完善", "优化", "促进", "实施", "打造", "培育", "聚焦", "围绕", "切实", "全面", "坚决", "努力",
        "进一步", "不断", "积极", "以", "在", "让", "把", "确保", "力争", "统筹", "构建", "健全", "争取", "奋力",
    ];
    // 农业结构调整迈出新步伐: a step already taken.
    const TAKEN: [&str; 4] = ["迈出新步伐", "取得新成效", "取得新进展", "取得新成绩"];
    let c = clause.trim_end_matches(['。', '！', '；']);
    let n = c.chars().count();
    if c.contains('要') || START.iter().any(|v| c.starts_with(v)) {
        return false;
    }
    if TAKEN.iter().any(|w| c.ends_with(w)) {
        return (6..=20).contains(&n);
    }
    (4..=16).contains(&n) && END.iter().any(|v| c.ends_with(v) && !c.trim_end_matches(v).ends_with('新'))
}

/// A year framed by what it stands for (今年是……的关键之年, 明年，是……开局之年): the opening move
/// of a passage on the situation, whatever tasks follow in the same paragraph.
pub(super) fn year_frame(t: &str) -> bool {
    let first = t.split(['。', '！', '？']).next().unwrap_or("");
    ["今年", "明年", "当前", "这一年"].iter().any(|w| t.starts_with(w)) && first.contains("之年")
}

/// The shape of a complaint: sentences where some of the subjects fall short (一些…还, 有的…不,
/// 部分…缺), as a share of the paragraph's sentences (0–1, 1 also for two or more of them).
pub(super) fn problem_shape(t: &str) -> f64 {
    const SOME: [&str; 6] = ["一些", "有的", "部分", "少数", "个别", "有些"];
    const SHORT: [&str; 7] = ["还", "不", "没有", "缺", "未", "难", "差"];
    let mut hits = 0usize;
    let mut n = 0usize;
    for s in t.split(['。', '！', '？', '；']).filter(|s| !s.is_empty()) {
        n += 1;
        if let Some(k) = SOME.iter().filter_map(|w| s.find(w).map(|k| k + w.len())).min() {
            let rest = s.get(k..).unwrap_or("");
            let near = rest.char_indices().nth(14).map_or(rest, |(e, _)| rest.get(..e).unwrap_or(rest));
            if SHORT.iter().any(|w| near.contains(w)) {
                hits += 1;
            }
        }
    }
    if hits >= 2 { 1.0 } else { hits as f64 / n.max(1) as f64 }
}
/// A paragraph's own scores: cues, tense, position.
/// `d` is the paragraph's `tense`.
pub(super) fn paragraph(t: &str, d: f64, i: usize, n: usize, block: usize, has_blocks: bool, p: &Params) -> [f64; N] {
    let (raw, sents) = cues::PARAGRAPH_CUES.scan(t);
    let mut e = [0.0, 0.0, p.get(Params::PROBLEMS), 0.0, 0.2, -0.3, -0.5];
    for k in 0..N {
        e[k] += cap(raw[k]);
    }
    // Sentence-level evidence: the first sentence states the paragraph's point, and each sentence
    // with a clear leaning casts a vote.
    if let Some(first) = sents.first() {
        for k in 0..N {
            e[k] += p.get(Params::FIRST) * cap(first[k]);
        }
    }
    let mut votes = [0.0; N];
    for s in &sents {
        let (k, best) = s.iter().copied().enumerate().fold((0, 0.0), |b, x| if x.1 > b.1 { x } else { b });
        if best >= 1.5 {
            votes[k] += 1.0;
        }
    }
    let ns = sents.len().max(1) as f64;
    for k in 0..N {
        e[k] += p.get(Params::VOTE) * votes[k] / ns;
    }
    e[2] += p.get(Params::SHAPE) * problem_shape(t);
    if pivot(t) || problem_list(t) || lack_item(t) {
        e[2] += p.get(Params::PIVOT);
    }
    let r = if n > 1 { i as f64 / (n - 1) as f64 } else { 0.0 };
    if year_frame(t) {
        e[3] += 1.5;
    }
    // 一是发展质效稳步提升。…: an item headed by an outcome.
    let item = ["一是", "二是", "三是", "四是", "五是", "六是", "第一，", "第二，", "第三，", "第四，"].iter().find_map(|w| t.strip_prefix(w));
    if item.and_then(|r| r.split(['。', '；']).next()).is_some_and(result_clause) {
        e[1] += 1.5;
    }
    // A shortcoming named as an item's head speaks louder than the tasks around it.
    if lack_item(t) {
        e[2] += 1.0;
    }
    e[1] += (p.get(Params::TENSE) * d).clamp(-2.0, 3.0);
    e[4] -= (0.5 * d).clamp(-2.0, 2.0);
    e[5] -= (0.5 * d).clamp(-2.0, 2.0);
    if is_salutation(t) {
        e[0] += 8.0;
    }
    if i == 0 {
        e[0] += 1.0;
    }
    if has_blocks {
        e[0] += if block == 0 { 1.5 } else { -3.0 };
    } else {
        e[0] += 1.5 * (1.0 - r / 0.15).max(0.0) - if r > 0.4 { 2.0 } else { 0.0 };
    }
    if r > 0.8 && raw[6] >= 4.0 {
        e[6] += 3.0;
    }
    if late_call(t, i, n) {
        e[6] += p.get(Params::CLOSING);
    } else if t.starts_with("同志们，") || t.starts_with("同志们！") {
        e[6] += 0.5;
    }
    if n > 3 && i + 2 >= n {
        e[6] += 1.0;
    }
    if r < 0.7 {
        e[6] -= 2.5;
    }
    if r < 0.4 {
        e[5] -= 1.5;
    }
    if r < 0.1 {
        e[4] -= 1.0;
    }
    e
}

/// Past against future: positive for a paragraph that reports what was done (了, 已, numbers),
/// negative for one that asks for what is to be done (要, 必须, 确保). Read clause by clause: in a
/// clause that sets a target (力争, 年内, 确保, 以上), numbers and 完成/实现/达到 are the target's, not
/// results (全年新增就业1万人以上 asks; 新增就业1万人 reports).
pub(crate) fn tense(t: &str) -> f64 {
    use std::sync::LazyLock;
    // The first `WEAK` of PAST are past only outside a target clause.
    const WEAK: usize = 4;
    const PAST: [&str; 14] = ["完成", "实现", "达到", "取得", "了", "已经", "先后", "累计", "共计", "荣获", "获得", "被评为", "同比", "比上年"];
    const MODAL: [&str; 12] = ["要", "必须", "应当", "应该", "务必", "确保", "力争", "争取", "着力", "切实", "一定", "必将"];
    const TARGET: [&str; 12] = ["力争", "确保", "争取", "年内", "全年", "年底前", "年底", "以上", "目标", "预期", "计划", "到20"];
    static AC: LazyLock<Option<aho_corasick::AhoCorasick>> =
        LazyLock::new(|| aho_corasick::AhoCorasick::new(PAST.iter().chain(MODAL.iter())).ok());
    static TARGETS: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| aho_corasick::AhoCorasick::new(TARGET).ok());
    // Clause ends (byte offsets), and per clause: does it set a target, does it report (了).
    let ends: Vec<usize> = t.match_indices(['，', '；', '。', '！', '？', '：']).map(|(k, _)| k).collect();
    let clause = |at: usize| ends.partition_point(|&e| e < at);
    let mut target = vec![false; ends.len() + 1];
    if let Some(ac) = TARGETS.as_ref() {
        for m in ac.find_iter(t) {
            if let Some(f) = target.get_mut(clause(m.start())) {
                *f = true;
            }
        }
    }
    for (k, _) in t.match_indices('了') {
        if let Some(f) = target.get_mut(clause(k)) {
            *f = false;
        }
    }
    let in_target = |at: usize| target.get(clause(at)).copied().unwrap_or(false);
    let (mut past, mut modal) = (0.0, 0.0);
    for at in number_starts(t) {
        if in_target(at) {
            modal += 0.3;
        } else {
            past += 0.7;
        }
    }
    if let Some(ac) = AC.as_ref() {
        for m in ac.find_overlapping_iter(t) {
            let k = m.pattern().as_usize();
            if k >= PAST.len() {
                modal += 1.0;
            } else if !(k < WEAK && in_target(m.start())) {
                past += 1.0;
            }
        }
    }
    let sentences = t.matches(['。', '！', '？']).count().max(1) as f64;
    (past - modal) / sentences.sqrt()
}

/// Where the numbers that state a result start (byte offsets): digits, with a unit or % after them.
fn number_starts(t: &str) -> Vec<usize> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b.get(i).is_some_and(u8::is_ascii_digit) {
            let mut j = i;
            while b.get(j).is_some_and(|c| c.is_ascii_digit() || *c == b'.') {
                j += 1;
            }
            if t.get(j..).and_then(|r| r.chars().next()).is_some_and(|c| "%亿万个家项名人元亩户所座公吨台".contains(c)) {
                out.push(i);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: fn(&str) -> bool, cases: &[(&str, bool)]) {
        for (t, want) in cases {
            assert_eq!(f(t), *want, "{t}");
        }
    }

    #[test]
    fn outcomes_and_aims() {
        check(result_clause, &[
            ("结构调整步伐加快", true),
            ("综合实力稳步提升", true),
            ("自身建设不断加强", true),
            ("加快推进产业升级", false),
            ("着力提升服务水平", false),
            ("招商引资实现新突破", false),
            ("项目建设要加快", false),
            ("农业结构调整迈出新步伐", true),
            ("在乡村振兴上取得新成效", false),
        ]);
    }

    #[test]
    fn turns_to_problems() {
        check(pivot, &[
            ("在肯定成绩的同时，我们也要清醒地看到，发展不足仍是最大的问题。", true),
            ("成绩有目共睹。但也要看到，短板弱项依然不少。", true),
            ("回顾这一年，虽然取得一定成效，但也存在一些亟待解决的问题。", true),
            ("在抓好项目建设的同时，要统筹做好安全生产工作。", false),
            ("过去一年，全县经济总量稳步提升。", false),
        ]);
    }

    #[test]
    fn lists_of_shortcomings() {
        check(problem_list, &[
            ("对照先进，我们的差距主要表现在：一是产业层次偏低，二是创新能力不强。", true),
            ("当前存在的问题主要有三个方面：一是统筹不够。", true),
            ("要着力解决以下问题：一是资金短缺。", false),
            ("今年的重点工作：一是抓项目，二是抓招商。", false),
        ]);
    }

    #[test]
    fn shortcoming_items() {
        check(lack_item, &[
            ("一是责任意识淡薄。少数干部不讲大局。", true),
            ("二是作风飘浮，满足于一般号召。", true),
            ("还有几个问题，值得我们研究：一是布局。", true),
            ("还有的人上班时间忙私事，业务上一知半解。", true),
            ("一是要强化服务意识。", false),
            ("一是产业提质增效。全年新增规上企业。", false),
        ]);
    }

    #[test]
    fn framed_years() {
        check(year_frame, &[
            ("今年是全面落实规划的攻坚之年，也是检验作风的关键之年。要抓好项目。", true),
            ("今年，是承上启下之年。", true),
            ("今年要抓好三件事。全年目标是决胜之年的基础。", false),
            ("去年是丰收之年。", false),
        ]);
    }

    #[test]
    fn complaint_shape() {
        let shaped = |t: &str| problem_shape(t) >= 0.5;
        check(shaped, &[
            ("有的干部还不适应新要求；一些部门协调不畅。", true),
            ("一些乡镇的办法不多，产业基础还很薄弱。", true),
            ("一些企业积极参与，效果良好。", false),
            ("要加快推进重点项目建设。", false),
        ]);
    }

    #[test]
    fn result_numbers() {
        for (t, want) in [("新增企业27家，增长9.2%。", 2), ("2025年的目标", 0), ("投资3.5亿元", 1), ("", 0)] {
            assert_eq!(number_starts(t).len(), want, "{t}");
        }
    }

    #[test]
    fn late_calls() {
        let late = |t: &str| late_call(t, 9, 10);
        check(late, &[("同志们，让我们携手奋进！", true), ("各位代表！蓝图已经绘就。", true), ("同志们：", false), ("最后，我再强调一点。", false)]);
        assert!(!late_call("同志们，今天我们召开这次会议。", 1, 10));
    }
}
