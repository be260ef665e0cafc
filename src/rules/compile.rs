//! Compiling packs into a `Ruleset`: the registry of rule kinds, the checks
//! every rule shares (id, kind, severity, fields its kind reads), and error
//! collection, so that one run reports every mistake in every pack.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use super::entities::EntityBase;
use super::lexicon::LexiconBuilder;
use super::options::{self, Compile, CompileKind};
use super::text::Template;
use super::{
    apostrophes, attribute, brackets, conditional, conflation, consistency, currency,
    doubled_initial, doubled_word, existence, glued_words, headline_numbers, house,
    lost_apostrophe, masthead, mixed_quotes, mixed_script, name_forms, near_miss, occurrence,
    office, page_residue, phrase_table, quotation, repeated_content, romanization, spacing,
    stray_capital, stray_period, substitution, untranslated, weekday_date, Rule, Ruleset,
};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::packs::schema::{RawDoc, RawRule};
use crate::packs::{self, PackError, PackErrors, PackSource};

pub type RuleDoc = RawDoc;

/// What is known of a rule apart from its logic.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct RuleMeta {
    pub id: Arc<str>,
    pub kind: &'static str,
    pub severity: Severity,
    pub pack: String,
    /// The pack's language: the rule runs only on articles in it (none: every article).
    pub language: Option<Lang>,
    pub description: Option<String>,
    /// The pack's own message, overriding the kind's.
    pub message: Option<Template>,
    pub doc: Option<RuleDoc>,
    /// The pack file the rule is defined in, as the pack was named.
    pub file: String,
    /// Its own cases: `[[rule.test]]` and `[rule.doc]`'s example and look-alike.
    pub tests: Vec<super::self_test::RuleTest>,
}

impl RuleMeta {
    /// A rule's metadata with defaults, for unit tests of a kind.
    #[cfg(test)]
    pub(crate) fn for_tests(id: &str, kind: &'static str) -> RuleMeta {
        RuleMeta {
            id: id.into(),
            kind,
            severity: Severity::Warning,
            pack: "test".into(),
            language: None,
            description: None,
            message: None,
            doc: None,
            file: "test".into(),
            tests: Vec::new(),
        }
    }

    pub fn diag(&self, range: Range<usize>, message: String) -> Diagnostic {
        Diagnostic::new(&self.id, self.severity, range, message)
    }

    pub fn category(&self) -> &str {
        crate::diagnostic::category_of(&self.id)
    }
}

/// A rule kind: its name in TOML, the placeholders its messages may use, and
/// its compile function, whose argument names the struct of the fields it reads.
pub struct Kind {
    pub name: &'static str,
    pub placeholders: &'static [&'static str],
    pub summary: &'static str,
    compile: &'static dyn CompileKind,
}

impl Kind {
    /// The fields its rules may hold besides those every rule has.
    pub fn fields(&self) -> &'static [&'static str] {
        self.compile.fields()
    }
}

const FOUND: &[&str] = &["found"];

/// Dictionary terms (variants, names, aliases, phrases) across all packs of a run:
/// bounds the automaton an untrusted pack can make galley build.
pub const MAX_TERMS: usize = 500_000;

/// Memory for the compiled regexes of all rules of a run, each counted as
/// its compiled size plus the search cache it may grow
/// (`existence::REGEX_CACHE_LIMIT`). One regex is bounded at 1 MiB; without
/// a total, 3,000 of them in a 200 KB pack took 3 GB and aborted (issue 19).
pub const MAX_REGEX_MEMORY: usize = 512 << 20;

/// The running total against [`MAX_REGEX_MEMORY`].
#[derive(Debug, Default)]
pub struct RegexMemory {
    pub used: usize,
    /// The budget was crossed (and that reported, once).
    pub exceeded: bool,
}

