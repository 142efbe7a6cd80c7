//! `speechgen check` end to end: every generated draft passes; each defect, injected one at a time
//! at varied places, fails with the right code and line; real speech text does not drown in false
//! alarms; the seed corpus (when SPEECHGEN_CORPUS is set) gives sane findings.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::*;

const BRIEF: &str = "examples/brief.yaml";

fn draft(brief: &str, seed: u64, format: &str) -> String {
    let o = run(&[brief, "--seed", &seed.to_string(), "--format", format]);
    assert!(o.status.success(), "{brief} seed {seed}: {}", stderr(&o));
    stdout(&o)
}

/// Runs check with JSON output; returns the exit code and the report.
fn check_json(path: &Path, extra: &[&str]) -> (i32, Value) {
    let p = path.display().to_string();
    let mut args = vec!["check", p.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let o = run(&args);
    let code = o.status.code().unwrap_or(-1);
    let v = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{p}: not JSON ({e}): {}{}", stdout(&o), stderr(&o)));
    (code, v)
}

fn findings(v: &Value) -> Vec<(u64, String, String)> {
    v["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|f| (f["line"].as_u64().unwrap_or(0), f["code"].as_str().unwrap_or("").to_owned(), f["severity"].as_str().unwrap_or("").to_owned()))
                .collect()
        })
        .unwrap_or_default()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).expect("temp file written");
    p
}

#[test]
fn every_generated_draft_passes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for brief in all_briefs() {
        // One check run per brief over all its drafts (the JSON is then an array, one per file).
        let mut paths = Vec::new();
        for seed in 1..=5 {
            for format in ["md", "txt"] {
                paths.push(write(&dir, &format!("{}-{seed}.{format}", name_of(&brief)), &draft(&brief, seed, format)).display().to_string());
            }
        }
        let mut args = vec!["check", "--format", "json", "--brief", brief.as_str()];
        args.extend(paths.iter().map(String::as_str));
        let o = run(&args);
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{brief}: not JSON ({e}): {}", stderr(&o)));
        for r in v.as_array().into_iter().flatten() {
            let errors: Vec<_> = findings(r).into_iter().filter(|f| f.2 == "error").collect();
            assert!(errors.is_empty(), "{brief}: {r:#}");
        }
        assert_eq!(o.status.code(), Some(0), "{brief}: {v:#}");
    }
}

/// The generated example with one line changed by `edit` (given the lines, returns the 1-based
/// line it changed); asserts check --brief finds `code` on that line, and the exit code.
fn inject(code: &str, extra: &[&str], edit: impl Fn(&mut Vec<String>) -> usize) {
    for seed in [3, 8] {
        let md = draft(BRIEF, seed, "md");
        let mut lines: Vec<String> = md.lines().map(str::to_owned).collect();
        let line = edit(&mut lines);
        let dir = tempfile::tempdir().expect("temp dir");
        let p = write(&dir, "edited.md", &(lines.join("\n") + "\n"));
        let mut args = vec!["--brief", BRIEF];
        args.extend_from_slice(extra);
        let (exit, v) = check_json(&p, &args);
        let f = findings(&v);
        assert!(f.iter().any(|x| x.0 == line as u64 && x.1 == code), "seed {seed}: no {code} on line {line}: {v:#}");
        let severity = f.iter().find(|x| x.1 == code).map(|x| x.2.clone()).unwrap_or_default();
        assert_eq!(exit, if severity == "error" { 1 } else { 0 }, "seed {seed}: {v:#}");
    }
}

/// The 1-based number of the `nth` line (0-based) that satisfies `pred`.
fn nth_line(lines: &[String], nth: usize, pred: impl Fn(&str) -> bool) -> usize {
    lines.iter().enumerate().filter(|(_, l)| pred(l)).nth(nth).map(|(i, _)| i + 1).expect("such a line")
}

/// Plain paragraphs: not headings, markers, header lines or blank.
fn paragraph(l: &str) -> bool {
    l.chars().count() > 40 && !l.starts_with(['#', '<', '（'])
}

