//! Numbered headings and inline enumerations: 一、 （一） 1、 1. （1） and 一是 一要 第一， 首先，

/// The value of a Chinese numeral of up to three characters (一 … 九十九); None otherwise.
pub fn chinese_number(s: &str) -> Option<usize> {
    fn digit(c: char) -> Option<usize> {
        "零一二三四五六七八九".chars().position(|d| d == c).or(if c == '两' { Some(2) } else { None })
    }
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c),
        ['十', u] => digit(*u).map(|u| 10 + u),
        [t, '十'] => digit(*t).map(|t| t * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

fn numeral_prefix(t: &str) -> (&str, &str) {
    let end = t.char_indices().find(|(_, c)| !matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')).map_or(t.len(), |(i, _)| i);
    (t.get(..end).unwrap_or(""), t.get(end..).unwrap_or(""))
}

/// A heading marker at the start of a paragraph: (level 1–3, its number, its length in bytes).
/// Level 1: 一、 第一部分 第一点要求：; level 2: （一）; level 3: 1、 1. （1） ①.
pub fn marker(t: &str) -> Option<(u8, usize, usize)> {
    let (num, rest) = numeral_prefix(t);
    if !num.is_empty() && num.chars().count() <= 3 {
        if let Some(n) = chinese_number(num) {
            if rest.starts_with('、') {
                return Some((1, n, num.len() + '、'.len_utf8()));
            }
        }
    }
    if let Some(after) = t.strip_prefix('第') {
        let (num, rest) = numeral_prefix(after);
        if let Some(n) = chinese_number(num) {
            for unit in ["部分", "点要求", "方面", "篇章"] {
                if let Some(r) = rest.strip_prefix(unit) {
                    let sep = r.chars().next().filter(|c| "：，、 ".contains(*c)).map_or(0, char::len_utf8);
                    return Some((1, n, t.len() - r.len() + sep));
                }
            }
        }
    }
    // A short paragraph of its own that opens with 第一， 首先， is a heading too.
    if t.chars().nth(30).is_none() && t.matches(['。', '！', '？']).count() <= 1 {
        if let Some(n) = inline_marker(t).filter(|_| t.starts_with('第') || t.starts_with("首先") || t.starts_with("其次")) {
            let len = t.find(['，', '、', '：']).map_or(0, |i| i + '，'.len_utf8());
            if len > 0 {
                return Some((1, n, len));
            }
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(after) = t.strip_prefix(open) {
            let (num, rest) = numeral_prefix(after);
            if let (Some(n), true) = (chinese_number(num), rest.starts_with(close)) {
                return Some((2, n, t.len() - rest.len() + close.len_utf8()));
            }
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            if (1..=2).contains(&digits) && after.get(digits..).is_some_and(|r| r.starts_with(close)) {
                let n = after.get(..digits).and_then(|d| d.parse().ok()).unwrap_or(0);
                return Some((3, n, open.len_utf8() + digits + close.len_utf8()));
            }
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = t.get(digits..).unwrap_or("");
        let mut it = rest.chars();
        if let (Some(sep), next) = (it.next(), it.next()) {
            let ok = match sep {
                '、' | '．' => true,
                '.' => !next.is_some_and(|c| c.is_ascii_digit()),
                _ => false,
            };
            if ok && next.is_some() {
                let n = t.get(..digits).and_then(|d| d.parse().ok()).unwrap_or(0);
                return Some((3, n, digits + sep.len_utf8()));
            }
        }
    }
    let first = t.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        return Some((3, first as usize - '①' as usize + 1, first.len_utf8()));
    }
    None
}

/// The length of a level-1 marker (一、) at the start, if there is one.
pub fn level1_len(t: &str) -> Option<usize> {
    match marker(t) {
        Some((1, _, len)) => Some(len),
        _ => None,
    }
}

/// An inline enumeration at the start: 一是 一要 第一， 首先， (its number; 首先 is 1, 其次 2).
pub fn inline_marker(t: &str) -> Option<usize> {
    let (num, rest) = numeral_prefix(t);
    if let Some(n) = chinese_number(num) {
        if ["是", "要", "抓", "靠", "看", "在", "把", "突出", "强化", "加强", "坚持"].iter().any(|w| rest.starts_with(w)) && num.chars().count() <= 2 {
            return Some(n);
        }
    }
    if let Some(after) = t.strip_prefix('第') {
        let (num, rest) = numeral_prefix(after);
        if let Some(n) = chinese_number(num) {
            if rest.starts_with(['，', '、', '：', '是']) {
                return Some(n);
            }
        }
    }
    for (w, n) in [("首先，", 1), ("其次，", 2), ("再次，", 3)] {
        if t.starts_with(w) {
            return Some(n);
        }
    }
    None
}

/// The heading's own words: the text after the marker up to the end of its first sentence,
/// without the final stop.
pub fn heading_words(t: &str, marker_len: usize) -> &str {
    let rest = t.get(marker_len..).unwrap_or("");
    let end = rest.find(['。', '！', '？', '：']).unwrap_or(rest.len());
    rest.get(..end).unwrap_or(rest)
}

/// The heading line as shown: marker and first sentence (`一、统一思想，提高认识`).
pub fn heading_line(t: &str) -> Option<String> {
    let (_, _, len) = marker(t)?;
    let words = heading_words(t, len);
    Some(format!("{}{}", t.get(..len).unwrap_or(""), words))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        assert_eq!(marker("一、统一思想").map(|m| (m.0, m.1)), Some((1, 1)));
        assert_eq!(marker("十二、其他").map(|m| (m.0, m.1)), Some((1, 12)));
        assert_eq!(marker("（三）抓好落实").map(|m| (m.0, m.1)), Some((2, 3)));
        assert_eq!(marker("(二)抓好落实").map(|m| (m.0, m.1)), Some((2, 2)));
        assert_eq!(marker("2、建立制度").map(|m| (m.0, m.1)), Some((3, 2)));
        assert_eq!(marker("2.建立制度").map(|m| (m.0, m.1)), Some((3, 2)));
        assert_eq!(marker("（4）建立制度").map(|m| (m.0, m.1)), Some((3, 4)));
        assert_eq!(marker("第二部分：任务").map(|m| (m.0, m.1)), Some((1, 2)));
        assert_eq!(marker("2.5亿元"), None);
        assert_eq!(marker("一是加强领导"), None);
        assert_eq!(marker("一年来，我们"), None);
        assert_eq!(inline_marker("一是加强领导"), Some(1));
        assert_eq!(inline_marker("第三，抓好落实"), Some(3));
        assert_eq!(inline_marker("一年来"), None);
        assert_eq!(heading_line("二、突出重点，狠抓落实。这是关键。").as_deref(), Some("二、突出重点，狠抓落实"));
    }
}
