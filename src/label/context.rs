//! What the labeller reads off a speech before deciding: the body paragraphs, their heading
//! marks and the blocks those open, the heading words in effect, tense, and the hand-set evidence
//! for each section (cues, position, heading and block) that the chain and the learned layer use.

use super::{cap, dominant, heading, heading_scores, mark_of, score, top_level, Params, N, PAST_BLOCK};
use crate::corpus::{Kind, Para};

/// One speech, read.
pub(crate) struct Speech<'a> {
    /// The indexes (into the speech's paragraphs) of the body paragraphs, and their texts.
    pub body: Vec<usize>,
    pub texts: Vec<&'a str>,
    /// Each body paragraph's heading mark (level, number, marker length).
    pub marks: Vec<Option<(u8, usize, usize)>>,
    /// The level whose headings open blocks.
    pub top: Option<u8>,
    /// The top-level block each paragraph stands in (0 before the first heading).
    pub block: Vec<usize>,
    /// The words of the top-level heading and of the sub-heading in effect.
    pub top_words: Vec<&'a str>,
    pub sub_words: Vec<&'a str>,
    /// The heading line shown for each paragraph.
    pub headings: Vec<Option<String>>,
    pub tenses: Vec<f64>,
    /// Each block's summed tense (one per block: its length is the number of blocks).
    pub block_tense: Vec<f64>,
    /// The hand-set evidence per section.
    pub emit: Vec<[f64; N]>,
    /// Where a new stretch starts (a block, or a turn to problems inside one).
    pub starts: Vec<bool>,
}