fn edit_line(lines: &mut [String], no: usize, f: impl Fn(&str) -> String) {
    if let Some(l) = lines.get_mut(no - 1) {
        *l = f(l);
    }
}

#[test]
fn placeholders_debris_script_and_punctuation_are_found_where_they_are() {
    for nth in [0, 4, 9] {
        inject("placeholder", &[], |ls| {
            let n = nth_line(ls, nth, paragraph);
            edit_line(ls, n, |l| l.replacen('，', "，在20xx年，", 1));
            n
        });
    }
    inject("placeholder", &[], |ls| {
        let n = nth_line(ls, 2, paragraph);
        edit_line(ls, n, |l| format!("{l}【待补】"));
        n
    });
    inject("debris", &[], |ls| {
        let n = nth_line(ls, 6, paragraph);
        edit_line(ls, n, |l| format!("{l}本文来自一号文库。"));
        n
    });
    inject("traditional", &[], |ls| {
        let n = nth_line(ls, 5, |l| paragraph(l) && l.contains('发'));
        edit_line(ls, n, |l| l.replacen('发', "發", 1));
        n
    });
    for nth in [1, 7] {
        inject("half-width", &[], |ls| {
            let n = nth_line(ls, nth, |l| paragraph(l) && l.contains('，'));
            edit_line(ls, n, |l| l.replacen('，', ",", 1));
            n
        });
    }
}

#[test]
fn numbering_and_counts() {
    inject("numbering", &[], |ls| {
        let n = nth_line(ls, 2, |l| l.starts_with("## "));
        edit_line(ls, n, |l| l.replacen("三、", "四、", 1));
        n
    });
    inject("numbering", &[], |ls| {
        let n = nth_line(ls, 1, |l| l.starts_with("### "));
        edit_line(ls, n, |l| l.replacen("（二）", "（三）", 1));
        n
    });
    inject("numbering", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.contains("二是"));
        edit_line(ls, n, |l| l.replacen("二是", "三是", 1));
        n
    });
    inject("count-mismatch", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.contains("下面，"));
        edit_line(ls, n, |l| {
            let count = ["五", "四", "三"].into_iter().find(|c| l.contains(&format!("{c}点")) || l.contains(&format!("{c}个"))).unwrap_or("五");
            let other = if count == "三" { "六" } else { "三" };
            l.replacen(&format!("{count}点"), &format!("{other}点"), 1).replacen(&format!("{count}个"), &format!("{other}个"), 1)
        });
        n
    });
}

#[test]
fn repeated_sentences_and_long_paragraphs() {
    inject("repeated-sentence", &[], |ls| {
        let from = nth_line(ls, 1, paragraph);
        let to = nth_line(ls, 8, paragraph);
        let sentence = ls.get(from - 1).and_then(|l| l.split_inclusive('。').find(|s| s.chars().count() >= 14)).unwrap_or("").to_owned();
        edit_line(ls, to, |l| format!("{l}{sentence}"));
        to
    });
    inject("long-paragraph", &[], |ls| {
        let n = nth_line(ls, 3, paragraph);
        let filler = "要坚持问题导向，聚焦群众反映强烈的突出问题，拿出务实管用的具体举措";
        let mut long = ls.get(n - 1).cloned().unwrap_or_default();
        for c in "甲乙丙丁戊己庚辛壬癸子丑寅卯".chars() {
            long.push_str(&format!("{filler}的{c}方面。"));
        }
        edit_line(ls, n, |_| long.clone());
        n
    });
}

