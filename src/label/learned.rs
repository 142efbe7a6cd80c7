//! The learned layer of the labeller: a multinomial logistic model over a paragraph's words
//! (character pairs of the paragraph and of its headings), tense, length and block bins, and the
//! hand-set evidence itself. Its log-probabilities are added to the chain's emissions for the
//! first `early` paragraphs of a speech only: most of the labelled speeches it learns from are
//! web excerpts that hold just a speech's beginning, and past that it did worse than the hand-set
//! evidence on whole speeches held out. It has no position features for the same reason (an
//! excerpt's last paragraph is not a speech's). The shipped weights (`model.txt`, embedded) are
//! written by `cargo run --release --example train_labeller`; without them (or if the file does
//! not parse) the labeller is the hand-set one.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use super::context::Speech;
use super::N;

/// The shipped weights.
const SHIPPED: &str = include_str!("model.txt");

static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::parse(SHIPPED));

/// The shipped model, if its file holds one.
pub fn shipped() -> Option<&'static Model> {
    MODEL.as_ref()
}

/// The keys are FNV hashes already: a map on them needs no second hash (SipHash on every one of
/// a paragraph's few hundred lookups cost a fifth of mining).
#[derive(Debug, Clone, Default)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(*b);
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

type Weights = HashMap<u64, [f32; N], std::hash::BuildHasherDefault<Prehashed>>;

/// FNV-1a from state `h` over `bytes`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// The state after a feature tag and its colon, from which its texts' keys continue.
fn tag_state(tag: &str) -> u64 {
    fnv(fnv(0xcbf2_9ce4_8422_2325, tag.as_bytes()), b":")
}

/// The key of a feature: FNV-1a over its name (`tag:text`).
fn key(tag: &str, text: &str) -> u64 {
    fnv(tag_state(tag), text.as_bytes())
}

/// Small numbers as feature texts, without formatting.
const NUMS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];

/// Calls `f(tag, text, key, value)` for every feature of body paragraph `i`.
fn each(s: &Speech, i: usize, f: &mut impl FnMut(&str, &str, u64, f32)) {
    let t = s.texts.get(i).copied().unwrap_or("");
    pairs("a", t, 400, f);
    pairs("h", s.top_words.get(i).copied().unwrap_or(""), 40, f);
    pairs("u", s.sub_words.get(i).copied().unwrap_or(""), 40, f);
    let mut one = |tag: &str, text: &str, v: f32| f(tag, text, key(tag, text), v);
    let bin = |x: f64, lo: f64, hi: f64, k: f64| NUMS.get(((x.clamp(lo, hi) - lo) / (hi - lo) * k).round() as usize).copied().unwrap_or("0");
    let d = s.tenses.get(i).copied().unwrap_or(0.0);
    one("d", bin(d, -4.0, 4.0, 8.0), 1.0);
    let b = s.block.get(i).copied().unwrap_or(0);
    if s.top.is_some() {
        one("b", bin(b as f64 / s.block_tense.len().max(1) as f64, 0.0, 1.0, 5.0), 1.0);
        one("bt", bin(s.block_tense.get(b).copied().unwrap_or(0.0), -8.0, 8.0, 8.0), 1.0);
    } else {
        one("b", "none", 1.0);
    }
    if let Some(Some((lvl, _, _))) = s.marks.get(i) {
        let name = match (*lvl, Some(*lvl) == s.top) {
            (1, true) => "1top",
            (2, true) => "2top",
            (3, true) => "3top",
            (1, false) => "1",
            (2, false) => "2",
            _ => "3",
        };
        one("m", name, 1.0);
    }
    let len = t.chars().count();
    one("l", bin((len as f64).ln(), 1.0, 7.0, 6.0), 1.0);
    if i > 0 && s.texts.get(i - 1).is_some_and(|t| crate::corpus::split::is_salutation(t)) {
        one("k", "aftersal", 1.0);
    }
    one("k", "bias", 1.0);
    for (k, x) in s.emit.get(i).copied().unwrap_or([0.0; N]).iter().enumerate() {
        one("e", NUMS.get(k).copied().unwrap_or("0"), (*x / 4.0) as f32);
    }
}

