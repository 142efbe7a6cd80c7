//! Cleaning lines: white space, U+FFFD and mojibake, full-width punctuation, PDF page numbers, web
//! debris; then building paragraphs: lines broken mid-sentence are joined, glued headings, closings
//! and `第N篇` are split.

use std::sync::LazyLock;

use regex::Regex;

use super::debris::{before_watermark, is_debris, without_elision};
use super::split::{is_closing_like, is_meta, is_salutation, is_title_like};
use super::{Kind, Line, Para};
use crate::label::heading;

pub(crate) fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

pub(crate) fn hit(r: &Option<Regex>, s: &str) -> bool {
    r.as_ref().is_some_and(|r| r.is_match(s))
}

/// One line trimmed and normalised: junk characters out, mojibake fixed, punctuation full width,
/// a PDF page number in front of the text dropped.
pub fn normalize_line(raw: &str) -> String {
    let t = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // Most lines hold nothing that the steps below change: skip their copies.
    let junk = |c: char| matches!(c, '\u{fffd}' | '\u{200b}'..='\u{200f}' | '\u{feff}' | 'ד' | '℅' | 'o' | 'O' | '\u{a0}' | '\u{3000}' | '\t');
    let half = |c: char| matches!(c, ',' | ':' | ';' | '!' | '?' | '(' | ')' | '.');
    if !t.contains(|c: char| junk(c) || half(c)) {
        return strip_page_number(t).to_owned();
    }
    let out = if t.contains(junk) { fix_chars(t) } else { t.to_owned() };
    // `full_width` changes only , : ; ! ? ( ).
    let out = if out.contains([',', ':', ';', '!', '?', '(', ')']) { crate::zh::full_width(&out) } else { out };
    let out = chinese_punct(&out);
    strip_page_number(&out).to_owned()
}

/// In a line of Chinese, the half-width , ; : ! ? that `zh::full_width` left (next to digits or
/// %) become full width too, except a comma or colon between digits (1,000 23:24).
fn chinese_punct(t: &str) -> String {
    if !t.chars().any(crate::zh::is_han) || !t.contains([',', ';', ':', '!', '?', '.']) {
        return t.to_owned();
    }
    let chars: Vec<char> = t.chars().collect();
    let digit = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(|c| c.is_ascii_digit());
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between = digit(i.checked_sub(1)) && digit(Some(i + 1));
            match c {
                ',' if !between => '，',
                ':' if !between => '：',
                ';' => '；',
                '!' => '！',
                '?' => '？',
                '.' if !between && i.checked_sub(1).and_then(|j| chars.get(j)).is_some_and(|&p| crate::zh::is_han(p)) => '。',
                _ => c,
            }
        })
        .collect()
}

/// Junk characters out, mojibake fixed, odd spaces made plain.
fn fix_chars(t: &str) -> String {
    let chars: Vec<char> = t.chars().filter(|&c| !matches!(c, '\u{fffd}' | '\u{200b}'..='\u{200f}' | '\u{feff}')).collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        match c {
            'ד' => out.push_str("×“"),
            '℅' => out.push('%'),
            'o' | 'O' if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()) => out.push('0'),
            'o' | 'O' if !prev.is_some_and(|p| p.is_ascii_alphabetic()) && next.is_some_and(|n| "〇零一二三四五六七八九".contains(n)) => out.push('〇'),
            '\u{a0}' | '\u{3000}' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `1 门要从…` (a PDF page number and a space before the text) → `门要从…`.
fn strip_page_number(t: &str) -> &str {
    let mut it = t.char_indices();
    if let (Some((_, d)), Some((_, sp))) = (it.next(), it.next()) {
        if d.is_ascii_digit() && sp == ' ' {
            let rest = t.get(2..).unwrap_or("").trim_start();
            if rest.chars().next().is_some_and(crate::zh::is_han) {
                return rest;
            }
        }
    }
    t
}

/// True when a paragraph's text ends a sentence (or a heading's clause with 。).
pub fn ends_closed(t: &str) -> bool {
    let mut rev = t.chars().rev();
    match rev.next() {
        Some('。' | '！' | '？' | '：' | '；' | '…' | '!' | '?' | '」' | '』') => true,
        Some('”' | '’' | '）' | ')' | '》') => rev.next().is_some_and(|c| "。！？!?…”）".contains(c)),
        _ => false,
    }
}

/// The pieces of one line: glued `第N篇：`, level-1 headings and closings after a full stop start
/// pieces of their own.
pub fn pieces(t: &str) -> Vec<&str> {
    let mut cuts = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in t.char_indices() {
        let after_stop = matches!(prev, Some('。' | '！' | '？'));
        prev = Some(c);
        if i == 0 || !(c == '第' || after_stop) {
            continue;
        }
        let rest = t.get(i..).unwrap_or("");
        let starts = if c == '第' {
            pian(rest)
        } else {
            rest.starts_with("同志们，") || rest.starts_with("同志们！") || (may_open_heading(c, rest) && heading::level1_len(rest).is_some())
        };
        if starts {
            cuts.push(i);
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for c in cuts {
        out.push(t.get(from..c).unwrap_or(""));
        from = c;
    }
    out.push(t.get(from..).unwrap_or(""));
    out.retain(|p| !p.trim().is_empty());
    out
}

/// A level-1 heading marker (一、 首先，; 第 is handled before) can only start with these; the
/// test keeps `heading::marker`, which counts the rest of the text, off most sentence starts.
fn may_open_heading(c: char, rest: &str) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十') || rest.starts_with("首先") || rest.starts_with("其次")
}

/// True when the text starts with `第N篇：`.
pub fn pian(t: &str) -> bool {
    static PIAN: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"^第[一二三四五六七八九十\d]{1,3}篇[:：]"));
    hit(&PIAN, t)
}

