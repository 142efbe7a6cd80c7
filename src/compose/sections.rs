//! What each section is made of: the brief's facts in order, the bank sentences around them, and
//! the growth slots the length budget may fill.

use crate::brief::{Achievement, Brief, Layout};
use crate::draft::{Sentence, Source};
use crate::error::Result;
use crate::plan::{HeadingPlan, Plan};
use crate::section::Section;
use crate::zh;

use super::parts::{Mode, Part, Piece, SectionParts, Skeleton};
use super::pick::{Picker, Require};

fn fact(text: &str, path: String) -> Sentence {
    Sentence { text: zh::sentence(text), source: Source::Brief { path } }
}

/// Facts numbered 一是、二是… when there are two or more.
fn chain(facts: Vec<Sentence>) -> Vec<Piece> {
    super::parts::numbered(facts, true).into_iter().map(Piece::Fixed).collect()
}

pub struct Ctx<'b, 'p, 'a> {
    pub brief: &'b Brief,
    pub bank: &'b crate::bank::Bank,
    pub plan: &'p Plan,
    pub picker: &'p mut Picker<'a>,
    pub sk: &'p mut Skeleton,
}

impl Ctx<'_, '_, '_> {
    fn heading(&mut self, section: Section, parts: &mut Vec<Part>) -> Result<()> {
        if let Some(HeadingPlan::Bank { from, role, .. }) = self.plan.heading_at(section).cloned() {
            let s = self.picker.must(from, role, Require::Any)?;
            parts.push(Part::Heading { level: 1, text: zh::clause(&s.text), source: s.source });
        }
        Ok(())
    }

    fn push(&mut self, section: Section, parts: Vec<Part>) {
        self.sk.sections.push(SectionParts { section, parts });
    }

    pub fn opening(&mut self) -> Result<Sentence> {
        let s = Section::Opening;
        let salutation = self.picker.must(s, "salutation", Require::Any)?;
        let mut body = Vec::new();
        if !self.brief.meeting.preceded_by.is_empty() {
            body.push(Piece::Fixed(self.picker.must(s, "context", Require::Uses("meeting.preceded"))?));
        }
        body.push(Piece::Slot(self.sk.slot(s, "context", Require::Avoids("meeting.preceded"), 1, 2, Mode::Inline)));
        body.push(Piece::Slot(self.sk.slot(s, "purpose", Require::Any, 1, 1, Mode::Inline)));
        self.push(s, vec![Part::Para(vec![Piece::Fixed(salutation)]), Part::Para(body)]);
        self.picker.must(s, "agenda", Require::Any)
    }

    pub fn review(&mut self) -> Result<()> {
        let s = Section::Review;
        let mut parts = Vec::new();
        self.heading(s, &mut parts)?;
        let first = self.picker.must(s, "lead", Require::Any)?;
        // A lead that opens 总体来看… has summed up already: the judgement follows without 总的看.
        let summed = first.text.starts_with('总');
        let mut lead = vec![Piece::Fixed(first)];
        let folded = self.plan.layout == Layout::TasksFirst;
        if let Some(review) = &self.brief.review {
            if let Some(summary) = &review.summary {
                // The brief's overall judgement follows the lead as its conclusion.
                let mut f = fact(summary, "review.summary".into());
                if !f.text.starts_with('总') && !summed {
                    f.text = format!("总的看，{}", f.text);
                }
                self.picker.note_opening(&f.text);
                lead.push(Piece::Fixed(f));
            }
            let many = review.achievements.len() > 1;
            let mut plain_run: Vec<Piece> = Vec::new();
            let mut paras: Vec<Vec<Piece>> = Vec::new();
            for (i, a) in review.achievements.iter().enumerate() {
                let prefix = if many { format!("{}是", zh::numeral(i + 1)) } else { String::new() };
                let item = Piece::Slot(self.sk.slot(s, "item", Require::Items(1), 0, 1, Mode::Inline));
                match a {
                    Achievement::Plain(text) => {
                        let mut f = fact(text, format!("review.achievements[{i}]"));
                        f.text = format!("{prefix}{}", f.text);
                        plain_run.extend([Piece::Fixed(f), item]);
                    }
                    Achievement::Group(g) => {
                        if !plain_run.is_empty() {
                            paras.push(std::mem::take(&mut plain_run));
                        }
                        let mut title = fact(&g.title, format!("review.achievements[{i}].title"));
                        title.text = format!("{prefix}{}", title.text);
                        let facts: Vec<String> = g.facts.iter().map(|f| zh::clause(f)).collect();
                        let joined = fact(&facts.join("，"), format!("review.achievements[{i}].facts"));
                        paras.push(vec![Piece::Fixed(title), Piece::Fixed(joined), item]);
                    }
                }
            }
            if !plain_run.is_empty() {
                paras.push(plain_run);
            }
            if folded {
                lead.extend(paras.into_iter().flatten());
                parts.push(Part::Para(lead));
            } else {
                parts.push(Part::Para(lead));
                parts.extend(paras.into_iter().map(Part::Para));
            }
            let summary = Piece::Slot(self.sk.slot(s, "summary", Require::Items(review.achievements.len()), 0, 2, Mode::Inline));
            let credit = Piece::Slot(self.sk.slot(s, "credit", Require::Any, 0, 1, Mode::Inline));
            parts.push(Part::Para(vec![summary, credit]));
        } else {
            // No achievements in the brief: one general sentence, and no praise of results
            // nobody reported.
            parts.push(Part::Para(lead));
        }
        self.push(s, parts);
        Ok(())
    }

    pub fn problems(&mut self) -> Result<()> {
        let s = Section::Problems;
        let mut parts = Vec::new();
        self.heading(s, &mut parts)?;
        let n = self.brief.problems.as_ref().map_or(0, Vec::len);
        let require = Require::Items(n);
        let mut body = vec![Piece::Fixed(self.picker.must(s, "lead", require)?)];
        if let Some(problems) = &self.brief.problems {
            let many = problems.len() > 1;
            for (i, p) in problems.iter().enumerate() {
                let mut f = fact(p, format!("problems[{i}]"));
                if many {
                    f.text = format!("{}是{}", zh::numeral(i + 1), f.text);
                }
                body.push(Piece::Fixed(f));
                body.push(Piece::Slot(self.sk.slot(s, "item", Require::Items(1), 0, 1, Mode::Inline)));
            }
        }
        let wrap = Piece::Slot(self.sk.slot(s, "wrap", require, 1, 2, Mode::Inline));
        if self.plan.layout == Layout::TasksFirst {
            body.push(wrap);
            parts.push(Part::Para(body));
        } else {
            parts.push(Part::Para(body));
            parts.push(Part::Para(vec![wrap]));
        }
        self.push(s, parts);
        Ok(())
    }

    pub fn situation(&mut self) -> Result<()> {
        let s = Section::Situation;
        let mut parts = Vec::new();
        self.heading(s, &mut parts)?;
        let mut body = vec![Piece::Fixed(self.picker.must(s, "lead", Require::Any)?)];
        for (i, text) in self.brief.situation.iter().enumerate() {
            body.push(Piece::Fixed(fact(text, format!("situation[{i}]"))));
        }
        if self.plan.depth >= 2 {
            // A long speech says why the work matters before it counts the reasons.
            body.push(Piece::Slot(self.sk.slot(s, "point", Require::Any, 0, 2, Mode::Inline)));
        }
        let points = Piece::Slot(self.sk.slot(s, "point", Require::Any, 2, 4, Mode::Chain));
        if self.plan.layout == Layout::TasksFirst {
            body.push(points);
            parts.push(Part::Para(body));
        } else {
            parts.push(Part::Para(body));
            parts.push(Part::Para(vec![points]));
        }
        self.push(s, parts);
        Ok(())
    }

    pub fn tasks(&mut self) -> Result<()> {
        let s = Section::Tasks;
        let mut parts = Vec::new();
        self.heading(s, &mut parts)?;
        let tasks_first = self.plan.layout == Layout::TasksFirst;
        let targets = &self.brief.targets;
        if !targets.is_empty() {
            let lead = self.picker.must(s, "targets", Require::Any)?;
            let joined: Vec<String> = targets.iter().map(|t| zh::clause(t)).collect();
            parts.push(Part::Para(vec![Piece::Fixed(lead), Piece::Fixed(fact(&joined.join("；"), "targets".into()))]));
        }
        if !tasks_first {
            let require = Require::Items(self.brief.tasks.len());
            parts.push(Part::Para(vec![Piece::Fixed(self.picker.must(s, "lead", require)?)]));
        }
        let titles: Vec<&str> = self.brief.tasks.iter().map(|t| t.title()).collect();
        let clauses = self.clauses(&titles)?;
        for (i, task) in self.brief.tasks.iter().enumerate() {
            let level = if tasks_first { 1 } else { 2 };
            let mut text = zh::clause(task.title());
            if let Some(c) = clauses.get(i) {
                text = format!("{text}，{}", zh::clause(&c.text));
            }
            parts.push(Part::Heading { level, text, source: Source::Brief { path: format!("tasks[{i}].title") } });
            let points = task.points();
            let min = if points.is_empty() { 1 } else { 0 };
            // Points (要…) first; then the brief's points, more elaboration and a closing demand.
            let title = task.title();
            // A title in the meeting's own field (纪检监察干部队伍 at a 廉政 meeting) brings in no
            // other field its words happen to name (干部队伍 → 党建).
            let (named, meeting_own) = self.title_topics(title);
            let own = if meeting_own != 0 { meeting_own } else { named };
            parts.push(Part::Para(vec![Piece::Slot(self.sk.slot_about(s, "point", (min, 3), title, &titles, own))]));
            let facts = points.iter().enumerate().map(|(j, p)| fact(p, format!("tasks[{i}].points[{j}]"))).collect();
            let mut body = chain(facts);
            body.push(Piece::Slot(self.sk.slot_about(s, "point", (0, 3), title, &titles, own)));
            let requirement = Piece::Slot(self.sk.slot_about(s, "requirement", (0, 2), title, &titles, own));
            if self.plan.depth >= 2 && points.len() < 2 {
                // A long task is spelt out as a 一是…二是… chain of what it takes, after the
                // brief's own point (a task whose points are numbered already gets none); its
                // closing demands follow the chain.
                parts.push(Part::Para(body));
                let chain = self.sk.slot_about_as(Mode::Chain, s, "point", (0, 3), title, &titles, own);
                parts.push(Part::Para(vec![Piece::Slot(chain)]));
                parts.push(Part::Para(vec![requirement]));
            } else {
                body.push(requirement);
                parts.push(Part::Para(body));
            }
        }
        self.push(s, parts);
        Ok(())
    }

    /// The fields a task title names (topic mask), and those of them the meeting is about.
    fn title_topics(&self, title: &str) -> (u64, u64) {
        let named = self.bank.topic_mask(&self.bank.topics().infer([title]));
        (named, named & self.bank.topic_mask(&self.plan.topics))
    }

    /// Clauses that complete the task headings (突出项目建设，为高质量发展夯实支撑): for every
    /// task or for none, so the headings stay parallel; only when every title is a short phrase
    /// of its own, and never with a word of the title. Empty when the draft keeps bare titles.
    fn clauses(&mut self, titles: &[&str]) -> Result<Vec<Sentence>> {
        let short = |t: &&str| {
            let t = zh::clause(t);
            let n = t.chars().count();
            (4..=9).contains(&n) && t.chars().all(zh::is_han)
        };
        if titles.len() < 2 || !titles.iter().all(short) || !self.picker.coin(0.6) {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for t in titles {
            // The meeting's own fields only (a title's keywords can mislead: 党员教育 is not 教育),
            // the title's own among them preferred.
            let (_, own) = self.title_topics(t);
            let hint = super::pick::Affinity { avoid: zh::bigram_hashes(t), topics: own, ..Default::default() };
            match self.picker.pick_near(Section::Tasks, "clause", Require::Any, &hint)? {
                Some(c) => out.push(c),
                None => return Ok(Vec::new()),
            }
        }
        Ok(out)
    }

    pub fn guarantee(&mut self) -> Result<()> {
        let s = Section::Guarantee;
        let mut parts = Vec::new();
        self.heading(s, &mut parts)?;
        parts.push(Part::Paras(self.sk.slot(s, "point", Require::Any, 2, 4, Mode::Paras)));
        self.push(s, parts);
        Ok(())
    }

    pub fn closing(&mut self) -> Result<()> {
        let s = Section::Closing;
        let has_vision = self.brief.closing.as_ref().and_then(|c| c.vision.as_ref()).is_some();
        let require = if has_vision { Require::Uses("closing.vision") } else { Require::Any };
        let mut call = vec![Piece::Fixed(self.picker.must(s, "call", require)?)];
        if let Some(greeting) = self.picker.pick(s, "greeting", Require::Any)? {
            call.push(Piece::Fixed(greeting));
        }
        let thanks = self.picker.must(s, "thanks", Require::Any)?;
        self.push(s, vec![Part::Para(call), Part::Para(vec![Piece::Fixed(thanks)])]);
        Ok(())
    }
}
