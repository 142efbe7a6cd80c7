//! Plan + Bank + seed → Draft. The only code that draws random numbers (in `pick`).
//!
//! Sections are first built from the brief's facts and the sentences they cannot do without; then
//! growth slots are filled, section by section in proportion to real speeches, until the draft
//! reaches its target length. Facts are never cut.

mod parts;
mod pick;
mod sections;

use crate::bank::Bank;
use crate::brief::Brief;
use crate::draft::{Block, Draft, Meta, SectionDraft, Sentence};
use crate::error::Result;
use crate::plan::Plan;
use crate::section::Section;
use crate::slots::Slots;
use crate::zh;

use parts::Skeleton;
use pick::Picker;
use sections::Ctx;

/// A composed draft, with notes for the writer (printed on stderr by the CLI).
pub struct Composed {
    pub draft: Draft,
    pub notes: Vec<String>,
}

/// How much of a speech each section takes, after real speeches (NOTES §4, median characters).
fn share(section: Section) -> f64 {
    match section {
        Section::Opening => 0.05,
        Section::Review => 0.16,
        Section::Problems => 0.08,
        Section::Situation => 0.13,
        Section::Tasks => 0.44,
        Section::Guarantee => 0.11,
        Section::Closing => 0.03,
    }
}

pub fn compose(brief: &Brief, bank: &Bank, plan: &Plan, seed: u64, brief_name: &str) -> Result<Composed> {
    compose_avoiding(brief, bank, plan, seed, brief_name, "")
}

/// Like `compose`, but never draws a sentence that already stands in `avoid` (the rest of a draft
/// whose one section is being rewritten).
pub fn compose_avoiding(brief: &Brief, bank: &Bank, plan: &Plan, seed: u64, brief_name: &str, avoid: &str) -> Result<Composed> {
    let slots = Slots::new(brief, plan.headings.len());
    let mut picker = Picker::new(bank, &slots, seed, plan, avoid);
    let mut sk = Skeleton::default();
    let agenda = {
        let mut ctx = Ctx { brief, bank, plan, picker: &mut picker, sk: &mut sk };
        let agenda = ctx.opening()?;
        for &s in &plan.sections {
            match s {
                Section::Opening | Section::Closing => {}
                Section::Review => ctx.review()?,
                Section::Problems => ctx.problems()?,
                Section::Situation => ctx.situation()?,
                Section::Tasks => ctx.tasks()?,
                Section::Guarantee => ctx.guarantee()?,
            }
        }
        ctx.closing()?;
        agenda
    };
    let agenda_len = zh::count_chars(&agenda.text);
    fill_minimum(&mut sk, &mut picker)?;
    let mut notes = Vec::new();
    let frame_len: usize = plan.sections.iter().map(|&s| sk.section_len(s)).sum::<usize>() + agenda_len;
    if frame_len as f64 > plan.length as f64 * 1.1 {
        notes.push(format!(
            "the brief's facts and the draft's frame already come to {frame_len} characters, more than the target of {} (+10%); nothing was cut — raise options.length or --length",
            plan.length
        ));
    }
    grow(&mut sk, &mut picker, plan, agenda_len)?;

    let mut sections: Vec<SectionDraft> = sk
        .flatten()
        .into_iter()
        .map(|(section, blocks)| SectionDraft { section, name: section.name(), blocks })
        .collect();
    place_agenda(&mut sections, agenda);
    let mut draft = Draft {
        meta: Meta {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            seed,
            brief: brief_name.to_owned(),
            layout: plan.layout_name().to_owned(),
            topics: plan.topics.clone(),
            length_target: plan.length,
            length: 0,
        },
        title: format!("在{}上的讲话", slots.meeting.name),
        speaker_line: match &brief.speaker.name {
            Some(n) if !n.trim().is_empty() => format!("{}　{}", slots.speaker.title, zh::clause(n)),
            _ => slots.speaker.title.clone(),
        },
        date_line: brief.meeting.date.map(|d| format!("（{}）", d.chinese())),
        sections,
    };
    draft.meta.length = draft.body_length();
    let (lo, hi) = (plan.length as f64 * 0.9, plan.length as f64 * 1.1);
    if (draft.meta.length as f64) < lo {
        notes.push(format!(
            "the draft has {} characters, short of the target of {}: the brief gives too little to say at that length without padding; add facts (achievements, problems, task points) or lower the target",
            draft.meta.length, plan.length
        ));
    } else if draft.meta.length as f64 > hi && notes.is_empty() {
        notes.push(format!("the draft has {} characters, more than the target of {}", draft.meta.length, plan.length));
    }
    Ok(Composed { draft, notes })
}

