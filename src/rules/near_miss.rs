//! `near-miss`: a capitalised word one or two edits away (transpositions
//! count one) from a known name, or from a name the same article writes
//! more often, that is itself no known term: `Sushoi` for `Sukhoi`,
//! `Umevrov` beside `Umerov`, `NEXYA` beside five `NEXTA`.
//!
//! Candidates come from deletion indexes (`fuzzy`): one over the entity
//! base's surnames and one-word names, built once, and one over the
//! article's own capitalised words, built per article; an edit distance
//! confirms them. A name keeps its first letter: typos rarely change it,
//! and the rule stays out of the way of unrelated words.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use super::aliases::is_declared;
use super::compile::{Compiler, RuleMeta};
use super::entities::EntityId;
use super::fuzzy::DeletionIndex;
use super::gazetteer::{depth_for, Part};
use super::lexicon::CaseMode;
use super::memo::{remembered, WordMemo};
use super::name_forms::two_people;
use super::romanization::skeletons_overlap;
use super::text::render;
use super::{Context, Rule, Sink};
use crate::diagnostic::{Applicability, Severity};
use crate::hash::FastMap;
use crate::packs::schema::Text;

/// The fields of a `near-miss` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    entity_types: Option<Spanned<Vec<String>>>,
    /// A term list of the rule's own, instead of the entity base's names.
    terms: Option<Spanned<Vec<String>>>,
    max_distance: Option<Spanned<i64>>,
    min_length: Option<Spanned<i64>>,
    ignore: Option<Spanned<Vec<String>>>,
    /// Also compare with the names the article itself writes more often.
    article_names: Option<Spanned<bool>>,
}

struct Target {
    lower: String,
    name: String,
    entity: Option<EntityId>,
}

pub struct NearMiss {
    meta: RuleMeta,
    /// This rule's key in the thread's memo of [`NearMiss::best_target`]
    /// (unique per compiled rule, so two rulesets never share answers).
    memo_key: u64,
    /// The names compared with, as compiled; their index is built on the
    /// first word that needs it (most short articles never do).
    names: Vec<(Text, Option<EntityId>)>,
    targets: OnceLock<Targets>,
    /// Every form the entity base knows (given names too) is never a
    /// candidate: the rule compares with the entity base's names (not a
    /// term list of its own). Looked up in the base's name index rather
    /// than copied into a set of the rule's at start-up.
    entity_names: bool,
    max_distance: usize,
    min_length: usize,
    ignore: HashSet<String>,
    article_names: bool,
}

/// The names of at least `min_length` letters, grouped by first letter,
/// each group's deletion index built on the first word that needs it: a
/// candidate keeps its name's first letter (see `nearest`), so a word is
/// only looked up among the names that share it, and a short article
/// builds the index of a few letters instead of the whole gazetteer's.
struct Targets {
    targets: Vec<Target>,
    /// First letter → the ids of the targets that start with it, and
    /// their index (built on first use).
    by_first: FastMap<char, (Vec<u32>, OnceLock<DeletionIndex>)>,
    max_distance: usize,
}

impl Targets {
    fn build(names: &[(Text, Option<EntityId>)], min_length: usize, max_distance: usize) -> Self {
        let mut targets = Vec::new();
        let mut by_first: FastMap<char, (Vec<u32>, OnceLock<DeletionIndex>)> = FastMap::default();
        for (name, entity) in names {
            let len = name.chars().count();
            if len < min_length || !name.chars().all(|c| c.is_alphabetic() || c == '-') {
                continue;
            }
            let lower = name.to_lowercase();
            if let Some(first) = lower.chars().next() {
                by_first
                    .entry(first)
                    .or_default()
                    .0
                    .push(targets.len() as u32);
            }
            targets.push(Target {
                lower,
                name: name.to_string(),
                entity: *entity,
            });
        }
        Targets {
            targets,
            by_first,
            max_distance,
        }
    }

