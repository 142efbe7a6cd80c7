//! `regen`: section surgery on an edited Markdown draft. The section between its marker and the
//! next one is replaced by a freshly composed one; every byte outside it is kept, and checked to be
//! kept before anything is written. Level-1 headings in the new section continue the numbering of
//! the headings before it; a count the opening announced that no longer fits is reported, not edited.

use std::ops::Range;

use crate::error::{Error, Result};
use crate::section::Section;
use crate::zh;

/// A section marker line in a draft: its section and the byte range of the line (with its end).
#[derive(Debug, Clone)]
struct Marker {
    section: Section,
    line: Range<usize>,
}

const PREFIX: &str = "<!-- section:";

/// The markers of a draft, in order; an error names what is wrong with them.
fn markers(text: &str, file: &str) -> Result<Vec<Marker>> {
    let mut out: Vec<Marker> = Vec::new();
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix(PREFIX) {
            let name = rest.trim_end_matches("-->").trim();
            let section = Section::parse(name).ok_or_else(|| {
                Error::input(file, Some(crate::error::Pos { line: n + 1, col: 1 }), format!("unknown section marker `{name}`"))
                    .with_hint("markers are <!-- section: opening|review|problems|situation|tasks|guarantee|closing -->")
            })?;
            if let Some(prev) = out.last() {
                if prev.section >= section {
                    return Err(Error::input(file, Some(crate::error::Pos { line: n + 1, col: 1 }), format!(
                        "the section marker `{}` stands after `{}`: the markers were moved or repeated",
                        section, prev.section
                    ))
                    .with_hint("regen needs the markers speechgen wrote, once each and in order; restore them, or draft anew"));
                }
            }
            out.push(Marker { section, line: offset..offset + line.len() });
        }
        offset += line.len();
    }
    for required in Section::ALL.into_iter().filter(|s| s.is_required()) {
        if !out.iter().any(|m| m.section == required) {
            return Err(Error::input(file, None, format!("the draft has no `<!-- section: {required} -->` marker"))
                .with_hint("regen needs the section markers speechgen wrote; without them it cannot tell where a section ends"));
        }
    }
    Ok(out)
}

/// The byte range of a section's content: after its marker line, up to the next marker line.
fn content(text: &str, marks: &[Marker], section: Section) -> Option<Range<usize>> {
    let i = marks.iter().position(|m| m.section == section)?;
    let start = marks.get(i)?.line.end;
    let end = marks.get(i + 1).map_or(text.len(), |m| m.line.start);
    Some(start..end)
}

/// What `splice` made: the new text, and notes for the writer.
pub struct Spliced {
    pub text: String,
    pub notes: Vec<String>,
}

/// Replaces `section` in the writer's `old` draft with the same section from `fresh` (a whole
/// Markdown draft composed for the current brief).
pub fn splice(old: &str, fresh: &str, section: Section, file: &str) -> Result<Spliced> {
    let old_marks = markers(old, file)?;
    let Some(range) = content(old, &old_marks, section) else {
        return Err(Error::usage(format!("the draft has no {section} section to rewrite"))
            .with_hint(format!("the draft's sections: {}", old_marks.iter().map(|m| m.section.name()).collect::<Vec<_>>().join(", "))));
    };
    let fresh_marks = markers(fresh, "the new draft")?;
    let Some(new_range) = content(fresh, &fresh_marks, section) else {
        return Err(Error::usage(format!("with the current brief the draft has no {section} section"))
            .with_hint("the brief or the length no longer calls for this section; edit the draft by hand or draft anew"));
    };
    let crlf = old.contains("\r\n");
    let before_h1 = old.get(..range.start).map_or(0, count_h1);
    let mut body = renumber(fresh.get(new_range).unwrap_or(""), before_h1);
    let old_content = old.get(range.clone()).unwrap_or("");
    // Keep the writer's spacing at the seam: a section followed by another ends with a blank line.
    if range.end < old.len() {
        body = format!("{}\n\n", body.trim_end());
    } else {
        body = format!("{}\n", body.trim_end());
    }
    if old_content.starts_with('\n') && !body.starts_with('\n') {
        body.insert(0, '\n');
    }
    if crlf {
        body = body.replace('\n', "\r\n");
    }
    let head = old.get(..range.start).unwrap_or("");
    let tail = old.get(range.end..).unwrap_or("");
    let text = format!("{head}{body}{tail}");
    // The promise: every byte outside the section is the writer's.
    if !text.starts_with(head) || !text.ends_with(tail) || text.len() != head.len() + body.len() + tail.len() {
        return Err(Error::usage("internal check failed: bytes outside the section would change; nothing was written"));
    }
    let mut notes = Vec::new();
    let total = count_h1(&text);
    if let Some(announced) = announced_points(&text) {
        if announced != total {
            notes.push(format!(
                "the opening announces {} points but the draft now has {} level-1 headings; adjust the opening (or `regen --section opening`)",
                zh::numeral(announced),
                zh::numeral(total)
            ));
        }
    }
    let old_h1 = count_h1(old_content);
    let new_h1 = count_h1(&body);
    if old_h1 != new_h1 && section != Section::Opening {
        notes.push(format!("the {section} section had {old_h1} level-1 headings and now has {new_h1}; headings after it keep their numbers"));
    }
    Ok(Spliced { text, notes })
}

