//! Entry text, compiled. Entries are Tera text restricted to what phrasing needs — `{{ slot }}`
//! and `{% if slot %}…{% elif … %}…{% else %}…{% endif %}` with `not`, `and`, `or` — so the bank
//! compiles in microseconds instead of a full Tera parse per entry. A test renders every built-in
//! entry both ways and compares.

use crate::slots::Slots;

#[derive(Debug, Clone)]
enum Seg {
    Lit(String),
    Slot(String),
    If { branches: Vec<(Cond, Vec<Seg>)>, otherwise: Vec<Seg> },
}

/// `a and not b or c`: a disjunction of conjunctions of (negated) slots.
#[derive(Debug, Clone)]
struct Cond(Vec<Vec<(bool, String)>>);

impl Cond {
    fn parse(s: &str) -> Result<Cond, String> {
        let mut any = Vec::new();
        for alt in s.split(" or ") {
            let mut all = Vec::new();
            for term in alt.split(" and ") {
                let term = term.trim();
                let (neg, name) = match term.strip_prefix("not ") {
                    Some(rest) => (true, rest.trim()),
                    None => (false, term),
                };
                if !is_path(name) {
                    return Err(format!("`{term}` is not a slot test"));
                }
                all.push((neg, name.to_owned()));
            }
            any.push(all);
        }
        Ok(Cond(any))
    }

    fn holds(&self, slots: &Slots) -> bool {
        self.0.iter().any(|all| all.iter().all(|(neg, name)| slots.get(name).is_some_and(|v| !v.is_empty()) != *neg))
    }
}

fn is_path(s: &str) -> bool {
    !s.is_empty() && s.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
}

/// A compiled entry text.
#[derive(Debug, Clone)]
pub struct Phrase(Vec<Seg>);

enum Tag {
    If(Cond),
    Elif(Cond),
    Else,
    Endif,
}

impl Phrase {
    /// Compiles entry text; the error says what is not supported.
    pub fn compile(text: &str) -> Result<Phrase, String> {
        let mut tokens = Vec::new();
        let mut rest = text;
        while !rest.is_empty() {
            let Some(i) = rest.find(['{']) else {
                tokens.push(Err(rest.to_owned()));
                break;
            };
            let after = &rest[i..];
            let kind = if after.starts_with("{{") { Some("}}") } else if after.starts_with("{%") { Some("%}") } else { None };
            let Some(close) = kind else {
                tokens.push(Err(rest[..i + 1].to_owned()));
                rest = &rest[i + 1..];
                continue;
            };
            if i > 0 {
                tokens.push(Err(rest[..i].to_owned()));
            }
            // The closer is looked for after the opener: `{%}` is an opener never closed.
            let end = after.get(2..).and_then(|a| a.find(close)).map(|e| e + 2).ok_or_else(|| format!("`{}` is never closed with `{close}`", &after[..2]))?;
            let inner = after[2..end].trim_matches(|c: char| c == '-' || c.is_whitespace());
            tokens.push(Ok((close == "}}", inner.to_owned())));
            rest = &after[end + 2..];
        }
        let mut stack: Vec<(Vec<(Cond, Vec<Seg>)>, Option<Vec<Seg>>, Vec<Seg>)> = Vec::new();
        let mut cur: Vec<Seg> = Vec::new();
        for t in tokens {
            match t {
                Err(lit) => cur.push(Seg::Lit(lit)),
                Ok((true, expr)) => {
                    if !is_path(&expr) {
                        return Err(format!("`{{{{ {expr} }}}}`: phrase text prints slots only, with no filters or expressions"));
                    }
                    cur.push(Seg::Slot(expr));
                }
                Ok((false, stmt)) => match parse_tag(&stmt)? {
                    Tag::If(c) => {
                        stack.push((vec![(c, Vec::new())], None, std::mem::take(&mut cur)));
                    }
                    Tag::Elif(c) => {
                        let top = stack.last_mut().ok_or("`elif` without `if`")?;
                        if top.1.is_some() {
                            return Err("`elif` after `else`".into());
                        }
                        if let Some(last) = top.0.last_mut() {
                            last.1 = std::mem::take(&mut cur);
                        }
                        top.0.push((c, Vec::new()));
                    }
                    Tag::Else => {
                        let top = stack.last_mut().ok_or("`else` without `if`")?;
                        if top.1.is_some() {
                            return Err("two `else` in one `if`".into());
                        }
                        if let Some(last) = top.0.last_mut() {
                            last.1 = std::mem::take(&mut cur);
                        }
                        top.1 = Some(Vec::new());
                    }
                    Tag::Endif => {
                        let (mut branches, otherwise, outer) = stack.pop().ok_or("`endif` without `if`")?;
                        let body = std::mem::replace(&mut cur, outer);
                        let otherwise = match otherwise {
                            Some(_) => body,
                            None => {
                                if let Some(last) = branches.last_mut() {
                                    last.1 = body;
                                }
                                Vec::new()
                            }
                        };
                        cur.push(Seg::If { branches, otherwise });
                    }
                },
            }
        }
        if !stack.is_empty() {
            return Err("`if` without `endif`".into());
        }
        Ok(Phrase(cur))
    }

