//! `romanization-variants`: without a dictionary, two capitalised words in
//! one article that differ only the way romanizations of one Cyrillic name
//! differ (`Lukashenko`/`Lukashenka`, `Zelenskiy`/`Zelensky`,
//! `Tikhonovsky`/`Tihonovsky`). Each word is reduced to a skeleton that
//! erases exactly those differences; two words with one skeleton are variants.
//!
//! Precision comes from what the skeleton keeps: English endings (`-s`,
//! `-n`, `-ian`, `-ese`) change it, and so do gendered surname endings
//! (`-ov`/`-ova`, `-sky`/`-skaya`, `-y`/`-aya`), so `Russia`/`Russian` and
//! `Navalny`/`Navalnaya` never pair. Words the packs know (a variant group,
//! an entity) are left to the dictionary rules.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use super::aliases::is_declared;
use super::compile::{Compiler, RuleMeta};
use super::entities::{EntityBase, EntityId};
use super::gazetteer::{Part, PERSON_TYPES};
use super::memo::{remembered, WordMemo};
use super::name_forms::two_people;
use super::target::{choose, Candidate};
use super::text::{quoted_list, render, with_lowercase};
use super::translit;
use super::{Context, Rule, Sink};
use crate::diagnostic::{Applicability, Severity};
use crate::hash::FastMap;

/// The fields of a `romanization-variants` rule.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Options {
    min_length: Option<Spanned<i64>>,
    ignore: Option<Spanned<Vec<String>>>,
}

pub struct Romanization {
    meta: RuleMeta,
    min_length: usize,
    ignore: Vec<String>,
    /// Skeleton → the surnames and one-word names of the entity base that
    /// have it (their official form, their entity). Built on the first
    /// lone relay spelling an article has (few have one), from the
    /// ruleset's entity base: the skeletons of every name cost a few
    /// milliseconds of start-up.
    known: OnceLock<Known>,
}

type Known = HashMap<String, Vec<(String, EntityId)>>;

pub fn compile(cx: &mut Compiler<'_>, raw: Options, meta: RuleMeta) -> Option<Box<dyn Rule>> {
    let min_length = cx.bounded(raw.min_length, "min-length", 3..=64, 5)?;
    let ignore = raw.ignore.map(|i| i.into_inner()).unwrap_or_default();
    Some(Box::new(Romanization {
        meta,
        min_length,
        ignore,
        known: OnceLock::new(),
    }))
}

impl Romanization {
    fn known(&self, entities: &EntityBase) -> &Known {
        self.known.get_or_init(|| {
            let mut known = Known::new();
            for f in entities.name_index().iter() {
                if f.part != Part::Name || f.word.chars().count() < self.min_length {
                    continue;
                }
                let official = official_form(entities, f.entity).unwrap_or(&f.word);
                for sk in skeletons(&f.word.to_lowercase()).iter() {
                    let v = known.entry(sk.clone()).or_default();
                    if !v.iter().any(|(_, e)| *e == f.entity) {
                        v.push((official.to_owned(), f.entity));
                    }
                }
            }
            known
        })
    }
}

/// Rewrites, in order, that erase transliteration-typical differences.
const FOLDS: &[(&str, &str)] = &[
    ("shch", "sh"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    // Russian г is Ukrainian and Belarusian h (Sinegubov/Syniehubov, Gomel/Homel).
    ("g", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("iy", "i"),
    ("yy", "i"),
    ("ij", "i"),
    ("yi", "i"),
    ("ie", "e"),
    ("ye", "e"),
    ("je", "e"),
    ("yo", "e"),
    ("yu", "u"),
    ("iu", "u"),
    ("ju", "u"),
    ("y", "i"),
    ("j", "i"),
    ("w", "v"),
];

/// The skeleton of a word in English-style spelling; see the module comment.
pub fn skeleton(word: &str) -> String {
    let mut s = word.to_lowercase();
    for (from, to) in FOLDS {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    // Belarusian -ka where Russian writes -ko (Lukashenka, Babaryka).
    if out.len() > 4 && (out.ends_with("ka") || out.ends_with("ko")) {
        out.truncate(out.len() - 1);
        out.push('_');
    }
    out
}

/// The skeletons of a word: of its plain reading and of its reading in
/// each relay spelling it shows marks of (`translit`).
pub fn skeletons(lower: &str) -> Rc<[String]> {
    thread_local! {
        static SKELETONS: WordMemo<Rc<[String]>> = RefCell::default();
    }
    remembered(
        &SKELETONS,
        lower,
        |_| true,
        || {
            let mut out: Vec<String> = translit::readings(lower)
                .iter()
                .map(|r| skeleton(r))
                .collect();
            out.dedup();
            out.into()
        },
    )
}

pub fn skeletons_overlap(a: &str, b: &str) -> bool {
    let sa = skeletons(a);
    skeletons(b).iter().any(|s| sa.contains(s))
}

/// A capitalised word of the article (`Context::capitalized`).
type Form<'a> = super::capitalized::Capitalized<'a>;

/// The official spelling of an entity's surname or one-word name.
fn official_form(entities: &EntityBase, id: EntityId) -> Option<&str> {
    let e = entities.get(id);
    if PERSON_TYPES.contains(&e.kind.as_ref()) {
        e.name.split(' ').next_back()
    } else {
        Some(e.name.as_ref())
    }
}

/// Letters English romanization of Cyrillic never writes: a diacritic, a
/// `c` outside `ch`/`ck` (Czech, Polish and Lithuanian write ц so), a `w`
/// or a `j` (German and Polish в and й).
fn has_relay_letters(lower: &str) -> bool {
    if !lower.is_ascii() {
        return true;
    }
    let b = lower.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'w' | b'j') || c == b'c' && !matches!(b.get(i + 1), Some(b'h' | b'k'))
    })
}

