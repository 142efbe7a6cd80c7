//! Section labels for the paragraphs of a speech (SPEC §5 step 5), and its heading hierarchy.
//!
//! Every paragraph gets scores for the seven sections from cue phrases (its own and its
//! heading's), its position and a few counts; a first-order chain over the paragraphs then picks
//! the best sequence under the order of a speech (opening < review < problems < situation < tasks
//! < guarantee < closing, with situation allowed before the review and problems inside the
//! tasks), where a change of section is cheap at a level-1 heading and dear inside one.
//! Confidence is the label's posterior under the same chain. Shared by `mine`, `analyze` and `check`.

mod cues;
pub mod heading;

use crate::corpus::{split::is_salutation, Kind, Para};
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

/// The paragraph cue phrases and the section each points to (index into `Section::ALL`).
pub fn cue_table() -> impl Iterator<Item = (&'static str, usize)> {
    cues::PARAGRAPH.iter().map(|c| (c.0, c.1))
}

/// The indexes (into `cue_table`) of the cues a text holds, each once.
pub fn cue_hits(text: &str) -> Vec<usize> {
    cues::PARAGRAPH_CUES.hits(text)
}

fn cap(x: f64) -> f64 {
    if x > 0.0 { x / (1.0 + x / 8.0) } else { x }
}