    /// The targets that start with `first` and may be within `limit`
    /// edits of `lower`, sorted, to be confirmed.
    fn candidates(&self, first: char, lower: &str, limit: usize) -> Vec<u32> {
        let Some((ids, index)) = self.by_first.get(&first) else {
            return Vec::new();
        };
        let index = index.get_or_init(|| {
            let mut index = DeletionIndex::default();
            for &id in ids {
                if let Some(t) = self.targets.get(id as usize) {
                    let depth = depth_for(t.name.chars().count()).min(self.max_distance);
                    index.insert(&t.lower, depth, id);
                }
            }
            index.finish();
            index
        });
        index.candidates(lower, limit)
    }
}

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let types = raw.entity_types.map(|t| t.into_inner());
    let max_distance = match raw.max_distance {
        Some(d) if !(1..=2).contains(d.get_ref()) => {
            cx.error(
                d.span(),
                "`max-distance` must be 1 or 2 (2 applies to names of nine letters or more)",
            );
            return None;
        }
        Some(d) => *d.get_ref() as usize,
        None => 2,
    };
    let min_length = cx.bounded(raw.min_length, "min-length", 3..=64, 5)?;
    // A term list of the rule's own, or the names of the entity base.
    let entity_names = raw.terms.is_none();
    let names: Vec<(Text, Option<EntityId>)> = match raw.terms {
        Some(terms) => terms
            .into_inner()
            .into_iter()
            .map(|t| {
                cx.lexicon.add(&t, CaseMode::Exact);
                (Text::Owned(t), None)
            })
            .collect(),
        None => {
            let index = cx.entities.name_index();
            let wanted = |e: EntityId| {
                types
                    .as_ref()
                    .is_none_or(|t| t.iter().any(|k| *k == *cx.entities.get(e).kind))
            };
            let mut names: Vec<(Text, Option<EntityId>)> = index
                .iter()
                .filter(|f| f.part == Part::Name && wanted(f.entity))
                .map(|f| (f.word.clone(), Some(f.entity)))
                .collect();
            // The designations and one-word names of other entity types
            // (aircraft: `Sukhoi`) are whole names of one word.
            names.extend(
                cx.entities
                    .iter()
                    .filter(|(id, _)| wanted(*id))
                    .flat_map(|(id, e)| {
                        std::iter::once(&e.name)
                            .chain(&e.aliases)
                            .map(move |n| (n.clone(), Some(id)))
                    })
                    .filter(|(n, _)| n.chars().all(char::is_alphabetic)),
            );
            names.sort();
            names.dedup();
            names
        }
    };
    let ignore = raw
        .ignore
        .map(|i| i.into_inner())
        .unwrap_or_default()
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect();
    static NEXT_KEY: AtomicU64 = AtomicU64::new(0);
    Some(Box::new(NearMiss {
        meta,
        memo_key: NEXT_KEY.fetch_add(1, Ordering::Relaxed),
        names,
        targets: OnceLock::new(),
        entity_names,
        max_distance,
        min_length,
        ignore,
        article_names: raw.article_names.is_some_and(|b| b.into_inner()),
    }))
}

/// English endings that make another word of a name (`Russia`/`Russian`,
/// `Germany`/`Germans`, `Iraq`/`Iraqi`), and Slavic gendered and plural
/// surname endings (`Kamov`/`Kamova`): such a pair is not a misspelling.
const ENDINGS: &[&str] = &[
    "", "a", "s", "es", "n", "an", "ian", "ans", "ians", "ese", "i", "is", "ish", "ic", "ns", "e",
    "y", "ia", "o",
];

fn is_derived(a: &str, b: &str) -> bool {
    let common = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (ta, tb) = (&a[common..], &b[common..]);
    ENDINGS.contains(&ta) && ENDINGS.contains(&tb)
}

/// Two edits are allowed from nine letters, one below.
fn limit(len: usize, max: usize) -> usize {
    if len >= 9 {
        max.min(2)
    } else {
        max.min(1)
    }
}

/// A capitalised word of the article, counted.
/// One of the article's own names as the pairwise comparison reads it.
struct Own {
    /// Its index in the article's table of capitalised words.
    seen: usize,
    first: char,
    len: usize,
    /// The letters it holds, folded into 64 bits: one edit changes at most
    /// two bits of the set (a substitution takes one letter and brings
    /// another; a transposition none), so two words `d` edits apart differ
    /// in at most `2d` bits — and folding letters together only lowers that.
    letters: u64,
}

impl Own {
    fn new(seen: usize, lower: &str) -> Own {
        let mut letters = 0u64;
        let mut len = 0;
        for c in lower.chars() {
            letters |= 1 << (c as u32 % 64);
            len += 1;
        }
        Own {
            seen,
            first: lower.chars().next().unwrap_or(' '),
            len,
            letters,
        }
    }

    /// Whether `other` may be within `limit` edits of this word.
    fn within(&self, other: &Own, limit: usize) -> bool {
        self.len.abs_diff(other.len) <= limit
            && (self.letters ^ other.letters).count_ones() as usize <= 2 * limit
    }
}

/// A capitalised word of the article (`Context::capitalized`).
type Seen<'a> = super::capitalized::Capitalized<'a>;

impl NearMiss {
    /// [`NearMiss::nearest`], remembered per thread. The memo holds one
    /// answer per word, with the rule it is for (two editions of the rule
    /// have two name lists): another rule's answer is computed again.
    fn best_target(&self, lower: &str) -> Option<&Target> {
        thread_local! {
            static BEST: WordMemo<(u64, Option<u32>)> = RefCell::default();
        }
        let key = self.memo_key;
        let (_, index) = remembered(
            &BEST,
            lower,
            |(k, _)| *k == key,
            || (key, self.nearest(lower)),
        );
        index.and_then(|i| self.targets().targets.get(i as usize))
    }