/// Fills every slot to its minimum, in order.
fn fill_minimum(sk: &mut Skeleton, picker: &mut Picker) -> Result<()> {
    for i in 0..sk.slots.len() {
        while sk.slots[i].filled.len() < sk.slots[i].min {
            let slot = &mut sk.slots[i];
            match picker.pick_cached(slot.section, slot.role, slot.require, &slot.hint, &mut slot.cache)? {
                Some(s) => sk.slots[i].push(s),
                None => {
                    sk.slots[i].open = false;
                    break;
                }
            }
        }
    }
    Ok(())
}

/// Adds sentences where the draft is furthest below its proportions, until the target is reached.
/// Slots first grow to their base size; when the draft is still short, they may grow further
/// (stage 2, 3, …) up to their caps.
fn grow(sk: &mut Skeleton, picker: &mut Picker, plan: &Plan, agenda_len: usize) -> Result<()> {
    let total_share: f64 = plan.sections.iter().map(|&s| share(s)).sum();
    let target = plan.length as f64;
    let mut stage = 1;
    // Long drafts let elaboration run longer (split into paragraphs when flattened).
    let scale = plan.depth;
    let mut lens: Vec<(Section, usize)> = plan.sections.iter().map(|&s| (s, sk.section_len(s))).collect();
    loop {
        let total = lens.iter().map(|x| x.1).sum::<usize>() + agenda_len;
        if total as f64 >= target * 0.98 {
            return Ok(());
        }
        // The section furthest below its share (as a fraction of its share) that can still grow.
        let grows = |s: Section, sk: &Skeleton| sk.slots.iter().any(|x| x.section == s && x.can_grow(stage, scale));
        let Some((section, _)) = lens
            .iter()
            .filter(|(s, _)| grows(*s, sk))
            .map(|&(s, len)| (s, len as f64 / (target * share(s) / total_share)))
            .min_by(|a, b| a.1.total_cmp(&b.1))
        else {
            if stage >= 3 * scale + 1 {
                return Ok(());
            }
            stage += 1;
            continue;
        };
        let Some(i) = (0..sk.slots.len())
            .filter(|&i| sk.slots[i].section == section && sk.slots[i].can_grow(stage, scale))
            .min_by_key(|&i| (sk.slots[i].filled.len(), i))
        else {
            return Ok(());
        };
        let slot = &mut sk.slots[i];
        match picker.pick_cached(slot.section, slot.role, slot.require, &slot.hint, &mut slot.cache)? {
            Some(s) => {
                let after = total + zh::count_chars(&s.text);
                if after as f64 > target * 1.06 && (after as f64 - target) > (target - total as f64) {
                    sk.slots[i].open = false;
                } else {
                    let before = sk.slots[i].chars_now();
                    sk.slots[i].push(s);
                    let grown = sk.slots[i].chars_now() - before;
                    if let Some(l) = lens.iter_mut().find(|l| l.0 == section) {
                        l.1 += grown;
                    }
                }
            }
            None => sk.slots[i].open = false,
        }
    }
}

/// The agenda (下面，我讲三点意见。) closes the opening when the first level-1 heading follows it;
/// otherwise it stands as its own paragraph just before that heading.
fn place_agenda(sections: &mut [SectionDraft], agenda: Sentence) {
    let first_heading = sections.iter().enumerate().find_map(|(si, s)| {
        s.blocks.iter().position(|b| matches!(b, Block::Heading { level: 1, .. })).map(|bi| (si, bi))
    });
    let Some((si, bi)) = first_heading else {
        // No level-1 heading: the opening simply ends with it.
        if let Some(Block::Paragraph { sentences }) = sections.first_mut().and_then(|s| s.blocks.last_mut()) {
            sentences.push(agenda);
        }
        return;
    };
    let opening_last = sections.first().map(|s| s.section == Section::Opening).unwrap_or(false)
        && sections[..si].iter().skip(1).all(|s| s.blocks.is_empty())
        && bi == 0;
    if opening_last {
        if let Some(Block::Paragraph { sentences }) = sections[0].blocks.last_mut() {
            sentences.push(agenda);
            return;
        }
    }
    sections[si].blocks.insert(bi, Block::Paragraph { sentences: vec![agenda] });
}
