//! `attribute`: an entity of a type next to a value of an attribute it does
//! not have: a role (`MiG-25 … attack aircraft`) or a maker (`Boeing MC-21`).
//! Values are either phrases mapped to attribute values (`values`), or the
//! entities that the attribute names (makers are entities themselves).

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use super::compile::{Compiler, RuleMeta};
use super::entities::{Entity, EntityId, Mention};
use super::lexicon::{resolve, CaseMode, TermId};
use super::text::{or_list, render};
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;
use crate::document::Document;
use crate::packs::schema::RawWindow;

/// The fields of an `attribute` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    entity_type: Option<Spanned<String>>,
    attribute: Option<Spanned<String>>,
    window: Option<Spanned<RawWindow>>,
    values: Option<Spanned<BTreeMap<String, String>>>,
    ignore: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Clone, Copy)]
pub enum Window {
    /// Written together: `Sukhoi Su-25`, `Boeing's 737`, `the MC-21, built by Irkut`.
    Adjacent,
    Words(usize),
    Sentence,
    Paragraph,
}

enum Values {
    Phrases(HashMap<TermId, String>),
    Entities(HashMap<EntityId, String>),
}

pub struct Attribute {
    meta: RuleMeta,
    entity_type: String,
    attribute: String,
    window: Window,
    values: Values,
    /// Phrases that contain a value phrase but name no role ("Patriot interceptor",
    /// "suicide bomber"): matched like values, so the longest match hides the role word.
    stop: std::collections::HashSet<TermId>,
}

pub fn required(
    cx: &mut Compiler<'_>,
    kind: &str,
    field: &str,
    value: Option<&Spanned<String>>,
) -> Option<String> {
    match value {
        Some(v) if !v.get_ref().trim().is_empty() => Some(v.get_ref().clone()),
        _ => {
            cx.error(cx.id.clone(), format!("a `{kind}` rule needs `{field}`"));
            None
        }
    }
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let entity_type = required(cx, meta.kind, "entity-type", raw.entity_type.as_ref());
    let attribute = required(cx, meta.kind, "attribute", raw.attribute.as_ref());
    let (entity_type, attribute) = (entity_type?, attribute?);
    let window = match raw.window.as_ref().map(|w| (w.get_ref().clone(), w.span())) {
        None => Window::Sentence,
        Some((RawWindow::Words(n), _)) if (1..=200).contains(&n) => Window::Words(n as usize),
        Some((RawWindow::Named(s), _)) if s == "adjacent" => Window::Adjacent,
        Some((RawWindow::Named(s), _)) if s == "sentence" => Window::Sentence,
        Some((RawWindow::Named(s), _)) if s == "paragraph" => Window::Paragraph,
        Some((_, span)) => {
            cx.error_help(span, "invalid `window`", "a window is \"adjacent\", \"sentence\", \"paragraph\" or a number of words from 1 to 200");
            return None;
        }
    };
    let subjects: Vec<&Entity> = cx
        .entities
        .iter()
        .map(|(_, e)| e)
        .filter(|e| e.kind == entity_type)
        .collect();
    if subjects.is_empty() {
        cx.error(
            cx.id.clone(),
            format!("no entity of type `{entity_type}` is defined in any pack"),
        );
        return None;
    }
    let values = match raw.values {
        Some(map) => {
            let mut phrases = HashMap::new();
            for (phrase, value) in map.into_inner() {
                phrases.insert(cx.lexicon.add(&phrase, CaseMode::Insensitive), value);
            }
            Values::Phrases(phrases)
        }
        None => {
            let mut named = HashMap::new();
            for value in subjects.iter().flat_map(|e| e.attribute(&attribute)) {
                match cx.entities.by_name(value) {
                    Some(id) => {
                        named.insert(id, value.to_string());
                    }
                    None => {
                        cx.error_help(
                            cx.id.clone(),
                            format!("`{attribute} = \"{value}\"` names no entity"),
                            "without `values`, each attribute value must be the name of an entity (a maker, say)",
                        );
                        return None;
                    }
                }
            }
            // Every entity of the types the values name counts, not only those some
            // subject has: "Stadler Sapsan" is a slip even if no train of Stadler's is known.
            let types: std::collections::HashSet<String> = named
                .keys()
                .map(|&id| cx.entities.get(id).kind.to_string())
                .collect();
            for (id, e) in cx.entities.iter() {
                if types.contains(&*e.kind) {
                    named.entry(id).or_insert_with(|| e.name.to_string());
                }
            }
            Values::Entities(named)
        }
    };
    let stop = raw
        .ignore
        .map(|i| i.into_inner())
        .unwrap_or_default()
        .iter()
        .map(|phrase| cx.lexicon.add(phrase, CaseMode::Insensitive))
        .collect();
    Some(Box::new(Attribute {
        meta,
        entity_type,
        attribute,
        window,
        values,
        stop,
    }))
}

