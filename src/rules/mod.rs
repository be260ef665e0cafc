//! The rule engine: the `Rule` trait, the registry of rule kinds, and the
//! `Ruleset` compiled once per run from rule packs.

/// The `meta` accessors every rule kind writes the same way.
macro_rules! rule_meta {
    () => {
        fn meta(&self) -> &RuleMeta {
            &self.meta
        }

        fn meta_mut(&mut self) -> &mut RuleMeta {
            &mut self.meta
        }
    };
}

mod aliases;
mod apostrophes;
mod attribute;
mod brackets;
mod capitalized;
mod compile;
mod conditional;
mod conflation;
mod consistency;
mod currency;
mod deletion;
mod doubled_initial;
mod doubled_word;
mod entities;
mod existence;
pub(crate) mod folded;
mod fuzzy;
pub(crate) mod gazetteer;
mod glued_words;
mod headline_numbers;
pub mod house;
pub mod ids;
pub mod lexicon;
mod lost_apostrophe;
mod mixed_quotes;
mod mixed_script;

mod masthead;
mod memo;
mod name_forms;
mod near_miss;
mod occurrence;
mod office;
mod options;
mod page_residue;
mod phrase_table;
mod quotation;
mod repeated_content;
pub(crate) mod romanization;
pub mod self_test;
mod spacing;
mod stray_capital;
mod stray_period;
mod substitution;
mod target;
pub(crate) mod text;
pub mod timing;
mod translit;
mod untranslated;
mod weekday_date;

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

pub use compile::{suggest, RuleDoc, RuleMeta, KINDS};
pub use entities::{Entity, EntityBase, Mention};
use lexicon::{Hit, Lexicon};
pub use options::rule_fields;
pub use text::Template;

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::packs::{PackErrors, PackSource};

/// What every rule reads for one document. Shared passes are computed at
/// most once, and only when a rule asks for them.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    words: OnceLock<Vec<folded::Word>>,
    hits: OnceLock<Vec<Hit>>,
    pub lexicon: &'a Lexicon,
    pub entities: &'a EntityBase,
    /// The archive's house spellings (`house-spelling`'s `prefer`s).
    pub house_forms: &'a HashSet<String>,
    mentions: OnceLock<Vec<Mention>>,
    aliases: OnceLock<HashSet<(String, String)>>,
    capitalized: OnceLock<Vec<capitalized::Capitalized<'a>>>,
}

impl<'a> Context<'a> {
    /// Every dictionary term found in the document (`Lexicon::scan`), run on
    /// the first rule that reads it: a run of rules that read none (one
    /// `--select`ed typography rule) does not pay for the scan.
    pub fn hits(&self) -> &[Hit] {
        self.hits.get_or_init(|| {
            let words = self.words();
            let started = timing::start();
            let hits = self.lexicon.scan(self.doc, words);
            timing::record("(lexicon scan)", started);
            hits
        })
    }

    /// The article's words, folded and hashed (`folded::words`): the
    /// lexicon finds its terms by them, the repeat search compares them.
    pub fn words(&self) -> &[folded::Word] {
        self.words.get_or_init(|| {
            let started = timing::start();
            let words = folded::words(self.doc);
            timing::record("(words)", started);
            words
        })
    }

    /// Entity names and aliases found in the document, in order.
    pub fn mentions(&self) -> &[Mention] {
        self.mentions.get_or_init(|| {
            let hits = self.hits();
            let started = timing::start();
            let mentions = self.entities.mentions(hits);
            timing::record("(entity mentions)", started);
            mentions
        })
    }

    /// The article's capitalised words, each once, with their occurrences.
    pub fn capitalized(&self) -> &[capitalized::Capitalized<'a>] {
        self.capitalized.get_or_init(|| {
            let hits = self.hits();
            let started = timing::start();
            let words = capitalized::capitalized(self.doc, hits, self.entities);
            timing::record("(capitalized words)", started);
            words
        })
    }

    /// Spelling pairs the article itself declares equivalent ("Kyiv (Kiev)").
    pub fn declared_aliases(&self) -> &HashSet<(String, String)> {
        self.aliases.get_or_init(|| aliases::declared(self.doc))
    }
}

/// Where a rule pushes its findings. Past `MAX_PER_RULE` findings of one
/// rule in one file the rest are counted, not kept, so that a degenerate
/// file (one sentence repeated a million times) cannot exhaust memory.
#[derive(Default)]
pub struct Sink {
    diagnostics: Vec<Diagnostic>,
    kept: usize,
    dropped: usize,
}

/// Threads one file's rules may use (see [`set_threads_per_file`]).
static THREADS_PER_FILE: AtomicUsize = AtomicUsize::new(1);

