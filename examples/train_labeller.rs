//! Trains the labeller's learned layer (`src/label/model.txt`) and measures it set by set.
//!
//!     cargo run --release --example train_labeller -- [--seed CORPUS] [DIR …] [--eval] [--out FILE]
//!
//! `--seed CORPUS` adds the seed corpus with `CORPUS/../corpus-notes/gold-labels.txt`; every DIR
//! holds `NAME.txt` files with `NAME.labels` beside them (`LINE SECTION` rows, as in
//! `tests/fixtures/label`). With `--eval`, each set is held out in turn: the model is trained on
//! the others and the held-out set is scored with and without it. `--out` writes the model
//! trained on every set.

use std::path::{Path, PathBuf};

use speechgen::corpus::{self, Document, Kind};
use speechgen::label::gold::{fixture_gold, seed_gold, Gold};
use speechgen::label::learned::{self, Example, Model, Training};
use speechgen::label::{label_model, Params};
use speechgen::section::Section;

/// One labelled set: its name and its documents with their gold by (prefix, line).
struct Set {
    name: String,
    docs: Vec<(String, Document)>,
    gold: Gold,
}

fn txt_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir).map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    v.sort();
    v
}

/// The seed corpus, a set per file (so that holding one out keeps the others in training).
fn seed_sets(dir: &Path) -> Vec<Set> {
    let gold = seed_gold(&std::fs::read_to_string(dir.join("../corpus-notes/gold-labels.txt")).unwrap_or_default());
    txt_files(dir)
        .iter()
        .filter_map(|p| {
            let prefix: String = p.file_name()?.to_string_lossy().chars().take(3).collect();
            let doc = corpus::read_path(p).ok()?;
            Some(Set { name: format!("seed{prefix}"), docs: vec![(prefix, doc)], gold: gold.clone() })
        })
        .collect()
}

fn labelled_set(dir: &Path) -> Set {
    let (mut docs, mut gold) = (Vec::new(), Gold::new());
    for p in txt_files(dir) {
        let Ok(labels) = std::fs::read_to_string(p.with_extension("labels")) else { continue };
        let prefix = format!("{}/{}", dir.display(), p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default());
        let lines = std::fs::read_to_string(&p).map(|t| t.lines().count()).unwrap_or(0);
        gold.extend(fixture_gold(&prefix, &labels, lines));
        if let Ok(doc) = corpus::read_path(&p) {
            docs.push((prefix, doc));
        }
    }
    let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned());
    Set { name, docs, gold }
}

fn section_index(name: &str) -> Option<usize> {
    Section::ALL.iter().position(|s| s.name() == name)
}

fn examples(set: &Set, p: &Params) -> Vec<Example> {
    set.docs.iter().flat_map(|(prefix, doc)| learned::document_examples(doc, prefix, &set.gold, p)).collect()
}

/// (right, scored, per-section (right, gold)).
type Score = (usize, usize, [(usize, usize); 7]);

fn add(a: Score, b: Score) -> Score {
    (a.0 + b.0, a.1 + b.1, std::array::from_fn(|k| (a.2[k].0 + b.2[k].0, a.2[k].1 + b.2[k].1)))
}

/// The score over a set's gold body lines (gold `other` skipped).
fn score(set: &Set, p: &Params, model: Option<&Model>) -> Score {
    let (mut right, mut total, mut per) = (0, 0, [(0, 0); 7]);
    for (prefix, doc) in &set.docs {
        let mut got: Vec<Option<usize>> = vec![None; doc.paras.len()];
        for sp in &doc.speeches {
            for (k, l) in label_model(doc.speech_paras(sp), p, model).into_iter().enumerate() {
                if let Some(o) = got.get_mut(sp.start + k) {
                    *o = l.section.and_then(|s| section_index(s.name()));
                }
            }
        }
        for ln in &doc.lines {
            let Some(want) = set.gold.get(&(prefix.clone(), ln.no)).and_then(|g| section_index(g)) else { continue };
            if doc.paras.get(ln.para).is_none_or(|p| p.kind != Kind::Body) {
                continue;
            }
            let Some(g) = got.get(ln.para).copied().flatten() else { continue };
            total += 1;
            if g != want && model.is_some() && std::env::var_os("TRAIN_DUMP").is_some() {
                let name = |k: usize| Section::ALL.get(k).map_or("?", |s| s.name());
                let t: String = ln.text.chars().take(36).collect();
                eprintln!("{prefix}:{} want {} got {} | {t}", ln.no, name(want), name(g));
            }
            if let Some(s) = per.get_mut(want) {
                s.1 += 1;
                if g == want {
                    s.0 += 1;
                    right += 1;
                }
            }
        }
    }
    (right, total, per)
}

