//! Splitting a file's paragraphs into speeches: at `第N篇：`, at title clusters, and at a
//! salutation (同志们：) that comes well after the last start. Titles, speaker and date lines of a
//! speech's header are `Meta`/`Title`; a block that is not a speech (an essay, an outline) is flagged.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{ends_closed, hit, pian, re};
use super::{Kind, Para};

static TITLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"^(第[一二三四五六七八九十\d]{1,3}篇[:：])?[^。！？]{0,60}?(讲话|讲话稿|讲话文稿?|发言|发言稿|发言提纲|提纲|大纲|致辞|报告|讲稿|主持词|串词)(内容|稿|范文|全文|材料|要点)?(\d+字)?(范本|范文|合编|汇编|精选)?(【[^】]*】)?(（[^）]{0,12}）)?(_共\d+页|[|｜].{1,20})?。?$")
});
static NOT_TITLE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"重要讲话|讲话精神|^(刚才|刚刚|今天|会上|大家|我们|这次|本次|请|下面|首先|现在|接下来|最后)|作了|做了|听取|发表了|^[一二三四五六七八九十]+、"));
static SALUTATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"^(尊敬的)?[^。！？：]{0,30}(同志们|志们|代表|委员|领导|同仁|朋友们|来宾|同事们|先生们|老师们|乡亲们|女士们|嘉宾|各界人士|战友们|青年们)([：:]。?|、)$|^[^。！？：，]{2,30}、[^。！？：，、]{0,12}(同志们|朋友们|来宾|同事们|乡亲们|女士们|先生们)$")
});
static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"^[（(]?([\d〇零○一二三四五六七八九]{2,4}年)?[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日[^，。]{0,4}[）)]?。?$|^[（(]?[\d〇零○一二三四五六七八九]{4}年[\d一二三四五六七八九十]{1,3}月[）)]?$|^(作者|主讲|讲话人|发言人)[:：]|^[（(][^）)]{1,20}[）)]$|^(——|──)\s*(在|[\dxX〇一二三四五六七八九]{2,4}年|.{0,40}(讲话|发言|致辞|报告)$)")
});
/// The date-and-venue line under a report's title, at any length: ——2024年1月11日在…第一次会议上,
/// or the tail of one that broke (第六次会议上). (The speaker line after it is short, and the short
/// rule of `header` takes it.)
static VENUE: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^[—─\s]*([\d〇零○一二三四五六七八九]{4}年[^，。]{1,8}日)?\s*在[^，。]{2,60}(会议|大会|会|仪式)上[^，。]{0,24}$|^[^，。]{0,20}(会议|大会)上$"));
static CLOSING: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"谢谢|再见|^祝|^预祝|^同志们|^最后|讲这些|讲话完了|到此|^以上"));
static ESSAY: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"我认为|作为一名|作为.{1,12}的一员|我行|我觉得|笔者"));
static ADDRESS: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"同志们|大家|各位|会议|今天|这次|刚才|你们"));
static OUTLINE: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"提纲|专题讨论|心得|体会文章|感想|读后感|征文"));

/// A title line: short, ending in 讲话/发言/大纲/致辞/报告 (with 稿, 内容, 范文…), or `第N篇：`.
pub fn is_title_like(t: &str) -> bool {
    t.chars().count() <= 70 && hit(&TITLE, t) && !hit(&NOT_TITLE, t)
}

/// A salutation line: 同志们： 各位领导、同志们： 各位代表：
pub fn is_salutation(t: &str) -> bool {
    t.chars().count() <= 32 && hit(&SALUTATION, t)
}

/// A date, author or subtitle line.
pub fn is_meta(t: &str) -> bool {
    t.chars().count() <= 40 && hit(&DATE, t)
}

/// A short line that closes a speech (谢谢大家！ 我就讲这些。).
pub fn is_closing_like(t: &str) -> bool {
    hit(&CLOSING, t)
}

/// One speech: paragraphs `start..end` of the file.
#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub title: Option<String>,
    /// Not a speech: an essay or a discussion outline filed among speeches.
    pub nonspeech: bool,
}

/// The longest speech kept whole, in bytes of paragraph text; a longer one (a file without any
/// break between its speeches) is cut into parts at paragraph boundaries, so that the per-speech
/// work (labels, fingerprint, candidates) stays bounded. Real speeches are under 100 KB.
pub const MAX_SPEECH: usize = 1 << 20;