/// Below this much text a file's rules run on the thread that read it: a
/// run over many articles keeps every thread busy with files already.
const PARALLEL_BYTES: usize = 1 << 20;

/// Lets one file of a megabyte or more spread its rules over `n` threads
/// (the command line passes its `--jobs`): a run of one huge file (a feed
/// dump on one line) would otherwise use one core of many. The findings
/// are the same on any number of threads. The default is one.
pub fn set_threads_per_file(n: usize) {
    THREADS_PER_FILE.store(n.max(1), Ordering::Relaxed);
}

fn threads_for(bytes: usize) -> usize {
    if bytes < PARALLEL_BYTES {
        1
    } else {
        THREADS_PER_FILE.load(Ordering::Relaxed)
    }
}

/// Findings of one rule kept per file.
pub const MAX_PER_RULE: usize = 1000;

impl Sink {
    pub fn push(&mut self, d: Diagnostic) {
        if self.kept < MAX_PER_RULE {
            self.kept += 1;
            self.diagnostics.push(d);
        } else {
            self.dropped += 1;
        }
    }

    /// How many more findings this rule may push before they are only
    /// counted: a rule with thousands (a feed dump's repeats) builds no
    /// more than these.
    pub fn room(&self) -> usize {
        MAX_PER_RULE.saturating_sub(self.kept)
    }

    /// Counts `n` findings left out without building them (see [`Sink::room`]).
    pub fn left_out(&mut self, n: usize) {
        self.dropped += n;
    }

    /// Closes one rule's findings: a note on its last kept finding says how many were left out.
    fn finish_rule(&mut self) {
        if self.dropped > 0 {
            if let Some(last) = self.diagnostics.last_mut() {
                last.notes.push(format!(
                    "{} more findings of this rule in this file are not shown (at most {MAX_PER_RULE} per rule and file)",
                    self.dropped
                ));
            }
        }
        self.kept = 0;
        self.dropped = 0;
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn meta_mut(&mut self) -> &mut RuleMeta;
    /// Pushes this rule's findings on `doc`; the severity is set by the caller.
    fn check(&self, cx: &Context<'_>, out: &mut Sink);
}

/// Every rule of a run, compiled once and shared by reference across threads.
pub struct Ruleset {
    rules: Vec<Box<dyn Rule>>,
    lexicon: Lexicon,
    entities: EntityBase,
    house_forms: HashSet<String>,
}

impl Ruleset {
    /// Compiles the given packs; every error in every pack is collected.
    pub fn compile(sources: Vec<PackSource>) -> Result<Ruleset, PackErrors> {
        compile::compile(sources)
    }

    /// The shipped packs alone.
    pub fn shipped() -> Result<Ruleset, PackErrors> {
        Ruleset::compile(crate::packs::shipped_sources())
    }

    /// Every compiled rule: a check defined in several packs (its language
    /// editions) appears once per pack, its first definition first.
    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|r| r.meta())
    }

    /// One entry per check: the first definition of each id, whose
    /// description, severity and doc speak for the check.
    pub fn checks(&self) -> impl Iterator<Item = &RuleMeta> {
        let mut last: Option<&str> = None;
        self.rules().filter(move |m| {
            let new = last != Some(&*m.id);
            last = Some(&m.id);
            new
        })
    }

