//! Chinese text: numerals, full-width punctuation, character counts. Pure functions, no I/O.

/// True for CJK ideographs (the characters a writer counts).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2ffff}')
}

/// Full-width punctuation and CJK symbols that count as "Chinese" neighbours.
fn is_cjk_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '”' | '‘' | '’' | '—' | '…')
}

fn is_chinese(c: char) -> bool {
    is_han(c) || is_cjk_punct(c)
}

/// Chinese numeral for 1..=99 (一 … 十 … 九十九); other values in Arabic digits.
pub fn numeral(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => D[n].to_owned(),
        10 => "十".to_owned(),
        11..=19 => format!("十{}", D[n - 10]),
        20..=99 if n % 10 == 0 => format!("{}十", D[n / 10]),
        20..=99 => format!("{}十{}", D[n / 10], D[n % 10]),
        _ => n.to_string(),
    }
}

/// Half-width , : ; ( ) ! ? that touch Chinese text become full width; the words are not touched.
/// A `(` that is converted takes its matching `)` with it.
pub fn full_width(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut open_converted: Vec<bool> = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { chars.get(i - 1).copied() } else { None };
        let next = chars.get(i + 1).copied();
        let near = prev.is_some_and(is_chinese) || next.is_some_and(is_chinese);
        let mapped = match c {
            ',' if near => '，',
            ':' if near => '：',
            ';' if near => '；',
            '!' if near => '！',
            '?' if near => '？',
            '(' => {
                // Convert when the parenthesis holds or touches Chinese.
                let inner_han = chars[i + 1..].iter().take_while(|&&x| x != ')').any(|&x| is_han(x));
                let conv = near || inner_han;
                open_converted.push(conv);
                if conv { '（' } else { '(' }
            }
            ')' => match open_converted.pop() {
                Some(true) => '）',
                Some(false) => ')',
                None if near => '）',
                None => ')',
            },
            _ => c,
        };
        out.push(mapped);
    }
    out
}

/// A brief value as it stands in a sentence: trimmed, full-width, without a closing 。；，、
pub fn clause(s: &str) -> String {
    let t = full_width(s.trim());
    t.trim_end_matches(['。', '；', '，', '、', '.', ';', ',']).to_owned()
}

/// Ends a clause with 。 unless it already ends with a closing mark.
pub fn sentence(s: &str) -> String {
    let c = clause(s);
    if c.ends_with(['！', '？', '。', '：']) { c } else { format!("{c}。") }
}

/// Characters that count towards a speech's length: everything but white space.
pub fn count_chars(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn hash_chars(w: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in w {
        h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The Han bigrams of a short text, sorted and deduplicated.
pub fn bigrams(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().filter(|&c| is_han(c)).collect();
    let mut out: Vec<String> = chars.windows(2).map(|w| w.iter().collect()).collect();
    out.sort();
    out.dedup();
    out
}

/// Hashes of the text's Han bigrams, sorted and deduplicated.
pub fn bigram_hashes(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for run in s.split(|c: char| !is_han(c)) {
        let chars: Vec<char> = run.chars().collect();
        out.extend(chars.windows(2).map(hash_chars));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Hashes of the text's runs of four Han characters (other characters break runs), sorted and
/// deduplicated: a cheap fingerprint for "these two sentences say the same thing".
pub fn grams4(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    for run in s.split(|c: char| !is_han(c)) {
        let chars: Vec<char> = run.chars().collect();
        out.extend(chars.windows(4).map(hash_chars));
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(full_width(input), expected, "input: {input}");
    }

    #[test]
    fn punctuation_becomes_full_width_next_to_chinese() {
        check("实现产值311.8亿元,同比增长12.5%", "实现产值311.8亿元，同比增长12.5%");
        check("目标:增长10%以上;确保完成!", "目标：增长10%以上；确保完成！");
        check("(含高新区)园区", "（含高新区）园区");
        check("比例3:1,总数1,000", "比例3:1，总数1,000");
        check("v1.0 (beta)", "v1.0 (beta)");
    }

    #[test]
    fn numerals() {
        let got: Vec<String> = [1, 4, 10, 11, 20, 23].iter().map(|&n| numeral(n)).collect();
        assert_eq!(got, ["一", "四", "十", "十一", "二十", "二十三"]);
    }

    #[test]
    fn clauses_and_sentences() {
        assert_eq!(sentence("新开工项目23个；"), "新开工项目23个。");
        assert_eq!(sentence("确保完成！"), "确保完成！");
        assert_eq!(clause(" 园区经济总量稳步扩大。 "), "园区经济总量稳步扩大");
    }
}
