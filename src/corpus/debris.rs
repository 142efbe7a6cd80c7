//! Web-page debris: the lines a site adds around a speech (site names, counters, footers, SEO
//! blurbs, paywall notes), and the watermarks and cuts it leaves inside a paragraph.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::{hit, re};
use crate::label::heading;

/// Web debris, as three regexes that each stay cheap: one unanchored set of literals (and short
/// spans after a literal), one anchored at the start, and the `标题（15篇）` form, which is tried
/// only on lines that end in 篇) or 篇）. A single combined regex made the lazy DFA thrash (the
/// bounded `.{2,60}` under an unanchored search) and was most of the cleaning time.
static DEBRIS_ANY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"小编|欢迎大家阅读|欢迎阅读|(范文|讲话稿|演讲稿|发言稿)是一种",
        r"|以下是.{0,30}(范文|讲话稿|发言稿|演讲稿)|(范文|讲话稿|发言稿|演讲稿|文章).{0,20}(供大家参考|仅供参考|希望对)",
        r"|希望对(你|您|大家)有所?帮助|页[,，]当前第",
        r"|一号文库|范文网|文库网|范文大全|第一范文|https?[:：]|www\.|\.com(?-u:\b)|\.cn(?-u:\b)",
        r"|来源于网友上传|不代表本站|阅读全部|需要先登录|(VIP|Vip|vip)(免费|会员|下载)|立即下载|免费下载",
        r"|全文共\d+字|当前显示\d+字|请认真阅读下面的提示|为你精心整理|办公文档之家|第\d+/\d+页|此处隐藏\d+字|下载后查看|版权声明|版权归|请勿转载|加入收藏|(素材|范文|公文|材料|资料)网|温馨提示|扫一扫|本文标题|链接地址|作者原创|(DOCX|docx)\s|由会员分享|定制代笔|海量(公文|范文)",
        r"|全文约\d+字|请下载后(阅读|编辑)|稿子汇|公文汇|(范文|总结|讲话稿)[_＿]|\s时间[:：]\s*\d{4}[-/.年]|点此注册|欢迎访问|^编号[:：]\s*\d{5,}|^[●■◆]?\s*(结束语|开场白)[:：]$",
    ))
});
static DEBRIS_START: LazyLock<Option<Regex>> = LazyLock::new(|| {
    re(concat!(
        r"^(?:时间[:：].{0,40}作者[:：]",
        r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?$",
        r"|(来源|來源|作者|更新时间|发布时间|发布日期|发表时间|责任编辑|编辑|浏览次数|阅读次数|点击数|字数)[:：]",
        r"|(讲话稿|发言稿|演讲稿|范文)。?$",
        r"|\d{1,3}$|\d{1,3}/\d{1,3}$|第\d+页|共\d+页",
        r"|(相关范文推荐|相关推荐|猜您喜欢|猜你喜欢|热门推荐|本站热搜|热门标签|熱門標籤|上一篇|下一篇|推荐阅读|延伸阅读|本文链接|版权声明|免责声明|返回目录|点击下载|下载全文|全文阅读)",
        r"|[-•·]\s*.{0,80}(文库|范文)",
        r"|(内容预览|编者按|投稿人|制定机关|索\s*引\s*号|您的位置)[:：]?|篇[一二三四五六七八九十]{1,2}[:：]$|预览结束|【文章共\d+字|[-—_=~]{3,}$",
        r"|(导语|导读|摘要)[:：]|时间[:：]\s*\d{4}|(购物车|我的足迹|正文复制|大家正在看|换一换|返回顶部|散会[！!。]?|阅读全文|[…\.\s·]+)$|公文搜|文库\s|©|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+\d{1,2}:\d{2}|上一页|THE END$|(编辑|责编|审核|校对)\s+\p{Han}{2,4}$|(分享到|当前位置[:：]|首页\s*[>＞]))",
    ))
});
/// `DEBRIS_ANY`'s file-name ending (…讲话.docx》), apart and only on lines holding doc or wps: in
/// `DEBRIS_ANY` its 。 sent the search to the lazy DFA after every full stop.
static DEBRIS_DOC: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"[.．。](docx?|wps)"));
static DEBRIS_COUNT: LazyLock<Option<Regex>> =
    LazyLock::new(|| re(r"^.{2,60}[（(](实用|案例|精选|通用|优选|热门|推荐|优秀|最新|汇总|合集)?\d+篇[)）]$"));

/// True for a line of web-page debris (site names, counters, footers, SEO blurbs).
pub fn is_debris(t: &str) -> bool {
    ((t.ends_with("篇)") || t.ends_with("篇）")) && hit(&DEBRIS_COUNT, t)) || hit(&DEBRIS_START, t) || debris_any(t)
}