/// The registry of rule kinds, sorted by name: one line per kind.
#[rustfmt::skip]
pub const KINDS: &[Kind] = &[
    Kind { name: "attribute", compile: &Compile(attribute::compile), placeholders: &["found", "entity", "expected", "attribute"], summary: "an entity near an attribute value it does not have" },
    Kind { name: "bracket-balance", compile: &Compile(brackets::compile), placeholders: FOUND, summary: "a bracket never closed or never opened in its paragraph" },
    Kind { name: "conditional", compile: &Compile(conditional::compile), placeholders: &["found"], summary: "if one pattern appears, another must too (before it, or anywhere)" },
    Kind { name: "conflation", compile: &Compile(conflation::compile), placeholders: &["found", "entity"], summary: "two different entities run together in one noun phrase" },
    Kind { name: "consistency", compile: &Compile(consistency::compile), placeholders: &["found", "expected", "count"], summary: "two spellings of one name in one article" },
    Kind { name: "currency-spacing", compile: &Compile(currency::compile), placeholders: FOUND, summary: "a currency amount written with and without a space" },
    Kind { name: "dash-attribution", compile: &Compile(quotation::dash::compile), placeholders: FOUND, summary: "an attribution set off with a dash after a quotation (`”, — said`)" },
    Kind { name: "double-space", compile: &Compile(spacing::double_space::compile), placeholders: FOUND, summary: "two or more spaces between words of a line" },
    Kind { name: "doubled-initial", compile: &Compile(doubled_initial::compile), placeholders: FOUND, summary: "a word that opens with the same consonant twice (`ddepends`)" },
    Kind { name: "doubled-word", compile: &Compile(doubled_word::compile), placeholders: FOUND, summary: "a word written twice in a row" },
    Kind { name: "existence", compile: &Compile(existence::compile), placeholders: FOUND, summary: "a pattern or phrase that should not appear" },
    Kind { name: "glued-words", compile: &Compile(glued_words::compile), placeholders: FOUND, summary: "two words written as one (`reportedthat`, `ByJohn`), from the article's own words" },
    Kind { name: "headline-numbers", compile: &Compile(headline_numbers::compile), placeholders: &["found", "expected"], summary: "an amount in the headline that the body states at least tenfold different" },
    Kind { name: "house-boilerplate", compile: &Compile(house::boilerplate::compile), placeholders: FOUND, summary: "a line so many of the archive's articles print that it is the site's (from `galley house`)" },
    Kind { name: "house-spelling", compile: &Compile(house::spelling::compile), placeholders: FOUND, summary: "a name written otherwise than the archive's house form (from `galley house`)" },
    Kind { name: "house-typography", compile: &Compile(house::typography::compile), placeholders: FOUND, summary: "quotation marks, apostrophes or currency spacing unlike the archive's (from `galley house`)" },
    Kind { name: "lost-apostrophe", compile: &Compile(lost_apostrophe::compile), placeholders: FOUND, summary: "a contraction or a name's possessive that lost its apostrophe" },
    Kind { name: "masthead", compile: &Compile(masthead::compile), placeholders: FOUND, summary: "the site's name, tagline or label above the headline, or glued to it" },
    Kind { name: "missing-space", compile: &Compile(spacing::missing_space::compile), placeholders: FOUND, summary: "no space after sentence punctuation, or before a glued date" },
    Kind { name: "mixed-apostrophes", compile: &Compile(apostrophes::compile), placeholders: FOUND, summary: "straight and typographic apostrophes in one article" },
    Kind { name: "mixed-quotes", compile: &Compile(mixed_quotes::compile), placeholders: FOUND, summary: "straight and typeset double quotes in one article (the language's marks)" },
    Kind { name: "mixed-script", compile: &Compile(mixed_script::compile), placeholders: FOUND, summary: "a word mixing scripts, or hiding an invisible character" },
    Kind { name: "name-forms", compile: &Compile(name_forms::compile), placeholders: &["found", "expected", "entity"], summary: "a known person's given name in another language's form" },
    Kind { name: "near-miss", compile: &Compile(near_miss::compile), placeholders: &["found", "expected", "entity"], summary: "a word one or two letters away from a known name" },
    Kind { name: "occurrence", compile: &Compile(occurrence::compile), placeholders: &["found", "count", "max", "min"], summary: "a term more (or fewer) than N times, a sentence longer than N words" },
    Kind { name: "office", compile: &Compile(office::compile), placeholders: &["found", "entity", "expected"], summary: "a person given a title for an office they did not hold (at the article's date)" },
    Kind { name: "page-residue", compile: &Compile(page_residue::compile), placeholders: FOUND, summary: "a line kept from the page's interface: breadcrumb, clock, counter, slug, empty label" },
    Kind { name: "phrase-table", compile: &Compile(phrase_table::compile), placeholders: &["found", "source"], summary: "a table of phrases, each with its own explanation, help and guards: calques, acronyms left untranslated" },
    Kind { name: "quote-balance", compile: &Compile(quotation::balance::compile), placeholders: FOUND, summary: "quotation marks unclosed, unopened, mismatched, doubled or nested in the same marks" },
    Kind { name: "quote-punctuation", compile: &Compile(quotation::punctuation::compile), placeholders: FOUND, summary: "a space or punctuation on the wrong side of a quotation mark" },
    Kind { name: "repeated-content", compile: &Compile(repeated_content::compile), placeholders: FOUND, summary: "a headline, paragraph, caption, byline or long sentence printed twice" },
    Kind { name: "romanization-variants", compile: &Compile(romanization::compile), placeholders: &["found", "expected"], summary: "names that differ only as romanizations do" },
    Kind { name: "space-before-punctuation", compile: &Compile(spacing::before_punctuation::compile), placeholders: FOUND, summary: "a space before , . ; : ! ? (by the language's conventions)" },
    Kind { name: "stray-capital", compile: &Compile(stray_capital::compile), placeholders: FOUND, summary: "a function word with a capital in the middle of a sentence" },
    Kind { name: "stray-period", compile: &Compile(stray_period::compile), placeholders: FOUND, summary: "a full stop before a lower-case word, after no abbreviation" },
    Kind { name: "substitution", compile: &Compile(substitution::compile), placeholders: &["found", "expected"], summary: "a known wrong form and its right one" },
    Kind { name: "untranslated", compile: &Compile(untranslated::compile), placeholders: &["found", "language", "confidence", "expected", "script"], summary: "a paragraph, sentence or phrase left in another language or script" },
    Kind { name: "weekday-date", compile: &Compile(weekday_date::compile), placeholders: &["found", "expected"], summary: "a weekday written with a date it does not fall on" },
];

