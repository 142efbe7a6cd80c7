//! The seed corpus's hand labels (`../shared/corpus-notes/gold-labels.txt`, format in its header),
//! read for measuring the labeller: by the unit evaluation in `eval` and by the integration tests.

use std::collections::BTreeMap;

/// Gold section (or "other") per (file prefix, line).
pub type Gold = BTreeMap<(String, usize), &'static str>;

pub fn gold_section(c: char) -> &'static str {
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

/// The seed corpus's gold file (format in its header; `X` counts as other).
pub fn seed_gold(text: &str) -> Gold {
    let mut blocks: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for l in text.lines().filter_map(|l| l.strip_prefix("# ")) {
        let f: Vec<&str> = l.split_whitespace().collect();
        if let [id, file, range, ..] = f.as_slice() {
            if let Some((_, b)) = range.split_once('-') {
                if let Ok(b) = b.parse() {
                    blocks.insert((*id).to_owned(), ((*file).to_owned(), b));
                }
            }
        }
    }
    let mut out = Gold::new();
    for l in text.lines().filter(|l| !l.starts_with('#') && l.len() > 6 && l.as_bytes().get(3) == Some(&b'-')) {
        let mut toks = l.split_whitespace();
        let Some(id) = toks.next() else { continue };
        let mut segs: Vec<(String, Vec<(usize, char)>)> = vec![(id.to_owned(), Vec::new())];
        for t in toks.filter(|t| *t != "|") {
            let t = t.trim_end_matches('.');
            let t = match t.split_once(':') {
                Some((b, rest)) => {
                    segs.push((b.to_owned(), Vec::new()));
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
            let Some((file, end)) = blocks.get(&b) else { continue };
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


/// A fixture label file: `LINE SECTION` rows, each section running to the next row.
pub fn fixture_gold(prefix: &str, text: &str, last_line: usize) -> Gold {
    let rows: Vec<(usize, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' ').and_then(|(n, s)| Some((n.trim().parse().ok()?, s.trim()))))
        .collect();
    let mut out = Gold::new();
    for (k, &(start, s)) in rows.iter().enumerate() {
        let stop = rows.get(k + 1).map_or(last_line, |n| n.0 - 1);
        let s: &'static str = crate::section::Section::ALL.iter().map(|x| x.name()).find(|n| *n == s).unwrap_or("other");
        for line in start..=stop {
            out.insert((prefix.to_owned(), line), s);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spans_and_continued_blocks() {
        let text = "# 000-01 000 1-9\n# 000-02 000 20-24\n000-01 2O 5A 8C | 000-02:21T\n";
        let g = seed_gold(text);
        let at = |line: usize| g.get(&("000".to_owned(), line)).copied();
        assert_eq!((at(1), at(2), at(4), at(5), at(7), at(9)), (None, Some("opening"), Some("opening"), Some("review"), Some("review"), Some("closing")));
        assert_eq!((at(20), at(21), at(24), at(25)), (None, Some("tasks"), Some("tasks"), None));
    }
}