fn count_h1(text: &str) -> usize {
    text.lines().filter(|l| l.starts_with("## ")).count()
}

/// Renumbers `## 一、` headings to continue after `before` headings.
fn renumber(body: &str, before: usize) -> String {
    let mut n = before;
    let mut out = String::with_capacity(body.len());
    for line in body.split_inclusive('\n') {
        match line.strip_prefix("## ").and_then(|rest| rest.split_once('、')) {
            Some((num, rest)) if num.chars().all(|c| "一二三四五六七八九十".contains(c)) => {
                n += 1;
                out.push_str(&format!("## {}、{rest}", zh::numeral(n)));
            }
            _ => out.push_str(line),
        }
    }
    out
}

/// The number of points the opening announces (讲三点意见, 三个方面), if it names one.
fn announced_points(text: &str) -> Option<usize> {
    let opening: String = text.lines().take_while(|l| !l.starts_with("## ")).collect();
    for (i, c) in opening.char_indices() {
        if let Some(n) = digit(c) {
            let after = opening.get(i + c.len_utf8()..).unwrap_or("");
            let before = opening.get(..i).unwrap_or("");
            if (after.starts_with("点") || after.starts_with("个方面") || after.starts_with("个问题")) && (before.ends_with('讲') || before.ends_with('谈') || before.ends_with('调') || before.ends_with('重') || before.ends_with('提') || before.ends_with('简')) {
                return Some(n);
            }
        }
    }
    None
}

fn digit(c: char) -> Option<usize> {
    "一两三四五六七八九十".chars().position(|x| x == c).map(|i| if i == 0 { 1 } else { i + 1 })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "<!-- speechgen 0.1.0 seed=1 brief=b.yaml -->\n# 题\n\n<!-- section: opening -->\n同志们：\n\n下面，我讲三点意见。\n\n<!-- section: review -->\n## 一、甲\n\n写作者改过的话。\n\n<!-- section: problems -->\n## 二、乙\n\n问题。\n\n<!-- section: tasks -->\n## 三、丙\n\n任务。\n\n<!-- section: closing -->\n谢谢！\n";
    const NEW: &str = "<!-- speechgen 0.1.0 seed=2 brief=b.yaml -->\n# 题\n\n<!-- section: opening -->\n同志们：\n\n下面，我讲三点意见。\n\n<!-- section: review -->\n## 一、新甲\n\n新的话。\n\n<!-- section: problems -->\n## 二、新乙\n\n新问题。\n\n<!-- section: tasks -->\n## 三、新丙\n\n新任务。\n\n<!-- section: closing -->\n新谢谢！\n";

    #[test]
    fn only_the_section_changes() {
        let s = splice(OLD, NEW, Section::Problems, "d.md").expect("splices");
        assert!(s.text.contains("## 二、新乙\n\n新问题。\n\n<!-- section: tasks -->"));
        assert!(s.text.contains("写作者改过的话") && s.text.contains("## 三、丙"));
        assert!(s.notes.is_empty());
        let s = splice(OLD, NEW, Section::Closing, "d.md").expect("splices");
        assert!(s.text.ends_with("<!-- section: closing -->\n新谢谢！\n"));
    }

    #[test]
    fn markers_moved_or_missing_are_refused() {
        let moved = OLD.replace("<!-- section: review -->\n", "").replace("<!-- section: tasks -->", "<!-- section: tasks -->\n<!-- section: review -->");
        assert!(splice(&moved, NEW, Section::Tasks, "d.md").is_err());
        let gone = OLD.replace("<!-- section: problems -->\n", "");
        let err = splice(&gone, NEW, Section::Tasks, "d.md").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("no `<!-- section: problems -->` marker"), "{err}");
    }

    #[test]
    fn headings_continue_and_changed_counts_are_reported() {
        let fresh = NEW.replace("## 三、新丙\n\n新任务。", "## 三、新丙\n\n任务一。\n\n## 四、新丁\n\n任务二。");
        let s = splice(OLD, &fresh, Section::Tasks, "d.md").expect("splices");
        assert!(s.text.contains("## 四、新丁"));
        assert!(s.notes.iter().any(|n| n.contains("announces 三 points") && n.contains("四 level-1")), "{:?}", s.notes);
        let crlf = OLD.replace('\n', "\r\n");
        let s = splice(&crlf, NEW, Section::Review, "d.md").expect("splices");
        assert!(s.text.contains("新的话。\r\n") && !s.text.replace("\r\n", "").contains('\n'));
    }
}
