//! Numbering: the levels a speech numbers its points with (一、 （一） 1、 （1） and the inline
//! chains 一是… and 第一，…), breaks in each sequence, and counts that announce a number of points
//! (讲三点意见, 以下四个方面) that the points that follow do not match.

use std::sync::LazyLock;

use regex::Regex;

use super::doc::{Doc, Speech};
use super::{Finding, Findings};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 一、
    L1,
    /// （一）
    L2,
    /// 1、 or 1.
    Arabic,
    /// （1）
    ParenArabic,
    /// 一是…
    Shi,
    /// 第一，…
    Di,
}

impl Kind {
    /// Headings and numbered paragraphs rank by depth; chains live inside the deepest.
    fn rank(self) -> u8 {
        match self {
            Kind::L1 => 1,
            Kind::L2 => 2,
            Kind::Arabic => 3,
            Kind::ParenArabic => 4,
            Kind::Shi | Kind::Di => 5,
        }
    }

    fn show(self, n: usize) -> String {
        let z = crate::zh::numeral(n);
        match self {
            Kind::L1 => format!("{z}、"),
            Kind::L2 => format!("（{z}）"),
            Kind::Arabic => format!("{n}、"),
            Kind::ParenArabic => format!("（{n}）"),
            Kind::Shi => format!("{z}是"),
            Kind::Di => format!("第{z}，"),
        }
    }
}

/// A numbered item: where it is (line index, byte offset in the line's body), its kind and number.
#[derive(Debug, Clone, Copy)]
pub struct Item {
    pub line: usize,
    pub off: usize,
    pub kind: Kind,
    pub n: usize,
    /// The item opens its paragraph.
    pub opener: bool,
}

/// 〇 一 … 九 as digits.
pub fn digit(c: char) -> Option<u32> {
    "〇一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32).or(match c {
        '零' | '○' | 'Ｏ' => Some(0),
        _ => None,
    })
}

fn is_numeral(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两')
}

/// 一 … 九十九 (and 两) as a number.
pub fn chinese_number(s: &str) -> Option<usize> {
    let cs: Vec<char> = s.chars().collect();
    let d = |c: &char| if *c == '两' { Some(2) } else { digit(*c).filter(|&v| v > 0).map(|v| v as usize) };
    match cs.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => d(c),
        ['十', u] => Some(10 + d(u)?),
        [t, '十'] => Some(d(t)? * 10),
        [t, '十', u] => Some(d(t)? * 10 + d(u)?),
        _ => None,
    }
}

/// The numbering mark that opens a paragraph, if any: (kind, number, bytes of the mark).
pub fn marker(body: &str) -> Option<(Kind, usize, usize)> {
    let lead = body.len() - body.trim_start_matches(['*', ' ']).len();
    let b = body.get(lead..)?;
    let run = |s: &str, f: fn(char) -> bool| -> usize { s.len() - s.trim_start_matches(f).len() };
    let nl = run(b, is_numeral);
    if nl > 0 {
        let (num, rest) = b.split_at(nl);
        if let (Some(n), Some(after)) = (chinese_number(num), rest.strip_prefix('、')) {
            // 一、二季度 and 一、二、三产业 are not headings.
            if !after.starts_with(is_numeral) {
                return Some((Kind::L1, n, lead + nl + '、'.len_utf8()));
            }
        }
    }
    if let Some(r) = b.strip_prefix(['（', '(']) {
        let open = b.len() - r.len();
        let nl = run(r, is_numeral);
        let dl = run(r, |c| c.is_ascii_digit());
        let (kind, len) = if nl > 0 { (Kind::L2, nl) } else { (Kind::ParenArabic, dl) };
        if len > 0 && len <= 6 {
            let (num, rest) = r.split_at(len);
            let n = if kind == Kind::L2 { chinese_number(num) } else { num.parse().ok() };
            if let (Some(n), true) = (n, rest.starts_with(['）', ')'])) {
                return Some((kind, n, lead + open + len + rest.chars().next().map_or(1, char::len_utf8)));
            }
        }
    }
    let dl = run(b, |c| c.is_ascii_digit());
    if (1..=2).contains(&dl) {
        let (num, rest) = b.split_at(dl);
        let mut it = rest.chars();
        if let (Some(p @ ('、' | '.' | '．')), next) = (it.next(), it.next()) {
            // 1.5万 and 3、4月份 are numbers, not marks.
            if !next.is_some_and(|c| c.is_ascii_digit() || c == '月') {
                return num.parse().ok().map(|n| (Kind::Arabic, n, lead + dl + p.len_utf8()));
            }
        }
    }
    None
}