/// Splits paragraphs into speeches (and says how many over `MAX_SPEECH` were cut into parts);
/// reclassifies the speaker lines of headers as `Meta`.
pub fn split(paras: &mut [Para]) -> (Vec<Span>, usize) {
    let mut starts: Vec<usize> = Vec::new();
    let mut body_since = 0usize; // body paragraphs since the current speech started
    let mut content_since = 0usize; // of them, not salutations
    let mut in_header = true;
    for (i, p) in paras.iter().enumerate() {
        let new = match p.kind {
            Kind::Debris => false,
            Kind::Title => {
                // A title repeated under the salutation does not start another speech.
                let new = pian(&p.text) || (!in_header && content_since > 0);
                in_header = true;
                new
            }
            Kind::Meta => false,
            Kind::Body => {
                let salutation = is_salutation(&p.text);
                let new = salutation && body_since > 4 && !in_header;
                in_header = false;
                new
            }
        };
        if new || starts.is_empty() {
            starts.push(i);
            body_since = 0;
            content_since = 0;
        }
        if p.kind == Kind::Body {
            body_since += 1;
            // A short unpunctuated line (以案为鉴 警钟长鸣 over its ——在…上的讲话) is header, not text.
            content_since += usize::from(!is_salutation(&p.text) && !header_line(&p.text, 40));
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(paras.len());
        let has_body = paras.get(s..e).is_some_and(|ps| ps.iter().any(|p| p.kind == Kind::Body));
        match spans.last_mut() {
            // A header with no body before it joins the next speech; trailing junk joins the last.
            Some(last) if !has_body => last.end = e,
            Some(last) if !paras.get(last.start..last.end).is_some_and(|ps| ps.iter().any(|p| p.kind == Kind::Body)) => last.end = e,
            _ => spans.push(Span { start: s, end: e, title: None, nonspeech: false }),
        }
    }
    let (mut spans, cut) = cap_spans(paras, spans);
    for sp in &mut spans {
        header(paras, sp);
    }
    (spans, cut)
}

fn cap_spans(paras: &[Para], spans: Vec<Span>) -> (Vec<Span>, usize) {
    let mut out = Vec::with_capacity(spans.len());
    let mut cut = 0;
    for sp in spans {
        let mut start = sp.start;
        let mut size = 0usize;
        let mut parts = 0;
        for i in sp.start..sp.end {
            let len = paras.get(i).map_or(0, |p| p.text.len());
            if size + len > MAX_SPEECH && i > start {
                out.push(Span { start, end: i, title: None, nonspeech: false });
                parts += 1;
                start = i;
                size = 0;
            }
            size += len;
        }
        cut += usize::from(parts > 0);
        out.push(Span { start, ..sp });
    }
    (out, cut)
}

/// A page's table of contents (目录/提纲： then a run of bare headings) is not the speech: the
/// marker line and the headings under it, up to the first paragraph of text, become `Meta`; so
/// does a contents list without the marker at the top of the file (`bare_outline`).
pub fn outlines(paras: &mut [Para]) {
    bare_outline(paras);
    static TOC: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"^(目录|提纲|目录/提纲|文章目录)[:：]?[…\.。]*$"));
    let mut in_toc = false;
    for p in paras.iter_mut() {
        if p.kind == Kind::Debris {
            continue;
        }
        if hit(&TOC, &p.text) {
            in_toc = true;
            p.kind = Kind::Meta;
        } else if in_toc && p.text.chars().count() <= 40 && (super::heading_marker(&p.text).is_some() || p.text.starts_with('…')) {
            p.kind = Kind::Meta;
        } else {
            in_toc = false;
        }
    }
}

