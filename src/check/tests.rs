//! Rules on short Chinese texts: `check(input, expected)` with expected `(line, code)` pairs.

use super::*;

fn found(input: &str, brief: Option<&Brief>) -> Vec<(usize, &'static str)> {
    let opts = Options { brief, ..Options::default() };
    super::check(input, &opts).findings.iter().map(|f| (f.line, f.code)).collect()
}

fn check(input: &str, expected: &[(usize, &str)]) {
    assert_eq!(found(input, None), expected, "input:\n{input}");
}

#[test]
fn clean_text_passes() {
    check("# 在全区工作会议上的讲话\n\n同志们：\n\n今天，我们召开全区工作会议。一方面要一步一个脚印，另一方面要一级抓一级、举一反三。\n", &[]);
}

#[test]
fn placeholders() {
    check("党的xx大以来，我们在20xx年完成了×亿元投资。", &[(1, "placeholder"), (1, "placeholder"), (1, "placeholder")]);
    check("某某同志\n2026年__月\n{{ meeting.name }}\n【待补】\n今年是“”收官之年\n利润下降%", &[(1, "placeholder"), (2, "placeholder"), (3, "placeholder"), (4, "placeholder"), (5, "placeholder"), (6, "placeholder")]);
    check("实行7×24小时服务，X光检查，5G基站，Linux系统。", &[]);
}

#[test]
fn debris_traditional_half_width() {
    check("来源：瑞文范文网\n本文由一号文库整理", &[(1, "debris"), (2, "debris")]);
    check("全區經濟", &[(1, "traditional")]);
    check("全区经济,稳中有进", &[(1, "half-width")]);
    check("比例为3:1，总数1,000，版本v1.0 (beta)。", &[]);
}

#[test]
fn numbering() {
    check("一、甲\n二、乙\n四、丁", &[(3, "numbering")]);
    check("一、甲\n（一）子\n（三）卯\n二、乙\n（一）子", &[(3, "numbering")]);
    check("要做到：一是抓项目；三是抓招商。", &[(1, "numbering")]);
    check("一是抓项目。\n二是抓招商。\n三是抓服务。", &[]);
    check("第一，抓项目。第二，抓招商。第四，抓服务。", &[(1, "numbering")]);
    check("统一思想，一是一、二是二，第一次会议", &[]);
}

#[test]
fn a_paragraph_ending_in_a_title_word_is_no_title() {
    // …按时报告。 ends like 工作报告 but a sentence ends inside it: the speech goes on.
    check("同志们：\n\n下面，我讲两点意见。\n\n## 一、甲\n\n查找问题是为了解决问题。整改情况要按时报告。\n\n## 二、乙\n", &[]);
    check("同志们：\n\n下面，我讲两点意见。\n\n## 一、甲\n\n进展情况要及时报告。\n\n## 二、乙\n", &[]);
}

#[test]
fn counts() {
    check("下面，我讲三点意见。\n一、甲\n二、乙\n三、丙", &[]);
    check("下面，我讲三点意见。\n一、甲\n二、乙", &[(1, "count-mismatch")]);
    check("下面，我讲几点意见。\n一、甲\n二、乙", &[]);
    check("一、甲\n要抓好以下四项工作。\n（一）子\n（二）丑\n（三）寅\n二、乙", &[(2, "count-mismatch")]);
    check("主要有以下三个方面的问题：一是甲；二是乙。", &[(1, "count-mismatch")]);
    check("坚决做到两个维护，增强四个意识。一是甲。", &[]);
}

#[test]
fn repeats_and_long_paragraphs() {
    check("我们要坚定信心，真抓实干，奋勇争先。\n我们要坚定信心，真抓实干，奋勇争先。", &[(2, "repeated-sentence")]);
    let long = "发展".repeat(201);
    check(&long, &[(1, "long-paragraph")]);
}

#[test]
fn comments_and_marks_keep_columns() {
    let input = "<!-- speechgen 0.1.0 seed=7 XX -->\n## 一、总结成绩,鼓舞干劲";
    let r = super::check(input, &Options::default());
    let f: Vec<(usize, usize, &str)> = r.findings.iter().map(|f| (f.line, f.col, f.code)).collect();
    assert_eq!(f, [(2, 10, "half-width")]);
}

fn example_brief() -> Brief {
    let bytes = include_bytes!("../../examples/brief.yaml");
    crate::brief::parse_brief(bytes, std::path::Path::new("brief.yaml")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn brief_rules_on_short_texts() {
    let brief = example_brief();
    let got = found("# 在全区招商工作会议上的讲话\n\n区长　李明\n\n（2026年3月8日）\n\n同志们：\n\n要学习许昌经验，确保增长13%。\n", Some(&brief));
    for want in [(1, "meeting-mismatch"), (3, "speaker-mismatch"), (5, "date-mismatch"), (5, "unknown-number"), (9, "place-name"), (9, "unknown-number")] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    assert!(got.iter().filter(|f| f.1 == "missing-fact").count() >= 10, "{got:?}");
    // The locality, its short name and the brief's own numbers are fine.
    let got = found("临江区和临江的园区规上工业总产值增长10%以上，固定资产投资增长12%。", Some(&brief));
    assert!(!got.iter().any(|f| matches!(f.1, "place-name" | "unknown-number")), "{got:?}");
}

#[test]
fn odd_input_never_panics() {
    let brief = example_brief();
    let bits = ["一、", "（", "（一）", "1.", "(1)", "第", "第一，", "首先，", "一是", "是", "xx", "×", "【待", "{{", "<!--", "-->", "# ", "## ", "\r\n", "\n", "　", "许昌", "2026年", "1,000", "3.", "。", "%", "讲三点", "以下四个方面", "\u{fffd}", "會", "𠀀", ""];
    let mut input = String::new();
    for (i, a) in bits.iter().enumerate() {
        input.clear();
        for b in bits.iter().skip(i) {
            input.push_str(a);
            input.push_str(b);
            for opts in [Options::default(), Options { brief: Some(&brief), ..Options::default() }] {
                let r = super::check(&input, &opts);
                assert!(r.findings.iter().all(|f| f.line >= 1 && f.col >= 1));
            }
        }
    }
}