    fn targets(&self) -> &Targets {
        self.targets
            .get_or_init(|| Targets::build(&self.names, self.min_length, self.max_distance))
    }

    /// The index of the gazetteer name within reach of `lower`, if any.
    fn nearest(&self, lower: &str) -> Option<u32> {
        let first = lower.chars().next()?;
        let limit = limit(lower.chars().count(), self.max_distance);
        let targets = self.targets();
        targets
            .candidates(first, lower, limit)
            .into_iter()
            .filter_map(|i| Some((i, targets.targets.get(i as usize)?)))
            .filter(|(_, t)| t.lower.starts_with(first))
            .filter(|(_, t)| !is_derived(lower, &t.lower))
            // Another romanization of the name (Pushylin, Pushilin) is no typo.
            .filter(|(_, t)| !skeletons_overlap(lower, &t.lower))
            .map(|(i, t)| (strsim::osa_distance(lower, &t.lower), i, t))
            .filter(|(d, _, _)| (1..=limit).contains(d))
            .min_by_key(|(d, _, t)| (*d, t.entity, &t.name))
            .map(|(_, i, _)| i)
    }
}

impl Rule for NearMiss {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let names = cx.entities.name_index();
        let min = self.min_length.min(4);
        let seen: Vec<&Seen<'_>> = cx.capitalized().iter().filter(|c| c.chars >= min).collect();
        if seen.is_empty() {
            return;
        }
        // The article's own names, for the second comparison: a few hundred
        // words at most, so compared in pairs behind cheap filters (first
        // letter, length, letter sets) rather than through an index that
        // would be built for each article.
        let mut own: Vec<Own> = Vec::new();
        if self.article_names {
            own = seen
                .iter()
                .enumerate()
                .filter(|(_, s)| (s.proper || s.caps) && !s.always_followed)
                .map(|(i, s)| Own::new(i, &s.lower))
                .collect();
            own.sort_unstable_by_key(|o| (o.first, o.seen));
        }
        for s in &seen {
            let len = s.lower.chars().count();
            if s.overlapped
                || !(s.proper || s.caps)
                || (self.entity_names && names.is_known(&s.lower))
                || self.ignore.contains(&s.lower)
            {
                continue;
            }
            let caps_ok = s.caps && (4..=8).contains(&len);
            if s.caps && !caps_ok || !s.caps && len < self.min_length {
                continue;
            }
            // A known name first; all-caps words only from five letters.
            let target = if s.caps && len < 5 {
                None
            } else {
                self.best_target(&s.lower)
            };
            if let Some(t) = target {
                self.report_known(cx, s, t, out);
                continue;
            }
            if !self.article_names || own.is_empty() {
                continue;
            }
            // A name the article writes more often, or as often (then no fix).
            let Some(first) = s.lower.chars().next() else {
                continue;
            };
            let limit = limit(len, self.max_distance);
            let me = Own::new(0, &s.lower);
            let from = own.partition_point(|o| o.first < first);
            let other = own[from..]
                .iter()
                .take_while(|o| o.first == first)
                .filter(|o| o.within(&me, limit))
                .filter_map(|o| seen.get(o.seen))
                .filter(|o| o.word != s.word)
                .filter(|o| o.caps == s.caps && !o.always_followed && !s.always_followed)
                .filter(|o| o.ranges.len() >= s.ranges.len())
                .filter(|o| !is_derived(&s.lower, &o.lower))
                // Two romanizations of one name are the romanization rule's.
                .filter(|o| !skeletons_overlap(&s.lower, &o.lower))
                .filter(|o| !is_declared(cx.declared_aliases(), s.word, o.word))
                // Given names before them that cannot be one person's: two people
                // (Andrei Kovalev, Pavel Kovalov). As often as each other: only one
                // given name written before both says one person.
                .filter(|o| {
                    if o.ranges.len() == s.ranges.len() {
                        !o.before.is_empty()
                            && !s.before.is_empty()
                            && !two_people(&o.before, &s.before)
                    } else {
                        !two_people(&o.before, &s.before)
                    }
                })
                // Acronyms: one letter substituted, the other used three times.
                .filter(|o| !s.caps || (o.lower.len() == s.lower.len() && o.ranges.len() >= 3))
                .map(|o| (strsim::osa_distance(&s.lower, &o.lower), o))
                .filter(|(d, o)| {
                    (1..=limit).contains(d)
                        && *d <= depth_for(o.lower.chars().count()).min(self.max_distance)
                })
                .min_by_key(|(d, o)| (*d, std::cmp::Reverse(o.ranges.len()), o.ranges[0].start));
            if let Some((_, o)) = other {
                // On a tie the later spelling is reported, without a fix.
                if o.ranges.len() == s.ranges.len() && o.ranges[0].start > s.ranges[0].start {
                    continue;
                }
                self.report_article(s, o, out);
            }
        }
    }
}

