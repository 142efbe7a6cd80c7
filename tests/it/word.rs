//! Word export read back as a reader's software would see it, and the regen round trip.

use std::io::Read;

use crate::common::*;

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut f = zip.by_name(name).unwrap_or_else(|_| panic!("{name} in the docx"));
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 xml");
    s
}

#[test]
fn docx_follows_the_official_format() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.docx");
    let o = run(&["examples/brief.yaml", "--seed", "7", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&out).unwrap();
    let doc = part(&bytes, "word/document.xml");
    // A4 and the margins (37/28/26/35 mm in twips).
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#), "page size");
    for m in [r#"w:top="2098""#, r#"w:left="1587""#, r#"w:right="1474""#, r#"w:bottom="1984""#] {
        assert!(doc.contains(m), "margin {m}");
    }
    // Title 2号 小标宋, body 3号 仿宋 with exact 28.5 pt lines and a two-character indent.
    assert!(doc.contains(r#"<w:sz w:val="44" />"#) && doc.contains(r#"w:eastAsia="方正小标宋简体""#));
    assert!(doc.contains(r#"w:eastAsia="仿宋_GB2312""#) && doc.contains(r#"w:eastAsia="楷体_GB2312""#) && doc.contains(r#"w:eastAsia="黑体""#));
    assert!(doc.contains(r#"w:line="570" w:lineRule="exact""#));
    assert!(doc.contains(r#"w:firstLine="640""#), "two-character first-line indent");
    // Every run names its East Asian font and Times New Roman for Latin text.
    let runs = doc.matches("<w:r>").count();
    assert!(runs > 20);
    assert_eq!(doc.matches("w:eastAsia=").count(), runs, "every run sets w:eastAsia");
    assert!(doc.contains(r#"w:ascii="Times New Roman""#));
    // Text, and no Markdown.
    assert!(doc.contains("在全区工业园区工作会议上的讲话") && doc.contains("一、") && doc.contains("（一）突出项目建设"));
    assert!(!doc.contains("<!--") && !doc.contains("## "));
    // Page numbers: — PAGE — in 4号 宋体, odd right, even left.
    let odd = part(&bytes, "word/footer1.xml");
    let even = part(&bytes, "word/footer2.xml");
    for f in [&odd, &even] {
        assert!(f.contains("<w:instrText>PAGE</w:instrText>") && f.contains("— ") && f.contains(" —"));
        assert!(f.contains(r#"<w:sz w:val="28" />"#) && f.contains(r#"w:eastAsia="宋体""#));
    }
    assert!(odd.contains(r#"<w:jc w:val="right" />"#) && even.contains(r#"<w:jc w:val="left" />"#));
    assert!(part(&bytes, "word/settings.xml").contains("evenAndOddHeaders"));
    // Deterministic.
    let again = dir.path().join("again.docx");
    assert!(run(&["examples/brief.yaml", "--seed", "7", "-o", again.to_str().unwrap()]).status.success());
    assert_eq!(bytes, std::fs::read(&again).unwrap());
}

fn section_of(md: &str, name: &str) -> String {
    let start = format!("<!-- section: {name} -->");
    let from = md.find(&start).expect("marker");
    let rest = &md[from + start.len()..];
    let end = rest.find("<!-- section:").unwrap_or(rest.len());
    rest[..end].to_owned()
}

#[test]
fn regen_rewrites_one_section_and_keeps_every_other_byte() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    assert!(run(&["examples/brief.yaml", "--seed", "3", "-o", draft.to_str().unwrap()]).status.success());
    // The writer edits the opening and the closing, with their own words.
    let original = std::fs::read_to_string(&draft).unwrap();
    let edited = original.replacen("同志们：", "同志们：\n\n（这是写作者加的一句话。）", 1).replace("谢谢", "谢谢（改）");
    std::fs::write(&draft, &edited).unwrap();
    for section in ["tasks", "下步任务", "problems", "closing", "opening"] {
        let before = std::fs::read_to_string(&draft).unwrap();
        let o = run(&["regen", draft.to_str().unwrap(), "--brief", "examples/brief.yaml", "--section", section, "--seed", "99"]);
        assert!(o.status.success(), "{section}: {}", stderr(&o));
        let after = std::fs::read_to_string(&draft).unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("draft.md~")).unwrap(), before, "the previous version is kept");
        let name = speechgen::section::Section::parse(section).unwrap().name();
        for other in ["opening", "review", "problems", "situation", "tasks", "guarantee", "closing"] {
            if other != name && before.contains(&format!("<!-- section: {other} -->")) {
                assert_eq!(section_of(&before, other), section_of(&after, other), "regen {name} changed {other}");
            }
        }
        assert_ne!(section_of(&before, name), section_of(&after, name), "regen {name} changed nothing");
        let head = |s: &str| s[..s.find("<!-- section: opening -->").unwrap()].to_owned();
        assert_eq!(head(&before), head(&after));
    }
    let md = std::fs::read_to_string(&draft).unwrap();
    assert!(md.contains("（这是写作者加的一句话。）") || !md.contains("写作者"), "the opening was regenerated last");
}

#[test]
fn regen_refuses_drafts_without_markers_and_unknown_sections() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    std::fs::write(&draft, "# 在会议上的讲话\n\n同志们：\n\n谢谢大家！\n").unwrap();
    let o = run(&["regen", draft.to_str().unwrap(), "--brief", "examples/brief.yaml", "--section", "tasks"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no section markers"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), "# 在会议上的讲话\n\n同志们：\n\n谢谢大家！\n");
    assert!(!dir.path().join("draft.md~").exists());
    assert!(run(&["examples/brief.yaml", "--seed", "3", "-o", draft.to_str().unwrap(), "--force"]).status.success());
    let md = std::fs::read_to_string(&draft).unwrap();
    let swapped = md.replace("<!-- section: review -->", "<!-- section: XREVIEW -->").replace("<!-- section: tasks -->", "<!-- section: review -->").replace("<!-- section: XREVIEW -->", "<!-- section: tasks -->");
    std::fs::write(&draft, &swapped).unwrap();
    let o = run(&["regen", draft.to_str().unwrap(), "--brief", "examples/brief.yaml", "--section", "tasks"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("moved or repeated"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), swapped, "nothing written");
    let o = run(&["regen", draft.to_str().unwrap(), "--brief", "examples/brief.yaml", "--section", "thanks"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown section `thanks`"));
}