#[test]
fn brief_rules() {
    inject("missing-fact", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.contains("新认定高新技术企业41家"));
        edit_line(ls, n, |l| l.replace("新认定高新技术企业41家，", ""));
        n
    });
    inject("unknown-number", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.contains("311.8"));
        edit_line(ls, n, |l| l.replace("311.8", "318.1"));
        n
    });
    for nth in [2, 10] {
        inject("place-name", &[], |ls| {
            let n = nth_line(ls, nth, paragraph);
            edit_line(ls, n, |l| format!("{l}要学习借鉴许昌的经验做法。"));
            n
        });
    }
    inject("speaker-mismatch", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.starts_with("区委书记"));
        edit_line(ls, n, |l| l.replace("区委书记", "区长"));
        n
    });
    inject("date-mismatch", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.starts_with("（2026年"));
        edit_line(ls, n, |_| "（2026年3月8日）".to_owned());
        n
    });
    inject("meeting-mismatch", &[], |ls| {
        let n = nth_line(ls, 0, |l| l.starts_with("# "));
        edit_line(ls, n, |_| "# 在全区招商引资工作会议上的讲话".to_owned());
        n
    });
    inject("off-topic", &[], |ls| {
        let n = nth_line(ls, 5, paragraph);
        edit_line(ls, n, |l| format!("{l}要把学生的课后服务抓实抓细。"));
        n
    });
    inject("length", &["--length", "9000"], |ls| nth_line(ls, 0, |l| l.contains("同志们")));
}

#[test]
fn allowed_words_and_fixed_phrases_are_not_place_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let md = draft(BRIEF, 3, "md").replacen("同志们：", "同志们：\n\n要大力弘扬延安精神和红旗渠精神，确保社会长治久安。", 1);
    let p = write(&dir, "d.md", &md);
    let (code, v) = check_json(&p, &["--brief", BRIEF, "--allow", "红旗渠"]);
    assert!(!findings(&v).iter().any(|f| f.1 == "place-name"), "{v:#}");
    assert_eq!(code, 0, "{v:#}");
}

#[test]
fn text_output_and_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let p = write(&dir, "d.txt", "在全区工作会议上的讲话\n\n同志们：\n\n今年是“十五五”开局之年,我们要真抓实干。\n");
    let o = run(&["check", &p.display().to_string()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains(&format!("{}:5:13: error[half-width]:", p.display())), "{out}");
    assert!(out.contains("  hint: "), "{out}");
    assert!(out.trim_end().ends_with("1 error, 0 warnings"), "{out}");
    assert_eq!(run(&["check", "no-such-draft.md"]).status.code(), Some(2));
    assert_eq!(run(&["check", &p.display().to_string(), "--format", "xml"]).status.code(), Some(2));
    let bin = write(&dir, "b.md", "\0\u{1}\u{2}binary");
    assert_eq!(run(&["check", &bin.display().to_string()]).status.code(), Some(2));
}

#[test]
fn real_speech_text_does_not_drown_in_false_alarms() {
    let dir = root().join("tests/fixtures/check");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.sort();
    assert!(files.len() >= 2, "fixtures in {}", dir.display());
    for f in files {
        let (code, v) = check_json(&f, &[]);
        let errors = v["errors"].as_u64().unwrap_or(99);
        let warnings = v["warnings"].as_u64().unwrap_or(99);
        assert!(code == 0 && errors == 0 && warnings <= 1, "{}: {v:#}", f.display());
    }
}

#[test]
fn the_seed_corpus_gives_sane_findings() {
    let Ok(dir) = std::env::var("SPEECHGEN_CORPUS") else { return };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.sort();
    let (mut placeholders, mut traditional, mut debris) = (0, 0, 0);
    for f in &files {
        let lines = std::fs::read(f).map(|b| b.iter().filter(|&&c| c == b'\n').count() + 1).unwrap_or(0);
        let (code, v) = check_json(f, &[]);
        assert!(code == 0 || code == 1, "{}: exit {code}", f.display());
        for (line, code, _) in findings(&v) {
            assert!(line >= 1 && line as usize <= lines, "{}: line {line}", f.display());
            match code.as_str() {
                "placeholder" => placeholders += 1,
                "traditional" => traditional += 1,
                "debris" => debris += 1,
                _ => {}
            }
        }
    }
    // NOTES §6: hundreds of 20xx / xx / × / ___ / “” tokens; §3: one Traditional file; §2: debris.
    assert!(placeholders >= 400, "placeholders: {placeholders}");
    assert!(traditional >= 30, "traditional lines: {traditional}");
    assert!(debris >= 20, "debris: {debris}");
}
