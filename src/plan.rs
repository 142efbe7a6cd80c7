//! Brief → Plan: the layout, which sections the draft has, which of them carry a level-1 heading,
//! the length budget and the topic tags. No phrases are chosen here.

use crate::bank::TopicTable;
use crate::brief::{Brief, Layout};
use crate::section::Section;

/// Default target length in characters.
pub const DEFAULT_LENGTH: usize = 3000;
const MIN_LENGTH: usize = *crate::brief::LENGTHS.start() as usize;
const MAX_LENGTH: usize = *crate::brief::LENGTHS.end() as usize;

/// What a level-1 heading is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum HeadingPlan {
    /// A bank heading of this section and role, printed at the start of `at`.
    Bank { at: Section, from: Section, role: &'static str },
    /// Task `i`'s title as a level-1 heading (tasks-first).
    Task(usize),
}

#[derive(Debug, Clone)]
pub struct Plan {
    pub layout: Layout,
    /// The sections of the draft, in order.
    pub sections: Vec<Section>,
    /// Level-1 headings, in order.
    pub headings: Vec<HeadingPlan>,
    pub length: usize,
    pub topics: Vec<String>,
    /// Tags of the meeting's own topic and name (not of `meeting.tags`): these shape headings.
    pub primary_topics: Vec<String>,
    pub kind: String,
    pub month: Option<u8>,
    /// How far elaboration may stretch (1 for a default draft; more for long targets and for
    /// briefs with few tasks): inline slots take up to this multiple of their cap, and from 2 each
    /// task gets a 一是…二是… chain of its own and 认识形势 a second run of reasons.
    pub depth: usize,
}

impl Plan {
    /// `length` from the command line wins over the brief's.
    pub fn new(brief: &Brief, topics: &TopicTable, length: Option<usize>) -> Plan {
        let kind = brief.meeting.kind.clone().unwrap_or_default();
        let layout = brief.options.layout.unwrap_or(match kind.as_str() {
            "推进会" | "动员大会" | "动员会" | "部署会" => Layout::TasksFirst,
            "座谈会" | "调度会" => Layout::Compact,
            _ => Layout::Standard,
        });
        // The CLI and the brief refuse lengths outside 800–20,000; the library clamps them.
        let length = length.or(brief.options.length.map(|l| l as usize)).unwrap_or(DEFAULT_LENGTH).clamp(MIN_LENGTH, MAX_LENGTH);
        let weighty = matches!(kind.as_str(), "动员大会" | "三级干部大会" | "动员会");
        // A thin brief for a full-length speech needs 认识形势 to carry weight that would
        // otherwise become padding in the tasks.
        let thin = fact_count(brief) < 8 && length >= 2500;
        let with_situation = !brief.situation.is_empty() || weighty || length >= 4500 || thin;
        let with_guarantee = length >= 2500 || weighty || kind == "推进会";
        let sections: Vec<Section> = Section::ALL
            .into_iter()
            .filter(|s| match s {
                Section::Situation => with_situation,
                Section::Guarantee => with_guarantee,
                _ => true,
            })
            .collect();
        let has = |s: Section| sections.contains(&s);
        let bank = |at: Section, from: Section, role: &'static str| HeadingPlan::Bank { at, from, role };
        let mut headings = Vec::new();
        match layout {
            Layout::Standard => {
                if brief.review.is_some() {
                    headings.push(bank(Section::Review, Section::Review, "heading"));
                }
                if brief.problems.is_some() {
                    headings.push(bank(Section::Problems, Section::Problems, "heading"));
                }
                if has(Section::Situation) {
                    headings.push(bank(Section::Situation, Section::Situation, "heading"));
                }
                headings.push(bank(Section::Tasks, Section::Tasks, "heading"));
                if has(Section::Guarantee) {
                    headings.push(bank(Section::Guarantee, Section::Guarantee, "heading"));
                }
            }
            Layout::Compact => {
                if brief.review.is_some() || brief.problems.is_some() {
                    headings.push(bank(Section::Review, Section::Review, "heading_joint"));
                }
                let at = if has(Section::Situation) { Section::Situation } else { Section::Tasks };
                headings.push(bank(at, Section::Tasks, "heading"));
            }
            Layout::TasksFirst => {
                headings.extend((0..brief.tasks.len()).map(HeadingPlan::Task));
                if has(Section::Guarantee) {
                    headings.push(bank(Section::Guarantee, Section::Guarantee, "heading"));
                }
            }
        }
        Plan {
            layout,
            sections,
            headings,
            length,
            topics: infer_topics(brief, topics),
            primary_topics: topics.infer([brief.meeting.topic.as_str(), brief.meeting.name.as_str()]),
            kind,
            month: brief.meeting.date.map(|d| d.month),
            depth: depth(length, brief.tasks.len()),
        }
    }

    /// True when the section has a level-1 heading of its own at its start.
    pub fn heading_at(&self, section: Section) -> Option<&HeadingPlan> {
        self.headings.iter().find(|h| matches!(h, HeadingPlan::Bank { at, .. } if *at == section))
    }

    pub fn layout_name(&self) -> &'static str {
        match self.layout {
            Layout::Standard => "standard",
            Layout::Compact => "compact",
            Layout::TasksFirst => "tasks-first",
        }
    }
}

/// See `Plan::depth`: a task section of about half the target, of which a task's paragraphs
/// hold about 450 characters at depth 1.
fn depth(length: usize, tasks: usize) -> usize {
    let by_length = length.div_ceil(3500);
    let by_tasks = (length / 2).div_ceil(tasks.max(1) * 450);
    by_length.max(by_tasks).clamp(1, 6)
}

/// How many facts the brief gives (achievements and their facts, problems, targets, task points).
fn fact_count(brief: &Brief) -> usize {
    let review = brief.review.as_ref().map_or(0, |r| {
        r.achievements.iter().map(|a| match a { crate::brief::Achievement::Plain(_) => 1, crate::brief::Achievement::Group(g) => g.facts.len() }).sum()
    });
    review + brief.problems.as_ref().map_or(0, Vec::len) + brief.targets.len() + brief.tasks.iter().map(|t| t.points().len().max(1)).sum::<usize>()
}

/// Topic tags: the brief's own tags that the table knows, plus those its keywords find in the
/// meeting's topic, name and tags; the task titles are consulted only when that finds nothing.
pub fn infer_topics(brief: &Brief, table: &TopicTable) -> Vec<String> {
    let m = &brief.meeting;
    let mut texts: Vec<&str> = vec![m.topic.as_str(), m.name.as_str()];
    texts.extend(m.tags.iter().map(String::as_str));
    let mut tags = table.infer(texts.iter().copied());
    if tags.is_empty() {
        tags = table.infer(brief.tasks.iter().map(|t| t.title()));
    }
    tags
}
