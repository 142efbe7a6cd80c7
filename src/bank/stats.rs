//! `speechgen bank stats`: entries by section, role and topic.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::entry::Entry;
use crate::section::Section;

/// A plain-text table of counts.
pub fn stats(entries: &[Entry]) -> String {
    let mut by_role: BTreeMap<(Section, &str), (usize, usize)> = BTreeMap::new();
    let mut by_topic: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_section: BTreeMap<Section, usize> = BTreeMap::new();
    for e in entries {
        let slot = by_role.entry((e.section, e.role.as_str())).or_default();
        if e.is_general() {
            slot.0 += 1;
        } else {
            slot.1 += 1;
        }
        *by_section.entry(e.section).or_default() += 1;
        for t in &e.topics {
            *by_topic.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} entries", entries.len());
    let _ = writeln!(out, "\nby section and role (general + topic):");
    for section in Section::ALL {
        let Some(n) = by_section.get(&section) else { continue };
        let _ = writeln!(out, "  {:<10} {:<5} {n}", section.name(), section.chinese());
        for ((s, role), (g, t)) in &by_role {
            if *s == section {
                let _ = writeln!(out, "    {role:<14} {:>4} = {g} + {t}", g + t);
            }
        }
    }
    let _ = writeln!(out, "\nby topic:");
    for (topic, n) in &by_topic {
        let _ = writeln!(out, "  {topic}\t{n}");
    }
    out
}
