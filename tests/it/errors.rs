//! Bad input: exit 2, one message naming the file, line and column, and a hint.

use crate::common::*;

fn brief_error(yaml: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("brief.yaml");
    std::fs::write(&p, yaml).unwrap();
    let o = run(&[p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "stdout: {}", stdout(&o));
    assert!(o.stdout.is_empty(), "no partial output");
    stderr(&o)
}

const GOOD: &str = "meeting:\n  name: 全县教育工作会议\n  topic: 教育\nspeaker:\n  title: 县长\nlocality:\n  name: 青石县\ntasks:\n  - 办好人民满意的教育\n";

#[test]
fn misspelled_key_names_the_nearest() {
    let e = brief_error(GOOD.replace("  topic:", "  topik:").as_bytes());
    assert!(e.contains("brief.yaml:3:3: unknown key `topik`"), "{e}");
    assert!(e.contains("did you mean `topic`?"), "{e}");
}

#[test]
fn impossible_date_empty_list_duplicate_key_wrong_type() {
    let e = brief_error(GOOD.replace("  topic: 教育\n", "  topic: 教育\n  date: 2026-02-30\n").as_bytes());
    assert!(e.contains(":4:9:") && e.contains("not a real date"), "{e}");
    let e = brief_error(GOOD.replace("tasks:\n  - 办好人民满意的教育\n", "tasks: []\n").as_bytes());
    assert!(e.contains(":8:8:") && e.contains("empty"), "{e}");
    let e = brief_error(GOOD.replace("  topic: 教育\n", "  topic: 教育\n  topic: 卫生\n").as_bytes());
    assert!(e.contains(":4:3:") && e.contains("appears twice"), "{e}");
    let e = brief_error(GOOD.replace("  name: 青石县", "  name: [青石县]").as_bytes());
    assert!(e.contains(":7:9:"), "{e}");
    let e = brief_error(GOOD.replace("speaker:\n  title: 县长\n", "").as_bytes());
    assert!(e.contains("the required key `speaker` is missing"), "{e}");
}

#[test]
fn empty_binary_and_oversized_briefs() {
    assert!(brief_error(b"").contains("empty"));
    assert!(brief_error(b"\x00\x01\x02binary").contains("binary"));
    let mut big = GOOD.as_bytes().to_vec();
    big.extend(std::iter::repeat_n(b'#', 1_100_000));
    assert!(brief_error(&big).contains("at most 1 MB"));
    let e = brief_error(b"meeting: [a, b\n");
    assert!(e.contains("brief.yaml:"), "{e}");
}

#[test]
fn missing_file() {
    let o = run(&["no-such-brief.yaml"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no-such-brief.yaml"), "{}", stderr(&o));
}

#[test]
fn gb18030_and_utf16_briefs_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let (gbk, _, _) = encoding_rs::GB18030.encode(GOOD);
    let p = dir.path().join("gbk.yaml");
    std::fs::write(&p, &gbk).unwrap();
    let o = run(&[p.to_str().unwrap(), "--seed", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("在全县教育工作会议上的讲话"));
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let p = dir.path().join("utf16.yaml");
    std::fs::write(&p, &utf16).unwrap();
    let o = run(&[p.to_str().unwrap(), "--seed", "1"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn bad_format_and_template_errors() {
    let o = run(&["examples/brief.yaml", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown format `pdf`"));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.md"), "# {{ title }\n").unwrap();
    let o = run(&["examples/brief.yaml", "--templates", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("draft.md"), "{}", stderr(&o));
}
