//! Phrase-bank candidates from one labelled speech: headings and sentences, each given a role of
//! its section (Section::roles), slotted and filtered.

use std::sync::LazyLock;

use regex::Regex;

use super::filter::{reject, TopicMatcher};
use super::slot::{slot_sentence, Context};
use crate::corpus::clean::{hit, re};
use crate::corpus::{split::is_salutation, Kind, Para};
use crate::label::{heading, Label};
use crate::section::Section;

/// A sentence or heading that may become a bank entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cand {
    pub section: Section,
    pub role: &'static str,
    pub text: String,
    pub topics: Vec<String>,
    pub months: Vec<u8>,
    /// 1-based paragraph of the speech it came from.
    pub para: usize,
}

static AGENDA: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(讲|谈|提)(了)?([一二三四五六七八九十两]|几)(点|个方面)(意见|看法|要求|体会)"));
static AGENDA_COUNT: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"([讲谈提])([一二三四五六七八九十两])(点|个方面)"));
static PURPOSE: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"主要任务是|主要目的是|目的是|任务是"));
static SUMMARY: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"得益于|成绩的取得|的结果|离不开|归功于"));
static CREDIT: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"感谢|谢意|致以|敬意"));
static P_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"同时|清醒|看到|但是|也要|差距|不足"));
static P_WRAP: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"加以解决|切实解决|认真研究|高度重视|下大力气|努力解决|逐步解决"));
static T_LEAD: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"总体要求|指导思想|工作思路|总的要求|总体思路"));
static REQUIREMENT: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"^(要|必须|务必|各级各部门要|各地各部门要).*(确保|务必|坚决|切实)"));
static THANKS: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"谢谢"));
static GREETING: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"祝|拜年|佳节|新春|新年"));
static DEPENDENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"^(但|因此|所以|此外|另外|而且|并且|其中|他们|她们|它|对此|为此|由此|因而|否则|然而|这些|这个|这是|这样|这也|那|如|比如|例如|特别是|尤其是|主要是|包括|总之|可以说|也就是说|即)")
});

/// Splits a paragraph into sentences, each with its final mark (and closing quote).
pub fn sentences(t: &str) -> Vec<&str> {
    // The marks 。！？ and the closers ”’） are three bytes each; 。 starts with 0xE3 and ！？ with
    // 0xEF, which lead no common Han character, so a byte search finds the candidates (this ran
    // over every labelled paragraph char by char).
    const STOPS: [&str; 3] = ["。", "！", "？"];
    const CLOSERS: [&str; 3] = ["”", "’", "）"];
    let mut out = Vec::new();
    let (mut start, mut from) = (0, 0);
    while let Some(k) = t.as_bytes().get(from..).and_then(|b| memchr::memchr2(0xE3, 0xEF, b)) {
        // A lead byte always starts a character.
        let at = from + k;
        let rest = t.get(at..).unwrap_or("");
        if !STOPS.iter().any(|m| rest.starts_with(m)) {
            from = at + 1;
            continue;
        }
        let mut end = at + 3;
        while let Some(c) = t.get(end..).and_then(|r| CLOSERS.iter().find(|c| r.starts_with(**c))) {
            end += c.len();
        }
        push_trimmed(&mut out, t.get(start..end).unwrap_or(""));
        start = end;
        from = end;
    }
    if start < t.len() {
        push_trimmed(&mut out, t.get(start..).unwrap_or(""));
    }
    out
}

fn push_trimmed<'a>(out: &mut Vec<&'a str>, s: &'a str) {
    let s = s.trim();
    if !s.is_empty() {
        out.push(s);
    }
}

/// The candidates of one speech.
pub fn candidates(paras: &[Para], labels: &[Label], ctx: &Context, topics: &TopicMatcher) -> Vec<Cand> {
    let mut out = Vec::new();
    let top = labels.iter().filter_map(|l| l.level).min();
    let mut prev: Option<Section> = None;
    let mut body_no = 0;
    for (p, l) in paras.iter().zip(labels) {
        if p.kind != Kind::Body {
            continue;
        }
        body_no += 1;
        let Some(section) = l.section else { continue };
        let first_of_run = prev != Some(section);
        prev = Some(section);
        if l.confidence < 0.8 {
            continue;
        }
        let mut push = |role: &'static str, text: &str, months: Vec<u8>| {
            if let Some(c) = finish(section, role, text, months, body_no, ctx, topics) {
                out.push(c);
            }
        };
        if section == Section::Opening && is_salutation(&p.text) {
            push("salutation", &p.text, Vec::new());
            continue;
        }
        let mut text = p.text.as_str();
        if let Some((lvl, _, len)) = heading::marker(text) {
            if Some(lvl) == top && section != Section::Opening && section != Section::Closing {
                let words = heading::heading_words(text, len);
                if (6..=36).contains(&words.chars().count()) && !words.contains('：') {
                    push("heading", words, Vec::new());
                }
            }
            // The rest of the paragraph after the heading's first sentence.
            let words_len = heading::heading_words(text, len).len();
            text = text.get(len + words_len..).unwrap_or("").trim_start_matches(['。', '：', '！']);
        }
        for (k, s) in sentences(text).into_iter().enumerate() {
            let s = strip_marker(s);
            let n = s.chars().count();
            if !(14..=90).contains(&n) {
                continue;
            }
            let first = first_of_run && k == 0;
            let Some((role, months)) = role_of(section, s, first) else { continue };
            if !matches!(role, "lead" | "wrap" | "summary" | "context" | "purpose") && hit(&DEPENDENT, s) {
                continue;
            }
            push(role, s, months);
        }
    }
    out
}