/// The character pairs of the first `max` characters of `t` (digits folded to one pair), each
/// worth 1/√count so that a long paragraph weighs no more than a short one.
fn pairs(tag: &str, t: &str, max: usize, f: &mut impl FnMut(&str, &str, u64, f32)) {
    let n = t.chars().take(max + 1).count();
    if n < 2 {
        return;
    }
    let v = 1.0 / ((n - 1) as f32).sqrt();
    let h0 = tag_state(tag);
    let digits = fnv(h0, b"#");
    let mut prev: Option<(usize, char)> = None;
    for (k, c) in t.char_indices().take(max + 1) {
        if let Some((start, p)) = prev {
            if p.is_whitespace() || c.is_whitespace() {
            } else if p.is_ascii_digit() || c.is_ascii_digit() {
                f(tag, "#", digits, v);
            } else if let Some(g) = t.get(start..k + c.len_utf8()) {
                f(tag, g, fnv(h0, g.as_bytes()), v);
            }
        }
        prev = Some((k, c));
    }
}

/// The features of body paragraph `i`, named, for training.
fn named(s: &Speech, i: usize) -> Vec<(String, f32)> {
    let mut out = Vec::new();
    each(s, i, &mut |tag, text, _, v| out.push((format!("{tag}:{text}"), v)));
    out
}

/// A trained model: weights per feature and how its scores join the hand-set ones.
#[derive(Debug, Clone)]
pub struct Model {
    weights: Weights,
    /// The weights by name, in name order: a trained model's, for `to_text` (a parsed one leaves
    /// it empty).
    named: Vec<(String, [f32; N])>,
    /// The emission is `mix` × the model's log-probability + `hand` × the hand-set evidence.
    pub mix: f64,
    pub hand: f64,
    /// Past paragraph `early` of a speech, `mix` is scaled by `late`: the excerpts that most of
    /// the training speeches are hold only their first dozen paragraphs.
    pub early: usize,
    pub late: f64,
}

impl Model {
    /// Reads the text form (`mix X`, `hand X`, then `name w0 … w6` rows, weights in hundredths); None when it holds no
    /// weights or a row is malformed (a broken file falls back to the hand-set labeller).
    pub fn parse(text: &str) -> Option<Model> {
        let mut m = Model { weights: Weights::default(), named: Vec::new(), mix: 1.0, hand: 0.0, early: usize::MAX, late: 1.0 };
        for l in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut it = l.split(' ');
            let name = it.next()?;
            let vals: Vec<f32> = it.map(|x| x.parse().ok()).collect::<Option<_>>()?;
            match (name, vals.as_slice()) {
                ("mix", [x]) => m.mix = f64::from(*x),
                ("early", [x]) => m.early = *x as usize,
                ("late", [x]) => m.late = f64::from(*x),
                ("hand", [x]) => m.hand = f64::from(*x),
                (_, v) if v.len() == N => {
                    let (tag, text) = name.split_once(':')?;
                    let r: [f32; N] = std::array::from_fn(|k| v.get(k).copied().unwrap_or(0.0) / 100.0);
                    m.weights.insert(key(tag, text), r);
                }
                _ => return None,
            }
        }
        (!m.weights.is_empty()).then_some(m)
    }

    /// The text form that `parse` reads, under a `#` header.
    pub fn to_text(&self, header: &str) -> String {
        let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
        out.push_str(&format!("mix {}\nhand {}\nearly {}\nlate {}\n", self.mix, self.hand, self.early, self.late));
        for (n, r) in &self.named {
            let vals: Vec<String> = r.iter().map(|x| ((x * 100.0).round() as i32).to_string()).collect();
            out.push_str(&format!("{n} {}\n", vals.join(" ")));
        }
        out
    }

    /// The chain's emission for body paragraph `i` of a speech: the model's log-probabilities
    /// mixed with the hand-set evidence.
    pub(crate) fn emission(&self, s: &Speech, i: usize) -> [f64; N] {
        let hand = s.emit.get(i).copied().unwrap_or([0.0; N]);
        let mix = if i >= self.early { self.mix * self.late } else { self.mix };
        if mix == 0.0 {
            return std::array::from_fn(|k| self.hand * hand[k]);
        }
        let mut z = [0.0f64; N];
        each(s, i, &mut |_, _, key, v| {
            if let Some(w) = self.weights.get(&key) {
                for (o, x) in z.iter_mut().zip(w) {
                    *o += f64::from(*x) * f64::from(v);
                }
            }
        });
        let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let lse = m + z.iter().map(|x| (x - m).exp()).sum::<f64>().ln();
        std::array::from_fn(|k| mix * (z[k] - lse) + self.hand * hand[k])
    }
}

