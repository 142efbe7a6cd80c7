//! Serde types of the brief. Keys are English, values Chinese; unknown keys are refused.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    pub meeting: Meeting,
    pub speaker: Speaker,
    pub locality: Locality,
    /// 与会对象，如：各镇（街道）、区直各部门主要负责同志
    #[serde(default, deserialize_with = "text_opt")]
    pub audience: Option<String>,
    #[serde(default)]
    pub period: Period,
    /// 成绩回顾
    #[serde(default)]
    pub review: Option<Review>,
    /// 问题不足
    #[serde(default, deserialize_with = "non_empty_texts_opt")]
    #[schemars(length(min = 1))]
    pub problems: Option<Vec<String>>,
    /// 对形势的判断，用于“认识形势”
    #[serde(default, deserialize_with = "texts")]
    pub situation: Vec<String>,
    /// 今年的目标
    #[serde(default, deserialize_with = "texts")]
    pub targets: Vec<String>,
    /// 下步任务
    #[serde(deserialize_with = "non_empty")]
    #[schemars(length(min = 1))]
    pub tasks: Vec<Task>,
    #[serde(default)]
    pub closing: Option<Closing>,
    #[serde(default)]
    pub options: Options,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// 会议名称，如：全区工业园区工作会议
    #[serde(deserialize_with = "text")]
    pub name: String,
    /// 会议日期，YYYY-MM-DD
    #[serde(default)]
    pub date: Option<Date>,
    /// 会议类型：工作会议 动员大会 推进会 座谈会 表彰大会 总结大会 三级干部大会 …
    #[serde(default, deserialize_with = "text_opt")]
    pub kind: Option<String>,
    /// 会议主题，如：工业园区
    #[serde(deserialize_with = "text")]
    pub topic: String,
    /// 主题标签，引导用语选择；缺省时由主题推断
    #[serde(default, deserialize_with = "texts")]
    pub tags: Vec<String>,
    /// 本讲话之前的议程，如：王区长通报了2025年全区工业园区发展情况
    #[serde(default, deserialize_with = "texts")]
    pub preceded_by: Vec<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Speaker {
    /// 职务，如：区委书记
    #[serde(deserialize_with = "text")]
    pub title: String,
    #[serde(default, deserialize_with = "text_opt")]
    pub name: Option<String>,
    /// 代表谁讲话，如：区委、区政府
    #[serde(default, deserialize_with = "text_opt")]
    pub on_behalf_of: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Locality {
    /// 地方或单位名称，如：临江区
    #[serde(deserialize_with = "text")]
    pub name: String,
    /// 层级：省 市 县 区 乡镇 街道 村 单位；缺省时由名称后缀推断
    #[serde(default, deserialize_with = "text_opt")]
    pub level: Option<String>,
    /// 上级，如：市委、市政府
    #[serde(default, deserialize_with = "text_opt")]
    pub superior: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// 回顾的时段，如：2025年
    #[serde(default, deserialize_with = "text_opt")]
    pub review: Option<String>,
    /// 部署的时段，如：2026年
    #[serde(default, deserialize_with = "text_opt")]
    pub plan: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// 总体评价
    #[serde(default, deserialize_with = "text_opt")]
    pub summary: Option<String>,
    #[serde(deserialize_with = "non_empty")]
    #[schemars(length(min = 1))]
    pub achievements: Vec<Achievement>,
}

/// An achievement: a plain sentence, or a group of facts under a title.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Achievement {
    Plain(String),
    Group(Group),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    #[serde(deserialize_with = "text")]
    pub title: String,
    #[serde(deserialize_with = "non_empty_texts")]
    #[schemars(length(min = 1))]
    pub facts: Vec<String>,
}

/// A task: a title alone, or a title with points.
#[derive(Debug, Clone, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Task {
    Title(String),
    Full(TaskFull),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskFull {
    #[serde(deserialize_with = "text")]
    pub title: String,
    #[serde(default, deserialize_with = "texts")]
    pub points: Vec<String>,
}