/// State shared while compiling: the lexicon every rule adds terms to, the
/// entity base, and the errors found so far.
pub struct Compiler<'a> {
    pub file: &'a str,
    pub lexicon: &'a mut LexiconBuilder,
    pub entities: &'a EntityBase,
    /// The house forms of the project's `house-spelling` packs: the spelling
    /// every names rule keeps (`target`'s first reason), whichever pack
    /// defines the group.
    pub house_forms: &'a mut HashSet<String>,
    errors: &'a mut Vec<PackError>,
    /// What the regexes of every pack compiled so far cost, in bytes.
    pub regex_memory: &'a mut RegexMemory,
    /// The `id` of the rule being compiled: where an error about the rule as
    /// a whole (a required field missing) points.
    pub id: Range<usize>,
    /// A shipped pack (`<builtin>/…`): its regexes are checked by the test
    /// suite, so they may be compiled on first use instead of at start-up.
    pub trusted: bool,
}

impl Compiler<'_> {
    /// A whole-number option within `range`, `default` when absent; out of
    /// range, an error pointed at the value and `None`.
    pub fn bounded(
        &mut self,
        value: Option<toml::Spanned<i64>>,
        name: &str,
        range: std::ops::RangeInclusive<usize>,
        default: usize,
    ) -> Option<usize> {
        let Some(v) = value else {
            return Some(default);
        };
        match usize::try_from(*v.get_ref()) {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                self.error(
                    v.span(),
                    format!(
                        "`{name}` must be between {} and {}",
                        range.start(),
                        range.end()
                    ),
                );
                None
            }
        }
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.errors
            .push(PackError::new(self.file, Some(span), message));
    }

    pub fn error_help(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.errors
            .push(PackError::new(self.file, Some(span), message).with_help(help));
    }
}

/// A "did you mean" for a misspelt name among `known`.
pub fn suggest<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(word, k), k))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