/// One training paragraph: its named features and its gold section.
#[derive(Debug, Clone)]
pub struct Example {
    feats: Vec<(String, f32)>,
    gold: usize,
    /// How much the paragraph counts in the loss.
    pub weight: f64,
}

/// The training paragraphs of one speech: body paragraphs whose gold (by paragraph index into
/// `paras`) is one of the seven sections.
fn examples(paras: &[crate::corpus::Para], gold: &[Option<usize>], p: &super::Params) -> Vec<Example> {
    let s = Speech::read(paras, p);
    (0..s.texts.len())
        .filter_map(|j| {
            let g = s.body.get(j).and_then(|&i| gold.get(i)).copied().flatten()?;
            Some(Example { feats: named(&s, j), gold: g, weight: 1.0 })
        })
        .collect()
}

/// The training paragraphs of a labelled document (`gold` by file prefix and line): a paragraph
/// takes the section of its first gold line, `other` lines teach nothing.
pub fn document_examples(doc: &crate::corpus::Document, prefix: &str, gold: &super::gold::Gold, p: &super::Params) -> Vec<Example> {
    let mut g: Vec<Option<usize>> = vec![None; doc.paras.len()];
    for ln in &doc.lines {
        if let (Some(o), Some(s)) = (g.get_mut(ln.para), gold.get(&(prefix.to_owned(), ln.no))) {
            if o.is_none() {
                *o = crate::section::Section::ALL.iter().position(|x| x.name() == *s);
            }
        }
    }
    let mut out = Vec::new();
    for sp in &doc.speeches {
        let paras = doc.speech_paras(sp);
        out.extend(examples(paras, g.get(sp.start..sp.start + paras.len()).unwrap_or(&[]), p));
    }
    out
}

/// How to train.
#[derive(Debug, Clone)]
pub struct Training {
    pub epochs: usize,
    /// L2 strength per step.
    pub l2: f64,
    /// A feature must occur in this many paragraphs to be kept.
    pub min_count: usize,
    pub mix: f64,
    pub hand: f64,
    pub early: usize,
    pub late: f64,
    /// How far to even out the sections' frequencies (0: as they come; 1: every section weighs
    /// the same in the loss).
    pub balance: f64,
    /// Weights whose largest magnitude is below this are dropped.
    pub prune: f64,
}

impl Default for Training {
    /// The settings of the shipped model (chosen by holding out each labelled set in turn).
    fn default() -> Training {
        Training { epochs: 12, l2: 1e-4, min_count: 3, mix: 1.0, hand: 1.0, early: 12, late: 0.0, balance: 0.5, prune: 0.01 }
    }
}

