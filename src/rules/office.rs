//! `office`: a person given a title for an office they did not hold
//! (`Polish Prime Minister Andrzej Duda` — Duda was President), or did not
//! hold at the article's date (`Prime Minister Vladimir Putin` in 2023).
//! Offices come from the entities' `office` attribute (`President
//! 2015-2025`, with `country`) and from the rule's own `holders` table for
//! people another pack defines. A title counts only when it is written with
//! the name: right before it (`Prime Minister Vladimir Putin`, `the Polish
//! Prime Minister Andrzej Duda`), or after it following a comma (`Andrzej
//! Duda, the Polish Prime Minister,`). Without an article date, only an
//! office the person never held is a finding.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::attribute::required;
use super::compile::{Compiler, RuleMeta};
use super::entities::EntityId;
use super::lexicon::{resolve, CaseMode, TermId};
use super::text::render;
use super::{Context, Rule, Sink};

/// The fields of an `office` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    entity_type: Option<Spanned<String>>,
    /// Title phrases in any language, each mapped to an office class.
    titles: Option<Spanned<BTreeMap<String, String>>>,
    /// Words before a title that make it a past or future one.
    qualifiers: Option<Spanned<BTreeMap<String, String>>>,
    /// Titles as the `office` strings write them, when they are not title
    /// phrases to look for in text (`Chancellor`: in British copy, of the Exchequer).
    office_titles: Option<Spanned<BTreeMap<String, String>>>,
    /// Offices of entities of any type: name → ["Foreign Minister of Russia 2004-"].
    holders: Option<Spanned<BTreeMap<String, Vec<String>>>>,
}

/// One term of office: its class, how it is written, the years.
#[derive(Debug, Clone)]
struct Term {
    class: String,
    /// `President of Poland`.
    written: String,
    from: i16,
    /// `None`: still in office when the pack was written.
    to: Option<i16>,
}