impl<'a> Speech<'a> {
    pub fn read(paras: &'a [Para], p: &Params) -> Speech<'a> {
        let body: Vec<usize> = (0..paras.len()).filter(|&i| paras.get(i).is_some_and(|p| p.kind == Kind::Body)).collect();
        let texts: Vec<&str> = body.iter().filter_map(|&i| paras.get(i)).map(|p| p.text.as_str()).collect();
        let marks: Vec<Option<(u8, usize, usize)>> = texts.iter().map(|t| mark_of(t)).collect();
        let top = top_level(&marks);
        let sub = top.and_then(|t| (t + 1..=3).find(|l| marks.iter().filter(|m| m.is_some_and(|m| m.0 == *l)).count() >= 2));
        // Blocks under each top-level heading, their heading cues, and the heading line in effect.
        let n = texts.len();
        let mut block = Vec::with_capacity(n);
        let mut block_cues: Vec<[f64; N]> = vec![[0.0; N]];
        let mut sub_cues: Vec<[f64; N]> = Vec::with_capacity(n);
        let mut headings: Vec<Option<String>> = Vec::with_capacity(n);
        let (mut top_words, mut sub_words) = (Vec::with_capacity(n), Vec::with_capacity(n));
        let (mut cur_top, mut cur_sub): (Option<String>, Option<String>) = (None, None);
        let (mut cur_top_words, mut cur_sub_words) = ("", "");
        let mut cur_sub_cues = [0.0; N];
        // The cues of the top-level heading in effect: the block's opener for 一、 二、, but for a
        // run of （一）（二） used as the top level, each sibling's own (（一）抓责任落实 does not
        // speak for （二）抓隐患整改).
        let mut top_cues: Vec<[f64; N]> = Vec::with_capacity(n);
        let mut cur_top_cues = [0.0; N];
        let mut last_num = 0usize;
        for (t, m) in texts.iter().zip(&marks) {
            if let Some((lvl, num, len)) = *m {
                // Level-1 headings each open a block; lower levels used as the top open one where
                // their numbering starts again (1、2、3、 … 1、2、), the rest are sub-headings.
                let opens = Some(lvl) == top && (lvl == 1 || lvl == 3 || num <= 1 || num <= last_num);
                if Some(lvl) == top {
                    last_num = num;
                }
                let words = heading::heading_words(t, len);
                if opens {
                    cur_top_cues = heading_scores(words);
                    block_cues.push(cur_top_cues);
                    cur_top = heading::heading_line(t).or_else(|| Some((*t).to_owned()));
                    cur_top_words = words;
                    cur_sub = None;
                    cur_sub_words = "";
                    cur_sub_cues = [0.0; N];
                } else if Some(lvl) == sub || Some(lvl) == top {
                    cur_sub = heading::heading_line(t).or_else(|| Some((*t).to_owned()));
                    cur_sub_words = words;
                    cur_sub_cues = heading_scores(words);
                    if Some(lvl) == top {
                        cur_top_cues = cur_sub_cues;
                    }
                }
            }
            top_cues.push(cur_top_cues);
            block.push(block_cues.len() - 1);
            sub_cues.push(cur_sub_cues);
            top_words.push(cur_top_words);
            sub_words.push(cur_sub_words);
            headings.push(cur_sub.clone().or_else(|| cur_top.clone()));
        }
        // A block's tense, from all its paragraphs: a review block's sub-headings read like tasks.
        let mut block_tense = vec![0.0f64; block_cues.len()];
        let tenses: Vec<f64> = texts.iter().map(|t| score::tense(t)).collect();
        for (i, d) in tenses.iter().enumerate() {
            if let Some(x) = block.get(i).and_then(|&b| block_tense.get_mut(b)) {
                *x += d;
            }
        }
        let mut emit: Vec<[f64; N]> = Vec::with_capacity(n);
        let mut turned: Option<usize> = None;
        for (i, t) in texts.iter().enumerate() {
            let b = block.get(i).copied().unwrap_or(0);
            let is_head = marks.get(i).is_some_and(|m| m.is_some_and(|m| Some(m.0) == top));
            let d = tenses.get(i).copied().unwrap_or(0.0);
            let mut e = score::paragraph(t, d, i, n, b, top.is_some(), p);
            // The paragraph right under the salutation opens the speech, whatever it talks of.
            if i > 0 && i * 4 < n && texts.get(i - 1).is_some_and(|t| crate::corpus::split::is_salutation(t)) && marks.get(i).is_some_and(Option::is_none) {
                e[0] += 2.0;
            }
            // A late 同志们， stands outside the heading it follows: it closes the whole speech.
            let (mut bc, sc) = if score::late_call(t, i, n) {
                ([0.0; N], [0.0; N])
            } else {
                (top_cues.get(i).copied().unwrap_or([0.0; N]), sub_cues.get(i).copied().unwrap_or([0.0; N]))
            };
            // After 针对这些问题，下一步要…, a block headed by its problems sets the remedies.
            if score::remedy_turn(t) {
                turned = Some(b);
            }
            if turned == Some(b) && b > 0 {
                bc[4] += bc[2];
                bc[2] = 0.0;
            }
            // In a block that reports what was done, a heading worded as work (健全机制，提升保障)
            // names an area of the review.
            // Under a heading that plainly sets work (三、2024年重点工作), a block full of figures
            // (建设高标准农田8000亩) is a plan, not a report.
            let plan = top_words.get(i).is_some_and(|w| score::plan_heading(w));
            let past = !plan && block_tense.get(b).is_some_and(|&bt| bt > 0.0);
            if b > 0 && top == Some(1) && bc[2] <= 0.0 && !plan && block_tense.get(b).is_some_and(|&bt| bt > PAST_BLOCK) {
                bc[1] += bc[4] + bc[5];
                bc[4] = 0.0;
                bc[5] = 0.0;
            }
            for k in 0..N {
                e[k] += cap(bc[k]) * if is_head { 2.0 } else { p.get(Params::BLOCK) } + p.get(Params::SUB) * cap(sc[k]);
            }
            e[2] += p.get(Params::SUB_P) * cap(sc[2]);
            // A block that reports what was done is a review whatever its heading says.
            if let Some(k) = dominant(&bc).filter(|&k| top == Some(1) && (k == 2 || (matches!(k, 3 | 5) && !past))) {
                e[k] += p.get(Params::DOMINANT);
            }
            if b > 0 {
                let bt = block_tense.get(b).copied().unwrap_or(0.0);
                let bt = if plan { bt.min(0.0) } else { bt };
                e[1] += (p.get(Params::BLOCK_TENSE) * bt).clamp(-1.5, 2.0);
                e[4] -= (0.2 * bt).clamp(-1.5, 1.5);
                e[5] -= (0.2 * bt).clamp(-1.5, 1.5);
            }
            emit.push(e);
        }
        // The last block before the close, when its heading speaks of leadership or follow-through.
        let last_block = block.last().copied().unwrap_or(0);
        // (Not when the block reports what was done: a work summary's last heading is still review.)
        if last_block > 1 && block_tense.get(last_block).is_some_and(|&bt| bt <= 0.0) {
            for (i, e) in emit.iter_mut().enumerate() {
                if block.get(i) == Some(&last_block) && top_cues.get(i).is_some_and(|c| c[5] > 0.0) {
                    e[5] += p.get(Params::LAST);
                }
            }
        }
        // A new top-level block opens a new stretch; so does a turn to problems inside one.
        let starts: Vec<bool> = (0..n)
            .map(|i| i > 0 && (block.get(i) != block.get(i - 1) || texts.get(i).is_some_and(|t| score::pivot(t) || score::remedy_turn(t) || score::problem_list(t) || score::lack_item(t) || score::late_call(t, i, n))))
            .collect();
        Speech { body, texts, marks, top, block, top_words, sub_words, headings, tenses, block_tense, emit, starts }
    }
}
