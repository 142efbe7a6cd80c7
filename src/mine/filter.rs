//! What keeps a sentence out of the bank after slotting: numbers, placeholders, deletion
//! artefacts, place and person names, counts, enumeration markers, Traditional characters,
//! other fields' words. Conservative: a sentence in doubt is dropped.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::slot::strip_slots;
use crate::bank::TopicTable;
use crate::corpus::clean::{hit, re};

const GAZETTEER: &str = include_str!("../../data/gazetteer.tsv");
/// Ordinary words that overlap or contain a place name (振兴 in 振兴和…, 长治久安).
const LEXICON: &str = include_str!("../../data/lexicon.tsv");

static WORDS: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let words: Vec<&str> = LEXICON
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .filter(|w| w.chars().count() >= 2)
        .collect();
    AhoCorasick::new(words).ok()
});

/// True when a place name stands in the text as a word of its own: no ordinary word crosses
/// its edges or holds it.
fn place(t: &str) -> bool {
    let Some(ac) = PLACES.as_ref() else { return false };
    let words: Vec<(usize, usize)> = WORDS.as_ref().map_or(Vec::new(), |w| w.find_overlapping_iter(t).map(|m| (m.start(), m.end())).collect());
    ac.find_overlapping_iter(t).any(|m| {
        let (s, e) = (m.start(), m.end());
        !words.iter().any(|&(a, b)| (a < s && b > s && b <= e) || (a >= s && a < e && b > e) || (a <= s && b >= e && (a, b) != (s, e)))
    })
}

/// Place names: the gazetteer's full names and short names of two characters or more.
static PLACES: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let mut names: Vec<&str> = Vec::new();
    for line in GAZETTEER.lines().filter(|l| !l.starts_with('#')) {
        let mut f = line.split('\t').skip(1);
        if let (Some(full), Some(short)) = (f.next(), f.next()) {
            if !full.starts_with('-') {
                names.push(full);
            }
            if short.chars().count() >= 2 {
                names.push(short);
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    AhoCorasick::new(names).ok()
});

/// Fixed phrases that hold a place name or a numeral but leak nothing.
const FORMULAS: &[&str] = &[
    "两个维护", "四个意识", "四个自信", "两个确立", "三严三实", "四个全面", "五位一体", "两学一做", "三会一课", "一岗双责",
    "两个责任", "三重一大", "四下基层", "五大发展理念", "新发展理念", "两个一百年", "千方百计", "千家万户", "万众一心",
    "三令五申", "七上八下", "四面八方", "千头万绪", "一年之计在于春", "千里之行", "九牛一毛", "三心二意", "四风",
    "十年树木，百年树人", "百年大计", "千秋万代", "万无一失", "千载难逢", "五湖四海", "三番五次", "七嘴八舌",
    "习近平新时代中国特色社会主义思想", "党中央", "中央", "全国", "全省", "中国", "长治久安", "朝阳产业",
];

static NUMERAL_COUNT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"[两二三四五六七八九十百千万]+(个|项|家|名|条|次|届|年|月|日|天|倍|亿|万|人|所|座|批|户|亩|公里|点|件|大|中全会|五|周年|位|种|张|层|支|类|方面|步)|第[一二三四五六七八九十]+|[一二三四五六七八九十]+五”|以下[一二三四五六七八九十几]")
});
static ENUMERATION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(^|[，。；：、“])([一二三四五六七八九十][是要抓靠看]|第[一二三四五六七八九十]+[，、：是])|^(首先|其次|再次)[，]|[其再]次，|另一方面")
});
static ARTEFACT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"“”|‘’|《》|（）|【|】|党的[、和及以]|同志为的|为的[党领]|下降%|的的|、、|，，|。。|“、|、”|[，、]$|^[，、。：；）》”]|……|…|[×＊*_＿]|某某|[a-zA-Z0-9０-９]|\{\{[^}]*$")
});
static PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(\p{Han})(同志|书记|市长|县长|区长|镇长|乡长|主任|部长|局长|院长|厅长|省长|主席|总理|秘书长|委员长|组长|处长|科长|校长|行长|总经理|董事长)")
});
static LEADER: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"习近平|习总书记|总书记|胡锦涛|江泽民|邓小平|毛泽东|李克强|温家宝|来[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青宁新藏桂蒙]"));
static TOWN: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(\p{Han})(镇|乡|村|街道|社区|省|市|县|区)"));
static UNIT_OURS: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"我[局行院厅委办所司部校]|本[局行院厅委办所司部校]|我们[局行院厅]"));
static HALF_WIDTH: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"[,:;()!?]"));