/// Union-find over the forms, joined by shared skeletons.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

impl Rule for Romanization {
    rule_meta!();

    fn check(&self, cx: &Context<'_>, out: &mut Sink) {
        let doc = cx.doc;
        let names = cx.entities.name_index();
        let forms: Vec<&Form<'_>> = cx
            .capitalized()
            .iter()
            .filter(|c| {
                !c.caps && c.chars >= self.min_length && !self.ignore.iter().any(|x| x == c.word)
            })
            .collect();
        let mut parent: Vec<usize> = (0..forms.len()).collect();
        // Each form's skeletons, kept alive so the map can borrow them.
        let skeleton_lists: Vec<Rc<[String]>> = forms
            .iter()
            .map(|f| with_lowercase(f.word, skeletons))
            .collect();
        let mut by_skeleton: FastMap<&str, usize> = FastMap::default();
        for (i, list) in skeleton_lists.iter().enumerate() {
            for s in list.iter() {
                match by_skeleton.get(s.as_str()) {
                    Some(&j) => {
                        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                        parent[a] = b;
                    }
                    None => {
                        by_skeleton.insert(s, i);
                    }
                }
            }
        }
        let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for i in 0..forms.len() {
            let root = find(&mut parent, i);
            clusters.entry(root).or_default().push(i);
        }
        let mut clusters: Vec<Vec<usize>> =
            clusters.into_values().filter(|c| c.len() >= 2).collect();
        clusters.sort_by_key(|c| forms[c[0]].ranges[0].start);
        let mut clustered = vec![false; forms.len()];
        for c in &clusters {
            for &i in c {
                clustered[i] = true;
            }
        }
        // A lone spelling in relay letters of a name the base knows
        // (Bolkunec for Bolkunets): the packs list the accepted spellings.
        for (i, f) in forms.iter().enumerate() {
            if clustered[i] || f.term || !f.proper {
                continue;
            }
            let lower = f.lower.clone();
            if names.is_known(&lower) || !has_relay_letters(&lower) {
                continue;
            }
            let mut found: Vec<&(String, EntityId)> = skeletons(&lower)
                .iter()
                .filter_map(|sk| self.known(cx.entities).get(sk))
                .flatten()
                .collect();
            found.sort_by_key(|(_, e)| *e);
            found.dedup_by_key(|(_, e)| *e);
            let [(official, entity)] = found.as_slice() else {
                continue;
            };
            let e = cx.entities.get(*entity);
            for r in &f.ranges {
                let d = self.meta.diag(
                    r.clone(),
                    match &self.meta.message {
                        Some(t) => render(t, &[("found", f.word), ("expected", official)]),
                        None => format!(
                            "'{}' is a romanization of '{}' ({}) that English copy does not use",
                            f.word, official, e.name
                        ),
                    },
                );
                out.push(
                d.with_help(format!("use the accepted spelling: '{official}' (the official spelling the packs know)"))
                    .with_fix(official.clone(), Applicability::Unsafe),
            );
            }
        }
        for members in clusters {
            let cluster: Vec<&Form<'_>> = members.iter().map(|&i| forms[i]).collect();
            // A proper noun: each spelling occurs at least once where a capital says so.
            if !cluster.iter().all(|f| f.proper) {
                continue;
            }
            let candidates: Vec<Candidate<'_>> = cluster
                .iter()
                .map(|f| Candidate {
                    ranges: &f.ranges,
                    house: cx.house_forms.contains(f.word),
                    official: with_lowercase(f.word, |l| names.is_official(l)),
                })
                .collect();
            let choice = choose(doc, &candidates);
            let keep = choice.map_or(0, |(i, _)| i);
            let keep_form = cluster[keep];
            let mut sorted: Vec<&Form<'_>> = cluster.clone();
            sorted.sort_by(|a, b| b.ranges.len().cmp(&a.ranges.len()).then(a.word.cmp(b.word)));
            let counts = sorted
                .iter()
                .map(|f| format!("{} × {}", f.ranges.len(), f.word))
                .collect::<Vec<_>>()
                .join(", ");
            for (i, f) in cluster.iter().enumerate() {
                if i == keep || is_declared(cx.declared_aliases(), f.word, keep_form.word) {
                    continue;
                }
                // Two spellings the packs both know: a variant group reports them
                // if they are one name; two entities the packs tell apart
                // (Navalny and Navalnaya, two clubs) are not, however alike.
                if f.term && keep_form.term {
                    continue;
                }
                // "Dmitry Peskov" and "Dmitri Shostakovich": two given names, always
                // with surnames, never the same one, are two people.
                if f.always_followed
                    && keep_form.always_followed
                    && !f.followers.iter().any(|x| keep_form.followers.contains(x))
                {
                    continue;
                }
                // Surnames after given names that cannot be one person's:
                // two people (Oleg Martynov, Ivan Martinov).
                if two_people(&f.before, &keep_form.before) {
                    continue;
                }
                // Given names vary between people ("Sergei Lavrov", "Sergey Shoigu"):
                // report them, but below the rule's level.
                let severity = if f.followed || keep_form.followed {
                    Severity::Info
                } else {
                    self.meta.severity
                };
                // One finding per place: a fix edits one range; the note counts them all.
                for r in &f.ranges {
                    let mut d = self.meta.diag(
                        r.clone(),
                        match &self.meta.message {
                            Some(t) => {
                                render(t, &[("found", f.word), ("expected", keep_form.word)])
                            }
                            None => format!(
                                "{} look like two romanizations of one name",
                                quoted_list(&[f.word, keep_form.word])
                            ),
                        },
                    );
                    d = d
                        .with_label(
                            keep_form.ranges[0].clone(),
                            format!("'{}' here", keep_form.word),
                        )
                        .with_note(counts.clone());
                    d = match choice {
                    Some((_, why)) => d
                        .with_help(format!(
                            "if they name one person or place, use one spelling: '{}' ({})",
                            keep_form.word,
                            why.describe()
                        ))
                        .with_fix(keep_form.word.to_owned(), Applicability::Unsafe),
                    None => d.with_help(
                        "use one spelling if one person or place (no fix: a tie, none known or in the headline)",
                    ),
                };
                    d.severity = severity.min(self.meta.severity);
                    out.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{skeleton, skeletons_overlap};

    #[test]
    fn relay_spellings_share_a_skeleton() {
        for (a, b) in [
            ("loukachenko", "lukashenko"),
            ("lukašenko", "lukashenko"),
            ("łukaszenka", "lukashenko"),
            ("tikhanovskaïa", "tikhanovskaya"),
        ] {
            assert!(skeletons_overlap(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn romanization_variants_share_a_skeleton() {
        for (a, b) in [
            ("Lukashenko", "Lukashenka"),
            ("Zelenskiy", "Zelensky"),
            ("Zelenskyy", "Zelensky"),
            ("Navalny", "Navalnyy"),
            ("Kharkov", "Harkov"),
            ("Tsepkalo", "Cepkalo"),
            ("Babariko", "Babaryka"),
            ("Mahilyow", "Mahilyov"),
            ("Mogilyov", "Mogilev"),
            ("Sinegubov", "Syniehubov"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }

    #[test]
    fn morphology_and_gender_change_the_skeleton() {
        for (a, b) in [
            ("Russia", "Russian"),
            ("Belarus", "Belarusian"),
            ("Ukraine", "Ukrainian"),
            ("Navalny", "Navalnaya"),
            ("Tikhanovsky", "Tikhanovskaya"),
            ("Ivanov", "Ivanova"),
            ("Putin", "Putina"),
            ("Roberto", "Roberta"),
            ("China", "Chinese"),
            ("Poland", "Polands"),
        ] {
            assert_ne!(skeleton(a), skeleton(b), "{a} / {b}");
        }
    }
}
