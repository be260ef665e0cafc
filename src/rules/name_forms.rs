//! `name-forms`: a known person's given name in another language's form
//! (`Oleksandr Lukashenko`: the Ukrainian form of a Belarusian leader's
//! name, who is Alexander, Aleksandr or Alyaksandr in English). The entity
//! base gives each person's accepted given names (the first words of the
//! entity's name and aliases); `given_names.toml` gives one calendar name's
//! Russian, Ukrainian, Belarusian and Polish forms. A given name before a
//! known surname that is a form of one of the person's names, but in a
//! language none of the person's forms is in, is reported.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::compile::{Compiler, RuleMeta};
use super::entities::{EntityBase, EntityId};
use super::gazetteer::{Part, PERSON_TYPES};
use super::text::{is_capitalized, quoted_list, render, strip_possessive};
use super::{Context, Rule, Sink};
use crate::diagnostic::Applicability;

/// The fields of a `name-forms` rule (none yet: the data is the packs' entities).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    name: Vec<HashMap<String, Vec<String>>>,
}

/// Lowercase form → (group, languages it is a form in).
type Forms = HashMap<String, Vec<(usize, &'static str)>>;

fn language_name(code: &str) -> &'static str {
    match code {
        "ru" => "Russian",
        "uk" => "Ukrainian",
        "be" => "Belarusian",
        "pl" => "Polish",
        _ => "another language's",
    }
}

fn forms() -> &'static Forms {
    static FORMS: OnceLock<Forms> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut out: Forms = HashMap::new();
        // Shipped in the binary and parsed by a test; should it fail, the rule is silent.
        let Ok(table) = toml::from_str::<Table>(include_str!("given_names.toml")) else {
            return out;
        };
        for (g, group) in table.name.into_iter().enumerate() {
            for (lang, names) in group {
                let lang: &'static str = match lang.as_str() {
                    "ru" => "ru",
                    "uk" => "uk",
                    "be" => "be",
                    "pl" => "pl",
                    _ => continue,
                };
                for n in names {
                    out.entry(n.to_lowercase()).or_default().push((g, lang));
                }
            }
        }
        out
    })
}

/// A given name the packs or the given-name table know (titles such as
/// `President` are not: they say nothing about who is meant).
pub(super) fn is_given_name(names: &super::gazetteer::NameIndex, word: &str) -> bool {
    super::text::with_lowercase(word, |lower| {
        forms().contains_key(lower) || names.exact(lower).any(|f| f.part == Part::Given)
    })
}

/// Whether two given names (or titles) before a surname can be one
/// person's: the same word, two romanizations of it, or two languages'
/// forms of one calendar name (Oleg, Oleh, Aleh).
pub(super) fn same_given_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    if a == b || super::romanization::skeletons_overlap(&a, &b) {
        return true;
    }
    let table = forms();
    match (table.get(&a), table.get(&b)) {
        (Some(x), Some(y)) => x.iter().any(|(g, _)| y.iter().any(|(h, _)| g == h)),
        _ => false,
    }
}

/// Two surnames each written after given names, none of which can be the
/// other's: two people (Andrei Kovalev, Pavel Kovalov).
pub(super) fn two_people<'a>(
    a: impl IntoIterator<Item = &'a &'a str> + Clone,
    b: impl IntoIterator<Item = &'a &'a str> + Clone,
) -> bool {
    let mut any_a = false;
    for x in a {
        any_a = true;
        let mut any_b = false;
        for y in b.clone() {
            any_b = true;
            if same_given_name(x, y) {
                return false;
            }
        }
        if !any_b {
            return false;
        }
    }
    any_a
}

pub struct NameForms {
    meta: RuleMeta,
    /// Surname skeleton → the people who carry it, with their given names.
    /// Built from the ruleset's entity base on the first given name the
    /// table knows before a capitalised word, not at start-up.
    people: OnceLock<People>,
}

type People = HashMap<String, Vec<(EntityId, Vec<String>)>>;

pub fn compile(_cx: &mut Compiler<'_>, _raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    Some(Box::new(NameForms {
        meta,
        people: OnceLock::new(),
    }))
}