impl Task {
    pub fn title(&self) -> &str {
        match self {
            Task::Title(t) => t,
            Task::Full(f) => &f.title,
        }
    }
    pub fn points(&self) -> &[String] {
        match self {
            Task::Title(_) => &[],
            Task::Full(f) => &f.points,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    /// 愿景，如：建设现代化工业强区
    #[serde(default, deserialize_with = "text_opt")]
    pub vision: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Options {
    /// 目标字数（汉字），默认 3000
    #[serde(default, deserialize_with = "length_opt")]
    #[schemars(range(min = 800, max = 20000))]
    pub length: Option<u32>,
    #[serde(default)]
    pub layout: Option<Layout>,
    #[serde(default)]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Layout {
    /// 成绩、问题、任务各为一个一级标题
    Standard,
    /// 两段式：成绩与问题一个标题，任务一个标题
    Compact,
    /// 成绩一两段带过，每项任务一个一级标题（推进会、动员大会）
    TasksFirst,
}

/// A calendar date, checked on load (2026-02-30 is refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses YYYY-MM-DD and checks the day exists.
    pub fn parse(s: &str) -> Option<Date> {
        let mut it = s.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?, it.next()?, it.next()?);
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let year: u16 = y.parse().ok()?;
        let month: u8 = m.parse().ok()?;
        let day: u8 = d.parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// 2026年3月6日
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "会议日期，YYYY-MM-DD，如 2026-03-06"
        })
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&format!("{:04}-{:02}-{:02}", self.year, self.month, self.day))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "“{s}” is not a real date in the form YYYY-MM-DD (e.g. 2026-03-06){HINT}write a day that exists, with a four-digit year and two-digit month and day, or leave date: out"
            ))
        })
    }
}

use crate::yaml::HINT;

fn blank_error<E: serde::de::Error>() -> E {
    E::custom(format!(
        "this value is empty; expected text{HINT}write the value (【待补】 marks one you do not know yet), or remove an optional key"
    ))
}

/// A non-blank string: brief values are facts, and an empty one would print as a hole.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s.trim().is_empty() {
            return Err(blank_error());
        }
        Ok(Text(s))
    }
}

fn text<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Text::deserialize(d).map(|t| t.0)
}

fn text_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<Text>::deserialize(d).map(|t| t.map(|t| t.0))
}

fn texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Vec::<Text>::deserialize(d).map(|v| v.into_iter().map(|t| t.0).collect())
}

fn non_empty_texts<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    non_empty::<D, Text>(d).map(|v| v.into_iter().map(|t| t.0).collect())
}

fn non_empty_texts_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    non_empty_texts(d).map(Some)
}

/// The target lengths a draft can sensibly have (the schema says the same).
pub const LENGTHS: std::ops::RangeInclusive<u32> = 800..=20000;

fn length_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    let Some(n) = Option::<u32>::deserialize(d)? else { return Ok(None) };
    if !LENGTHS.contains(&n) {
        return Err(serde::de::Error::custom(format!(
            "a target length of {n} characters is out of range{HINT}give a number from {} to {} (most speeches run 3000 to 6000)",
            LENGTHS.start(),
            LENGTHS.end()
        )));
    }
    Ok(Some(n))
}

/// A plain sentence or a mapping, told apart by the YAML itself (not by trying both in turn,
/// which would hide a misspelled key inside the mapping behind "matched no variant").
struct TextOrMap<T>(std::marker::PhantomData<T>, &'static str);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for TextOrMap<T> {
    type Value = Result<String, T>;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.1)
    }
    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
        if s.trim().is_empty() {
            return Err(blank_error());
        }
        Ok(Ok(s.to_owned()))
    }
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
        Ok(Ok(n.to_string()))
    }
    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
        Ok(Ok(n.to_string()))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, m: A) -> Result<Self::Value, A::Error> {
        T::deserialize(serde::de::value::MapAccessDeserializer::new(m)).map(Err)
    }
}

impl<'de> Deserialize<'de> for Achievement {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = d.deserialize_any(TextOrMap::<Group>(std::marker::PhantomData, "a sentence, or a mapping with title: and facts:"))?;
        Ok(v.map_or_else(Achievement::Group, Achievement::Plain))
    }
}

impl<'de> Deserialize<'de> for Task {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = d.deserialize_any(TextOrMap::<TaskFull>(std::marker::PhantomData, "a task title, or a mapping with title: and points:"))?;
        Ok(v.map_or_else(Task::Full, Task::Title))
    }
}

fn non_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    let v = Vec::<T>::deserialize(d)?;
    if v.is_empty() {
        return Err(serde::de::Error::custom(format!(
            "this list is empty{HINT}give at least one item (- …), or remove the key if it is optional"
        )));
    }
    Ok(v)
}