/// Characters that may stand right before an inline item although they are Han: 我们一是要…,
/// 还要一是… Any other Han character makes the numeral part of a word (统一是, 之一是).
fn before_item(c: char) -> bool {
    matches!(c, '们' | '要' | '就' | '还' | '也' | '都' | '即' | '则' | '应' | '须' | '必')
}

/// The inline items of one paragraph body, as (kind, number, byte offset): the chains 一是… and
/// 第一，… (首先，其次， count as 第一，第二，), and 一、 headings glued after a full stop.
fn inline_items(body: &str, out: &mut Vec<(Kind, usize, usize)>) {
    let mut prev: Option<char> = None;
    for (i, c) in body.char_indices() {
        let p = prev.replace(c);
        if !(is_numeral(c) || matches!(c, '第' | '首' | '其')) {
            continue;
        }
        if !p.is_none_or(|p| !(crate::zh::is_han(p) || p.is_ascii_alphanumeric()) || before_item(p)) {
            continue;
        }
        let after_stop = p.is_some_and(|p| matches!(p, '。' | '！' | '!' | '？' | '?'));
        let rest = body.get(i..).unwrap_or("");
        if let Some(r) = rest.strip_prefix("首先").or_else(|| rest.strip_prefix("其次")) {
            if r.starts_with(['，', ',']) {
                out.push((Kind::Di, if c == '首' { 1 } else { 2 }, i));
            }
            continue;
        }
        if !(is_numeral(c) || c == '第') {
            continue;
        }
        if let (true, Some((Kind::L1, n, _))) = (after_stop, marker(rest)) {
            out.push((Kind::L1, n, i));
            continue;
        }
        let digits = if c == '第' { rest.get(c.len_utf8()..).unwrap_or("") } else { rest };
        let nl = digits.len() - digits.trim_start_matches(is_numeral).len();
        if nl == 0 || nl > 6 {
            continue;
        }
        let (num, after) = digits.split_at(nl);
        let Some(n) = chinese_number(num) else { continue };
        let mut next = after.chars();
        let ok = match (c, next.next(), next.next()) {
            ('第', Some('，' | ',' | '、' | '：' | ':'), follow) => !follow.is_some_and(is_numeral),
            // 一是一、二是二 and 一是否 are not items.
            (_, Some('是'), follow) if c != '第' => {
                let idiom = after.get('是'.len_utf8()..).and_then(|r| r.strip_prefix(num)).is_some_and(|r| r.is_empty() || r.starts_with(['，', '、', ',', '。', '；']));
                follow != Some('否') && !idiom
            }
            _ => false,
        };
        if ok {
            out.push((if c == '第' { Kind::Di } else { Kind::Shi }, n, i));
        }
    }
}

/// Every numbered item of a speech, in reading order.
pub fn items(doc: &Doc, sp: &Speech) -> Vec<Item> {
    let mut out = Vec::new();
    let mut inline = Vec::new();
    for i in doc.body(sp) {
        let Some(line) = doc.line(i) else { continue };
        let body = line.body();
        inline.clear();
        inline_items(body, &mut inline);
        let mut from = 0;
        if let Some((kind, n, len)) = marker(body) {
            out.push(Item { line: i, off: 0, kind, n, opener: true });
            from = len;
        }
        let heading = line.md > 0 || out.last().is_some_and(|it| it.line == i && matches!(it.kind, Kind::L1 | Kind::L2));
        for &(kind, n, off) in inline.iter().filter(|x| x.2 >= from) {
            // Headings carry no chains; a chain item that opens the paragraph is its opener.
            if !heading || kind == Kind::L1 {
                let opener = body.get(..off).is_some_and(|b| b.trim_matches(['*', ' ']).is_empty());
                out.push(Item { line: i, off, kind, n, opener });
            }
        }
    }
    out
}

/// Whether `it` ends the sequence of `kind` whose last item was `last_opener`: a heading ends the
/// chains below it, but 第一，… paragraphs are themselves headings that （一） does not end.
fn ends(it: &Item, kind: Kind, last_opener: bool) -> bool {
    match kind {
        Kind::Di if last_opener => it.kind == Kind::L1,
        Kind::Shi | Kind::Di => it.kind.rank() < 5,
        k => it.kind.rank() < k.rank(),
    }
}

