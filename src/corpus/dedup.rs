//! Duplicate and near-duplicate speeches: 8-character shingles of the normalised text (sampled
//! one in 16 by hash, so memory stays a small fraction of the corpus); a speech is a duplicate when
//! 60% of its shingles occur in earlier speeches. Of two copies the better one is kept: no `**`
//! masks, more headings, longer.

use std::collections::HashMap;

const SHINGLE: usize = 8;
const SAMPLE: u64 = 16;
/// Containment at or above which a speech is a copy.
pub const THRESHOLD: f64 = 0.6;

/// The sampled shingle hashes of a text (letters and digits only), sorted and deduplicated.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> Vec<u64> {
    // Han characters first, then the common punctuation (none of it alphanumeric):
    // `char::is_alphanumeric` is a table search for them.
    let keep = |c: &char| {
        matches!(c, '\u{4e00}'..='\u{9fff}')
            || (!matches!(c, '，' | '。' | '、' | '：' | '；' | '“' | '”' | '！' | '？' | '（' | '）' | '《' | '》' | '—' | '…') && c.is_alphanumeric())
    };
    // The last SHINGLE characters, oldest at `seen % SHINGLE`.
    let mut ring = ['\0'; SHINGLE];
    let mut seen = 0usize;
    let mut out: Vec<u64> = Vec::new();
    for c in parts.into_iter().flat_map(str::chars).filter(keep) {
        if let Some(slot) = ring.get_mut(seen % SHINGLE) {
            *slot = c;
        }
        seen += 1;
        if seen < SHINGLE {
            continue;
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for k in 0..SHINGLE {
            let c = ring.get((seen + k) % SHINGLE).copied().unwrap_or('\0');
            h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
        }
        let h = h ^ (h >> 29);
        if h.is_multiple_of(SAMPLE) {
            out.push(h);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// How good a copy is: (no masks, level-1 headings, characters); higher is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quality {
    pub unmasked: bool,
    pub headings: usize,
    pub chars: usize,
}

/// The verdict on one speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Keep,
    /// A copy of an earlier speech (its index).
    Duplicate(usize),
    /// Kept; it replaces these earlier, worse copies (see `Dedup::replaced`).
    Replaces,
}

/// The shingles seen so far, in corpus order.
#[derive(Default)]
pub struct Dedup {
    owner: HashMap<u64, u32>,
    sizes: Vec<usize>,
    quality: Vec<Quality>,
    kept: Vec<bool>,
    /// Speeches dropped after they were kept, because a better copy came later.
    pub replaced: Vec<usize>,
}

impl Dedup {
    /// Judges the next speech (they get indexes 0, 1, 2… in call order).
    pub fn add(&mut self, fp: &[u64], quality: Quality) -> Verdict {
        let me = self.sizes.len();
        self.sizes.push(fp.len());
        self.quality.push(quality);
        let mut owners: HashMap<u32, usize> = HashMap::new();
        let mut hits = 0usize;
        for h in fp {
            if let Some(&o) = self.owner.get(h) {
                hits += 1;
                *owners.entry(o).or_default() += 1;
            }
        }
        let contained = !fp.is_empty() && hits as f64 >= THRESHOLD * fp.len() as f64;
        if !contained {
            self.kept.push(true);
            self.index(fp, me);
            return Verdict::Keep;
        }
        let mut rivals: Vec<usize> = owners
            .iter()
            .filter(|&(&o, &n)| {
                let o = o as usize;
                self.kept.get(o).copied().unwrap_or(false) && n as f64 >= THRESHOLD * self.sizes.get(o).copied().unwrap_or(usize::MAX) as f64
            })
            .map(|(&o, _)| o as usize)
            .collect();
        rivals.sort_unstable();
        let better = !rivals.is_empty() && rivals.iter().all(|&o| self.quality.get(o).is_some_and(|q| quality > *q));
        if better {
            for &o in &rivals {
                if let Some(k) = self.kept.get_mut(o) {
                    *k = false;
                }
                self.replaced.push(o);
            }
            self.kept.push(true);
            self.index(fp, me);
            return Verdict::Replaces;
        }
        self.kept.push(false);
        let first = owners.iter().max_by_key(|&(&o, &n)| (n, std::cmp::Reverse(o))).map_or(0, |(&o, _)| o as usize);
        Verdict::Duplicate(first)
    }

    fn index(&mut self, fp: &[u64], me: usize) {
        for &h in fp {
            self.owner.entry(h).or_insert(me as u32);
        }
    }

    /// True when speech `i` is kept at the end.
    pub fn is_kept(&self, i: usize) -> bool {
        self.kept.get(i).copied().unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "今天我们召开全县工作会议主要任务是总结去年工作部署今年任务刚才几位同志作了很好的发言我完全同意下面我讲三点意见第一要统一思想提高认识第二要突出重点狠抓落实第三要加强领导强化保障";

    fn q(unmasked: bool, headings: usize, chars: usize) -> Quality {
        Quality { unmasked, headings, chars }
    }

    #[test]
    fn drops_copies_and_keeps_the_better_one() {
        let mut d = Dedup::default();
        assert_eq!(d.add(&fingerprint([A]), q(false, 0, 100)), Verdict::Keep);
        assert_eq!(d.add(&fingerprint([A]), q(false, 0, 100)), Verdict::Duplicate(0));
        assert_eq!(d.add(&fingerprint([A, "另外还有一段话也要说一说"]), q(true, 3, 120)), Verdict::Replaces);
        assert_eq!(d.replaced, [0]);
        assert!(!d.is_kept(0) && !d.is_kept(1) && d.is_kept(2));
        assert_eq!(d.add(&fingerprint(["完全不同的一篇讲话，内容是安全生产和应急管理，要压实责任、排查隐患、确保平安"]), q(true, 0, 40)), Verdict::Keep);
    }
}
