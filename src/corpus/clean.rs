//! Cleaning lines: white space, U+FFFD and mojibake, full-width punctuation, PDF page numbers, web
//! debris; then building paragraphs: lines broken mid-sentence are joined, glued headings, closings
//! and `第N篇` are split.

use std::sync::LazyLock;

use regex::Regex;

use super::split::{is_closing_like, is_meta, is_salutation, is_title_like};
use super::{Kind, Line, Para};
use crate::label::heading;

pub(crate) fn re(pattern: &str) -> Option<Regex> {
    Regex::new(pattern).ok()
}

pub(crate) fn hit(r: &Option<Regex>, s: &str) -> bool {
    r.as_ref().is_some_and(|r| r.is_match(s))
}

/// Web debris, as three regexes that each stay cheap: one unanchored set of literals (and short
/// spans after a literal), one anchored at the start, and the `标题（15篇）` form, which is tried
/// only on lines that end in 篇) or 篇）. A single combined regex made the lazy DFA thrash (the
/// bounded `.{2,60}` under an unanchored search) and was most of the cleaning time.
static DEBRIS_ANY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"小编|欢迎大家阅读|欢迎阅读|(范文|讲话稿|演讲稿|发言稿)是一种",
        r"|以下是.{0,30}(范文|讲话稿|发言稿|演讲稿)|(范文|讲话稿|发言稿|演讲稿|文章).{0,20}(供大家参考|仅供参考|希望对)",
        r"|希望对(你|您|大家)有所?帮助|页[,，]当前第",
        r"|一号文库|范文网|文库网|范文大全|第一范文|https?[:：]|www\.|\.com(?-u:\b)|\.cn(?-u:\b)",
        r"|来源于网友上传|不代表本站|阅读全部|需要先登录|(VIP|Vip|vip)(免费|会员|下载)|立即下载|免费下载",
        r"|全文共\d+字|当前显示\d+字|请认真阅读下面的提示|为你精心整理|办公文档之家|第\d+/\d+页|此处隐藏\d+字|下载后查看|版权声明|版权归|请勿转载|加入收藏|(素材|范文|公文|材料|资料)网|温馨提示|扫一扫|本文标题|链接地址|作者原创|(DOCX|docx)\s|由会员分享|定制代笔|海量(公文|范文)",
        r"|全文约\d+字|请下载后(阅读|编辑)|稿子汇|公文汇|(范文|总结|讲话稿)[_＿]|\s时间[:：]\s*\d{4}[-/.年]|点此注册|欢迎访问|^编号[:：]\s*\d{5,}|^[●■◆]?\s*(结束语|开场白)[:：]$",
    ))
});
static DEBRIS_START: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"^(?:时间[:：].{0,40}作者[:：]",
        r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$",
        r"|(来源|來源|作者|更新时间|发布时间|发布日期|发表时间|责任编辑|编辑|浏览次数|阅读次数|点击数|字数)[:：]",
        r"|(讲话稿|发言稿|演讲稿|范文)。?$",
        r"|\d{1,3}$|\d{1,3}/\d{1,3}$|第\d+页|共\d+页",
        r"|(相关范文推荐|相关推荐|猜您喜欢|猜你喜欢|热门推荐|本站热搜|热门标签|熱門標籤|上一篇|下一篇|推荐阅读|延伸阅读|本文链接|版权声明|免责声明|返回目录|点击下载|下载全文|全文阅读)",
        r"|[-•·]\s*.{0,80}(文库|范文)",
        r"|(内容预览|编者按|投稿人|制定机关|索\s*引\s*号|您的位置)[:：]?|篇[一二三四五六七八九十]{1,2}[:：]$|预览结束|【文章共\d+字|[-—_=~]{3,}$",
        r"|(导语|导读|摘要)[:：]|时间[:：]\s*\d{4}|(购物车|我的足迹|正文复制|大家正在看|换一换|返回顶部|散会[！!。]?|阅读全文|[…\.\s·]+)$|公文搜|文库\s|©|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}|上一页|THE END$|(编辑|责编|审核|校对)\s+\p{Han}{2,4}$|(分享到|当前位置[:：]|首页\s*[>＞]))",
    ))
});
/// `DEBRIS_ANY`'s file-name ending (…讲话.docx》), apart and only on lines holding doc or wps: in
/// `DEBRIS_ANY` its 。 sent the search to the lazy DFA after every full stop.
static DEBRIS_DOC: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"[.．。](docx?|wps)"));
static DEBRIS_COUNT: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^.{2,60}[（(](实用|案例|精选|通用|优选|热门|推荐|优秀|最新|汇总|合集)?\d+篇[)）]$"));