impl NearMiss {
    fn message(&self, found: &str, expected: &str, entity: &str) -> String {
        match &self.meta.message {
            Some(t) => render(
                t,
                &[("found", found), ("expected", expected), ("entity", entity)],
            ),
            None => format!("'{found}' looks like a misspelling of '{expected}'"),
        }
    }

    fn report_known(&self, cx: &Context<'_>, s: &Seen<'_>, t: &Target, out: &mut Sink) {
        let entity = t.entity.map(|id| cx.entities.get(id));
        let entity_name = entity.map_or(t.name.as_str(), |e| e.name.as_ref());
        // A headline in Title Case capitalises words that only look like
        // designations; a person, place or body the base knows is a name there too.
        let named = entity.is_some_and(|e| {
            matches!(
                e.kind.as_ref(),
                "person" | "leader" | "place" | "organisation"
            )
        });
        for r in &s.ranges {
            if !named && super::text::in_title_case(cx.doc, r.start) {
                continue;
            }
            let mut d = self
                .meta
                .diag(r.clone(), self.message(s.word, &t.name, entity_name))
                .with_help(format!("did you mean '{}'?", t.name));
            match entity {
                Some(e) if e.name != t.name => {
                    d = d.with_note(format!("'{}' is a name of {} ({})", t.name, e.name, e.kind));
                }
                Some(e) => d = d.with_note(format!("'{}' is a known {}", t.name, e.kind)),
                None => {}
            }
            out.push(d.with_fix(t.name.clone(), Applicability::Unsafe));
        }
    }

    fn report_article(&self, s: &Seen<'_>, o: &Seen<'_>, out: &mut Sink) {
        let tie = o.ranges.len() == s.ranges.len();
        for r in &s.ranges {
            let message = if tie && self.meta.message.is_none() {
                format!(
                    "'{}' and '{}' differ by a letter; one is likely misspelt",
                    o.word, s.word
                )
            } else {
                self.message(s.word, o.word, o.word)
            };
            let mut d = self
                .meta
                .diag(r.clone(), message)
                .with_label(o.ranges[0].clone(), format!("'{}' here", o.word))
                .with_note(format!(
                    "{} × {}, {} × {} in this article",
                    o.ranges.len(),
                    o.word,
                    s.ranges.len(),
                    s.word
                ));
            if tie {
                d = d.with_help("check the source: one of them is misspelt (no fix: a tie)");
                d.severity = Severity::Info.min(self.meta.severity);
            } else {
                d = d
                    .with_help(format!(
                        "did you mean '{}'? (the spelling this article uses more often)",
                        o.word
                    ))
                    .with_fix(o.word.to_owned(), Applicability::Unsafe);
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{is_derived, Targets, Text};

    /// The index per first letter finds what one index over every name
    /// would, among the names with the word's first letter.
    #[test]
    fn candidates_come_from_the_words_first_letter_only() {
        let names: Vec<(Text, Option<usize>)> = ["Umerov", "Tikhanovsky", "Umarov", "Kamov"]
            .iter()
            .map(|n| (Text::Borrowed(n), None))
            .collect();
        let t = Targets::build(&names, 6, 2);
        let found = |word: &str, limit: usize| -> Vec<&str> {
            let first = word.chars().next().unwrap_or(' ');
            t.candidates(first, word, limit)
                .into_iter()
                .map(|i| t.targets[i as usize].name.as_str())
                .collect()
        };
        assert_eq!(found("umevrov", 1), ["Umerov"]);
        assert_eq!(found("tikanhovsky", 2), ["Tikhanovsky"]);
        // One edit from Umerov, but another first letter: no candidate.
        assert!(found("imerov", 1).is_empty());
        // Shorter than `min-length`: not a target at all.
        assert!(found("kamov", 1).is_empty());
        // No name starts with the letter.
        assert!(found("zumerov", 1).is_empty());
    }

    #[test]
    fn derived_words_are_not_misspellings() {
        for (a, b) in [
            ("russia", "russian"),
            ("germany", "germans"),
            ("iraq", "iraqi"),
            ("ivanov", "ivanova"),
            ("ukraine", "ukrainian"),
        ] {
            assert!(is_derived(a, b), "{a}/{b}");
        }
        for (a, b) in [
            ("umerov", "umevrov"),
            ("bandura", "bandrura"),
            ("nexta", "nexya"),
        ] {
            assert!(!is_derived(a, b), "{a}/{b}");
        }
    }
}
