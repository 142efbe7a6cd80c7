//! A draft as `check` reads it: lines with their numbers, HTML comments and Markdown heading marks
//! blanked out (so columns stay right), the header (title, speaker, date), and the speeches a file
//! holds (a compilation of 范文 holds several; numbering and repeats are judged per speech).

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use crate::section::Section;

/// One line of the input.
pub struct Line<'a> {
    /// 1-based line number.
    pub no: usize,
    /// The line with comments and Markdown heading marks replaced by spaces, one per character,
    /// so that a character's column is the same as in the input.
    pub text: Cow<'a, str>,
    /// Byte range of the text without surrounding white space (ASCII, ideographic).
    at: usize,
    len: usize,
    /// The number of `#` of a Markdown heading line; 0 for other lines.
    pub md: u8,
}

impl Line<'_> {
    /// The text without surrounding white space; "" for a blank line.
    pub fn body(&self) -> &str {
        self.text.get(self.at..self.at + self.len).unwrap_or("")
    }

    /// The 1-based column of a byte offset into `body()`.
    pub fn col(&self, body_offset: usize) -> usize {
        let end = (self.at + body_offset).min(self.text.len());
        let mut end = end;
        while end > 0 && !self.text.is_char_boundary(end) {
            end -= 1;
        }
        self.text.get(..end).map_or(1, |s| s.chars().count() + 1)
    }

    pub fn is_blank(&self) -> bool {
        self.len == 0
    }
}

/// The title, speaker and date lines at the top of a speech (indexes into `Doc::lines`).
#[derive(Default, Clone, Copy, Debug)]
pub struct Header {
    pub title: Option<usize>,
    pub subtitle: Option<usize>,
    pub speaker: Option<usize>,
    pub date: Option<usize>,
}

/// A speech: a range of line indexes and its header.
pub struct Speech {
    pub start: usize,
    pub end: usize,
    pub header: Header,
}

pub struct Doc<'a> {
    pub lines: Vec<Line<'a>>,
    pub speeches: Vec<Speech>,
    /// `<!-- section: NAME -->` markers: line index and section.
    pub markers: Vec<(usize, Section)>,
}

impl<'a> Doc<'a> {
    pub fn parse(input: &'a str) -> Doc<'a> {
        let mut lines = Vec::new();
        let mut in_comment = false;
        let mut markers = Vec::new();
        for (i, raw) in input.split('\n').enumerate() {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            if let Some(s) = raw.trim().strip_prefix("<!-- section:").and_then(|r| r.strip_suffix("-->")).and_then(Section::parse) {
                markers.push((i, s));
            }
            let (text, md) = blank_markup(raw, &mut in_comment);
            let at = text.len() - text.trim_start_matches(is_space).len();
            let len = text.trim_matches(is_space).len();
            lines.push(Line { no: i + 1, text, at, len, md });
        }
        let speeches = split_speeches(&lines);
        Doc { lines, speeches, markers }
    }

    /// The lines from a section's marker to the next marker, if the draft has markers.
    pub fn section_range(&self, section: Section) -> Option<(usize, usize)> {
        let k = self.markers.iter().position(|m| m.1 == section)?;
        let start = self.markers.get(k)?.0;
        let end = self.markers.get(k + 1).map_or(self.lines.len(), |m| m.0);
        Some((start, end))
    }

    /// Indexes of the non-blank lines of a speech that are not header lines.
    pub fn body(&self, sp: &Speech) -> impl Iterator<Item = usize> + '_ {
        let h = sp.header;
        (sp.start..sp.end).filter(move |&i| {
            self.lines.get(i).is_some_and(|l| !l.is_blank())
                && ![h.title, h.subtitle, h.speaker, h.date].contains(&Some(i))
        })
    }

    pub fn line(&self, i: usize) -> Option<&Line<'a>> {
        self.lines.get(i)
    }
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}'
}

/// Replaces HTML comments and a leading Markdown heading mark with spaces (one per character).
fn blank_markup<'a>(raw: &'a str, in_comment: &mut bool) -> (Cow<'a, str>, u8) {
    let lead = raw.len() - raw.trim_start_matches(is_space).len();
    let t = raw.get(lead..).unwrap_or("");
    let hashes = t.len() - t.trim_start_matches('#').len();
    let heading = (1..=6).contains(&hashes) && t.get(hashes..).is_some_and(|r| r.starts_with([' ', '\t']));
    let md = if heading && !*in_comment { hashes as u8 } else { 0 };
    if !*in_comment && !raw.contains("<!--") && !heading {
        return (Cow::Borrowed(raw), 0);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    if heading && !*in_comment {
        out.push_str(raw.get(..lead).unwrap_or(""));
        out.extend(std::iter::repeat_n(' ', hashes));
        rest = t.get(hashes..).unwrap_or("");
    }
    loop {
        let marker = if *in_comment { "-->" } else { "<!--" };
        let Some(p) = rest.find(marker) else {
            if *in_comment {
                out.extend(std::iter::repeat_n(' ', rest.chars().count()));
            } else {
                out.push_str(rest);
            }
            break;
        };
        let (before, after) = rest.split_at(p);
        if *in_comment {
            out.extend(std::iter::repeat_n(' ', before.chars().count()));
        } else {
            out.push_str(before);
        }
        out.extend(std::iter::repeat_n(' ', marker.len()));
        rest = after.get(marker.len()..).unwrap_or("");
        *in_comment = !*in_comment;
    }
    (Cow::Owned(out), md)
}

/// Static patterns compile in tests; a pattern that failed would match nothing.
static TITLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^(?:第[一二三四五六七八九十]+篇[:：]|——|—)?.{0,50}(?:讲话|讲话稿|发言|发言稿|致辞|报告|大纲|提纲|主持词|講話|發言|大綱)(?:稿|内容|范文)?[。.]?$|^在.{2,40}上的").ok()
});

static DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^[（(]?\s*([0-9０-９]{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]?$").ok()
});

/// A line that names a speech: `# …`, …的讲话, 第N篇：….
fn is_title(line: &Line) -> bool {
    let b = line.body();
    let n = b.chars().count();
    // A sentence ends inside it: a paragraph (…整改情况要按时报告。), not a title.
    let inner = b.strip_suffix('。').unwrap_or(b);
    if n == 0 || n > 70 || inner.contains(['。', '；', '！', '？']) {
        return false;
    }
    // 报告 as a verb (及时报告, 要报告) ends a sentence, not a title (工作报告, 上的报告).
    let verb = inner.strip_suffix("报告").and_then(|h| h.chars().last()).is_some_and(|c| "时要即并应须先再上".contains(c));
    line.md == 1 || !verb && TITLE.as_ref().is_some_and(|r| r.is_match(b))
}

/// The parts of a date line (年, 月, 日 as numbers), if `body` is one.
pub fn parse_date(body: &str) -> Option<(u32, u32, u32)> {
    let caps = DATE.as_ref()?.captures(body)?;
    let num = |i: usize| caps.get(i).and_then(|m| date_number(m.as_str()));
    Some((num(1)?, num(2)?, num(3)?))
}

fn date_number(s: &str) -> Option<u32> {
    let arabic = |c: char| c.to_digit(10).or_else(|| ('０'..='９').contains(&c).then(|| c as u32 - '０' as u32));
    if let Some(n) = s.chars().try_fold(0u32, |acc, c| Some(acc.checked_mul(10)? + arabic(c)?)) {
        return Some(n);
    }
    if s.chars().count() == 4 {
        // 二〇二六: digit by digit.
        return s.chars().try_fold(0u32, |acc, c| Some(acc * 10 + super::numbering::digit(c)?));
    }
    super::numbering::chinese_number(s).map(|n| n as u32)
}

fn is_salutation(b: &str) -> bool {
    b.ends_with(['：', ':']) && b.chars().count() <= 30
}

fn split_speeches(lines: &[Line]) -> Vec<Speech> {
    let mut speeches = Vec::new();
    let mut start = 0;
    let mut body_seen = false;
    for (i, l) in lines.iter().enumerate() {
        if l.is_blank() {
            continue;
        }
        if is_title(l) && body_seen {
            speeches.push(Speech { start, end: i, header: Header::default() });
            start = i;
            body_seen = false;
        } else if l.body().chars().count() > 40 || is_salutation(l.body()) {
            body_seen = true;
        }
    }
    speeches.push(Speech { start, end: lines.len(), header: Header::default() });
    for sp in &mut speeches {
        sp.header = header(lines, sp.start, sp.end);
    }
    speeches
}

/// Reads the title, subtitle, speaker and date lines at the start of a speech.
fn header(lines: &[Line], start: usize, end: usize) -> Header {
    let mut h = Header::default();
    let mut seen = 0;
    for i in start..end {
        let Some(l) = lines.get(i) else { break };
        let b = l.body();
        if b.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 5 || is_salutation(b) || b.chars().count() > 60 {
            break;
        }
        if h.title.is_none() && seen == 1 {
            if is_title(l) || (!b.contains(['。', '！', '？', '，']) && b.chars().count() <= 60 && !starts_numbered(b)) {
                h.title = Some(i);
                continue;
            }
            break;
        }
        if h.date.is_none() && parse_date(b).is_some() {
            h.date = Some(i);
        } else if h.subtitle.is_none() && h.speaker.is_none() && (b.starts_with('—') || b.starts_with("在") && b.contains("上的")) {
            h.subtitle = Some(i);
        } else if h.speaker.is_none() && b.chars().count() <= 30 && !b.contains(['。', '！', '？', '，', '；']) && !starts_numbered(b) {
            h.speaker = Some(i);
        } else {
            break;
        }
    }
    h
}

fn starts_numbered(b: &str) -> bool {
    super::numbering::marker(b).is_some()
}