/// Characters before a title word that make it generic (党委书记, 各位同志, 老同志…).
const GENERIC_BEFORE_TITLE: &str = "委党各位老的们员长副常务级和、，与及班届此这那本该诸个支总记任校人干工青女男新好群众院局部厅处科镇乡县市区省村组会队些多名正主大办站所中心家司行社界府团";
/// Characters before 镇 乡 村 街道 社区 省 市 县 区 that make the word generic (城乡, 全县, 农村…).
const GENERIC_BEFORE_PLACE: &str = "城乡农全各本我该小集村镇新重点色心丽明范谐困行然个有型远旧边进级到的和、在为两大街社区县市省乡镇外内山地下上中好贫示强美园郊老特建创设区务业部直属辖跨省同市";

/// Why a sentence is kept out of the bank (None: it may go in).
pub fn reject(text: &str) -> Option<&'static str> {
    let plain = strip_slots(text);
    let mut scrubbed = plain.clone();
    for f in FORMULAS {
        if scrubbed.contains(f) {
            scrubbed = scrubbed.replace(f, "〃");
        }
    }
    if hit(&ARTEFACT, &scrubbed) {
        return Some("placeholder, number or deletion");
    }
    if plain.chars().any(crate::script::is_traditional) {
        return Some("traditional");
    }
    if hit(&HALF_WIDTH, &plain) {
        return Some("half-width punctuation");
    }
    if hit(&NUMERAL_COUNT, &scrubbed) {
        return Some("count");
    }
    if hit(&ENUMERATION, &scrubbed) {
        return Some("enumeration");
    }
    if hit(&LEADER, &scrubbed) || person(&scrubbed) {
        return Some("person");
    }
    if place(&scrubbed) || town(&scrubbed) || hit(&UNIT_OURS, &scrubbed) {
        return Some("place");
    }
    None
}

fn person(t: &str) -> bool {
    let Some(r) = PERSON.as_ref() else { return false };
    r.captures_iter(t).any(|c| {
        let before = c.get(1).and_then(|m| m.as_str().chars().next());
        let after = c.get(0).map(|m| m.end()).and_then(|e| t.get(e..)).unwrap_or("");
        let plural = after.starts_with('们');
        !plural && before.is_some_and(|b| !GENERIC_BEFORE_TITLE.contains(b))
    })
}

fn town(t: &str) -> bool {
    let Some(r) = TOWN.as_ref() else { return false };
    let common = ["乡村", "乡镇", "城镇", "村镇", "农村", "城乡", "城市", "市场", "市民", "县域", "区域", "社区", "村民", "村级",
        "村庄", "村干部", "市区", "县区", "社区", "地区", "园区", "小区", "景区", "辖区", "街区", "片区", "新区", "镇区", "城区",
        "山区", "库区", "矿区", "牧区", "灾区", "误区", "盲区", "社会", "乡风", "乡土", "乡贤", "家乡", "故乡", "下乡", "城市区",
        "区县", "县市", "省市", "市县", "省委", "省政府", "省级", "全省", "各省", "外省", "兄弟省", "先进省", "大省", "强省",
        "示范区", "开发区", "保护区", "功能区", "试验区", "自贸区", "集聚区", "核心区", "生活区", "住宅区", "工业区", "商业区"];
    let mut s = t.to_owned();
    for w in common {
        if s.contains(w) {
            s = s.replace(w, "〃");
        }
    }
    r.captures_iter(&s).any(|c| c.get(1).and_then(|m| m.as_str().chars().next()).is_some_and(|b| !GENERIC_BEFORE_PLACE.contains(b)))
}

/// The topic tags whose field words or keywords the sentence uses (sorted, deduplicated).
pub fn topics_of(text: &str, table: &TopicTable) -> Vec<String> {
    let plain = strip_slots(text);
    let mut out: Vec<String> = table
        .topics()
        .iter()
        .filter(|t| t.field_words.iter().chain(&t.keywords).any(|w| w.chars().count() >= 2 && plain.contains(w.as_str())))
        .map(|t| t.tag.clone())
        .collect();
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_leaks() {
        for s in ["全县完成投资23亿元。", "新建三个园区。", "刚才，王县长作了很好的讲话。", "嘉荫县的经验值得学习。", "今年是“”收官之年。",
            "坚持党的、十八届三中全会精神。", "一是加强领导，二是压实责任。", "我局高度重视这项工作。", "发展XX产业。", "朝阳镇的做法很好。",
            "下面，我讲三点意见。", "認真落實。", "要深入学习习近平总书记重要讲话精神。"] {
            assert!(reject(s).is_some(), "{s}");
        }
        for s in ["{{ locality.all }}上下要统一思想，提高认识。", "各级领导干部要以身作则，当好表率。", "同志们，让我们团结一心，真抓实干！",
            "要坚持以习近平新时代中国特色社会主义思想为指导。", "推进乡村振兴和新型城镇化。", "各位同志要增强“四个意识”。"] {
            assert_eq!(reject(s), None, "{s}");
        }
    }
}
