//! Script detection: which characters are Traditional-only (changed by OpenCC t2s and never part
//! of correct Simplified text). The table is `data/traditional.txt`, derived from OpenCC's
//! dictionary by `data/gen_traditional.py`, embedded here and indexed once.

use std::sync::OnceLock;

/// Pairs of a Traditional character and its Simplified form (會会), 32 to a line; `#` comments.
const TABLE: &str = include_str!("../data/traditional.txt");

/// First and last code point of the bitmap (CJK Extension A to the end of the BMP ideographs).
const BMP_LO: u32 = 0x3400;
const BMP_HI: u32 = 0x9fff;

struct Index {
    /// One bit per code point in BMP_LO..=BMP_HI.
    bits: Vec<u64>,
    /// (Traditional, Simplified), sorted by the Traditional character.
    pairs: Vec<(char, char)>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut pairs = Vec::with_capacity(3300);
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut it = line.chars();
            while let (Some(t), Some(s)) = (it.next(), it.next()) {
                pairs.push((t, s));
            }
        }
        pairs.sort_unstable();
        let mut bits = vec![0u64; ((BMP_HI - BMP_LO) as usize) / 64 + 1];
        for &(t, _) in &pairs {
            let cp = t as u32;
            if (BMP_LO..=BMP_HI).contains(&cp) {
                let i = (cp - BMP_LO) as usize;
                if let Some(w) = bits.get_mut(i / 64) {
                    *w |= 1 << (i % 64);
                }
            }
        }
        Index { bits, pairs }
    })
}

/// True for a character that only Traditional Chinese uses.
pub fn is_traditional(c: char) -> bool {
    let cp = c as u32;
    if cp < BMP_LO {
        return false;
    }
    let idx = index();
    if cp <= BMP_HI {
        let i = (cp - BMP_LO) as usize;
        return idx.bits.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0);
    }
    idx.pairs.binary_search_by_key(&c, |p| p.0).is_ok()
}

/// The Simplified form OpenCC t2s gives a Traditional-only character.
pub fn simplified(c: char) -> Option<char> {
    let idx = index();
    idx.pairs.binary_search_by_key(&c, |p| p.0).ok().and_then(|i| idx.pairs.get(i)).map(|p| p.1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spots_traditional() {
        assert!(is_traditional('會'));
        assert!(!is_traditional('会'));
        assert_eq!(simplified('會'), Some('会'));
        assert_eq!(simplified('会'), None);
    }

    #[test]
    fn simplified_text_is_clean() {
        // Characters t2s changes in some words but that correct Simplified text uses.
        for c in "乾坤於徵夥麽著瞭覆藉凌矽干后里台面".chars() {
            assert!(!is_traditional(c), "{c}");
        }
        let text = "在市委、市政府的坚强领导下，全区上下凝心聚力，经济社会发展取得显著成效。";
        assert!(!text.chars().any(is_traditional));
    }

    #[test]
    fn table_is_complete() {
        assert!(index().pairs.len() > 3000);
        for c in "發實區業們進會經幹為個現強濟務體產設創點題開時眾來態問這對機".chars() {
            assert!(is_traditional(c), "{c}");
        }
    }
}
