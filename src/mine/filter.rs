//! What keeps a sentence out of the bank after slotting: numbers, placeholders, deletion
//! artefacts, place and person names, counts, enumeration markers, Traditional characters,
//! other fields' words. Conservative: a sentence in doubt is dropped.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::slot::strip_slots;
use crate::bank::TopicTable;
use crate::corpus::clean::{hit, re};

/// True when a place name of the gazetteer stands in the text as a word of its own (the same
/// matcher `check` uses: 振兴 in 振兴和…, 长治久安 are not places).
fn place(t: &str) -> bool {
    !crate::check::places::gazetteer().find(t).is_empty()
}

/// Fixed phrases that hold a place name or a numeral but leak nothing.
const FORMULAS: &[&str] = &[
    "两个维护", "四个意识", "四个自信", "两个确立", "三严三实", "四个全面", "五位一体", "两学一做", "三会一课", "一岗双责",
    "两个责任", "三重一大", "四下基层", "五大发展理念", "新发展理念", "两个一百年", "千方百计", "千家万户", "万众一心",
    "三令五申", "七上八下", "四面八方", "千头万绪", "一年之计在于春", "千里之行", "九牛一毛", "三心二意", "四风",
    "十年树木，百年树人", "百年大计", "千秋万代", "万无一失", "千载难逢", "五湖四海", "三番五次", "七嘴八舌",
    "习近平新时代中国特色社会主义思想", "一把手", "一府两院", "三同时", "一网通办", "一带一路", "三农", "两不愁三保障", "一件事一次办", "一老一小", "两新一重", "一报告两评议", "精、气、神", "党中央", "中央", "全国", "全省", "中国", "长治久安", "朝阳产业",
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
/// A sentence tied to its moment (前不久, 正在进行的暑期补课) or to one place's own items: a quoted
/// slogan or rule that opens with a numeral (“五严”规定, “四化两型”; the national ones are in
/// FORMULAS and scrubbed first), a quoted list of one-character place names (“金、衢、丽”三地), a
/// school's or a project's own phase (海中二期).
static MOMENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"前不久|不久前|日前|近日|前些天|前几天|上个月|上周|昨天|前天|今天上午|今天下午|刚刚结束|正在进行的|暑期|寒假|“[一二三四五六七八九十两][^”]{0,6}”|“\p{Han}(、\p{Han})+”|\p{Han}中(扩|[一二三]期|新校|分校)|[一二三四五六七八九十两]期(工程|扩建|项目|建设)|[一二三四五]星级|《[^》]{2,40}》|我(刚|初)?来(时|的时候|时候)|我刚到|我到任|(^|[，、；：])[省市县区]\p{Han}{2,3}(局|办)|\p{Han}{2,4}(颜料|焦化|药业|化工|实业|钢铁|水泥|纸业|陶瓷|矿业|制药|电力|纺织)、\p{Han}{2,6}")
});
static PERSON: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"(\p{Han})(同志|书记|市长|县长|区长|镇长|乡长|主任|部长|局长|院长|厅长|省长|主席|总理|秘书长|委员长|组长|处长|科长|校长|行长|总经理|董事长)")
});
static LEADER: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"习近平|习总书记|总书记|(^|[，。；“])习(多次|曾|强调|指出|在|主席)|胡锦涛|江泽民|邓小平|毛泽东|李克强|温家宝|来[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青宁新藏桂蒙]"));
static TOWN: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(\p{Han})(镇|乡|村|街道|社区|省|市|县|区)"));
static UNIT_OURS: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"我[局行院厅委办所司部校]|本[局行院厅委办所司部校]|我们[局行院厅]"));
static ROAD: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(\p{Han})(路|大街|公园|广场|大道)"));
static MEETING: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"(\p{Han}{2})(工作会议|会议|大会|全会|座谈会|推进会)"));
static HALF_WIDTH: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"[,:;()!?]|\p{Han}\.|\.\p{Han}"));
/// Words of one institution or field that no general sentence should carry.
static DOMAIN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(r"法院|检察|干警|审判|林业|森工|房管|公安|局党委|局长|学校|学生|教师|高考|医院|银行|网吧|纺织|高速|铁路|文化活动|两节|总工会|发改委|工商|居委会|社区|街道|干部职工|职工|员工|企业管理|项目经理|施工|监理|党组|机关|常委会|委员会|代表大会|选举|换届|未成年人|营业|法治理念|法官|司法|(工信|教育|卫生|卫健|民政|交通|水利|财政|税务|国土|住建|环保|文化|旅游|农业|商务|统计|审计|人社|应急|政法|宣传|纪检|信访|质监|药监|粮食|供销|邮政|电力|金融)(战线|系统)")
});

