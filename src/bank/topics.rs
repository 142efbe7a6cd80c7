//! The topic keyword table (`topics.yaml` in a bank): which tags a meeting has, and which words
//! mark a sentence as belonging to a field.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub tag: String,
    /// Words that, found in the meeting's topic, tags or task titles, give this tag.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Words distinctive of the field: off-topic in a speech about another field.
    #[serde(default)]
    pub field_words: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct TopicTable {
    topics: Vec<Topic>,
}

impl TopicTable {
    /// Adds a layer's topics: a known tag gains the new words, a new tag is appended.
    pub fn merge(&mut self, more: Vec<Topic>) {
        for t in more {
            match self.topics.iter_mut().find(|x| x.tag == t.tag) {
                Some(x) => {
                    for k in t.keywords {
                        if !x.keywords.contains(&k) {
                            x.keywords.push(k);
                        }
                    }
                    for w in t.field_words {
                        if !x.field_words.contains(&w) {
                            x.field_words.push(w);
                        }
                    }
                }
                None => self.topics.push(t),
            }
        }
    }

    pub fn topics(&self) -> &[Topic] {
        &self.topics
    }

    pub fn is_tag(&self, tag: &str) -> bool {
        self.topics.iter().any(|t| t.tag == tag)
    }

    /// Tags whose keywords occur in any of the texts (or that equal one of them), in table order.
    /// The tag's name alone is not a keyword: 教育 must not tag 党员教育管理.
    pub fn infer<'a>(&self, texts: impl IntoIterator<Item = &'a str> + Clone) -> Vec<String> {
        self.topics
            .iter()
            .filter(|t| {
                texts.clone().into_iter().any(|text| {
                    text == t.tag || t.keywords.iter().any(|k| !k.is_empty() && text.contains(k.as_str()))
                })
            })
            .map(|t| t.tag.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_come_from_keywords() {
        let mut table = TopicTable::default();
        table.merge(vec![
            Topic { tag: "安全生产".into(), keywords: vec!["安全生产".into(), "隐患".into()], field_words: vec![] },
            Topic { tag: "教育".into(), keywords: vec!["学校".into(), "教育工作".into()], field_words: vec![] },
        ]);
        assert_eq!(table.infer(["全县安全生产工作会议"]), ["安全生产"]);
        assert_eq!(table.infer(["全县教育工作会议", "学校"]), ["教育"]);
        assert!(table.infer(["全区工作会议"]).is_empty());
        assert_eq!(table.infer(["教育"]), ["教育"]);
        assert!(table.infer(["加强党员教育管理"]).is_empty());
    }
}