/// True for a line of web-page debris (site names, counters, footers, SEO blurbs).
pub fn is_debris(t: &str) -> bool {
    ((t.ends_with("篇)") || t.ends_with("篇）")) && hit(&DEBRIS_COUNT, t)) || hit(&DEBRIS_START, t) || debris_any(t)
}

/// `DEBRIS_ANY` with its file-name ending.
fn debris_any(t: &str) -> bool {
    hit(&DEBRIS_ANY, t) || ((t.contains("doc") || t.contains("wps")) && hit(&DEBRIS_DOC, t))
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

/// A paywall's cut inside a paragraph (…“成绩单” ……(某某网省略893字,正式会员可完整阅读)…… 这些成绩…)
/// becomes a plain ……, so that the text on both sides stays one paragraph.
fn without_elision(t: String) -> String {
    static CUT: LazyLock<Option<Regex>> =
        LazyLock::new(|| re(r"[…\s]*[（(][^（()）]{0,80}(省略|隐藏)\d+字[^（()）]{0,40}[）)][…\s]*"));
    match CUT.as_ref() {
        Some(r) if r.is_match(&t) => {
            let out = r.replace_all(&t, "……").into_owned();
            if out == "……" { String::new() } else { out }
        }
        _ => t,
    }
}

/// A paragraph with a site's watermark after it (…我讲三点意见： 稿子汇 www.…, …的X%。 公文汇，
/// 办公文档之家): the text up to its last stop before the mark, when that is a paragraph's worth.
fn before_watermark(t: &str) -> Option<String> {
    static MARK: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"https?://|www\.|文库|办公文档之家|范文网|公文汇|稿子汇"));
    let m = MARK.as_ref()?.find(t)?;
    let head = t.get(..m.start())?;
    // The mark must be the line's first debris: an SEO blurb (以下是……范文) goes whole.
    if debris_any(head) {
        return None;
    }
    // A heading carries no stop: `一、…严峻形势 公文汇，办公文档之家` keeps the heading.
    let heading = head.trim_end();
    if heading.len() < head.len() && heading::marker(heading).is_some() && heading.chars().count() >= 6 {
        return (!is_debris(heading)).then(|| heading.to_owned());
    }
    let (k, c) = head.char_indices().rev().find(|(_, c)| "。！？：；".contains(*c))?;
    let kept = head.get(..k + c.len_utf8())?;
    (kept.chars().count() >= 15 && !is_debris(kept)).then(|| kept.to_owned())
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
    fn debris_lines() {
        for l in ["在工作会议上的讲话(实用19篇)", "时间:2031-04-02 09:15:07 作者:编辑部", "2023-01-13", "12", "2/", "页,当前第。",
            "相关范文推荐", "- 某某方案(5篇材料)一号文库", "来源:某某范文網", "上一篇:某某材料下一篇:另一材料",
            "导语:本文来源于网友上传,不代表本站观点", "(未完,全文共2001字,当前显示475字)", "上一页 [1] [2]", "散会!", "……", "© 版权声明", "THE END", "---此处隐藏7476字，下载后查看---", "编辑 刘佳妮", "... ...", "2024-10-28 06:20:05 某某素材网", "文章版权归作者所有，未经允许请勿转载。", "微信扫一扫在手机阅读、分享本文", "阅读全文", "············",
            "招商引资 讲话 DOCX   7页   下载0", "文库 实用文档 经验交流发言",
            "前言:本站为你精心整理了县长发言", "在汛期安全工作会议上的讲话汇编-45篇(第14/15页)", "时间:2022-03-25 06:42:00", "购物车", "正文复制", "(阅读全部图文内容,您需要先登录!)", "加入Vip免费下载 立即下载",
            "内容预览:", "编者按:本文回顾了一年来的工作", "投稿人:1234 发布时间:2030/1/2", "篇二:", "索 引 号: | abc/2030-01 |", "您的位置:某某网>>讲话",
            "预览结束,扫码获取全文", "【文章共1900字,仅供参考】", "-------", "在全镇某某会上的讲话.docx", "《某某讲话.docx》由会员分享,可在线阅读", "素材库:https://example.org/",
            "全文约2226字,请下载后阅读、编辑。", "稿子汇,范文学习文库", "乡镇上半年总结范文_乡镇农业服务中心上半年工作总结", "半年总结 时间:2021-09-04", "新来的客人【点此注册】查看文章", "您好,欢迎访问某某文档", "编号:376444859在全县大会上的讲话", "●结束语:"] {
            assert!(is_debris(&normalize_line(l)) || normalize_line(l).is_empty() || l == "2/", "{l}");
        }
        for l in ["同志们：", "这次会议很重要，供大家参考的材料已经印发。", "一、统一思想，提高认识"] {
            assert!(!is_debris(l), "{l}");
        }
    }

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