/// Characters before a title word that make it generic (党委书记, 各位同志, 老同志…).
const GENERIC_BEFORE_TITLE: &str = "委党各位老的们员长副常务级和、，与及班届此这那本该诸个支总记任校人干工青女男新好群众院局部厅处科镇乡县市区省村组会队些多名正主大办站所中心家司行社界府团";
/// Characters before 镇 乡 村 街道 社区 省 市 县 区 that make the word generic (城乡, 全县, 农村…).
const GENERIC_BEFORE_PLACE: &str = "城乡农全各本我该小集村镇新重点色心丽明范谐困行然个有型远旧边进级到的和、在为两大街社区县市省乡镇外内山地下上中好贫示强美园郊老特建创设区务业部直属辖跨省同市";

/// Why a sentence is kept out of the bank (None: it may go in).
pub fn reject(text: &str) -> Option<&'static str> {
    let plain = strip_slots(text);
    static FORMULA: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(FORMULAS).ok());
    let scrubbed = scrub(&FORMULA, &plain);
    if hit(&ARTEFACT, &scrubbed) {
        return Some("placeholder, number or deletion");
    }
    if plain.matches('“').count() != plain.matches('”').count() || plain.contains(['"', '\'']) {
        return Some("unbalanced or stray quotes");
    }
    if hit(&MOMENT, &scrubbed) {
        return Some("moment or local item");
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
    if hit(&ENUMERATION, &scrubbed) || crate::bank::has_chain_marker(&scrubbed) {
        return Some("enumeration");
    }
    if hit(&DOMAIN, &scrubbed) {
        return Some("field");
    }
    if other_meeting(&scrubbed) {
        return Some("another meeting");
    }
    if hit(&LEADER, &scrubbed) || person(&scrubbed) {
        return Some("person");
    }
    // The gazetteer's lookup, the dearest test, goes last.
    if town(&scrubbed) || hit(&UNIT_OURS, &scrubbed) || road(&scrubbed) || before_slot(text) || place(&scrubbed) {
        return Some("place");
    }
    None
}

fn road(t: &str) -> bool {
    let Some(r) = ROAD.as_ref() else { return false };
    static COMMON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(ROAD_COMMON).ok());
    r.is_match(&scrub(&COMMON, t))
}

const ROAD_COMMON: &[&str] = &["路子", "路径", "路线", "路网", "道路", "思路", "出路", "新路", "老路", "走路", "门路", "弯路", "套路", "一路", "马路", "铁路", "公路", "水路", "网路", "线路", "销路", "前路", "退路", "来路", "去路", "半路", "歧路", "大道理", "阳光大道", "康庄大道", "主题公园", "公园城市"];

/// Another meeting named in full (全省森工政法工作会议精神): a fact of that speech.
fn other_meeting(t: &str) -> bool {
    let Some(r) = MEETING.as_ref() else { return false };
    const OK: [&str; 22] = ["这次", "本次", "此次", "这个", "今天", "天的", "各种", "各类", "专题", "全体", "重要", "有关", "相关", "召开", "参加", "出席", "一次", "开好", "次的", "样的", "么的", "常务"];
    // Group 1 is the match's first two characters: `find_iter` (a DFA) instead of captures.
    r.find_iter(t).any(|m| {
        let s = m.as_str();
        let two = s.char_indices().nth(2).map_or(s, |(i, _)| s.get(..i).unwrap_or(s));
        !OK.contains(&two)
    })
}

/// A name glued to a level slot (建德{{ locality.party }}): the slot took the level word of a
/// named place.
fn before_slot(text: &str) -> bool {
    const GENERIC: &str = "在由经向和与及对把将被让使给为是的了、，。“：；请按据照同报示于从到至全各本我该即其代表意根";
    let mut rest = text;
    while let Some(i) = rest.find("{{ locality.") {
        let before = rest.get(..i).and_then(|b| b.chars().last());
        if before.is_some_and(|c| crate::zh::is_han(c) && !GENERIC.contains(c)) {
            return true;
        }
        rest = rest.get(i + 2..).unwrap_or("");
    }
    false
}

fn person(t: &str) -> bool {
    let Some(r) = PERSON.as_ref() else { return false };
    // Group 1 is the match's first character: `find_iter` (a DFA) instead of captures.
    r.find_iter(t).any(|m| {
        let before = m.as_str().chars().next();
        let after = t.get(m.end()..).unwrap_or("");
        let plural = after.starts_with('们');
        !plural && before.is_some_and(|b| !GENERIC_BEFORE_TITLE.contains(b))
    })
}

