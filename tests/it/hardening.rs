//! The bad-input battery (issue 7): every command, every kind of mistake, run against the real
//! binary. Each case: the files of a fresh folder, the arguments, the exit code, fragments the
//! message must hold; and always: no panic, one message, no file left behind.

use std::path::Path;

use crate::common::*;

const GOOD: &str = "meeting:\n  name: 全县教育工作会议\n  topic: 教育\nspeaker:\n  title: 县长\nlocality:\n  name: 青石县\ntasks:\n  - 办好人民满意的教育\n";

struct Case {
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    args: Vec<String>,
    code: i32,
    fragments: Vec<&'static str>,
}

fn case(name: &'static str, files: &[(&'static str, &[u8])], args: &str, code: i32, fragments: &[&'static str]) -> Case {
    Case {
        name,
        files: files.iter().map(|(n, b)| (*n, b.to_vec())).collect(),
        args: args.split_whitespace().map(String::from).collect(),
        code,
        fragments: fragments.to_vec(),
    }
}

fn brief_with(from: &str, to: &str) -> Vec<u8> {
    assert!(GOOD.contains(from), "{from}");
    GOOD.replacen(from, to, 1).into_bytes()
}

/// Every file under `dir`, relative, sorted, with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
        let mut items: Vec<_> = std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok()).map(|e| e.path()).collect()).unwrap_or_default();
        items.sort();
        for p in items {
            let rel = p.strip_prefix(base).map(|r| r.display().to_string()).unwrap_or_default();
            if p.is_dir() {
                out.push((format!("{rel}/"), Vec::new()));
                walk(base, &p, out);
            } else {
                out.push((rel, std::fs::read(&p).unwrap_or_default()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out
}

/// Runs the cases; collects every failure and reports them together.
fn battery(cases: Vec<Case>) {
    let mut failures = Vec::new();
    for c in cases {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in &c.files {
            let p = dir.path().join(name);
            if name.ends_with('/') {
                std::fs::create_dir_all(&p).unwrap();
            } else {
                std::fs::create_dir_all(p.parent().unwrap()).unwrap();
                std::fs::write(&p, bytes).unwrap();
            }
        }
        let before = snapshot(dir.path());
        let started = std::time::Instant::now();
        let o = bin().args(&c.args).current_dir(dir.path()).output().expect("runs");
        let secs = started.elapsed().as_secs_f64();
        let err = stderr(&o);
        let mut bad = Vec::new();
        if o.status.code() != Some(c.code) {
            bad.push(format!("exit {:?}, expected {}", o.status.code(), c.code));
        }
        for f in &c.fragments {
            if !err.contains(f) {
                bad.push(format!("no `{f}` in the message"));
            }
        }
        if err.contains("panicked") || err.contains("RUST_BACKTRACE") {
            bad.push("a panic".into());
        }
        if c.code == 2 {
            let messages = err.lines().filter(|l| l.starts_with("speechgen:") || l.starts_with("error:")).count();
            if messages != 1 || err.lines().any(|l| l.starts_with("seed:") || l.starts_with("note:")) {
                bad.push(format!("{messages} messages, expected exactly one"));
            }
            if !o.stdout.is_empty() {
                bad.push("output on stdout".into());
            }
            if snapshot(dir.path()) != before {
                bad.push("the folder changed (a file was written, replaced or left behind)".into());
            }
        }
        if secs > 20.0 {
            bad.push(format!("took {secs:.1} s"));
        }
        if !bad.is_empty() {
            failures.push(format!("{} ({}): {}\n{}", c.name, c.args.join(" "), bad.join("; "), err));
        }
    }
    assert!(failures.is_empty(), "{} case(s) failed:\n\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn bad_briefs() {
    let g = GOOD.as_bytes();
    let mut big = g.to_vec();
    big.extend(std::iter::repeat_n(b'#', 1_100_000));
    let deep = format!("{GOOD}review:\n  achievements:\n    - title: 甲\n      facts: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let (gbk, _, _) = encoding_rs::GB18030.encode(GOOD);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(GOOD.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let mut utf16_bad = utf16.clone();
    utf16_bad.extend([0x00, 0xD8, 0x41]); // a lone surrogate, and half a unit
    let mut gb_bad = gbk.to_vec();
    gb_bad.extend(b"\n\xFF\xFF\n");
    let data = brief_with("  - 办好人民满意的教育\n", "  - 落实{{ locality.all }}和{% if x %}两项要求\n");
    battery(vec![
        case("empty", &[("b.yaml", b"")], "b.yaml", 2, &["b.yaml: the brief is empty", "hint: "]),
        case("blank", &[("b.yaml", b"  \n\n# only a comment\n")], "b.yaml", 2, &["the brief is empty"]),
        case("not YAML", &[("b.yaml", "这是一段话，不是提要。\n".as_bytes())], "b.yaml", 2, &["b.yaml:1:1: expected a mapping", "starting with `meeting:`"]),
        case("a list", &[("b.yaml", b"- a\n- b\n")], "b.yaml", 2, &["b.yaml:1:1: expected a mapping"]),
        case("broken YAML", &[("b.yaml", b"meeting: [a, b\n")], "b.yaml", 2, &["b.yaml:", "hint: "]),
        case("tab", &[("b.yaml", b"meeting:\n\tname: x\n")], "b.yaml", 2, &["b.yaml:2:", "hint: "]),
        case("wrong type", &[("b.yaml", &brief_with("  name: 青石县", "  name: [青石县]"))], "b.yaml", 2, &["b.yaml:7:9: expected", "hint: "]),
        case("wrong type number", &[("b.yaml", &brief_with("tasks:", "options:\n  length: 三千\ntasks:"))], "b.yaml", 2, &["b.yaml:9:11: expected a whole number", "digits only"]),
        case("length out of range", &[("b.yaml", &brief_with("tasks:", "options:\n  length: 10\ntasks:"))], "b.yaml", 2, &["b.yaml:9:11:", "from 800 to 20000"]),
        case("--length out of range", &[("b.yaml", g)], "b.yaml --length 18446744073709551615", 2, &["--length", "3000"]),
        case("duplicate key", &[("b.yaml", &brief_with("  topic: 教育\n", "  topic: 教育\n  topic: 卫生\n"))], "b.yaml", 2, &["b.yaml:4:3: the key `topic` appears twice", "keep one"]),
        case("oversized", &[("b.yaml", &big)], "b.yaml", 2, &["b.yaml: the brief is 1100", "at most 1 MB", "hint: "]),
        case("deep nesting", &[("b.yaml", deep.as_bytes())], "b.yaml", 2, &["b.yaml:13:", "nested more than 24 levels", "hint: "]),
        case("alias bomb", &[("b.yaml", b"meeting: &a [*a]\n")], "b.yaml", 2, &["b.yaml:1:"]),
        case("missing field", &[("b.yaml", &brief_with("speaker:\n  title: 县长\n", ""))], "b.yaml", 2, &["the required key `speaker` is missing", "speechgen init"]),
        case("impossible date", &[("b.yaml", &brief_with("  topic: 教育\n", "  topic: 教育\n  date: 2026-02-30\n"))], "b.yaml", 2, &["b.yaml:4:9: “2026-02-30” is not a real date", "hint: "]),
        case("empty required list", &[("b.yaml", &brief_with("tasks:\n  - 办好人民满意的教育\n", "tasks: []\n"))], "b.yaml", 2, &["b.yaml:8:8: this list is empty", "at least one"]),
        case("empty achievements", &[("b.yaml", &brief_with("tasks:", "review:\n  achievements: []\ntasks:"))], "b.yaml", 2, &["b.yaml:9:17: this list is empty"]),
        case("empty value", &[("b.yaml", &brief_with("  name: 全县教育工作会议", "  name: \"\""))], "b.yaml", 2, &["b.yaml:2:9: this value is empty", "【待补】"]),
        case("null value", &[("b.yaml", &brief_with("  name: 全县教育工作会议", "  name: ~"))], "b.yaml", 2, &["b.yaml:2:9: this value is empty"]),
        case("empty task", &[("b.yaml", &brief_with("  - 办好人民满意的教育", "  - \"\""))], "b.yaml", 2, &["b.yaml:9:5: this value is empty"]),
        case("misspelled key", &[("b.yaml", &brief_with("  topic:", "  topik:"))], "b.yaml", 2, &["b.yaml:3:3: unknown key `topik`", "did you mean `topic`?"]),
        case("misspelled key in a task", &[("b.yaml", &brief_with("  - 办好人民满意的教育", "  - title: 办好教育\n    piont: [甲]"))], "b.yaml", 2, &["b.yaml:10:5: unknown key `piont`", "did you mean `points`?"]),
        case("misspelled value", &[("b.yaml", &brief_with("tasks:", "options:\n  layout: standrad\ntasks:"))], "b.yaml", 2, &["b.yaml:9:11: `standrad` is not allowed here", "did you mean `standard`?"]),
        case("binary", &[("b.yaml", b"\x7fELF\x02\x01\x01\x00\x00\x00")], "b.yaml", 2, &["b.yaml: this is a binary file, not a YAML brief", "hint: "]),
        case("bad bytes", &[("b.yaml", &gb_bad)], "b.yaml", 2, &["b.yaml:11:1: bytes that are neither UTF-8 nor GB18030", "hint: "]),
        case("corrupted UTF-16", &[("b.yaml", &utf16_bad)], "b.yaml", 2, &["b.yaml: the file starts with a UTF-16LE mark", "damaged", "hint: "]),
        case("missing file", &[], "nope.yaml", 2, &["nope.yaml: no such file or folder", "hint: "]),
        case("missing file, draft", &[], "draft nope.yaml -o out.md", 2, &["nope.yaml: no such file or folder"]),
        case("endless device", &[], "/dev/zero", 2, &["/dev/zero: the brief is 1000001 bytes", "at most 1 MB"]),
        case("a folder", &[("d/", b"")], "d", 2, &["d: this is a folder, not a brief file", "hint: "]),
        case("GB18030 works", &[("b.yaml", &gbk)], "b.yaml --seed 1", 0, &[]),
        case("UTF-16 works", &[("b.yaml", &utf16)], "b.yaml --seed 1", 0, &[]),
        case("brief text is data", &[("b.yaml", &data)], "b.yaml --seed 1", 0, &[]),
    ]);
    // The `{{ }}` and `{% %}` of a value come out as written.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.yaml"), &data).unwrap();
    let o = bin().args(["b.yaml", "--seed", "1"]).current_dir(dir.path()).output().unwrap();
    assert!(stdout(&o).contains("落实{{ locality.all }}和{% if x %}两项要求"), "{}", stdout(&o));
}

/// A draft of GOOD, written by the binary.
fn good_draft() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("b.yaml"), GOOD).unwrap();
    let o = bin().args(["b.yaml", "--seed", "5"]).current_dir(dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    o.stdout
}

#[test]
fn bad_drafts_banks_templates_and_corpora() {
    let g = GOOD.as_bytes();
    let draft = good_draft();
    let text = String::from_utf8(draft.clone()).unwrap();
    let unmarked: String = text.lines().filter(|l| !l.contains("<!-- section:")).map(|l| format!("{l}\n")).collect();
    let no_problems: String = text.lines().filter(|l| !l.contains("<!-- section: problems")).map(|l| format!("{l}\n")).collect();
    let mut d16 = vec![0xFE, 0xFF, 0xD8, 0x00, 0x00];
    d16.extend(b"\x00\x41");
    let bin = b"PK\x03\x04\x14\x00\x00\x00\x08\x00binary";
    let entry = |body: &str| format!("section: closing\nentries:\n  - id: closing.call.test.01\n{body}").into_bytes();
    let bad_key = entry("    rol: call\n    text: 同志们，让我们携手向前！\n");
    let bad_tpl = entry("    role: call\n    text: \"同志们，{{ locality.all }\"\n");
    let bad_months = entry("    role: call\n    months: [300]\n    text: 同志们，让我们携手向前！\n");
    battery(vec![
        // check
        case("check: missing", &[], "check nope.md", 2, &["nope.md: no such file or folder", "hint: "]),
        case("check: endless device", &[], "check /dev/zero", 2, &["/dev/zero: this is a binary file, not a draft"]),
        case("check: folder", &[("d/", b"")], "check d", 2, &["d: this is a folder, not a draft", "hint: "]),
        case("check: binary", &[("d.docx", bin)], "check d.docx", 2, &["d.docx: this is a binary file, not a draft", "save a Word file as .txt"]),
        case("check: corrupted UTF-16", &[("d.txt", &d16)], "check d.txt", 2, &["d.txt: the file starts with a UTF-16BE mark", "damaged"]),
        case("check: bad brief", &[("d.md", &draft), ("b.yaml", b"- x\n")], "check d.md --brief b.yaml", 2, &["b.yaml:1:1: expected a mapping"]),
        case("check: format", &[("d.md", &draft)], "check d.md --format xml", 2, &["unknown format `xml`", "hint: "]),
        case("check: allow-file binary", &[("d.md", &draft), ("a.txt", bin)], "check d.md --allow-file a.txt", 2, &["a.txt: this is a binary file"]),
        case("check: allow-file missing", &[("d.md", &draft)], "check d.md --allow-file a.txt", 2, &["a.txt: no such file or folder"]),
        case("check: GB18030 draft", &[("d.md", &encoding_rs::GB18030.encode(&text).0)], "check d.md", 0, &[]),
        // regen (the draft must stay as it was: the folder snapshot checks it)
        case("regen: unknown section", &[("d.md", &draft), ("b.yaml", g)], "regen d.md --brief b.yaml --section foo", 2, &["unknown section `foo`", "opening review"]),
        case("regen: no markers", &[("d.md", unmarked.as_bytes()), ("b.yaml", g)], "regen d.md --brief b.yaml --section tasks", 2, &["d.md: this draft has no section markers", "hint: "]),
        case("regen: a marker missing", &[("d.md", no_problems.as_bytes()), ("b.yaml", g)], "regen d.md --brief b.yaml --section tasks", 2, &["d.md: the draft has no `<!-- section: problems -->` marker", "hint: "]),
        case("regen: bad brief", &[("d.md", &draft), ("b.yaml", b"meeting: [\n")], "regen d.md --brief b.yaml --section tasks", 2, &["b.yaml:"]),
        case("regen: binary draft", &[("d.md", bin), ("b.yaml", g)], "regen d.md --brief b.yaml --section tasks", 2, &["d.md: this is a binary file, not a draft"]),
        case("regen: missing draft", &[("b.yaml", g)], "regen d.md --brief b.yaml --section tasks", 2, &["d.md: no such file or folder"]),
        case("regen: folder", &[("d/", b""), ("b.yaml", g)], "regen d --brief b.yaml --section tasks", 2, &["d: this is a folder, not a draft"]),
        case("regen: bad template", &[("d.md", &draft), ("b.yaml", g), ("t/draft.md", b"{% if title %}\n")], "regen d.md --brief b.yaml --section tasks --templates t", 2, &["t/draft.md:", "template syntax error"]),
        // banks
        case("bank: binary file", &[("bank/x.yaml", bin), ("b.yaml", g)], "b.yaml --bank bank", 2, &["bank/x.yaml: this is a binary file, not a YAML bank file", "hint: "]),
        case("bank: misspelled key", &[("bank/closing.yaml", &bad_key), ("b.yaml", g)], "b.yaml --bank bank", 2, &["bank/closing.yaml:4:5: unknown key `rol`", "did you mean `role`?"]),
        case("bank: template error", &[("bank/closing.yaml", &bad_tpl), ("b.yaml", g)], "b.yaml --bank bank", 2, &["bank/closing.yaml:3:9:", "hint: "]),
        case("bank: number range", &[("bank/closing.yaml", &bad_months)], "bank lint bank", 2, &["bank/closing.yaml:5:14: expected a whole number from 0 to 255"]),
        case("bank: bad section", &[("bank/closing.yaml", b"section: closingg\nentries: []\n")], "bank stats bank", 2, &["bank/closing.yaml:1:10: `closingg` is not allowed here", "did you mean `closing`?"]),
        case("bank lint: template error", &[("bank/closing.yaml", &bad_tpl)], "bank lint bank", 1, &["1 problems"]),
        case("bank: missing folder", &[("b.yaml", g)], "b.yaml --bank nobank", 2, &["nobank: no such file or folder"]),
        case("bank lint: a file", &[("b.yaml", g)], "bank lint b.yaml", 2, &["b.yaml: a bank is a folder"]),
        case("bank stats: missing", &[], "bank stats nobank", 2, &["nobank: no such file or folder"]),
        // templates
        case("template: syntax", &[("t/draft.md", b"# {{ title }\n"), ("b.yaml", g)], "b.yaml --templates t", 2, &["t/draft.md:1:12: template syntax error", "hint: "]),
        case("template: unclosed", &[("t/draft.md", b"a\nb\n{% if title %}\nc\n"), ("b.yaml", g)], "b.yaml --templates t", 2, &["t/draft.md:", "template syntax error"]),
        case("template: unknown variable", &[("t/draft.txt", b"{{ nosuch.thing }}\n"), ("b.yaml", g)], "b.yaml --templates t --format txt --seed 1", 2, &["t/draft.txt:1:4:", "not defined", "hint: "]),
        case("template: binary", &[("t/draft.md", bin), ("b.yaml", g)], "b.yaml --templates t", 2, &["t/draft.md: this is a binary file, not a template"]),
        case("template: missing folder", &[("b.yaml", g)], "b.yaml --templates t", 2, &["t: --templates needs a folder"]),
        // corpora
        case("analyze: binary", &[("s.txt", bin)], "analyze s.txt", 2, &["s.txt: this is a binary file", "hint: "]),
        case("analyze: folder", &[("d/", b"")], "analyze d", 2, &["d: this is a folder"]),
        case("analyze: missing", &[], "analyze s.txt", 2, &["s.txt: no such file or folder"]),
        case("analyze: format", &[("s.txt", "同志们：\n".as_bytes())], "analyze s.txt --format xml", 2, &["unknown format `xml`"]),
        case("mine: binary", &[("s.txt", bin)], "mine s.txt -o out", 2, &["s.txt: this is a binary file"]),
        case("mine: missing", &[], "mine corpus -o out", 2, &["corpus: no such file or folder"]),
        case("mine: output is a file", &[("s.txt", "同志们：\n".as_bytes()), ("out", b"x")], "mine s.txt -o out", 2, &["out:", "folder"]),
        // usage
        case("unknown command flag", &[], "schema --nope", 2, &["--nope"]),
        case("unknown format", &[("b.yaml", g)], "b.yaml --format pdf", 2, &["unknown format `pdf`", "hint: "]),
    ]);
}

#[test]
fn no_overwrite_and_no_partial_files() {
    let g = GOOD.as_bytes();
    battery(vec![
        case("draft -o exists", &[("b.yaml", g), ("out.md", "我的稿子".as_bytes())], "b.yaml -o out.md --seed 1", 2, &["out.md: the file exists; nothing was written", "--force"]),
        case("draft -o docx exists", &[("b.yaml", g), ("out.docx", b"mine")], "b.yaml -o out.docx --seed 1", 2, &["out.docx: the file exists"]),
        case("draft -o a folder", &[("b.yaml", g), ("out/", b"")], "b.yaml -o out --seed 1 --force", 2, &["out: this is a folder; the output must be a file"]),
        case("draft -o missing folder", &[("b.yaml", g)], "b.yaml -o no/out.md --seed 1", 2, &["no: the folder does not exist", "hint: "]),
        case("draft -o unwritable", &[("b.yaml", g)], "b.yaml -o /proc/speechgen-out.md --seed 1 --force", 2, &["/proc/speechgen-out.md:", "hint: "]),
        case("docx write error", &[("b.yaml", g)], "b.yaml -o /proc/speechgen-out.docx --seed 1 --force", 2, &["/proc/speechgen-out.docx:"]),
        case("init exists", &[("brief.yaml", "我的提要".as_bytes())], "init", 2, &["brief.yaml: the file exists"]),
        case("init into a folder", &[("d/", b"")], "init d", 2, &["d: this is a folder"]),
        case("init missing folder", &[], "init no/brief.yaml", 2, &["no: the folder does not exist"]),
    ]);
    // --force replaces, and leaves no temporary file; init writes the schema beside the brief.
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("b.yaml"), g).unwrap();
    std::fs::write(p("out.md"), "旧稿").unwrap();
    let o = bin().args(["b.yaml", "-o", "out.md", "--seed", "1", "--force"]).current_dir(dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read_to_string(p("out.md")).unwrap().contains("全县教育工作会议"));
    let o = bin().args(["init", "new.yaml"]).current_dir(dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let names: Vec<String> = snapshot(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["b.yaml", "new.yaml", "out.md", "speechgen.schema.json"], "{names:?}");
    // An unwritable folder (only meaningful when not running as root).
    let ro = p("ro");
    std::fs::create_dir(&ro).unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    std::os::unix::fs::PermissionsExt::set_mode(&mut perms, 0o555);
    std::fs::set_permissions(&ro, perms).unwrap();
    if std::fs::write(ro.join("probe"), "x").is_err() {
        let o = bin().args(["b.yaml", "-o", "ro/out.md", "--seed", "1"]).current_dir(dir.path()).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(stderr(&o).contains("ro/out.md: permission denied"), "{}", stderr(&o));
        assert!(snapshot(&ro).is_empty());
    }
}

#[test]
fn regen_keeps_the_draft_when_it_fails_and_backs_it_up_when_it_works() {
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(p("b.yaml"), GOOD).unwrap();
    let mut draft = good_draft();
    draft.extend("\n写作者自己加的一段话。\n".as_bytes());
    std::fs::write(p("d.md"), &draft).unwrap();
    // A brief that no longer parses: nothing changes.
    std::fs::write(p("bad.yaml"), "meeting: [\n").unwrap();
    let o = bin().args(["regen", "d.md", "--brief", "bad.yaml", "--section", "tasks"]).current_dir(dir.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(p("d.md")).unwrap(), draft);
    assert!(!p("d.md~").exists());
    // It works: the previous version is the backup, and only the section changed.
    let o = bin().args(["regen", "d.md", "--brief", "b.yaml", "--section", "tasks", "--seed", "9"]).current_dir(dir.path()).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(std::fs::read(p("d.md~")).unwrap(), draft);
    let new = std::fs::read_to_string(p("d.md")).unwrap();
    assert!(new.ends_with("写作者自己加的一段话。\n"), "{new}");
    let names: Vec<String> = snapshot(dir.path()).into_iter().map(|(n, _)| n).collect();
    assert_eq!(names, ["b.yaml", "bad.yaml", "d.md", "d.md~"]);
}