/// `DEBRIS_ANY` with its file-name ending.
fn debris_any(t: &str) -> bool {
    hit(&DEBRIS_ANY, t) || ((t.contains("doc") || t.contains("wps")) && hit(&DEBRIS_DOC, t))
}

/// A paywall's cut inside a paragraph (…“成绩单” ……(某某网省略893字,正式会员可完整阅读)…… 这些成绩…)
/// becomes a plain ……, so that the text on both sides stays one paragraph.
pub(super) fn without_elision(t: String) -> String {
    static CUT: LazyLock<Option<Regex>> =
        LazyLock::new(|| re(r"[…\s]*[（(][^（()）]{0,80}(省略|隐藏)\d+字[^（()）]{0,40}[）)][…\s]*"));
    match CUT.as_ref() {
        Some(r) if r.is_match(&t) => {
            let out = r.replace_all(&t, "……").into_owned();
            if out == "……" { String::new() } else { out }
        }
        _ => t,
    }
}

/// A paragraph with a site's watermark after it (…我讲三点意见： 稿子汇 www.…, …的X%。 公文汇，
/// 办公文档之家): the text up to its last stop before the mark, when that is a paragraph's worth.
pub(super) fn before_watermark(t: &str) -> Option<String> {
    static MARK: LazyLock<Option<Regex>> = LazyLock::new(|| re(r"https?://|www\.|文库|办公文档之家|范文网|公文汇|稿子汇"));
    let m = MARK.as_ref()?.find(t)?;
    let head = t.get(..m.start())?;
    // The mark must be the line's first debris: an SEO blurb (以下是……范文) goes whole.
    if debris_any(head) {
        return None;
    }
    // A heading carries no stop: `一、…严峻形势 公文汇，办公文档之家` keeps the heading.
    let heading = head.trim_end();
    if heading.len() < head.len() && heading::marker(heading).is_some() && heading.chars().count() >= 6 {
        return (!is_debris(heading)).then(|| heading.to_owned());
    }
    let (k, c) = head.char_indices().rev().find(|(_, c)| "。！？：；".contains(*c))?;
    let kept = head.get(..k + c.len_utf8())?;
    (kept.chars().count() >= 15 && !is_debris(kept)).then(|| kept.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::clean::normalize_line;

    #[test]
    fn debris_lines() {
        for l in ["在工作会议上的讲话(实用19篇)", "时间:2031-04-02 09:15:07 作者:编辑部", "2023-01-13", "12", "2/", "页,当前第。",
            "相关范文推荐", "- 某某方案(5篇材料)一号文库", "来源:某某范文網", "上一篇:某某材料下一篇:另一材料",
            "导语:本文来源于网友上传,不代表本站观点", "(未完,全文共2001字,当前显示475字)", "上一页 [1] [2]", "散会!", "……", "© 版权声明", "THE END", "---此处隐藏7476字，下载后查看---", "编辑 刘佳妮", "... ...", "2024-10-28 06:20:05 某某素材网", "文章版权归作者所有，未经允许请勿转载。", "微信扫一扫在手机阅读、分享本文", "阅读全文", "············",
            "招商引资 讲话 DOCX   7页   下载0", "文库 实用文档 经验交流发言",
            "前言:本站为你精心整理了县长发言", "在汛期安全工作会议上的讲话汇编-45篇(第14/15页)", "时间:2022-03-25 06:42:00", "购物车", "正文复制", "(阅读全部图文内容,您需要先登录!)", "加入Vip免费下载 立即下载",
            "内容预览:", "编者按:本文回顾了一年来的工作", "投稿人:1234 发布时间:2030/1/2", "篇二:", "索 引 号: | abc/2030-01 |", "您的位置:某某网>>讲话",
            "预览结束,扫码获取全文", "【文章共1900字,仅供参考】", "-------", "在全镇某某会上的讲话.docx", "《某某讲话.docx》由会员分享,可在线阅读", "素材库:https://example.org/",
            "全文约2226字,请下载后阅读、编辑。", "稿子汇,范文学习文库", "乡镇上半年总结范文_乡镇农业服务中心上半年工作总结", "半年总结 时间:2021-09-04", "新来的客人【点此注册】查看文章", "您好,欢迎访问某某文档", "编号:376444859在全县大会上的讲话", "●结束语:"] {
            assert!(is_debris(&normalize_line(l)) || normalize_line(l).is_empty() || l == "2/", "{l}");
        }
        for l in ["同志们：", "这次会议很重要，供大家参考的材料已经印发。", "一、统一思想，提高认识"] {
            assert!(!is_debris(l), "{l}");
        }
    }
}