/// Labels the paragraphs of one speech.
pub fn label(paras: &[Para]) -> Vec<Label> {
    let body: Vec<usize> = (0..paras.len()).filter(|&i| paras.get(i).is_some_and(|p| p.kind == Kind::Body)).collect();
    let texts: Vec<&str> = body.iter().filter_map(|&i| paras.get(i)).map(|p| p.text.as_str()).collect();
    let marks: Vec<Option<(u8, usize, usize)>> = texts.iter().map(|t| heading::marker(t)).collect();
    let top = top_level(&marks);
    let sub = top.and_then(|t| (t + 1..=3).find(|l| marks.iter().filter(|m| m.is_some_and(|m| m.0 == *l)).count() >= 2));
    // Blocks under each top-level heading, their heading cues, and the heading line in effect.
    let mut block = Vec::with_capacity(texts.len());
    let mut block_cues: Vec<[f64; N]> = vec![[0.0; N]];
    let mut sub_cues: Vec<[f64; N]> = Vec::with_capacity(texts.len());
    let mut headings: Vec<Option<String>> = Vec::with_capacity(texts.len());
    let (mut cur_top, mut cur_sub): (Option<String>, Option<String>) = (None, None);
    let mut cur_sub_cues = [0.0; N];
    let mut last_num = 0usize;
    for (t, m) in texts.iter().zip(&marks) {
        if let Some((lvl, num, len)) = *m {
            // Level-1 headings each open a block; lower levels used as the top open one where
            // their numbering starts again (1、2、3、 … 1、2、), the rest are sub-headings.
            let opens = Some(lvl) == top && (lvl == 1 || lvl == 3 || num <= 1 || num <= last_num);
            if Some(lvl) == top {
                last_num = num;
            }
            if opens {
                block_cues.push(heading_scores(heading::heading_words(t, len)));
                cur_top = heading::heading_line(t);
                cur_sub = None;
                cur_sub_cues = [0.0; N];
            } else if Some(lvl) == sub || Some(lvl) == top {
                cur_sub = heading::heading_line(t);
                cur_sub_cues = heading_scores(heading::heading_words(t, len));
            }
        }
        block.push(block_cues.len() - 1);
        sub_cues.push(cur_sub_cues);
        headings.push(cur_sub.clone().or_else(|| cur_top.clone()));
    }
    let n = texts.len();
    // A block's tense, from all its paragraphs: a review block's sub-headings read like tasks.
    let mut block_tense = vec![0.0f64; block_cues.len()];
    for (i, t) in texts.iter().enumerate() {
        if let Some(x) = block.get(i).and_then(|&b| block_tense.get_mut(b)) {
            *x += tense(t);
        }
    }
    let mut emit: Vec<[f64; N]> = Vec::with_capacity(n);
    for (i, t) in texts.iter().enumerate() {
        let b = block.get(i).copied().unwrap_or(0);
        let is_head = marks.get(i).is_some_and(|m| m.is_some_and(|m| Some(m.0) == top));
        let mut e = paragraph_scores(t, i, n, b, top.is_some());
        let bc = block_cues.get(b).copied().unwrap_or([0.0; N]);
        let sc = sub_cues.get(i).copied().unwrap_or([0.0; N]);
        for k in 0..N {
            e[k] += cap(bc[k]) * if is_head { 2.0 } else { 1.6 } + 0.6 * cap(sc[k]);
        }
        if b > 0 {
            let bt = block_tense.get(b).copied().unwrap_or(0.0);
            e[1] += (0.3 * bt).clamp(-1.5, 2.0);
            e[4] -= (0.2 * bt).clamp(-1.5, 1.5);
        }
        emit.push(e);
    }
    let starts: Vec<bool> = (0..n).map(|i| i > 0 && block.get(i) != block.get(i - 1)).collect();
    let (path, post) = decode(&emit, &starts);
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
fn top_level(marks: &[Option<(u8, usize, usize)>]) -> Option<u8> {
    (1..=3).find(|l| marks.iter().filter(|m| m.is_some_and(|m| m.0 == *l)).count() >= 2)
}

fn heading_scores(words: &str) -> [f64; N] {
    // Earlier clauses say more about the block than later ones.
    let mut out = [0.0; N];
    for (c, clause) in words.split(['，', '、', '；']).enumerate() {
        let w = match c {
            0 => 1.0,
            1 => 0.8,
            _ => 0.6,
        };
        cues::HEADING_CUES.score(clause, w, &mut out);
    }
    out
}

/// A paragraph's own scores: cues, tense, position.
fn paragraph_scores(t: &str, i: usize, n: usize, block: usize, has_blocks: bool) -> [f64; N] {
    let mut raw = [0.0; N];
    cues::PARAGRAPH_CUES.score(t, 1.0, &mut raw);
    let mut e = [0.0, 0.0, -0.5, 0.0, 0.2, -0.3, -0.5];
    for k in 0..N {
        e[k] += cap(raw[k]);
    }
    let r = if n > 1 { i as f64 / (n - 1) as f64 } else { 0.0 };
    let d = tense(t);
    e[1] += (0.8 * d).clamp(-2.0, 3.0);
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
    if t.starts_with("同志们，") || t.starts_with("同志们！") {
        e[6] += if r > 0.7 { 3.0 } else { 0.5 };
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
    if r > 0.75 {
        e[1] -= 1.0;
    }
    if r < 0.1 {
        e[4] -= 1.0;
    }
    e
}

/// Past against future: positive for a paragraph that reports what was done (了, 已, numbers),
/// negative for one that asks for what is to be done (要, 必须, 确保).
pub(crate) fn tense(t: &str) -> f64 {
    use std::sync::LazyLock;
    const PAST: [&str; 14] = ["了", "已经", "先后", "累计", "共计", "完成", "实现", "达到", "取得", "荣获", "获得", "被评为", "同比", "比上年"];
    const MODAL: [&str; 12] = ["要", "必须", "应当", "应该", "务必", "确保", "力争", "争取", "着力", "切实", "一定", "必将"];
    static AC: LazyLock<Option<aho_corasick::AhoCorasick>> =
        LazyLock::new(|| aho_corasick::AhoCorasick::new(PAST.iter().chain(MODAL.iter())).ok());
    let (mut past, mut modal) = (0.7 * count_numbers(t) as f64, 0.0);
    if let Some(ac) = AC.as_ref() {
        for m in ac.find_overlapping_iter(t) {
            if m.pattern().as_usize() < PAST.len() {
                past += 1.0;
            } else {
                modal += 1.0;
            }
        }
    }
    let sentences = t.matches(['。', '！', '？']).count().max(1) as f64;
    (past - modal) / sentences.sqrt()
}

/// Numbers that state a result: digits, with a unit or % after them.
pub(crate) fn count_numbers(t: &str) -> usize {
    let chars: Vec<char> = t.chars().collect();
    let mut n = 0;
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
            let mut j = i;
            while chars.get(j).is_some_and(|c| c.is_ascii_digit() || *c == '.') {
                j += 1;
            }
            if chars.get(j).is_some_and(|c| "%亿万个家项名人元亩户所座公吨台".contains(*c)) {
                n += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    n
}

/// The score of moving from section `a` to `b` between two paragraphs; `boundary` when `b`'s
/// paragraph opens a new top-level block.
fn transition(a: usize, b: usize, boundary: bool) -> f64 {
    if a == b {
        return 0.0;
    }
    if b == 0 {
        return -10.0;
    }
    if a == 6 {
        return -5.0;
    }
    if b > a {
        return if boundary { -0.5 } else { -1.2 };
    }
    // Backward: situation before the review (R→A, R→P), problems inside the tasks (T→P).
    let usual = matches!((a, b), (3, 1) | (3, 2) | (4, 2) | (5, 2) | (4, 3) | (2, 1));
    match (usual, boundary) {
        (true, true) => -2.0,
        (true, false) => -3.5,
        (false, true) => -4.0,
        (false, false) => -6.0,
    }
}

fn logsumexp(xs: &[f64]) -> f64 {
    let m = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !m.is_finite() {
        return m;
    }
    m + xs.iter().map(|x| (x - m).exp()).sum::<f64>().ln()
}

/// The best path (Viterbi) and each step's posterior of its label (forward–backward).
fn decode(emit: &[[f64; N]], starts: &[bool]) -> (Vec<usize>, Vec<f64>) {
    let n = emit.len();
    if n == 0 {
        return (Vec::new(), Vec::new());
    }
    let start = |k: usize| if k == 0 { 0.0 } else { -1.5 };
    let boundary = |i: usize| starts.get(i).copied().unwrap_or(false);
    let e = |i: usize, k: usize| emit.get(i).and_then(|r| r.get(k)).copied().unwrap_or(0.0);
    // Viterbi.
    let mut score: Vec<[f64; N]> = vec![[0.0; N]; n];
    let mut back: Vec<[usize; N]> = vec![[0; N]; n];
    for k in 0..N {
        score[0][k] = start(k) + e(0, k);
    }
    for i in 1..n {
        for k in 0..N {
            let (best, arg) = (0..N)
                .map(|j| (score[i - 1][j] + transition(j, k, boundary(i)), j))
                .fold((f64::NEG_INFINITY, 0), |acc, x| if x.0 > acc.0 { x } else { acc });
            score[i][k] = best + e(i, k);
            back[i][k] = arg;
        }
    }
    let mut k = (0..N).fold(0, |b, k| if score[n - 1][k] > score[n - 1][b] { k } else { b });
    let mut path = vec![0; n];
    for i in (0..n).rev() {
        path[i] = k;
        if i > 0 {
            k = back[i][k];
        }
    }
    // Forward–backward.
    let mut alpha: Vec<[f64; N]> = vec![[0.0; N]; n];
    let mut beta: Vec<[f64; N]> = vec![[0.0; N]; n];
    for k in 0..N {
        alpha[0][k] = start(k) + e(0, k);
    }
    for i in 1..n {
        for k in 0..N {
            let xs: Vec<f64> = (0..N).map(|j| alpha[i - 1][j] + transition(j, k, boundary(i))).collect();
            alpha[i][k] = logsumexp(&xs) + e(i, k);
        }
    }
    for i in (0..n - 1).rev() {
        for j in 0..N {
            let xs: Vec<f64> = (0..N).map(|k| transition(j, k, boundary(i + 1)) + e(i + 1, k) + beta[i + 1][k]).collect();
            beta[i][j] = logsumexp(&xs);
        }
    }
    let z = logsumexp(&alpha[n - 1]);
    let post = (0..n).map(|i| ((alpha[i][path[i]] + beta[i][path[i]] - z).exp() * 100.0).round() / 100.0).collect();
    (path, post)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(text: &str) -> Para {
        Para { line: 1, last: 1, text: text.to_owned(), kind: Kind::Body }
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
        let paras: Vec<Para> = texts.iter().map(|t| para(t)).collect();
        let got: Vec<&str> = label(&paras).iter().map(|l| l.section.map_or("other", Section::name)).collect();
        assert_eq!(got, ["opening", "opening", "review", "review", "problems", "problems", "tasks", "tasks", "tasks", "guarantee", "guarantee", "closing"]);
        let l = label(&paras);
        assert_eq!(l.get(8).and_then(|l| l.heading.clone()).as_deref(), Some("三、突出重点，扎实推进今年各项工作"));
        assert!(l.iter().all(|x| (0.0..=1.0).contains(&x.confidence)));
    }
}