/// A piece's kind on its own (titles and meta lines are settled again by the splitter).
fn kind_of(t: &str) -> Kind {
    if is_debris(t) { Kind::Debris } else { kind_of_clean(t) }
}

/// `kind_of` for a text already known not to be debris.
fn kind_of_clean(t: &str) -> Kind {
    if pian(t) || is_title_like(t) {
        Kind::Title
    } else if is_meta(t) {
        Kind::Meta
    } else {
        Kind::Body
    }
}

/// A piece of kind `kind` (its `kind_of`) that is plain body text.
fn plain_body(t: &str, kind: Kind) -> bool {
    kind == Kind::Body && heading::marker(t).is_none() && !is_salutation(t)
}

/// Builds the paragraphs of a file from its lines, each with its 1-based number (the pieces of a
/// split overlong line share one); returns them with every non-empty line, cleaned (unless
/// `keep_lines` is false), and the number of debris lines.
pub fn paragraphs(raw_lines: &[(usize, &str)], keep_lines: bool) -> (Vec<Para>, Vec<Line>, usize) {
    let mut paras: Vec<Para> = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    let mut debris = 0;
    for &(no, raw) in raw_lines {
        let mut t = normalize_line(raw);
        if t.is_empty() {
            continue;
        }
        let open = paras.last().is_some_and(|p| p.kind == Kind::Body && open_body(&p.text));
        if open {
            t = strip_glued_page_number(&t);
        }
        if t.contains("省略") || t.contains("隐藏") {
            t = without_elision(t);
        }
        // A debris line may be a paragraph with a site's watermark after it: keep the paragraph.
        let line_debris = is_debris(&t);
        let debris_line = line_debris
            && match before_watermark(&t) {
                Some(head) => {
                    t = head;
                    false
                }
                None => true,
            };
        if debris_line {
            debris += 1;
            if keep_lines {
                lines.push(Line { no, text: t.clone(), para: paras.len() });
            }
            paras.push(Para { line: no, last: no, text: t, kind: Kind::Debris });
            continue;
        }
        let mut first = None;
        for piece in pieces(&t) {
            let piece = piece.trim();
            // The debris test, the dear part of `kind_of`, has run on a piece that is the whole line.
            let kind = if !line_debris && piece == t { kind_of_clean(piece) } else { kind_of(piece) };
            if let Some(cur) = paras.last_mut() {
                if cur.last + 2 >= no && joins(cur, piece, kind) {
                    cur.text.push_str(piece);
                    cur.last = no;
                    cur.kind = kind_of(&cur.text);
                    first.get_or_insert(paras.len() - 1);
                    continue;
                }
            }
            first.get_or_insert(paras.len());
            paras.push(Para { line: no, last: no, text: piece.to_owned(), kind });
        }
        if keep_lines {
            lines.push(Line { no, text: t, para: first.unwrap_or(paras.len().saturating_sub(1)) });
        }
    }
    (paras, lines, debris)
}

fn open_body(t: &str) -> bool {
    heading::marker(t).is_none() && !is_salutation(t) && !ends_closed(t)
}

/// `1以“六树六提升”…` after a line cut mid-sentence: the digit is a page number.
fn strip_glued_page_number(t: &str) -> String {
    let mut it = t.chars();
    match (it.next(), it.next(), it.next()) {
        (Some(d), Some(c), n) if d.is_ascii_digit() && (crate::zh::is_han(c) || c == '“') => {
            let unit = "年月日个名家项亿万元%．.、号届次期批岁位条点天周人户亩";
            if unit.contains(c) || n.is_some_and(|n| n.is_ascii_digit()) {
                t.to_owned()
            } else {
                t.get(1..).unwrap_or(t).to_owned()
            }
        }
        _ => t.to_owned(),
    }
}