/// Fits the model by AdaGrad on the log-loss, in a fixed order; deterministic.
pub fn train(data: &[Example], t: &Training) -> Model {
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for e in data {
        let mut seen: Vec<&str> = e.feats.iter().map(|f| f.0.as_str()).collect();
        seen.sort_unstable();
        seen.dedup();
        for s in seen {
            *count.entry(s).or_default() += 1;
        }
    }
    let names: Vec<&str> = count.iter().filter(|(n, c)| **c >= t.min_count || n.starts_with("e:") || n.starts_with("k:")).map(|(n, _)| *n).collect();
    let index: BTreeMap<&str, usize> = names.iter().enumerate().map(|(k, n)| (*n, k)).collect();
    // Per paragraph: (feature index, value) pairs, gold section, weight.
    type Row = (Vec<(usize, f64)>, usize, f64);
    let rows: Vec<Row> = data
        .iter()
        .map(|e| (e.feats.iter().filter_map(|(n, v)| Some((*index.get(n.as_str())?, f64::from(*v)))).collect(), e.gold, e.weight))
        .collect();
    let mut w = vec![[0.0f64; N]; names.len()];
    let mut g2 = vec![[1e-6f64; N]; names.len()];
    // A fixed interleaving instead of a shuffle: every 7th row, then the next offset.
    let order: Vec<usize> = (0..7).flat_map(|o| (o..rows.len()).step_by(7)).collect();
    let rate = 0.5;
    let mut freq = [0usize; N];
    for (_, g, _) in &rows {
        if let Some(f) = freq.get_mut(*g) {
            *f += 1;
        }
    }
    let mean = rows.len() as f64 / N as f64;
    let weight: [f64; N] = std::array::from_fn(|c| (mean / freq[c].max(1) as f64).powf(t.balance).min(10.0));
    for _ in 0..t.epochs {
        for &r in &order {
            let Some((fs, gold, ew)) = rows.get(r) else { continue };
            let mut z = [0.0f64; N];
            for &(k, v) in fs {
                for c in 0..N {
                    z[c] += w[k][c] * v;
                }
            }
            let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            let sum: f64 = z.iter().map(|x| (x - m).exp()).sum();
            for &(k, v) in fs {
                for c in 0..N {
                    let p = (z[c] - m).exp() / sum;
                    let g = ew * weight[*gold] * (p - if c == *gold { 1.0 } else { 0.0 }) * v + t.l2 * w[k][c];
                    g2[k][c] += g * g;
                    w[k][c] -= rate * g / g2[k][c].sqrt();
                }
            }
        }
    }
    let mut weights = Weights::default();
    let mut named = Vec::new();
    for (n, row) in names.iter().zip(&w) {
        if row.iter().any(|x| x.abs() >= t.prune) {
            let r: [f32; N] = std::array::from_fn(|c| (row[c] * 100.0).round() as f32 / 100.0);
            if let Some((tag, text)) = n.split_once(':') {
                weights.insert(key(tag, text), r);
            }
            named.push(((*n).to_owned(), r));
        }
    }
    Model { weights, named, mix: t.mix, hand: t.hand, early: t.early, late: t.late }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Kind, Para};
    use crate::label::Params;

    fn paras(texts: &[&str]) -> Vec<Para> {
        texts.iter().map(|t| Para { line: 1, last: 1, text: (*t).to_owned(), kind: Kind::Body }).collect()
    }

    /// Short speeches where the words alone tell a report (review, 1) from a demand (tasks, 4).
    fn data() -> Vec<Example> {
        let review = ["去年新建道路三十公里，完成投资一批。", "全年引进企业多家，税收明显增长。", "一年来，我们办成了一批民生实事。"];
        let tasks = ["今年要抓好道路建设，确保按期完工。", "要加大招商力度，力争引进更多企业。", "要着力办好民生实事，切实回应群众期盼。"];
        let mut out = Vec::new();
        for _ in 0..4 {
            for (r, t) in review.iter().zip(&tasks) {
                out.extend(examples(&paras(&[r, t]), &[Some(1), Some(4)], &Params::default()));
            }
        }
        out
    }

    fn training() -> Training {
        Training { epochs: 8, min_count: 2, hand: 0.0, balance: 0.0, prune: 0.0, ..Training::default() }
    }

    fn best(m: &Model, texts: &[&str], i: usize) -> usize {
        let p = paras(texts);
        let s = Speech::read(&p, &Params::default());
        let e = m.emission(&s, i);
        (0..N).fold(0, |b, k| if e[k] > e[b] { k } else { b })
    }

    #[test]
    fn learns_reports_from_demands() {
        let m = train(&data(), &training());
        let speech = ["今年要抓紧道路建设，确保完成投资。", "去年引进企业一批，完成了道路建设。"];
        assert_eq!(best(&m, &speech, 0), 4);
        assert_eq!(best(&m, &speech, 1), 1);
    }

    #[test]
    fn text_form_round_trips() {
        let m = train(&data(), &training());
        let back = Model::parse(&m.to_text("test")).expect("parses");
        let p = paras(&["去年新建道路，税收增长。", "今年要抓好招商。"]);
        let s = Speech::read(&p, &Params::default());
        for i in 0..2 {
            let (a, b) = (m.emission(&s, i), back.emission(&s, i));
            assert!(a.iter().zip(&b).all(|(x, y)| (x - y).abs() < 0.05), "{a:?} {b:?}");
        }
        assert_eq!((back.early, back.late), (12, 0.0));
    }

    #[test]
    fn only_the_first_paragraphs_use_it() {
        let m = train(&data(), &training());
        let texts: Vec<&str> = std::iter::repeat_n("今年要抓好道路建设。", 14).collect();
        let p = paras(&texts);
        let s = Speech::read(&p, &Params::default());
        assert_eq!(m.emission(&s, 13), s.emit.get(13).copied().unwrap_or([1.0; N]).map(|x| x * m.hand));
        assert_ne!(m.emission(&s, 3), s.emit.get(3).copied().unwrap_or([1.0; N]).map(|x| x * m.hand));
    }

    #[test]
    fn a_broken_file_is_no_model() {
        assert!(Model::parse("mix 1\na:要求 1 2 3").is_none());
        assert!(Model::parse("# nothing").is_none());
        let shipped = shipped().expect("the shipped model parses");
        assert!(shipped.weights.len() > 1000 && shipped.early > 0);
    }
}