/// An outline with no 目录 line at the top of a file: three or more short headings numbered from
/// one, back to back before any paragraph of text, that are either all level 1 (一、回顾过去
/// 二、研判形势 …) or stand above the title or the salutation (a page's contents list of
/// 一、…工作回顾 （一）… 三、…, then the report's title).
fn bare_outline(paras: &mut [Para]) {
    let heading = |p: &Para| p.text.chars().count() <= 30 && !ends_closed(&p.text) && super::heading_marker(&p.text).is_some();
    let mut run = Vec::new();
    let mut next = None;
    for (i, p) in paras.iter().enumerate() {
        match p.kind {
            Kind::Debris | Kind::Meta => {}
            Kind::Body if heading(p) => run.push(i),
            _ => {
                next = Some(p);
                break;
            }
        }
    }
    let first = run.first().and_then(|&i| paras.get(i)).and_then(|p| super::heading_marker(&p.text)).map(|m| m.1);
    let all_level1 = run.iter().all(|&i| paras.get(i).is_some_and(|p| p.text.chars().count() <= 16 && super::heading_marker(&p.text).is_some_and(|m| m.0 == 1)));
    let above_title = next.is_some_and(|p| p.kind == Kind::Title || is_salutation(&p.text));
    if run.len() >= 3 && first == Some(1) && next.is_some() && (all_level1 || above_title) {
        for &i in &run {
            if let Some(p) = paras.get_mut(i) {
                p.kind = Kind::Meta;
            }
        }
    }
}

/// Settles a speech's header: the title is the last title line before the body; short lines
/// between the title and the body (speaker, author) are `Meta`.
fn header(paras: &mut [Para], sp: &mut Span) {
    let mut title = None;
    let mut seen_title = false;
    for p in paras.iter_mut().take(sp.end).skip(sp.start) {
        match p.kind {
            Kind::Title => {
                title = Some(clean_title(&p.text));
                seen_title = true;
            }
            Kind::Debris | Kind::Meta => {}
            Kind::Body => {
                // Short unpunctuated lines before the body are the header: after a title line
                // (speaker, author), or on their own (政 府 工 作 报 告, a date and place line, 镇长 某某).
                // Read without the spaces of a spaced-out line (县 长 桑 周) and a bracket or bullet
                // around it ((2019年1月12日在…会议上), □市长 某某).
                let bare: String = p.text.chars().filter(|c| !c.is_whitespace()).collect();
                let bare = bare.trim_matches(['（', '）', '(', ')', '□', '•', '·']);
                let short = header_line(bare, if seen_title { 24 } else { 40 });
                if (short || hit(&VENUE, bare)) && !is_salutation(&p.text) && super::heading_marker(&p.text).is_none() {
                    p.kind = Kind::Meta;
                    continue;
                }
                break;
            }
        }
    }
    let body: Vec<&Para> = paras.get(sp.start..sp.end).unwrap_or(&[]).iter().filter(|p| p.kind == Kind::Body).collect();
    let outline = title.as_deref().is_some_and(|t| hit(&OUTLINE, t))
        || paras.get(sp.start..sp.end).unwrap_or(&[]).iter().any(|p| p.kind == Kind::Title && hit(&OUTLINE, &p.text));
    let addressed = body.iter().any(|p| hit(&ADDRESS, &p.text));
    let essay = body.iter().take(6).any(|p| hit(&ESSAY, &p.text));
    sp.nonspeech = outline || (!addressed && essay) || body.is_empty();
    sp.title = title;
}

/// A line short and open enough to be a header's (a title, speaker, date or place line): at most
/// `max` characters, no final stop, no comma.
fn header_line(t: &str, max: usize) -> bool {
    t.chars().count() <= max && !ends_closed(t) && !t.contains('，')
}