impl Term {
    fn describe(&self) -> String {
        match self.to {
            Some(to) if to == self.from => format!("{} {}", self.written, self.from),
            Some(to) => format!("{} {}–{to}", self.written, self.from),
            None => format!("{} {}–", self.written, self.from),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    /// `former`, `then`, `late`: an office held at some time.
    Past,
    /// `future`, `incoming`, `designate`: not judged.
    Future,
    /// `Deputy`, `Vice`, `Council`: another office that ends with the title
    /// (`Deputy Prime Minister`, `European Council President`): not judged.
    Other,
}

pub struct Office {
    meta: RuleMeta,
    titles: HashMap<TermId, String>,
    qualifiers: HashMap<String, Qualifier>,
    terms: HashMap<EntityId, Vec<Term>>,
}

/// `President 2015-2025`, `Prime Minister (acting) 1992`, `Prime Minister
/// from 2025`, `Foreign Minister of Russia 2004-`: the title, then the years.
fn parse_term(s: &str) -> Option<(String, i16, Option<i16>)> {
    let at = s.find(|c: char| c.is_ascii_digit())?;
    let title = s[..at]
        .trim()
        .trim_end_matches("from")
        .replace("(acting)", "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let years = &s[at..];
    let mut parts = years.splitn(2, '-');
    let from: i16 = parts.next()?.trim().get(..4)?.parse().ok()?;
    let to = match parts.next().map(str::trim) {
        None => Some(from),
        Some("") => None,
        Some(y) => Some(y.get(..4)?.parse().ok()?),
    };
    // "Prime Minister from 2025": in office since then, end unknown.
    let to = if s[..at].trim_end().ends_with("from") {
        None
    } else {
        to
    };
    (!title.is_empty()).then_some((title, from, to))
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let entity_type = required(cx, meta.kind, "entity-type", raw.entity_type.as_ref())?;
    let Some(titles_raw) = raw.titles.map(Spanned::into_inner) else {
        cx.error(cx.id.clone(), "an `office` rule needs `titles`".to_string());
        return None;
    };
    // Office classes by lowercase title, to read the terms' titles with.
    let class_of: HashMap<String, String> = titles_raw
        .iter()
        .chain(
            raw.office_titles
                .as_ref()
                .map(|o| o.get_ref())
                .into_iter()
                .flatten(),
        )
        .map(|(t, c)| (t.to_lowercase(), c.clone()))
        .collect();
    let mut titles = HashMap::new();
    for (phrase, class) in &titles_raw {
        titles.insert(cx.lexicon.add(phrase, CaseMode::Insensitive), class.clone());
    }
    let mut qualifiers = HashMap::new();
    for (word, q) in raw.qualifiers.map(Spanned::into_inner).unwrap_or_default() {
        let q = match q.as_str() {
            "past" => Qualifier::Past,
            "future" => Qualifier::Future,
            "other" => Qualifier::Other,
            _ => {
                cx.error(
                    cx.id.clone(),
                    format!("qualifier `{word}` must be \"past\", \"future\" or \"other\""),
                );
                return None;
            }
        };
        qualifiers.insert(word.to_lowercase(), q);
    }
    let mut terms: HashMap<EntityId, Vec<Term>> = HashMap::new();
    let mut unknown = HashSet::new();
    let mut read =
        |id: EntityId, office: &str, country: Option<&str>, unknown: &mut HashSet<String>| {
            let Some((title, from, to)) = parse_term(office) else {
                unknown.insert(format!("`{office}` is not `TITLE YEAR-YEAR`"));
                return;
            };
            let whole = class_of.contains_key(&title.to_lowercase());
            let (bare, written) = match title.split_once(" of ") {
                Some((t, _)) if !whole => (t.to_owned(), title.clone()),
                _ => (
                    title.clone(),
                    country.map_or(title.clone(), |c| format!("{title} of {c}")),
                ),
            };
            match class_of.get(&bare.to_lowercase()) {
                Some(class) => terms.entry(id).or_default().push(Term {
                    class: class.clone(),
                    written,
                    from,
                    to,
                }),
                None => {
                    unknown.insert(format!("the title `{bare}` is not among `titles`"));
                }
            }
        };
    for (id, e) in cx.entities.iter() {
        if e.kind != entity_type {
            continue;
        }
        let country = e.attribute("country").first().map(AsRef::as_ref);
        for office in e.attribute("office") {
            read(id, office, country, &mut unknown);
        }
    }
    for (name, offices) in raw.holders.map(Spanned::into_inner).unwrap_or_default() {
        // The person is defined by another pack (the gazetteer): a pack
        // compiled without it checks the leaders alone.
        if let Some(id) = cx.entities.by_name(&name) {
            for office in &offices {
                read(id, office, None, &mut unknown);
            }
        }
    }
    if let Some(first) = unknown.into_iter().min() {
        cx.error(cx.id.clone(), first);
        return None;
    }
    Some(Box::new(Office {
        meta,
        titles,
        qualifiers,
        terms,
    }))
}

/// Words and spaces only: what may stand between a name and a title
/// written with it.
fn spaces(gap: &str) -> bool {
    !gap.is_empty() && gap.len() <= 3 && gap.chars().all(|c| c == ' ' || c == '\u{a0}')
}

impl Office {
    /// The qualifier written right before a title (or before the one or two
    /// country words before it): `former Polish President`, `ex-President`.
    fn qualifier(&self, text: &str, title_start: usize) -> Option<Qualifier> {
        let head =
            &text[super::super::document::floor_char_boundary(text, title_start.saturating_sub(60))
                ..title_start];
        // Only the title's own sentence: "… the council. President Andrzej Duda".
        let head = head
            .rsplit(['.', '!', '?', ';', ':', '\n'])
            .next()
            .unwrap_or(head);
        let words: Vec<&str> = head
            .split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| !w.is_empty())
            .collect();
        words
            .iter()
            .rev()
            .take(3)
            .find_map(|w| {
                self.qualifiers
                    .get(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
            })
            .copied()
    }

    /// The title written with a mention: right before it, or after it
    /// following a comma (and `the` and up to two words: `Andrzej Duda, the
    /// Polish Prime Minister,`), when no other name follows the title.
    fn title_of(
        &self,
        cx: &Context<'_>,
        titles: &[(Range<usize>, &str)],
        name: &Range<usize>,
    ) -> Option<usize> {
        let text = cx.doc.text;
        let at = titles.partition_point(|(r, _)| r.end <= name.start);
        if at > 0 {
            let (r, _) = &titles[at - 1];
            if spaces(&text[r.end..name.start]) {
                return Some(at - 1);
            }
        }
        let (r, _) = titles.get(at)?;
        let gap = text.get(name.end..r.start)?;
        let rest = gap.strip_prefix(", ")?;
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.len() > 2
            || !words
                .iter()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            || rest.contains([',', '.', ';'])
        {
            return None;
        }
        // "Vladimir Putin, Prime Minister Mikhail Mishustin": the title is the
        // next name's; "Rishi Sunak, the Chancellor of the Exchequer": another office.
        let after = &text[r.end..];
        if after.starts_with(" of ") || after.starts_with(" for ") {
            return None;
        }
        let next = after.trim_start_matches([' ', '\u{a0}']);
        if next.starts_with(|c: char| c.is_uppercase()) && after.len() != next.len() {
            return None;
        }
        Some(at)
    }
}

impl Rule for Office {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let found: Vec<(Range<usize>, &str)> = resolve(cx.hits(), |t| self.titles.contains_key(&t))
            .into_iter()
            .filter_map(|h| self.titles.get(&h.term).map(|c| (h.range, c.as_str())))
            .collect();
        if found.is_empty() {
            return;
        }
        let year = cx.doc.date.as_ref().map(|d| d.date.year());
        for m in cx.mentions() {
            let Some(terms) = self.terms.get(&m.entity) else {
                continue;
            };
            let Some(i) = self.title_of(cx, &found, &m.range) else {
                continue;
            };
            let (trange, class) = &found[i];
            let qualifier = self.qualifier(cx.doc.text, trange.start);
            if matches!(qualifier, Some(Qualifier::Future | Qualifier::Other)) {
                continue;
            }
            let held: Vec<&Term> = terms.iter().filter(|t| t.class == *class).collect();
            let judged_at = match (qualifier, year) {
                (None, Some(y)) => Some(y),
                _ => None,
            };
            let wrong = match judged_at {
                _ if held.is_empty() => true,
                Some(y) => !held
                    .iter()
                    .any(|t| t.from <= y && t.to.is_none_or(|to| y <= to)),
                None => false,
            };
            if !wrong {
                continue;
            }
            let entity = cx.entities.get(m.entity);
            let title = cx.doc.slice(trange);
            let facts: Vec<String> = terms.iter().map(Term::describe).collect();
            let fact = format!("{}: {}", entity.name, facts.join("; "));
            let message = match &self.meta.message {
                Some(t) => render(
                    t,
                    &[
                        ("found", title),
                        ("entity", &entity.name),
                        ("expected", &fact),
                    ],
                ),
                None if held.is_empty() => {
                    format!("{} never held the office '{title}'", entity.name)
                }
                None => format!(
                    "{} did not hold the office '{title}' in {}",
                    entity.name,
                    year.unwrap_or_default()
                ),
            };
            let mut d = self
                .meta
                .diag(trange.clone(), message)
                .with_label(m.range.clone(), entity.name.clone())
                .with_note(fact);
            if let (false, Some(date)) = (held.is_empty(), &cx.doc.date) {
                d = d.with_note(format!(
                    "the article is dated {} (its {}); write 'former {title}' for an earlier office",
                    date.date, date.origin
                ));
            }
            d = d.with_help(format!(
                "name the office {} held, or check the name",
                entity.name
            ));
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_term;

    #[test]
    fn terms() {
        assert_eq!(
            parse_term("President 2015-2025"),
            Some(("President".into(), 2015, Some(2025)))
        );
        assert_eq!(
            parse_term("President 2012-"),
            Some(("President".into(), 2012, None))
        );
        assert_eq!(
            parse_term("Prime Minister (acting) 1992"),
            Some(("Prime Minister".into(), 1992, Some(1992)))
        );
        assert_eq!(
            parse_term("Prime Minister from 2025"),
            Some(("Prime Minister".into(), 2025, None))
        );
        assert_eq!(
            parse_term("Foreign Minister of Russia 2004-"),
            Some(("Foreign Minister of Russia".into(), 2004, None))
        );
        assert_eq!(parse_term("President"), None);
    }
}