    pub fn render(&self, slots: &Slots) -> String {
        let mut out = String::new();
        render_into(&self.0, slots, &mut out);
        out
    }
}

fn parse_tag(stmt: &str) -> Result<Tag, String> {
    let (word, rest) = stmt.split_once(' ').unwrap_or((stmt, ""));
    Ok(match word {
        "if" => Tag::If(Cond::parse(rest)?),
        "elif" => Tag::Elif(Cond::parse(rest)?),
        "else" if rest.trim().is_empty() => Tag::Else,
        "endif" if rest.trim().is_empty() => Tag::Endif,
        _ => return Err(format!("`{{% {stmt} %}}`: phrase text allows only if / elif / else / endif")),
    })
}

fn render_into(segs: &[Seg], slots: &Slots, out: &mut String) {
    for s in segs {
        match s {
            Seg::Lit(t) => out.push_str(t),
            Seg::Slot(p) => out.push_str(slots.get(p).unwrap_or("")),
            Seg::If { branches, otherwise } => {
                let body = branches.iter().find(|(c, _)| c.holds(slots)).map(|(_, b)| b).unwrap_or(otherwise);
                render_into(body, slots, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::parse_brief;
    use std::path::Path;

    fn slots(yaml: &str) -> Slots {
        let brief = parse_brief(yaml.as_bytes(), Path::new("t.yaml")).expect("test brief parses");
        Slots::new(&brief, 4)
    }

    fn check(text: &str, expected: &str) {
        let s = slots(crate::EXAMPLE_BRIEF);
        assert_eq!(Phrase::compile(text).map(|p| p.render(&s)).as_deref(), Ok(expected), "{text}");
    }

    #[test]
    fn slots_and_conditions() {
        check("{{ locality.all }}上下", "全区上下");
        check("{% if locality.superior %}在{{ locality.superior }}的领导下{% else %}在党的领导下{% endif %}", "在市委、市政府的领导下");
        check("{% if not speaker.on_behalf_of %}甲{% elif meeting.kind and locality.name %}乙{% endif %}", "乙");
        check("{%- if nothing_here or locality.level -%}有{%- endif -%}", "有");
        assert!(Phrase::compile("{{ x | upper }}").is_err());
        assert!(Phrase::compile("{% for x in y %}{% endfor %}").is_err());
        assert!(Phrase::compile("{% if a %}").is_err());
    }

    /// Every built-in entry renders the same through the subset as through Tera itself.
    #[test]
    fn the_subset_agrees_with_tera_on_the_builtin_bank() {
        let sparse = "meeting:\n  name: 全镇工作会议\n  topic: 乡村振兴\nspeaker:\n  title: 镇长\nlocality:\n  name: 柳林镇\ntasks:\n  - 抓好产业\n";
        let bank = crate::load_bank(&[]).expect("built-in bank");
        for slots in [slots(crate::EXAMPLE_BRIEF), slots(sparse)] {
            let ctx = tera::Context::from_serialize(&slots).expect("slots serialise");
            for (i, e) in bank.entries().iter().enumerate() {
                let want = tera::Tera::one_off(&e.text, &ctx, false).expect("tera renders the entry");
                assert_eq!(bank.render(i, &slots), want, "{}", e.id);
            }
        }
    }
}