/// A title without `第N篇：`, 范文/内容 tails, 【】 and the final stop.
pub fn clean_title(t: &str) -> String {
    static TAIL: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(\d+字)?(内容|范文|全文|材料|范本|合编)?(【[^】]*】)?(（[^）]{0,12}）)?(_共\d+页|[|｜].{1,20})?。?$"));
    static HEAD: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"^第[一二三四五六七八九十\d]{1,3}篇[:：]"));
    let mut s = t.trim().trim_start_matches(['—', '─', ' ']).to_owned();
    if let Some(r) = HEAD.as_ref() {
        s = r.replace(&s, "").into_owned();
    }
    if let Some(r) = TAIL.as_ref() {
        s = r.replace(&s, "").into_owned();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_kinds() {
        assert!(is_title_like("在全县安全生产工作会议上的讲话"));
        assert!(is_title_like("第二篇：在春节文化活动协调会上的讲话"));
        assert!(is_title_like("三级干部大会发言大纲"));
        assert!(!is_title_like("认真学习习近平总书记重要讲话"));
        assert!(!is_title_like("刚才，王县长作了讲话"));
        assert!(!is_title_like("下面，请市政府各位副市长发言。"));
        assert!(is_salutation("各位代表、"));
        assert!(is_salutation("同志们："));
        assert!(is_salutation("各位领导、同志们："));
        assert!(is_salutation("同志们、朋友们"));
        assert!(!is_salutation("表彰优秀同志们"));
        assert!(is_salutation("各位代表："));
        assert!(!is_salutation("主要有以下几点："));
        assert!(is_meta("（2024年2月18日）"));
        assert!(is_meta("二〇二四年二月十八日"));
        assert!(is_meta("——在全县经济工作会议上的讲话"));
        assert!(!is_meta("——农业经济稳步提升"));
        assert!(is_meta("（征求意见稿）"));
        assert!(is_meta("（按活动议程进行）"));
        let mut paras: Vec<Para> = ["目录/提纲：……", "一、认清形势", "二、明确任务", "同志们：", "一、认清形势"]
            .iter()
            .map(|t| Para { line: 1, last: 1, text: (*t).to_owned(), kind: Kind::Body })
            .collect();
        outlines(&mut paras);
        let kinds: Vec<Kind> = paras.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::Meta, Kind::Meta, Kind::Meta, Kind::Body, Kind::Body]);
        assert_eq!(clean_title("第一篇：在县委全会上的讲话范文"), "在县委全会上的讲话");
        assert!(is_title_like("在全县防汛工作会议上的讲话稿3200字范本"));
        assert!(is_title_like("在全镇招商引资大会上的讲话_共12页"));
        assert!(is_title_like("在全县春耕生产动员会上的讲话|动员部署"));
        assert_eq!(clean_title("在全县防汛工作会议上的讲话稿3200字范本"), "在全县防汛工作会议上的讲话稿");
        assert_eq!(clean_title("在全镇招商引资大会上的讲话_共12页"), "在全镇招商引资大会上的讲话");
        // An outline with no 目录 line, and a report's date-and-venue and speaker lines.
        let mut paras: Vec<Para> = ["一、回顾过去", "二、研判形势", "三、聚焦重点", "在全县工作会议上的讲话", "2031年1月9日在某县第三届人民代表大会第二次会议上", "县 长 某 某", "各位代表：", "现在，我代表县人民政府作报告。"]
            .iter()
            .map(|t| Para { line: 1, last: 1, text: (*t).to_owned(), kind: if t.ends_with("讲话") { Kind::Title } else { Kind::Body } })
            .collect();
        outlines(&mut paras);
        let (spans, _) = split(&mut paras);
        let kinds: Vec<Kind> = paras.iter().map(|p| p.kind).collect();
        assert_eq!(spans.len(), 1);
        assert_eq!(kinds, [Kind::Meta, Kind::Meta, Kind::Meta, Kind::Title, Kind::Meta, Kind::Meta, Kind::Body, Kind::Body]);
        // A main title over its ——在…上的讲话 line is one header, not a speech of its own.
        let mut paras: Vec<Para> = ["以案为鉴 警钟长鸣 推动全面从严治党向纵深发展", "——在全区警示教育大会上的讲话", "同志们：", "今天，我们召开全区警示教育大会。"]
            .iter()
            .map(|t| Para { line: 1, last: 1, text: (*t).to_owned(), kind: if t.ends_with("讲话") { Kind::Title } else { Kind::Body } })
            .collect();
        let (spans, _) = split(&mut paras);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans.first().and_then(|s| s.title.as_deref()), Some("在全区警示教育大会上的讲话"));
        // A page's contents list above the report's title, sub-headings and all.
        let mut paras: Vec<Para> = ["一、过去一年工作回顾", "二、今年重点工作", "（一）抓项目", "（二）抓招商", "三、加强政府自身建设", "某县政府工作报告", "各位代表：", "一、过去一年工作回顾"]
            .iter()
            .map(|t| Para { line: 1, last: 1, text: (*t).to_owned(), kind: if t.ends_with("报告") { Kind::Title } else { Kind::Body } })
            .collect();
        outlines(&mut paras);
        let kinds: Vec<Kind> = paras.iter().map(|p| p.kind).collect();
        assert_eq!(kinds, [Kind::Meta, Kind::Meta, Kind::Meta, Kind::Meta, Kind::Meta, Kind::Title, Kind::Body, Kind::Body]);
    }
}
