//! Drafting end to end: the README command, determinism, structure, facts, counts, formats.

use crate::common::*;

fn draft(brief: &str, seed: u64, extra: &[&str]) -> String {
    let seed = seed.to_string();
    let mut args = vec![brief, "--seed", &seed];
    args.extend_from_slice(extra);
    let o = run(&args);
    assert!(o.status.success(), "{brief} seed {seed}: {}", stderr(&o));
    stdout(&o)
}

/// Paragraph and heading lines of a Markdown draft (no markers, no title block).
fn body(md: &str) -> Vec<&str> {
    md.lines().skip_while(|l| !l.starts_with("<!-- section:")).filter(|l| !l.is_empty() && !l.starts_with("<!--")).collect()
}

#[test]
fn the_readme_command_drafts_the_example() {
    let o = run(&["examples/brief.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = stdout(&o);
    assert!(md.contains("# 在全区工业园区工作会议上的讲话"));
    assert!(stderr(&o).contains("seed: "), "a drawn seed is printed");
    let seed = stderr(&o).lines().find_map(|l| l.strip_prefix("seed: ").map(str::to_owned)).unwrap_or_default();
    assert!(md.starts_with(&format!("<!-- speechgen {} seed={seed} brief=brief.yaml -->", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn same_seed_same_bytes_other_seed_other_draft() {
    for brief in all_briefs() {
        let a = draft(&brief, 11, &[]);
        assert_eq!(a, draft(&brief, 11, &[]), "{brief}");
        assert_ne!(a, draft(&brief, 12, &[]), "{brief}");
    }
}

#[test]
fn markers_appear_once_in_order() {
    for brief in all_briefs() {
        for seed in 1..=3 {
            let md = draft(&brief, seed, &[]);
            let markers: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("<!-- section: ")).map(|l| l.trim_end_matches(" -->")).collect();
            let order = ["opening", "review", "problems", "situation", "tasks", "guarantee", "closing"];
            let positions: Vec<usize> = markers.iter().map(|m| order.iter().position(|o| o == m).unwrap_or(99)).collect();
            assert!(positions.windows(2).all(|w| w[0] < w[1]), "{brief}: {markers:?}");
            for required in ["opening", "review", "problems", "tasks", "closing"] {
                assert!(markers.contains(&required), "{brief}: no {required} marker");
            }
        }
    }
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

#[test]
fn headings_count_and_the_opening_announces_them() {
    for brief in all_briefs() {
        for seed in 1..=4 {
            let md = draft(&brief, seed, &[]);
            let h1: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
            for (i, h) in h1.iter().enumerate() {
                assert!(h.starts_with(&format!("## {}、", NUMERALS[i])), "{brief} seed {seed}: {h}");
            }
            // The opening announces the count (三点, 三个方面…) or says 几点 / 几个.
            let n = if h1.len() == 2 { "两" } else { NUMERALS[h1.len() - 1] };
            let announced = [format!("{n}点"), format!("{n}个"), "几点".into(), "几个".into()];
            let opening: String = md.lines().take_while(|l| !l.starts_with("## ")).collect();
            assert!(announced.iter().any(|a| opening.contains(a.as_str())), "{brief} seed {seed}: expected {n}点 in {opening}");
            for wrong in NUMERALS.iter().chain(["两"].iter()).filter(|&&x| x != n) {
                assert!(!opening.contains(&format!("讲{wrong}点")), "{brief} seed {seed}: 讲{wrong}点 with {n} headings");
            }
            // （一）（二）… restart under every level-1 heading.
            let mut expected = 0;
            for line in md.lines() {
                if line.starts_with("## ") {
                    expected = 0;
                } else if let Some(h) = line.strip_prefix("### ") {
                    assert!(h.starts_with(&format!("（{}）", NUMERALS[expected])), "{brief} seed {seed}: {h}");
                    expected += 1;
                }
            }
        }
    }
}

#[test]
fn every_fact_appears_once_and_no_number_is_invented() {
    let brief = "examples/brief.yaml";
    let facts = [
        "园区实现规上工业总产值311.8亿元，同比增长12.5%",
        "项目建设成效明显",
        "新开工亿元以上项目23个，完成固定资产投资71.6亿元，增长25.1%",
        "产业层次总体偏低，龙头企业带动作用不强",
        "园区之间招大引强竞争日趋激烈",
        "规上工业总产值增长10%以上；固定资产投资增长12%",
        "### （一）突出项目建设",
        "全年新开工亿元以上项目25个",
        "培育产值超10亿元企业5家",
        "建设现代化工业强区",
        "园区经济总量稳步扩大",
        "王区长通报了2025年全区工业园区发展情况",
    ];
    let allowed: Vec<&str> = vec!["2025", "2026", "3", "6", "311.8", "12.5", "23", "71.6", "25.1", "41", "2.8", "10", "12", "25", "30", "5", "7"];
    let re = regex::Regex::new(r"\d+(\.\d+)?").unwrap();
    for seed in 1..=5 {
        let md = draft(brief, seed, &[]);
        for f in facts {
            assert_eq!(md.matches(f).count(), 1, "seed {seed}: {f}");
        }
        for line in body(&md) {
            for m in re.find_iter(line) {
                assert!(allowed.contains(&m.as_str()), "seed {seed}: number {} in {line}", m.as_str());
            }
        }
    }
}

#[test]
fn the_level_shapes_the_wording() {
    let cases = [
        ("tests/fixtures/briefs/anquan-county.yaml", "全县", ["全区", "全市", "区委", "镇党委"]),
        ("examples/brief.yaml", "全区", ["全县", "县委", "县直", "镇党委"]),
        ("tests/fixtures/briefs/xiangcun-town.yaml", "全镇", ["全县", "全区", "区委", "区直"]),
        ("tests/fixtures/briefs/guoqi-group.yaml", "集团", ["全县", "全区", "县委", "区委"]),
    ];
    for (brief, own, others) in cases {
        let mut seen = false;
        for seed in 1..=5 {
            let md = draft(brief, seed, &[]);
            seen |= md.contains(own);
            for o in others {
                assert!(!md.contains(o), "{brief} seed {seed}: {o}");
            }
        }
        assert!(seen, "{brief}: never says {own}");
    }
}

#[test]
fn layouts_follow_the_meeting_kind() {
    // 推进会 → tasks-first: every task title is a level-1 heading.
    let md = draft("tests/fixtures/briefs/xiangcun-town.yaml", 1, &[]);
    assert!(md.contains("## 一、做强特色产业"), "{md}");
    // compact: review and problems share the first heading; tasks sit under the second.
    let md = draft("tests/fixtures/briefs/guoqi-group.yaml", 1, &[]);
    let h1 = md.lines().filter(|l| l.starts_with("## ")).count();
    assert_eq!(h1, 2, "{md}");
    assert!(md.contains("### （一）聚焦主责主业提质增效"));
}

#[test]
fn length_lands_near_the_target() {
    for (brief, target) in [("examples/brief.yaml", 3000), ("examples/brief.yaml", 1500), ("tests/fixtures/briefs/guoqi-group.yaml", 2500)] {
        for seed in 1..=3 {
            let out = draft(brief, seed, &["--format", "json", "--length", &target.to_string()]);
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            let len = v["meta"]["length"].as_u64().unwrap() as f64;
            let t = target as f64;
            assert!(len >= t * 0.9 && len <= t * 1.1, "{brief} seed {seed}: {len} for {target}");
        }
    }
}

#[test]
fn seasonal_and_occasion_lines() {
    // A January meeting may greet the Spring Festival; a March one must not.
    let md = draft("examples/brief.yaml", 3, &[]);
    assert!(!md.contains("拜个早年") && !md.contains("春节"), "{md}");
    let md = draft("tests/fixtures/briefs/jiaoyu-city.yaml", 1, &[]);
    assert!(md.contains("各位") || md.contains("祝贺"), "a 表彰大会 greets its audience: {md}");
}

#[test]
fn txt_and_json_formats() {
    let txt = draft("examples/brief.yaml", 5, &["--format", "txt"]);
    assert!(!txt.contains("<!--") && !txt.contains("## "));
    assert!(txt.lines().any(|l| l.starts_with("　　一、")), "headings are indented like paragraphs");
    let json = draft("examples/brief.yaml", 5, &["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let sections = v["sections"].as_array().unwrap();
    assert_eq!(sections[0]["name"], "opening");
    let sources: Vec<&str> = sections
        .iter()
        .flat_map(|s| s["blocks"].as_array().unwrap())
        .flat_map(|b| b["sentences"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["source"]["kind"].as_str().map(|k| if k == "bank" { "bank" } else { "brief" }))
        .collect();
    assert!(sources.contains(&"bank") && sources.contains(&"brief"));
}

#[test]
fn output_files_are_not_overwritten_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("draft.md");
    let o = run(&["examples/brief.yaml", "--seed", "1", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::fs::write(&out, "writer's edits").unwrap();
    let o = run(&["examples/brief.yaml", "--seed", "1", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "writer's edits");
    let o = run(&["examples/brief.yaml", "--seed", "1", "-o", out.to_str().unwrap(), "--force"]);
    assert!(o.status.success());
    assert!(std::fs::read_to_string(&out).unwrap().contains("同志们"));
    // The format follows the extension.
    let txt = dir.path().join("draft.txt");
    assert!(run(&["examples/brief.yaml", "--seed", "1", "-o", txt.to_str().unwrap()]).status.success());
    assert!(!std::fs::read_to_string(&txt).unwrap().contains("<!--"));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).filter(|e| e.file_name().to_string_lossy().ends_with(".tmp")).collect();
    assert!(leftovers.is_empty());
}

#[test]
fn brief_text_is_data_not_template() {
    let dir = tempfile::tempdir().unwrap();
    let brief = std::fs::read_to_string(root().join("examples/brief.yaml")).unwrap().replace("突出项目建设", "突出{{ meeting.name }}项目{% if x %}建设");
    let p = dir.path().join("b.yaml");
    std::fs::write(&p, brief).unwrap();
    let md = draft(p.to_str().unwrap(), 1, &[]);
    assert!(md.contains("突出{{ meeting.name }}项目{% if x %}建设"));
}

#[test]
fn init_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("brief.yaml");
    let o = run(&["init", p.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=./speechgen.schema.json"));
    assert!(dir.path().join("speechgen.schema.json").exists());
    assert!(run(&[p.to_str().unwrap(), "--seed", "1"]).status.success(), "the example brief drafts");
    assert_eq!(run(&["init", p.to_str().unwrap()]).status.code(), Some(2), "init does not overwrite");
    let schema: serde_json::Value = serde_json::from_str(&stdout(&run(&["schema"]))).unwrap();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(schema["properties"]["meeting"].is_object());
    let committed = std::fs::read_to_string(root().join("examples/speechgen.schema.json")).unwrap();
    assert_eq!(committed, stdout(&run(&["schema"])), "examples/speechgen.schema.json is stale: run `speechgen schema > examples/speechgen.schema.json`");
}

#[test]
fn the_builtin_bank_lints_clean_and_counts() {
    let o = run(&["bank", "lint"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let stats = stdout(&run(&["bank", "stats"]));
    assert!(stats.contains("tasks") && stats.contains("安全生产"), "{stats}");
}

#[test]
fn a_users_bank_adds_to_the_builtin_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("own.yaml"),
        "section: closing\nentries:\n  - id: closing.thanks.own.01\n    role: thanks\n    weight: 100000\n    text: \"我就讲这些，请大家回去抓好落实。谢谢！\"\n",
    )
    .unwrap();
    let md = draft("examples/brief.yaml", 1, &["--bank", dir.path().to_str().unwrap()]);
    assert!(md.contains("我就讲这些，请大家回去抓好落实。谢谢！"));
    let o = run(&["bank", "lint", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
    std::fs::write(dir.path().join("bad.yaml"), "section: closing\nentries:\n  - id: closing.thanks.own.02\n    role: thanks\n    text: \"谢谢XX同志, 谢谢{{ nobody }}\"\n").unwrap();
    let o = run(&["bank", "lint", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    for code in ["placeholder", "half-width", "unknown-slot"] {
        assert!(out.contains(&format!("error[{code}]")), "{out}");
    }
    assert!(out.contains("bad.yaml:3:"), "points at the entry's line: {out}");
}

/// Every fixture brief, at its own length, for two seeds: within ±10% of the target (check's
/// `length` warning), no error and no off-topic sentence by `check --brief`.
#[test]
fn every_fixture_brief_lands_on_length_and_on_topic() {
    let dir = tempfile::tempdir().unwrap();
    for brief in all_briefs() {
        let mut paths = Vec::new();
        for seed in [1, 2] {
            let p = dir.path().join(format!("{}-{seed}.md", name_of(&brief)));
            std::fs::write(&p, draft(&brief, seed, &[])).unwrap();
            paths.push(p.display().to_string());
        }
        let mut args = vec!["check", "--format", "json", "--brief", brief.as_str()];
        args.extend(paths.iter().map(String::as_str));
        let o = run(&args);
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{brief}: {e}: {}", stderr(&o)));
        let reports = v.as_array().cloned().unwrap_or_default();
        assert_eq!(reports.len(), 2, "{brief}: {v:#}");
        for r in reports {
            let bad: Vec<_> = r["findings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|f| f["severity"] == "error" || f["code"] == "off-topic" || f["code"] == "length")
                .collect();
            assert!(bad.is_empty(), "{brief}: {bad:#?}");
        }
    }
}

/// Wording agrees with the number of items: one problem is 这个问题, never 这些问题 or 有的…有的.
#[test]
fn a_single_problem_is_not_these_problems() {
    for seed in 1..=6 {
        let md = draft("tests/fixtures/briefs/fangxun-district.yaml", seed, &[]);
        let problems: String = md.split("<!-- section: problems -->").nth(1).and_then(|s| s.split("<!-- section:").next()).unwrap_or_default().to_owned();
        assert!(problems.contains("部分堤防存在险工险段"), "{problems}");
        for plural in ["这些问题", "上述问题", "有的", "两个问题"] {
            assert!(!problems.contains(plural), "seed {seed}: {plural} after one problem: {problems}");
        }
    }
}

/// `levels:` keeps government wording from company meetings and company wording from
/// government ones (a heavy entry of each kind in a user's bank).
#[test]
fn levels_keep_company_and_government_wording_apart() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("own.yaml"),
        "section: closing\nentries:\n  - id: closing.thanks.own.gov\n    role: thanks\n    levels: [政府]\n    weight: 100000\n    text: \"请各级党委、政府抓好落实。谢谢！\"\n  - id: closing.thanks.own.co\n    role: thanks\n    levels: [企业]\n    weight: 100000\n    text: \"请各所属企业抓好落实。谢谢！\"\n",
    )
    .unwrap();
    let bank = dir.path().to_str().unwrap();
    for seed in 1..=3 {
        let company = draft("tests/fixtures/briefs/guoqi-annual.yaml", seed, &["--bank", bank]);
        assert!(company.contains("请各所属企业抓好落实") && !company.contains("请各级党委、政府"), "seed {seed}: {company}");
        let county = draft("tests/fixtures/briefs/anquan-county.yaml", seed, &["--bank", bank]);
        assert!(county.contains("请各级党委、政府抓好落实") && !county.contains("请各所属企业"), "seed {seed}: {county}");
    }
    assert!(run(&["bank", "lint", bank]).status.success());
}