fn report(name: &str, (right, total, per): Score) -> String {
    let rec: Vec<String> = per.iter().zip(Section::ALL).filter(|(s, _)| s.1 > 0).map(|(s, n)| format!("{} {:.0}", &n.name()[..3], 100.0 * s.0 as f64 / s.1 as f64)).collect();
    format!("{name:>14}: {:5.1}% of {total:4}  [{}]", 100.0 * right as f64 / total.max(1) as f64, rec.join(" "))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut sets, mut eval, mut out, mut seed_weight) = (Vec::new(), false, None, 1.0);
    let mut t = Training::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => sets.extend(seed_sets(Path::new(&args.next().unwrap_or_default()))),
            "--eval" => eval = true,
            "--out" => out = args.next().map(PathBuf::from),
            "--epochs" => t.epochs = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.epochs),
            "--l2" => t.l2 = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.l2),
            "--min-count" => t.min_count = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.min_count),
            "--mix" => t.mix = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.mix),
            "--seed-weight" => seed_weight = args.next().and_then(|x| x.parse().ok()).unwrap_or(seed_weight),
            "--early" => t.early = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.early),
            "--late" => t.late = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.late),
            "--prune" => t.prune = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.prune),
            "--balance" => t.balance = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.balance),
            "--hand" => t.hand = args.next().and_then(|x| x.parse().ok()).unwrap_or(t.hand),
            dir => sets.push(labelled_set(Path::new(dir))),
        }
    }
    let p = Params::default();
    let ex: Vec<Vec<Example>> = sets
        .iter()
        .map(|s| {
            let mut e = examples(s, &p);
            if s.name.starts_with("seed") {
                e.iter_mut().for_each(|x| x.weight = seed_weight);
            }
            e
        })
        .collect();
    for (s, e) in sets.iter().zip(&ex) {
        eprintln!("{}: {} documents, {} training paragraphs", s.name, s.docs.len(), e.len());
    }
    if eval {
        // Held-out sums per group: (hand, learned).
        let mut groups: Vec<(&str, Score, Score)> = ["seed corpus", "own fixtures", "real batches", "all"].iter().map(|g| (*g, Score::default(), Score::default())).collect();
        for (i, s) in sets.iter().enumerate() {
            let train: Vec<Example> = ex.iter().enumerate().filter(|(j, _)| *j != i).flat_map(|(_, e)| e.iter().cloned()).collect();
            let m = learned::train(&train, &t);
            let a = score(s, &p, None);
            let b = score(s, &p, Some(&m));
            println!("{}\n{}", report(&format!("{} hand", s.name), a), report(&format!("{} learned", s.name), b));
            let group = if s.name.starts_with("seed") { 0 } else if s.name == "label" || s.name == "hard" { 1 } else { 2 };
            for (k, g) in groups.iter_mut().enumerate() {
                if k == group || k == 3 {
                    g.1 = add(g.1, a);
                    g.2 = add(g.2, b);
                }
            }
        }
        for (name, a, b) in groups {
            println!("{}\n{}", report(&format!("{name}, hand"), a), report(&format!("{name}, learned"), b));
        }
    }
    if let Some(path) = out {
        let all: Vec<Example> = ex.into_iter().flatten().collect();
        let m = learned::train(&all, &t);
        let names: Vec<&str> = sets.iter().map(|s| s.name.as_str()).collect();
        let header = format!(
            "The labeller's learned layer: written by examples/train_labeller.rs, do not edit.\nTrained on {} paragraphs of {} (epochs {}, l2 {}, min count {}).",
            all.len(),
            names.join(", "),
            t.epochs,
            t.l2,
            t.min_count
        );
        if let Err(e) = std::fs::write(&path, m.to_text(&header)) {
            eprintln!("{}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