    /// The language editions of the check `id` after its first definition.
    pub fn editions<'s>(&'s self, id: &'s str) -> impl Iterator<Item = &'s RuleMeta> + 's {
        self.rules().filter(move |m| &*m.id == id).skip(1)
    }

    /// The rule `id` names (as a user wrote it: see [`crate::rule_key`]).
    pub fn rule(&self, id: &str) -> Option<&RuleMeta> {
        use crate::rule_key::{key_match, KeyMatch};
        self.rules()
            .find(|m| key_match(id, &m.id) == Some(KeyMatch::Id))
    }

    pub fn entities(&self) -> &EntityBase {
        &self.entities
    }

    /// Keeps only the rules `keep` accepts, with the severity it returns.
    /// Checking goes through the [`crate::Linter`], which skips disabled rules
    /// itself; this stays for the benchmarks that time one rule alone.
    pub fn configure(&mut self, mut keep: impl FnMut(&RuleMeta) -> Option<Severity>) {
        self.rules.retain(|r| keep(r.meta()).is_some());
        for r in &mut self.rules {
            if let Some(s) = keep(r.meta()) {
                r.meta_mut().severity = s;
            }
        }
    }

    pub fn check(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        self.check_enabled(doc, None)
    }

    /// Runs the rules whose flag in `enabled` (one per rule, in the order of
    /// [`Ruleset::rules`]) is set; `None` runs them all.
    pub(crate) fn check_enabled(
        &self,
        doc: &Document<'_>,
        enabled: Option<&[bool]>,
    ) -> Vec<Diagnostic> {
        let cx = Context {
            doc,
            words: OnceLock::new(),
            hits: OnceLock::new(),
            lexicon: &self.lexicon,
            entities: &self.entities,
            house_forms: &self.house_forms,
            mentions: OnceLock::new(),
            aliases: OnceLock::new(),
            capitalized: OnceLock::new(),
        };
        let selected = || {
            self.rules
                .iter()
                .enumerate()
                .filter(|(i, _)| enabled.is_none_or(|e| e.get(*i).copied().unwrap_or(true)))
                .filter(|(_, r)| r.meta().language.is_none_or(|l| l == doc.language))
                .map(|(_, r)| &**r)
        };
        let run = |rule: &dyn Rule, sink: &mut Sink| {
            let started = timing::start();
            rule.check(&cx, sink);
            timing::record(&rule.meta().id, started);
            sink.finish_rule();
        };
        let threads = threads_for(doc.text.len());
        let mut out = if threads > 1 {
            let selected: Vec<&dyn Rule> = selected().collect();
            let threads = threads.min(selected.len());
            // A large file's rules on several threads, each taking the next
            // rule as it finishes one; the findings are put back in rule
            // order, so the report is the one a single thread makes.
            let next = AtomicUsize::new(0);
            let mut sinks: Vec<(usize, Sink)> = std::thread::scope(|scope| {
                let work = || {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&rule) = selected.get(i) else {
                            break;
                        };
                        let mut sink = Sink::default();
                        run(rule, &mut sink);
                        mine.push((i, sink));
                    }
                    mine
                };
                let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
                let mut all = work();
                for h in helpers {
                    match h.join() {
                        Ok(theirs) => all.extend(theirs),
                        // A rule's panic is the caller's, as on one thread.
                        Err(panic) => std::panic::resume_unwind(panic),
                    }
                }
                all
            });
            sinks.sort_by_key(|(i, _)| *i);
            sinks.into_iter().flat_map(|(_, s)| s.diagnostics).collect()
        } else {
            let mut sink = Sink::default();
            for rule in selected() {
                run(rule, &mut sink);
            }
            sink.diagnostics
        };
        out.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
        });
        one_finding_per_debris(doc.text, &mut out);
        one_finding_per_name(&mut out);
        out
    }
}

/// The name rules overlap by design (a pack's variant group, a
/// romanization skeleton, a near-miss can all see one misspelt name): one
/// finding per word is kept, the most specific: a pack's group or its
/// list of misspellings before the skeleton, the skeleton before a guess.
fn one_finding_per_name(out: &mut Vec<Diagnostic>) {
    const ORDER: &[&str] = &[
        "names/house-spelling",
        "names/variant-spelling",
        "names/known-misspelling",
        "names/romanization-variant",
        "names/wrong-form",
        "names/near-miss",
    ];
    let rank = |d: &Diagnostic| ORDER.iter().position(|r| *r == &*d.rule);
    let mut best: std::collections::HashMap<std::ops::Range<usize>, usize> =
        std::collections::HashMap::new();
    for d in out.iter() {
        if let Some(r) = rank(d) {
            let e = best.entry(d.range.clone()).or_insert(r);
            *e = (*e).min(r);
        }
    }
    out.retain(|d| match rank(d) {
        Some(r) => best.get(&d.range).is_none_or(|&b| b == r),
        None => true,
    });
}

/// A line of page debris is one defect: when two `markers` checks flag
/// overlapping words that start on one line (the boilerplate catalogue knows
/// `Share:`, the page residue check sees an empty label), the finding that
/// offers a fix is kept, else the first. Other categories are left alone: a
/// name can be misspelt and inconsistent at once.
fn one_finding_per_debris(text: &str, out: &mut Vec<Diagnostic>) {
    let mut kept: Option<usize> = None;
    let mut keep = vec![true; out.len()];
    for i in 0..out.len() {
        if out[i].category() != "markers" {
            continue;
        }
        if let Some(k) = kept {
            let (a, b) = (&out[k], &out[i]);
            let one_line = text
                .get(a.range.start..b.range.start)
                .is_some_and(|between| !between.contains('\n'));
            if a.rule != b.rule && b.range.start < a.range.end && one_line {
                if a.fix.is_none() && b.fix.is_some() {
                    keep[k] = false;
                    kept = Some(i);
                } else {
                    keep[i] = false;
                }
                continue;
            }
        }
        kept = Some(i);
    }
    let mut flags = keep.into_iter();
    out.retain(|_| flags.next().unwrap_or(true));
}