fn has_digit(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_digit())
}

/// Mentions considered on each side of a value.
const NEAREST: usize = 16;

/// `the MiG-25`, but `Vilnius` and `Alexander Lukashenko`.
fn the(name: &str) -> String {
    if has_digit(name) {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// What joins an entity and a value written together, in either order:
/// `Sukhoi Su-25`, `Boeing's 737`, `the MC-21, built by Irkut`, and, for
/// phrases (`appositive`), `Vilnius, the Latvian capital`. Entity values
/// never join after a comma: `the MC-21, Boeing and Airbus` is a list.
fn joins(gap: &str, value_first: bool, appositive: bool) -> bool {
    // A join is a few words at most; a long gap is not worth reading.
    if gap.is_empty() || gap.len() > 64 {
        return false;
    }
    let g = gap.trim();
    if g.is_empty() || (value_first && (g == "'s" || g == "’s")) {
        return true;
    }
    if value_first {
        matches!(
            g.trim_start_matches('-'),
            "built" | "made" | "designed" | "produced"
        ) && gap.starts_with('-')
    } else {
        let after_comma = g.starts_with(',');
        let g = g.trim_start_matches(',').trim();
        let words: Vec<&str> = g.split_whitespace().collect();
        if appositive && after_comma && matches!(words.as_slice(), [] | ["the"]) {
            return true;
        }
        matches!(
            words.as_slice(),
            ["by"]
                | ["from"]
                | [
                    "built" | "made" | "produced" | "manufactured" | "designed" | "developed",
                    "by"
                ]
        )
    }
}

/// The one entity every mention names, when there is exactly one.
fn only_one<'m>(cx: &Context<'_>, subjects: &[&'m Mention]) -> Option<&'m Mention> {
    let first = subjects.iter().find(|m| {
        cx.doc
            .headline
            .as_ref()
            .is_none_or(|h| m.range.start >= h.end)
    })?;
    subjects
        .iter()
        .all(|m| m.entity == first.entity)
        .then_some(*first)
}

impl Attribute {
    /// A role phrase in the headline, for a rule that reads beyond adjacency.
    fn headline_value(&self, cx: &Context<'_>, vrange: &Range<usize>) -> bool {
        !matches!(self.window, Window::Adjacent)
            && matches!(self.values, Values::Phrases(_))
            && cx
                .doc
                .headline
                .as_ref()
                .is_some_and(|h| h.contains(&vrange.start))
    }

    /// Word distance between two ranges when within the window.
    fn distance(
        &self,
        doc: &Document<'_>,
        subject: &Range<usize>,
        value: &Range<usize>,
    ) -> Option<usize> {
        let (a, b) = if subject.start < value.start {
            (subject, value)
        } else {
            (value, subject)
        };
        if doc.paragraph_at(a.start) != doc.paragraph_at(b.start) {
            return None;
        }
        let words = doc
            .word_index_from(b.start)
            .saturating_sub(doc.word_index_from(a.end));
        let ok = match self.window {
            Window::Adjacent => {
                b.start >= a.end
                    && joins(
                        &doc.text[a.end..b.start],
                        a == value,
                        matches!(self.values, Values::Phrases(_)),
                    )
            }
            Window::Words(n) => words <= n,
            Window::Sentence => doc.sentence_at(a.start) == doc.sentence_at(b.start),
            Window::Paragraph => true,
        };
        ok.then_some(words)
    }

    fn value_mentions(&self, cx: &Context<'_>) -> Vec<(Range<usize>, String)> {
        match &self.values {
            Values::Phrases(p) => {
                resolve(cx.hits(), |t| p.contains_key(&t) || self.stop.contains(&t))
                    .into_iter()
                    .filter_map(|h| p.get(&h.term).map(|v| (h.range.clone(), v.clone())))
                    .collect()
            }
            Values::Entities(e) => cx
                .mentions()
                .iter()
                .filter_map(|m| e.get(&m.entity).map(|v| (m.range.clone(), v.clone())))
                .collect(),
        }
    }

    /// Entities of the type that do have `value`, closest designation first
    /// (`Su-25` for a `MiG-25` called an attack aircraft).
    fn suggestions<'e>(&self, cx: &Context<'e>, wrong: &Entity, value: &str) -> Vec<&'e Entity> {
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let wrong_digits = digits(&wrong.name);
        let mut fits: Vec<(bool, f64, &Entity)> = cx
            .entities
            .iter()
            .map(|(_, e)| e)
            .filter(|e| e.kind == self.entity_type && e.has(&self.attribute, value))
            .map(|e| {
                let same_number = !wrong_digits.is_empty() && digits(&e.name) == wrong_digits;
                (same_number, strsim::jaro_winkler(&e.name, &wrong.name), e)
            })
            .collect();
        fits.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
        fits.into_iter().take(2).map(|(_, _, e)| e).collect()
    }
}

impl Rule for Attribute {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let values = self.value_mentions(cx);
        if values.is_empty() {
            return;
        }
        let subjects: Vec<&Mention> = cx
            .mentions()
            .iter()
            .filter(|m| cx.entities.get(m.entity).kind == self.entity_type)
            .collect();
        for (vrange, value) in values {
            let plural = cx.doc.text[vrange.end..].starts_with('s');
            // The nearest mentions on each side: what a value describes is close
            // to it, and a paragraph of a million mentions must not cost a
            // million comparisons per value.
            let at = subjects.partition_point(|m| m.range.start < vrange.start);
            let nearest = &subjects[at.saturating_sub(NEAREST)..(at + NEAREST).min(subjects.len())];
            let mut near: Vec<(usize, bool, &Mention)> = nearest
                .iter()
                .filter(|m| m.range != vrange)
                .filter_map(|m| {
                    self.distance(cx.doc, &m.range, &vrange)
                        .map(|d| (d, m.range.start > vrange.start, *m))
                })
                // A plural ("fighter jets") is often a class, not a description: it
                // counts only right after the aircraft ("three MiG-29 bombers").
                .filter(|(d, after, _)| !plural || (*d <= 1 && !after))
                .collect();
            // What a value states is about the mentions of its own sentence: a
            // mention in a neighbouring sentence neither describes it nor
            // excuses it. Only a sentence that names none of the type ("Attack
            // aircraft, a workhorse.") reads its neighbours.
            let sentence = cx.doc.sentence_at(vrange.start);
            if near
                .iter()
                .any(|(_, _, m)| cx.doc.sentence_at(m.range.start) == sentence)
            {
                near.retain(|(_, _, m)| cx.doc.sentence_at(m.range.start) == sentence);
            }
            if near
                .iter()
                .any(|(_, _, m)| cx.entities.get(m.entity).has(&self.attribute, &value))
            {
                continue;
            }
            // "the passenger jet" on its own refers back to an aircraft named
            // earlier that is one; "the Sukhoi MC-21" or "Astana, the capital of
            // Uzbekistan" state a fact about the mention they are written with,
            // which no earlier mention changes.
            let definite = !matches!(self.window, Window::Adjacent)
                && cx
                    .doc
                    .text
                    .get(vrange.start.saturating_sub(4)..vrange.start)
                    .is_some_and(|s| s.eq_ignore_ascii_case("the "));
            let written_with = near.iter().any(|(_, _, m)| {
                let (a, b) = if m.range.start < vrange.start {
                    (&m.range, &vrange)
                } else {
                    (&vrange, &m.range)
                };
                b.start >= a.end
                    && cx.doc.text[a.end..b.start].trim().is_empty()
                    && b.start - a.end <= 2
            });
            if definite
                && !written_with
                && subjects[at.saturating_sub(4 * NEAREST)..at]
                    .iter()
                    .any(|m| {
                        m.range.end <= vrange.start
                            && cx.doc.paragraph_at(m.range.start)
                                == cx.doc.paragraph_at(vrange.start)
                            && cx.entities.get(m.entity).has(&self.attribute, &value)
                    })
            {
                continue;
            }
            // The nearest subject; on a tie, the one before the value. A
            // headline that names none ("… by producing fighter jets") speaks
            // of the article's aircraft when the article names only one.
            let from_headline = near.is_empty() && self.headline_value(cx, &vrange);
            let subject = match near.iter().min_by_key(|(d, after, _)| (*d, *after)) {
                Some(&(_, _, s)) => s,
                None if from_headline => match only_one(cx, &subjects) {
                    Some(s) if !cx.entities.get(s.entity).has(&self.attribute, &value) => s,
                    _ => continue,
                },
                None => continue,
            };
            let entity = cx.entities.get(subject.entity);
            let actual = entity.attribute(&self.attribute);
            if actual.is_empty() {
                continue; // the base does not know: no claim either way
            }
            let found = cx.doc.slice(&vrange);
            let actual_text = or_list(actual);
            let message = match &self.meta.message {
                Some(t) => render(
                    t,
                    &[
                        ("found", found),
                        ("entity", &entity.name),
                        ("expected", &actual_text),
                        ("attribute", &self.attribute),
                    ],
                ),
                None => format!("'{found}' does not fit {}", the(&entity.name)),
            };
            let mut d = if from_headline {
                // The finding is on the headline's words; the aircraft is named in the body.
                self.meta.diag(vrange.clone(), message).with_label(
                    subject.range.clone(),
                    format!("the only {} the article names", self.entity_type),
                )
            } else {
                self.meta
                    .diag(subject.range.clone(), message)
                    .with_label(vrange.clone(), format!("{} given here", self.attribute))
            };
            let suggestions = self.suggestions(cx, entity, &value);
            match suggestions.first() {
                // Either the designation or the role word can be the slip: both
                // readings are shown, and neither is ever applied — an entity's
                // name is a fact, and no attribute phrase rewrites it.
                Some(s) if matches!(self.values, Values::Phrases(_)) && has_digit(&entity.name) => {
                    let names: Vec<&str> = suggestions.iter().map(|e| e.name.as_ref()).collect();
                    d = d
                        .with_note(format!(
                            "the {} of {}: {actual_text}",
                            self.attribute,
                            the(&entity.name)
                        ))
                        .with_help(format!(
                            "if '{found}' is right, the {} may be the {}",
                            self.entity_type,
                            names.join(" or the ")
                        ))
                        .with_fix(s.name.clone(), Applicability::Display);
                }
                _ => {
                    d = d.with_help(format!(
                        "the {} of {} is {actual_text}",
                        self.attribute,
                        the(&entity.name)
                    ))
                }
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::joins;

    #[test]
    fn adjacency_joins() {
        assert!(joins(" ", true, false));
        assert!(joins("'s ", true, false));
        assert!(joins("-built ", true, false));
        assert!(joins(", built by ", false, false));
        assert!(joins(" by ", false, false));
        assert!(!joins(" and ", true, false));
        assert!(!joins(", while ", false, true));
        assert!(!joins("", true, false));
        assert!(joins(", the ", false, true));
        assert!(!joins(", ", false, false));
    }
}