impl NameForms {
    fn people(&self, entities: &EntityBase) -> &People {
        self.people.get_or_init(|| {
            let names = entities.name_index();
            let mut people = People::new();
            for f in names.iter().filter(|f| f.part == Part::Name) {
                if !PERSON_TYPES.contains(&entities.get(f.entity).kind.as_ref()) {
                    continue;
                }
                let given: Vec<String> = names
                    .forms_of(f.entity, Part::Given)
                    .map(|g| g.word.to_string())
                    .collect();
                // By skeleton: any romanization of the surname finds the
                // person (Lukashenka, Lukaschenko, Lukašenko).
                for key in super::romanization::skeletons(&f.word.to_lowercase()).iter() {
                    let list = people.entry(key.clone()).or_default();
                    if !list.iter().any(|(e, _)| *e == f.entity) {
                        list.push((f.entity, given.clone()));
                    }
                }
            }
            people
        })
    }
}

impl Rule for NameForms {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let table = forms();
        // A given name is a capitalised word: the article's are walked once
        // for every rule that reads them, and only those the table of given
        // names holds are looked at here.
        let occurrences = cx
            .capitalized()
            .iter()
            .filter(|c| table.contains_key(c.lower.as_str()))
            .flat_map(|c| c.words.iter().copied());
        for i in occurrences {
            let (Some(g), Some(s)) = (doc.words.get(i), doc.words.get(i + 1)) else {
                continue;
            };
            if !doc.text[g.end..s.start].trim().is_empty() {
                continue;
            }
            let given = doc.slice(&g.range());
            let surname = strip_possessive(doc.slice(&s.range()));
            if !is_capitalized(given) || !is_capitalized(surname) {
                continue;
            }
            let Some(written) = super::text::with_lowercase(given, |g| table.get(g)) else {
                continue;
            };
            let mut people: Vec<&(EntityId, Vec<String>)> =
                super::text::with_lowercase(surname, super::romanization::skeletons)
                    .iter()
                    .filter_map(|k| self.people(cx.entities).get(k))
                    .flatten()
                    .collect();
            people.sort_by_key(|(e, _)| *e);
            people.dedup_by_key(|(e, _)| *e);
            if people.is_empty() {
                continue;
            }
            // Right for someone of that surname: nothing to say.
            if people
                .iter()
                .any(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(given)))
            {
                continue;
            }
            // The person whose given name this is a form of, in another language.
            let found = people.iter().find_map(|(e, names)| {
                let e = *e;
                let theirs: Vec<&(usize, &str)> = names
                    .iter()
                    .filter_map(|n| table.get(&n.to_lowercase()))
                    .flatten()
                    .collect();
                let (group, lang) = written
                    .iter()
                    .find(|(wg, _)| theirs.iter().any(|(tg, _)| tg == wg))?;
                let shared = theirs
                    .iter()
                    .any(|(tg, tl)| tg == group && written.iter().any(|(_, wl)| wl == tl));
                (!shared).then_some((e, *lang, names))
            });
            let Some((entity, lang, names)) = found else {
                continue;
            };
            let e = cx.entities.get(entity);
            let right: Vec<&str> = names.iter().map(String::as_str).collect();
            let message = match &self.meta.message {
                Some(t) => render(
                    t,
                    &[
                        ("found", given),
                        ("expected", right[0]),
                        ("entity", &e.name),
                    ],
                ),
                None => format!(
                    "'{given}' is the {} form of {}'s given name",
                    language_name(lang),
                    e.name,
                ),
            };
            out.push(
                self.meta
                    .diag(g.range(), message)
                    .with_note(format!(
                        "{} is written {}",
                        e.name,
                        quoted_list(&right).replace(" and ", " or ")
                    ))
                    .with_help(format!("write '{} {surname}'", right[0]))
                    .with_fix(right[0].to_owned(), Applicability::Unsafe),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_parses_and_knows_the_three_forms_of_alexander() {
        let t: Table = toml::from_str(include_str!("given_names.toml")).expect("given_names.toml");
        assert!(t.name.len() > 20);
        let f = forms();
        assert!(f["oleksandr"].iter().any(|(_, l)| *l == "uk"));
        assert!(f["alyaksandr"].iter().any(|(_, l)| *l == "be"));
        assert_eq!(f["oleksandr"][0].0, f["alexander"][0].0);
    }
}