/// A sentence without the inline marker it opens with (一是 一要 第一，（一） 1、).
fn strip_marker(s: &str) -> &str {
    if let Some((_, _, len)) = heading::marker(s) {
        return s.get(len..).unwrap_or(s);
    }
    if heading::inline_marker(s).is_some() {
        let cut = s.char_indices().find(|&(_, c)| c == '是' || c == '，' || c == '要').map(|(i, c)| i + c.len_utf8());
        if let Some(i) = cut.filter(|&i| i <= 12) {
            return s.get(i..).unwrap_or(s).trim_start_matches('，');
        }
    }
    s
}

fn role_of(section: Section, s: &str, first: bool) -> Option<(&'static str, Vec<u8>)> {
    let role = match section {
        Section::Opening => {
            if hit(&AGENDA, s) {
                "agenda"
            } else if hit(&PURPOSE, s) {
                "purpose"
            } else {
                "context"
            }
        }
        Section::Review => {
            if hit(&SUMMARY, s) {
                "summary"
            } else if hit(&CREDIT, s) {
                "credit"
            } else if first {
                "lead"
            } else if s.chars().count() <= 60 {
                "item"
            } else {
                return None;
            }
        }
        Section::Problems => {
            if first && hit(&P_LEAD, s) {
                "lead"
            } else if hit(&P_WRAP, s) {
                "wrap"
            } else {
                "item"
            }
        }
        Section::Situation => if first { "lead" } else { "point" },
        Section::Tasks => {
            if hit(&T_LEAD, s) {
                "lead"
            } else if hit(&REQUIREMENT, s) {
                "requirement"
            } else {
                "point"
            }
        }
        Section::Guarantee => "point",
        Section::Closing => {
            if hit(&THANKS, s) {
                "thanks"
            } else if hit(&GREETING, s) {
                let months = months_of(s);
                if months.is_empty() {
                    return None;
                }
                return Some(("greeting", months));
            } else {
                "call"
            }
        }
    };
    Some((role, Vec::new()))
}

/// The months a seasonal greeting fits.
fn months_of(s: &str) -> Vec<u8> {
    if ["春节", "新春", "拜年", "拜个早年", "新年", "元旦"].iter().any(|w| s.contains(w)) {
        vec![1, 2, 12]
    } else if ["中秋", "国庆"].iter().any(|w| s.contains(w)) {
        vec![9, 10]
    } else {
        Vec::new()
    }
}

fn finish(section: Section, role: &'static str, text: &str, months: Vec<u8>, para: usize, ctx: &Context, table: &TopicMatcher) -> Option<Cand> {
    let mut text = text.trim().to_owned();
    if role == "agenda" {
        if let Some(r) = AGENDA_COUNT.as_ref() {
            text = r.replace(&text, "${1}{{ count.points }}${3}").into_owned();
        }
    }
    let slotted = slot_sentence(&text, ctx, section)?;
    if reject(&slotted).is_some() {
        return None;
    }
    let mut topics = table.topics_of(&slotted);
    if let Some(t) = &ctx.topic {
        if super::slot::strip_slots(&slotted).contains(t.as_str()) {
            // The speech's own topic, not slotted: only with a known tag for it.
            let tags = table.topics_of(t);
            if tags.len() != 1 {
                return None;
            }
            topics.extend(tags);
        }
    }
    if let Some(f) = ctx.field.as_ref().filter(|_| !matches!(section, Section::Opening | Section::Closing)) {
        // A sentence of a speech on one field belongs to that field, though it names none of its
        // words (对查出的问题要明确整改责任人 in a safety speech); only the opening's and the
        // closing's formulae serve any speech.
        topics.push(f.clone());
    }
    topics.sort();
    topics.dedup();
    if topics.len() > 1 {
        return None;
    }
    Some(Cand { section, role, text: slotted, topics, months, para })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        assert_eq!(sentences("要抓好落实。“这是关键！”大家要记住？最后一句"), ["要抓好落实。", "“这是关键！”", "大家要记住？", "最后一句"]);
        assert_eq!(sentences("（一）抓落实。）”’再说，好吗？！ 完"), ["（一）抓落实。）”’", "再说，好吗？", "！", "完"]);
        assert_eq!(sentences("。"), ["。"]);
        assert!(sentences("  ").is_empty());
    }

    #[test]
    fn strips_markers() {
        assert_eq!(strip_marker("一是要加强领导。"), "要加强领导。");
        assert_eq!(strip_marker("第二，要压实责任。"), "要压实责任。");
        assert_eq!(strip_marker("（三）强化督查。"), "强化督查。");
    }
}
