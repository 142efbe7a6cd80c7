//! Decoding a corpus file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK, chosen
//! per file. Invalid bytes become U+FFFD and are counted; decoding never fails.

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

/// A decoded file.
#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `GB18030`.
    pub encoding: &'static str,
    /// Byte sequences that were invalid in that encoding and replaced by U+FFFD.
    pub replaced: usize,
}

/// Decodes the bytes of one file.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_vec(bytes.to_vec())
}

/// Decodes the bytes of one file, reusing their buffer when they are UTF-8 without a BOM (the
/// usual case: no second copy of a large file).
pub fn decode_vec(bytes: Vec<u8>) -> Decoded {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) if !text.starts_with('\u{feff}') => return Decoded { text, encoding: "UTF-8", replaced: 0 },
        Ok(text) => text.into_bytes(),
        Err(e) => e.into_bytes(),
    };
    let bytes = bytes.as_slice();
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, replaced) = utf8_lossy(rest);
        return Decoded { text, encoding: "UTF-8", replaced };
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return with(UTF_16LE, rest);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return with(UTF_16BE, rest);
    }
    let gb = with(GB18030, bytes);
    if gb.replaced == 0 {
        return gb;
    }
    let (text, replaced) = utf8_lossy(bytes);
    // A mostly-UTF-8 file with a few bad bytes stays UTF-8; otherwise take the fewer errors.
    if replaced <= gb.replaced {
        Decoded { text, encoding: "UTF-8", replaced }
    } else {
        gb
    }
}

fn with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    // A real U+FFFD in GB18030 or UTF-16 input is rare: every one counts as replaced.
    let replaced = text.chars().filter(|&c| c == '\u{fffd}').count();
    let name = if enc == GB18030 { "GB18030" } else { enc.name() };
    Decoded { text: text.into_owned(), encoding: name, replaced }
}

fn utf8_lossy(bytes: &[u8]) -> (String, usize) {
    let mut out = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            out.push('\u{fffd}');
            replaced += 1;
        }
    }
    (out, replaced)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "同志们：今天召开全县工作会议。";

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode(TEXT.as_bytes());
        assert_eq!((d.text.as_str(), d.encoding, d.replaced), (TEXT, "UTF-8", 0));
        let mut b = b"\xEF\xBB\xBF".to_vec();
        b.extend_from_slice(TEXT.as_bytes());
        assert_eq!(decode(&b).text, TEXT);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in TEXT.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).text, TEXT);
        assert_eq!(decode(&be).encoding, "UTF-16BE");
        assert_eq!(decode(&be).text, TEXT);
    }

    #[test]
    fn gbk_and_bad_bytes() {
        let (gb, _, _) = GB18030.encode(TEXT);
        let d = decode(&gb);
        assert_eq!((d.text.as_str(), d.encoding, d.replaced), (TEXT, "GB18030", 0));
        let mut bad = TEXT.as_bytes().to_vec();
        bad.insert(3, 0xFF);
        let d = decode(&bad);
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 1));
        assert!(d.text.contains('\u{fffd}'));
    }
}