pub(super) fn compile(sources: Vec<PackSource>) -> Result<Ruleset, PackErrors> {
    let mut errors = Vec::new();
    let mut parsed = Vec::new();
    for (source, (raw, errs)) in sources.iter().zip(parse_all(&sources)) {
        errors.extend(errs);
        if let Some(raw) = raw {
            parsed.push((source.name.clone(), raw));
        }
    }
    let started = super::timing::start();

    let mut lexicon = LexiconBuilder::default();
    let mut entities = EntityBase::default();
    let mut entities_crossed: Option<(String, Range<usize>)> = None;
    let count: usize = parsed.iter().map(|(_, raw)| raw.entity.len()).sum();
    entities.reserve(count);
    // The rules' own terms come on top of the entities' names.
    lexicon.reserve(count * 8 / 5 + 3_000);
    for (file, raw) in &mut parsed {
        for e in std::mem::take(&mut raw.entity) {
            let span = e.span();
            if let Err(msg) = entities.add(e.into_inner(), &mut lexicon) {
                errors.push(PackError::new(file, Some(span.clone()), msg));
            }
            if entities_crossed.is_none() && lexicon.len() > MAX_TERMS {
                entities_crossed = Some((file.clone(), span));
            }
        }
    }

    super::timing::record("(start-up: entity base)", started);
    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    let mut house_forms = HashSet::new();
    let mut regex_memory = RegexMemory::default();
    // The first rule or entity that took the dictionary past MAX_TERMS: where the error points.
    let mut terms_crossed: Option<(String, Range<usize>)> = None;
    // Each id's first definition: its file and kind. The same id in another
    // pack is an edition of that check (German doubles, Arabic names).
    let mut seen: HashMap<String, (String, &'static str)> = HashMap::new();
    // The name index (the gazetteer's words, for the name rules) is built
    // beside the rules' compile, on the other core: near-miss, which reads it
    // at compile, waits for it only if it gets there first.
    std::thread::scope(|s| {
        let entities = &entities;
        s.spawn(move || {
            entities.name_index();
        });
        for (file, raw) in parsed {
            let pack = raw
                .pack
                .as_ref()
                .map_or_else(|| file.clone(), |p| p.name.get_ref().clone());
            let language = raw
                .pack
                .as_ref()
                .and_then(|p| p.language.as_ref())
                .and_then(|l| pack_language(l, &file, &mut errors));
            // The pack's dictionary terms are looked up only in articles in its language.
            lexicon.set_language(language);
            let mut cx = Compiler {
                file: &file,
                lexicon: &mut lexicon,
                entities,
                house_forms: &mut house_forms,
                errors: &mut errors,
                regex_memory: &mut regex_memory,
                id: 0..0,
                trusted: file.starts_with(crate::packs::BUILTIN_PREFIX),
            };
            for rule in raw.rule {
                if let Some(mut r) = compile_rule(&mut cx, rule.into_inner(), &pack, &mut seen) {
                    r.meta_mut().language = language;
                    rules.push(r);
                }
                if terms_crossed.is_none() && cx.lexicon.len() > MAX_TERMS {
                    terms_crossed = Some((file.clone(), cx.id.clone()));
                }
            }
        }
    });

    if lexicon.len() > MAX_TERMS {
        let (file, span) = entities_crossed
            .or(terms_crossed)
            .map_or_else(|| ("<rule packs>".to_owned(), None), |(f, s)| (f, Some(s)));
        errors.push(
            PackError::new(
                &file,
                span,
                format!(
                    "the packs hold {} dictionary terms, more than the limit of {MAX_TERMS}; this is where they cross it",
                    lexicon.len()
                ),
            )
            .with_help("split the dictionary into packs for different configs, or drop terms"),
        );
        return Err(PackErrors { errors, sources });
    }
    let started = super::timing::start();
    let lexicon = match lexicon.build() {
        Ok(l) => l,
        Err(e) => {
            errors.push(PackError::new(
                "<rule packs>",
                None,
                format!("the dictionary of terms is too large: {e}"),
            ));
            return Err(PackErrors { errors, sources });
        }
    };
    super::timing::record("(start-up: lexicon automaton)", started);
    if !errors.is_empty() {
        return Err(PackErrors { errors, sources });
    }
    rules.sort_by(|a, b| a.meta().id.cmp(&b.meta().id));
    Ok(Ruleset {
        rules,
        lexicon,
        entities,
        house_forms,
    })
}

/// One pack's parse: the pack, and the errors in it.
type Parsed<'s> = (Option<packs::schema::RawPack<'s>>, Vec<PackError>);

/// Packs of more bytes than this together are parsed on two threads.
const PARALLEL_PARSE_BYTES: usize = 128 << 10;

