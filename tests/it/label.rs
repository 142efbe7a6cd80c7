//! The section labeller on our own hand-labelled speeches (tests/fixtures/label: a government work
//! report, a county cadres' meeting with problems inside the review heading, a 推进会 without
//! numbered headings, a company's annual report, a city economic meeting with problems under a
//! sub-heading of the review), and six harder ones in `hard/` (a county plenum, a safety meeting,
//! a discipline meeting, a city work report, a township 推进会 without headings, an SOE workers'
//! congress), labelled before the labeller was run on them; through `analyze --format json`.

use std::collections::BTreeMap;

use crate::common::{fixture, run, stderr, stdout};

/// `LINE SECTION` rows, each running to the next row; `#` lines are comments.
fn labels(text: &str, last: usize) -> BTreeMap<usize, String> {
    let rows: Vec<(usize, String)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' ').and_then(|(n, s)| Some((n.trim().parse().ok()?, s.trim().to_owned()))))
        .collect();
    let mut out = BTreeMap::new();
    for (k, (start, s)) in rows.iter().enumerate() {
        let stop = rows.get(k + 1).map_or(last, |n| n.0 - 1);
        for line in *start..=stop {
            out.insert(line, s.clone());
        }
    }
    out
}

#[test]
fn labels_our_own_speeches() {
    let (mut right, mut total) = (0, 0);
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for name in ["gov-report", "county-cadres", "push-meeting", "company", "economic-meeting", "hard/county-plenum", "hard/safety",
        "hard/discipline", "hard/gov-report-city", "hard/village-push", "hard/soe-workers"] {
        let path = fixture(&format!("label/{name}.txt"));
        let text = std::fs::read_to_string(&path).expect("fixture");
        let gold = labels(&std::fs::read_to_string(fixture(&format!("label/{name}.labels"))).expect("labels"), text.lines().count());
        let out = run(&["analyze", "--format", "json", &path]);
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        for sp in v["speeches"].as_array().into_iter().flatten() {
            for p in sp["paragraphs"].as_array().into_iter().flatten() {
                let line = p["line"].as_u64().unwrap_or(0) as usize;
                let got = p["section"].as_str().unwrap_or("");
                let want = gold.get(&line).map_or("?", String::as_str);
                total += 1;
                right += usize::from(want == got);
                let e = per.entry(want.to_owned()).or_default();
                e.0 += usize::from(want == got);
                e.1 += 1;
                if want != got {
                    eprintln!("{name}:{line} want {want}, got {got}");
                }
            }
        }
    }
    eprintln!("own fixtures: {right}/{total}; per section {per:?}");
    assert!(total >= 250, "every line is labelled");
    assert!(right as f64 >= 0.95 * total as f64, "{right}/{total} lines right");
    for s in ["opening", "review", "problems", "tasks", "closing"] {
        let (ok, n) = per.get(s).copied().unwrap_or((0, 0));
        assert!(n > 0 && ok as f64 >= 0.8 * n as f64, "{s}: {ok}/{n}");
    }
}