fn town(t: &str) -> bool {
    let Some(r) = TOWN.as_ref() else { return false };
    static COMMON: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| AhoCorasick::builder().match_kind(aho_corasick::MatchKind::LeftmostLongest).build(TOWN_COMMON).ok());
    let s = scrub(&COMMON, t);
    // Group 1 is the match's first character: `find_iter` (a DFA) instead of captures.
    r.find_iter(&s).any(|m| m.as_str().chars().next().is_some_and(|b| !GENERIC_BEFORE_PLACE.contains(b)))
}

const TOWN_COMMON: &[&str] = &["乡村", "乡镇", "城镇", "村镇", "农村", "城乡", "城市", "市场", "市民", "县域", "区域", "社区", "村民", "村级",
        "村庄", "村干部", "市区", "县区", "社区", "地区", "园区", "小区", "景区", "辖区", "街区", "片区", "新区", "镇区", "城区",
        "山区", "库区", "矿区", "牧区", "灾区", "误区", "盲区", "社会", "乡风", "乡土", "乡贤", "家乡", "故乡", "下乡", "城市区",
        "区县", "县市", "省市", "市县", "省委", "省政府", "省级", "全省", "各省", "外省", "兄弟省", "先进省", "大省", "强省",
        "示范区", "开发区", "保护区", "功能区", "试验区", "自贸区", "集聚区", "核心区", "生活区", "住宅区", "工业区", "商业区"];

/// The text with every match of `ac` replaced by 〃.
fn scrub(ac: &Option<AhoCorasick>, t: &str) -> String {
    match ac {
        Some(ac) => {
            let mut out = String::with_capacity(t.len());
            ac.replace_all_with(t, &mut out, |_, _, dst| {
                dst.push('〃');
                true
            });
            out
        }
        None => t.to_owned(),
    }
}

/// Finds the topic tags whose field words or keywords a sentence uses.
pub struct TopicMatcher {
    ac: Option<AhoCorasick>,
    /// The tag of each pattern.
    tags: Vec<String>,
}

impl TopicMatcher {
    pub fn new(table: &TopicTable) -> TopicMatcher {
        let mut words = Vec::new();
        let mut tags = Vec::new();
        for t in table.topics() {
            for w in t.field_words.iter().chain(&t.keywords).filter(|w| w.chars().count() >= 2) {
                words.push(w.clone());
                tags.push(t.tag.clone());
            }
        }
        TopicMatcher { ac: AhoCorasick::new(&words).ok(), tags }
    }

    /// The tags found (sorted, deduplicated).
    pub fn topics_of(&self, text: &str) -> Vec<String> {
        let plain = strip_slots(text);
        let Some(ac) = &self.ac else { return Vec::new() };
        let mut out: Vec<String> = ac.find_overlapping_iter(&plain).filter_map(|m| self.tags.get(m.pattern().as_usize()).cloned()).collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_leaks() {
        for s in ["全县完成投资23亿元。", "新建三个园区。", "刚才，王县长作了很好的讲话。", "嘉荫县的经验值得学习。", "今年是“”收官之年。",
            "坚持党的、十八届三中全会精神。", "一是加强领导，二是压实责任。", "我们一是要把好入口关。", "我局高度重视这项工作。", "发展XX产业。", "朝阳镇的做法很好。",
            "下面，我讲三点意见。", "認真落實。", "要深入学习习近平总书记重要讲话精神。",
            "前不久，上级在我省“金、衢、丽”开展试点。", "要严格执行“五严”规定。", "启动海中二期扩建工程。", "避免“硬着陆”、争取软着陆”的局面。",
            "当前正在进行的暑期补课要规范。", "习多次论述党和法的关系。", "要按照《关于加强某项工作的通知》要求抓好落实。", "四星级高中要发挥示范作用。", "我们感到山东人敢闯敢干。", "更是全区工信系统真抓实干的结果。", "严厉查处接纳未成年人进入等违规行为。", "阳光颜料、科蓝煤焦化年内不能试生产。", "市商务局要会同市考核办定期督导。", "{{ period.review }}我刚来时候，日子也很难过。", "\"随着工程推进，成本控制更加重要。"] {
            assert!(reject(s).is_some(), "{s}");
        }
        for s in ["{{ locality.all }}上下要统一思想，提高认识。", "各级领导干部要以身作则，当好表率。", "同志们，让我们团结一心，真抓实干！",
            "要坚持以习近平新时代中国特色社会主义思想为指导。", "推进乡村振兴和新型城镇化。", "各位同志要增强“四个意识”。", "要把民生幸福建设摆在突出位置。"] {
            assert_eq!(reject(s), None, "{s}");
        }
    }
}