/// Parses every pack, in order. The shipped packs are 600 KB of TOML, of
/// which 230 KB is left to parse once their entities are read at build time
/// (`packs::precompiled`): the largest packs are parsed on a second thread
/// while this one parses the rest (each pack's result and errors are its
/// own, so the outcome is the same).
fn parse_all(sources: &[PackSource]) -> Vec<Parsed<'_>> {
    fn parse_one(source: &PackSource) -> Parsed<'_> {
        let started = super::timing::start();
        let mut errors = Vec::new();
        let raw = packs::parse(source, &mut errors);
        super::timing::record("(start-up: parse packs)", started);
        (raw, errors)
    }
    // A shipped pack's entities were read at build time: the TOML left is what costs.
    let sizes: Vec<usize> = sources.iter().map(packs::parsed_len).collect();
    let total: usize = sizes.iter().sum();
    if total < PARALLEL_PARSE_BYTES {
        return sources.iter().map(parse_one).collect();
    }
    // The largest packs first, to the other thread until it holds half.
    let mut by_size: Vec<usize> = (0..sources.len()).collect();
    by_size.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    let mut other = vec![false; sources.len()];
    let mut held = 0;
    for i in by_size {
        if held + sizes[i] <= total / 2 || held == 0 {
            other[i] = true;
            held += sizes[i];
        }
    }
    let mut out: Vec<Option<Parsed<'_>>> = (0..sources.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let theirs = std::thread::Builder::new()
            .name("galley-parse".into())
            .spawn_scoped(scope, || {
                sources
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| other[*i])
                    .map(|(i, s)| (i, parse_one(s)))
                    .collect::<Vec<_>>()
            });
        for (i, s) in sources.iter().enumerate() {
            // Without a second thread (a platform without them) this one parses everything.
            if !other[i] || theirs.is_err() {
                out[i] = Some(parse_one(s));
            }
        }
        if let Ok(handle) = theirs {
            match handle.join() {
                Ok(results) => {
                    for (i, r) in results {
                        out[i] = Some(r);
                    }
                }
                // A panic in the parser is a bug: raised here as it would be on one thread.
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
    out.into_iter()
        .zip(sources)
        .map(|(r, s)| r.unwrap_or_else(|| parse_one(s)))
        .collect()
}

/// A rule's `allow` list, lowercased for comparing with lowercased words.
pub fn allow_lowercase<C: FromIterator<String>>(allow: Option<toml::Spanned<Vec<String>>>) -> C {
    allow
        .map(|a| a.into_inner())
        .unwrap_or_default()
        .into_iter()
        .map(|w| w.to_lowercase())
        .collect()
}

/// A pack's `language`: an ISO 639-1 code galley knows, or `"any"`.
fn pack_language(
    l: &toml::Spanned<String>,
    file: &str,
    errors: &mut Vec<PackError>,
) -> Option<Lang> {
    let code = l.get_ref().as_str();
    if code == "any" {
        return None;
    }
    let Some(lang) = Lang::parse(code) else {
        errors.push(
            PackError::new(file, Some(l.span()), format!("unknown language `{code}`")).with_help(
                "a pack's language is an ISO 639-1 code such as `en`, `de`, `ru`, or `any`",
            ),
        );
        return None;
    };
    Some(lang)
}

fn compile_rule(
    cx: &mut Compiler<'_>,
    mut raw: RawRule<'_>,
    pack: &str,
    seen: &mut HashMap<String, (String, &'static str)>,
) -> Option<Box<dyn Rule>> {
    let id = raw.id.get_ref().clone();
    let mut ok = true;
    if !super::ids::valid_id(&id) {
        cx.error_help(
            raw.id.span(),
            format!("invalid rule id `{id}`"),
            "a rule id is `category/name`, lowercase and hyphenated, e.g. `names/variant-spelling`",
        );
        ok = false;
    }
    let kind_name = raw.kind.get_ref().as_str();
    let Some(kind) = KINDS.iter().find(|k| k.name == kind_name) else {
        let msg = format!("unknown rule kind `{kind_name}`");
        match suggest(kind_name, KINDS.iter().map(|k| k.name)) {
            Some(s) => cx.error_help(raw.kind.span(), msg, format!("did you mean `{s}`?")),
            None => cx.error_help(
                raw.kind.span(),
                msg,
                format!(
                    "the kinds are: {}",
                    KINDS.iter().map(|k| k.name).collect::<Vec<_>>().join(", ")
                ),
            ),
        }
        return None;
    };
    match seen.get(&id) {
        Some((first, _)) if first == cx.file => {
            cx.error(
                raw.id.span(),
                format!("duplicate rule id `{id}` (first defined in {first})"),
            );
            ok = false;
        }
        Some((first, first_kind)) if *first_kind != kind.name => {
            cx.error_help(
                raw.id.span(),
                format!("rule `{id}` is of kind `{first_kind}` in {first}, not `{}`", kind.name),
                "a rule with the id of another pack's rule extends that check, so it has its kind; give this rule an id of its own",
            );
            ok = false;
        }
        Some(_) => {}
        None => {
            seen.insert(id.clone(), (cx.file.to_owned(), kind.name));
        }
    }
    if let Some(new) = super::ids::renamed(&id) {
        cx.error_help(
            raw.id.span(),
            format!("`{id}` is an old id of `{new}`"),
            format!("write `id = \"{new}\"`: one id names the check in every language"),
        );
        ok = false;
    }
    ok &= options::keep_fields_of(cx, kind, &mut raw.options);
    for (span, message) in super::self_test::check_cases(&raw) {
        cx.error(span, message);
        ok = false;
    }
    let message = raw
        .message
        .as_ref()
        .map(|m| Template::new(m.get_ref().as_str()));
    if let (Some(message), Some(template)) = (&raw.message, &message) {
        for (at, name) in template.placeholders() {
            if !kind.placeholders.contains(&name) {
                // +1: the span includes the opening quote of the TOML string.
                let start = message.span().start + 1 + at;
                cx.error_help(
                    start..start + name.len() + 2,
                    format!(
                        "placeholder `{{{name}}}` is not provided by rules of kind `{}`",
                        kind.name
                    ),
                    format!(
                        "kind `{}` provides: {}",
                        kind.name,
                        kind.placeholders
                            .iter()
                            .map(|p| format!("{{{p}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                ok = false;
            }
        }
    }
    let severity = match &raw.severity {
        None => Severity::Warning,
        Some(s) => match Severity::parse(s.get_ref()) {
            Some(sev) => sev,
            None => {
                cx.error_help(
                    s.span(),
                    format!("unknown severity `{}`", s.get_ref()),
                    "a severity is one of: error, warning, info",
                );
                ok = false;
                Severity::Warning
            }
        },
    };
    let meta = RuleMeta {
        id: id.into(),
        kind: kind.name,
        severity,
        pack: pack.to_owned(),
        language: None,
        description: raw.description.clone(),
        message,
        doc: raw.doc.clone(),
        file: cx.file.to_owned(),
        tests: super::self_test::cases(&raw),
    };
    cx.id = raw.id.span();
    let started = super::timing::start();
    let rule = kind.compile.compile(cx, raw.options, meta);
    if started.is_some() {
        super::timing::record(&format!("(start-up: compile {})", kind.name), started);
    }
    if ok {
        rule
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_sorted() {
        assert!(KINDS.windows(2).all(|w| w[0].name < w[1].name));
    }

    /// Packs big enough to be parsed on two threads give the packs and the
    /// errors of a parse on one, in the packs' order.
    #[test]
    fn packs_parsed_on_two_threads_keep_their_order_and_errors() {
        let pack = |name: &str, filler: usize, broken: bool| PackSource {
            name: name.into(),
            text: format!(
                "{}[[rule]]\nid = \"test/{name}\"\nkind = \"doubled-word\"\n{}",
                "# filler\n".repeat(filler),
                if broken { "colour = 1\n" } else { "" }
            )
            .into(),
        };
        let sources = vec![
            pack("a", 10, true),
            pack("big", 20_000, true),
            pack("c", 10, false),
            pack("d", 9_000, true),
        ];
        assert!(sources.iter().map(|s| s.text.len()).sum::<usize>() >= PARALLEL_PARSE_BYTES);
        let messages = |parsed: Vec<Parsed<'_>>| -> Vec<(bool, Vec<String>)> {
            parsed
                .into_iter()
                .map(|(raw, errors)| {
                    let errors = errors
                        .into_iter()
                        .map(|e| format!("{} {:?} {}", e.file, e.span, e.message))
                        .collect();
                    (raw.is_some_and(|r| r.rule.len() == 1), errors)
                })
                .collect()
        };
        let one_thread: Vec<Parsed<'_>> = sources
            .iter()
            .map(|s| {
                let mut errors = Vec::new();
                (packs::parse(s, &mut errors), errors)
            })
            .collect();
        let expected = messages(one_thread);
        assert_eq!(messages(parse_all(&sources)), expected);
        // Each broken pack reports its unknown field, in its own file.
        let files: Vec<bool> = expected.iter().map(|(_, e)| e.len() == 1).collect();
        assert_eq!(files, [true, true, false, true]);
        assert!(expected[1].1[0].starts_with("big "));
    }
}