/// Does `piece` (of kind `kind`) continue paragraph `cur`?
fn joins(cur: &Para, piece: &str, kind: Kind) -> bool {
    if cur.text.len() + piece.len() > super::MAX_LINE {
        return false;
    }
    let n = piece.chars().count();
    let cur_n = cur.text.chars().count();
    match cur.kind {
        Kind::Body => {
            // A title cut in two lines: `在…协调会上的` + `讲话`.
            if !ends_closed(&cur.text) && cur_n <= 40 && n <= 8 && is_title_like(&format!("{}{piece}", cur.text)) {
                return true;
            }
            if !plain_body(piece, kind) {
                return false;
            }
            let cur_heading = heading::marker(&cur.text).is_some();
            if cur_heading {
                // A heading cut by a PDF line break: `一、…建设高` + `速公路的重大意义`.
                return !ends_closed(&cur.text) && cur_n < 40 && n <= 20 && !ends_closed(piece);
            }
            if is_salutation(&cur.text) {
                return false;
            }
            if !ends_closed(&cur.text) {
                // A short line of its own is a title, speaker or heading line (政 府 工 作 报 告,
                // 过去五年的工作回顾), not a line cut by the page width.
                let lone = cur.line == cur.last && !cur.text.ends_with(['，', '、', '；', '：']);
                // A short line ending in ： after it (同志们、朋友们、乡亲们：) is an address line.
                let address = n <= 32 && piece.ends_with('：');
                return !(lone && (cur_n <= 18 || address || (cur_n <= 30 && n <= 30 && !ends_closed(piece))));
            }
            // A spurious break: `总结。`, `了去年工作`, `学习。` (but not a heading of its own).
            // A short sentence with a clause of its own (针对这些问题，下一步要抓好七件事。) stands alone.
            n < 20 && cur_n >= 20 && !piece.contains('，') && !crate::label::bare_heading(piece) && !is_closing_like(piece) && heading::inline_marker(piece).is_none()
        }
        Kind::Title | Kind::Meta | Kind::Debris => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watermarks_come_off() {
        let (paras, _, debris) = paragraphs(&[(1, "一是招商总量上有差距，总量仅占全省的一小部分。 公文汇,办公文档之家"), (2, "公文汇 www.example.com")], true);
        assert_eq!(debris, 1);
        assert_eq!(paras.first().map(|p| p.text.as_str()), Some("一是招商总量上有差距，总量仅占全省的一小部分。"));
        let (paras, _, _) = paragraphs(&[(1, "成绩来之不易。全县人民用汗水写下“成绩单” ……(某某网http://www.example.cn省略893字,正式会员可完整阅读)…… 这些成绩的取得，凝聚着大家的心血。")], true);
        assert_eq!(paras.first().map(|p| p.text.as_str()), Some("成绩来之不易。全县人民用汗水写下“成绩单”……这些成绩的取得，凝聚着大家的心血。"));
        let (paras, _, _) = paragraphs(&[(1, "一、进一步提高认识，正确研判当前形势 公文汇,办公文档之家")], true);
        assert_eq!(paras.first().map(|p| p.text.as_str()), Some("一、进一步提高认识，正确研判当前形势"));
    }

    #[test]
    fn normalises() {
        assert_eq!(normalize_line("  1 门要从全局的高度,认识这项工作。\u{3000}"), "门要从全局的高度，认识这项工作。");
        assert_eq!(normalize_line("打造ד两个中心”"), "打造×“两个中心”");
        assert_eq!(normalize_line("下降3℅,20o6年"), "下降3%，2006年");
    }

    #[test]
    fn glued_pieces() {
        assert_eq!(pieces("经得起历史的检验。四、认真抓好党风廉政建设。"), ["经得起历史的检验。", "四、认真抓好党风廉政建设。"]);
        assert_eq!(pieces("形成好的风气。第三篇：在市里调研时的讲话"), ["形成好的风气。", "第三篇：在市里调研时的讲话"]);
        assert_eq!(pieces("确保任务完成。同志们，让我们携手奋进！"), ["确保任务完成。", "同志们，让我们携手奋进！"]);
        assert_eq!(pieces("一是抓统筹，二是抓落实。"), ["一是抓统筹，二是抓落实。"]);
    }

    #[test]
    fn joins_broken_lines() {
        let lines = ["同志们：", "", "今天我们召开全县工作会议，主要任务是总结", "去年的工作，部署今年的任务。", "",
            "一、统一思想，充分认识建设工作", "的重大意义", "", "这是一个很长的段落，说明这项工作的重要意义和紧迫性。", "总结。", "谢谢大家！"];
        let numbered: Vec<(usize, &str)> = lines.iter().enumerate().map(|(i, l)| (i + 1, *l)).collect();
        let (paras, lines_out, debris) = paragraphs(&numbered, true);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["同志们：", "今天我们召开全县工作会议，主要任务是总结去年的工作，部署今年的任务。",
            "一、统一思想，充分认识建设工作的重大意义", "这是一个很长的段落，说明这项工作的重要意义和紧迫性。总结。", "谢谢大家！"]);
        assert_eq!(lines_out.len(), 8);
        assert_eq!(debris, 0);
        assert_eq!(lines_out.iter().map(|l| l.para).collect::<Vec<_>>(), [0, 1, 1, 2, 2, 3, 3, 4]);
        // A short sentence with a clause of its own is not the tail of the one before.
        let lines = [(1, "问题在哪里？说到底，一是标准没吃透，二是责任没压实，三是办法不够多。"), (2, "针对这些问题，下一步要抓好七件事。")];
        assert_eq!(paragraphs(&lines, true).0.len(), 2);
    }
}