/// Breaks in each numbering sequence: 一、二、四、; （一）（三）; 一是…三是.
pub fn check_sequences(doc: &Doc, items: &[Item], out: &mut Findings) {
    const KINDS: [Kind; 6] = [Kind::L1, Kind::L2, Kind::Arabic, Kind::ParenArabic, Kind::Shi, Kind::Di];
    // The last number and opener flag of each kind.
    let mut last: [Option<(usize, bool)>; 6] = [None; 6];
    for it in items {
        for (k, slot) in KINDS.iter().zip(last.iter_mut()) {
            if slot.is_some_and(|(_, o)| *k != it.kind && ends(it, *k, o)) {
                *slot = None;
            }
        }
        let Some(slot) = KINDS.iter().position(|k| *k == it.kind).and_then(|p| last.get_mut(p)) else { continue };
        let prev = slot.map(|s| s.0);
        if !(it.n == 1 || prev.is_some_and(|p| p + 1 == it.n)) {
            let msg = match prev {
                Some(p) => format!("numbering jumps from {} to {}", it.kind.show(p), it.kind.show(it.n)),
                None => format!("{} has no {} before it", it.kind.show(it.n), it.kind.show(1)),
            };
            let want = it.kind.show(prev.map_or(1, |p| p + 1));
            out.push(Finding::error(doc, it.line, it.off, "numbering", msg, format!("expected {want}; renumber the items or restore the missing one")));
        }
        *slot = Some((it.n, it.opener));
    }
}

static COUNT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:讲|谈|强调|提)(?:以下)?([一二三四五六七八九十两几]{1,3})(?:点|个方面|个问题)",
        r"|以下([一二三四五六七八九十两几]{1,3})(?:个方面|项工作|项重点工作|项任务|点|个问题|件事|条)",
        r"|(?:表现在|体现在|抓好|做好|抓住|办好)([一二三四五六七八九十两几]{1,3})(?:个方面|项工作|项重点工作|项任务|件事|个问题)"
    ))
    .ok()
});

/// How far (in body lines after the count's own line) the first item may stand.
const COUNT_REACH: usize = 3;

/// A count (讲三点意见) that the items which follow it do not match.
pub fn check_counts(doc: &Doc, sp: &Speech, items: &[Item], out: &mut Findings) {
    let Some(re) = COUNT.as_ref() else { return };
    let body_lines: Vec<usize> = doc.body(sp).collect();
    for (pos, &i) in body_lines.iter().enumerate() {
        let Some(line) = doc.line(i) else { continue };
        let body = line.body();
        for caps in re.captures_iter(body) {
            let (Some(whole), Some(num)) = (caps.get(0), caps.get(1).or(caps.get(2)).or(caps.get(3))) else { continue };
            // 几点 gives no count; a single point is not numbered.
            let Some(want) = chinese_number(num.as_str()).filter(|&n| n > 1) else { continue };
            let reach = body_lines.get(pos + COUNT_REACH).copied().unwrap_or(usize::MAX);
            let Some(first) = items.iter().position(|it| (it.line, it.off) >= (i, whole.end())) else { continue };
            let Some(head) = items.get(first).filter(|it| it.line <= reach && it.n == 1) else { continue };
            let got = group_len(items, first, head.kind);
            if got != want {
                out.push(Finding::error(
                    doc,
                    i,
                    whole.start(),
                    "count-mismatch",
                    format!("“{}” announces {want}, but {got} follow ({}…)", whole.as_str(), head.kind.show(1)),
                    "make the number match the points that follow, or write 几 (讲几点意见)",
                ));
            }
        }
    }
}

/// How many items of `kind` make up the group that starts at `items[first]`.
fn group_len(items: &[Item], first: usize, kind: Kind) -> usize {
    let mut n = 0;
    let mut opener = false;
    for (k, it) in items.iter().enumerate().skip(first) {
        if it.kind == kind {
            if it.n == 1 && k != first {
                break;
            }
            n += 1;
            opener = it.opener;
        } else if ends(it, kind, opener) {
            break;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_marks() {
        assert_eq!(chinese_number("二十三"), Some(23));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("两"), Some(2));
        assert_eq!(chinese_number("几"), None);
        assert_eq!(marker("一、总结成绩").map(|m| (m.0, m.1)), Some((Kind::L1, 1)));
        assert_eq!(marker("（三）抓项目").map(|m| (m.0, m.1)), Some((Kind::L2, 3)));
        assert_eq!(marker("2.加强领导").map(|m| (m.0, m.1)), Some((Kind::Arabic, 2)));
        assert_eq!(marker("(2)加强领导").map(|m| (m.0, m.1)), Some((Kind::ParenArabic, 2)));
        assert!(marker("1.5万人参加").is_none());
        assert!(marker("一、二季度增长较快").is_none());
        let mut v = Vec::new();
        inline_items("工作中，我们一是抓落实；二是抓统一是非；一是一、二是二。第一，要实。第一次会议。首先，要稳。其次，要进。三、", &mut v);
        let got: Vec<(Kind, usize)> = v.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(got, [(Kind::Shi, 1), (Kind::Shi, 2), (Kind::Di, 1), (Kind::Di, 1), (Kind::Di, 2), (Kind::L1, 3)]);
    }
}
