//! Compiling packs into a `Ruleset`: the registry of rule kinds, the checks
//! every rule shares (id, kind, severity, fields its kind reads), and error
//! collection, so that one run reports every mistake in every pack.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::entities::EntityBase;
use super::lexicon::LexiconBuilder;
use super::{
    attribute, conditional, conflation, consistency, currency, doubled_word, existence,
    mixed_quotes, mixed_script, near_miss, occurrence, repeated_headline, romanization,
    substitution, untranslated, Rule, Ruleset,
};
use crate::diagnostic::{Diagnostic, Severity};
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
    pub language: Option<Arc<str>>,
    pub description: Option<String>,
    /// The pack's own message, overriding the kind's.
    pub message: Option<String>,
    pub doc: Option<RuleDoc>,
}

impl RuleMeta {
    pub fn diag(&self, range: Range<usize>, message: String) -> Diagnostic {
        Diagnostic::new(&self.id, self.severity, range, message)
    }

    pub fn category(&self) -> &str {
        crate::diagnostic::category_of(&self.id)
    }
}

type CompileFn = fn(&mut Compiler<'_>, RawRule, RuleMeta) -> Option<Box<dyn Rule>>;

/// A rule kind: its name in TOML, the fields it reads, the placeholders its
/// messages may use, how to compile it.
pub struct Kind {
    pub name: &'static str,
    pub fields: &'static [&'static str],
    pub placeholders: &'static [&'static str],
    pub summary: &'static str,
    compile: CompileFn,
}

const FOUND: &[&str] = &["found"];

/// Dictionary terms (variants, names, aliases, phrases) across all packs of a run:
/// bounds the automaton an untrusted pack can make galley build.
pub const MAX_TERMS: usize = 500_000;

/// The registry of rule kinds, sorted by name: one line per kind.
#[rustfmt::skip]
pub const KINDS: &[Kind] = &[
    Kind { name: "attribute", fields: attribute::FIELDS, placeholders: &["found", "entity", "expected", "attribute"], summary: "an entity near an attribute value it does not have", compile: attribute::compile },
    Kind { name: "conditional", fields: conditional::FIELDS, placeholders: &["found"], summary: "if one pattern appears, another must too (before it, or anywhere)", compile: conditional::compile },
    Kind { name: "conflation", fields: conflation::FIELDS, placeholders: &["found", "entity"], summary: "two different entities run together in one noun phrase", compile: conflation::compile },
    Kind { name: "consistency", fields: consistency::FIELDS, placeholders: &["found", "expected", "count"], summary: "two spellings of one name in one article", compile: consistency::compile },
    Kind { name: "currency-spacing", fields: currency::FIELDS, placeholders: FOUND, summary: "a currency amount written with and without a space", compile: currency::compile },
    Kind { name: "doubled-word", fields: doubled_word::FIELDS, placeholders: FOUND, summary: "a word written twice in a row", compile: doubled_word::compile },
    Kind { name: "existence", fields: existence::FIELDS, placeholders: FOUND, summary: "a pattern or phrase that should not appear", compile: existence::compile },
    Kind { name: "mixed-quotes", fields: mixed_quotes::FIELDS, placeholders: FOUND, summary: "straight and typeset double quotes in one article (the language's marks)", compile: mixed_quotes::compile },
        Kind { name: "mixed-script", fields: mixed_script::FIELDS, placeholders: FOUND, summary: "a word mixing scripts, or hiding an invisible character", compile: mixed_script::compile },
    Kind { name: "near-miss", fields: near_miss::FIELDS, placeholders: &["found", "expected", "entity"], summary: "a word one or two letters away from a known name", compile: near_miss::compile },
    Kind { name: "occurrence", fields: occurrence::FIELDS, placeholders: &["found", "count", "max", "min"], summary: "a term more (or fewer) than N times, a sentence longer than N words", compile: occurrence::compile },
    Kind { name: "repeated-headline", fields: repeated_headline::FIELDS, placeholders: FOUND, summary: "the headline repeated as the last line", compile: repeated_headline::compile },
    Kind { name: "romanization-variants", fields: romanization::FIELDS, placeholders: &["found", "expected"], summary: "names that differ only as romanizations do", compile: romanization::compile },
    Kind { name: "substitution", fields: substitution::FIELDS, placeholders: &["found", "expected"], summary: "a known wrong form and its right one", compile: substitution::compile },
    Kind { name: "untranslated", fields: untranslated::FIELDS, placeholders: &["found", "language", "confidence", "expected", "script"], summary: "a paragraph, sentence or phrase left in another language or script", compile: untranslated::compile },
];

/// The `{name}` placeholders of a message template, with their byte offsets.
pub fn placeholders(template: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut rest = template;
    let mut base = 0;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push((base + open, &rest[open + 1..open + close]));
        base += open + close + 1;
        rest = &rest[open + close + 1..];
    }
    out
}

/// State shared while compiling: the lexicon every rule adds terms to, the
/// entity base, and the errors found so far.
pub struct Compiler<'a> {
    pub file: &'a str,
    pub lexicon: &'a mut LexiconBuilder,
    pub entities: &'a EntityBase,
    errors: &'a mut Vec<PackError>,
}

impl Compiler<'_> {
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

fn valid_id(id: &str) -> bool {
    let Some((cat, name)) = id.split_once('/') else {
        return false;
    };
    let part = |s: &str| {
        !s.is_empty()
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    };
    part(cat) && part(name)
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
    for source in &sources {
        if let Some(raw) = packs::parse(source, &mut errors) {
            parsed.push((source.name.clone(), raw));
        }
    }

    let mut lexicon = LexiconBuilder::default();
    let mut entities = EntityBase::default();
    for (file, raw) in &mut parsed {
        for e in std::mem::take(&mut raw.entity) {
            let span = e.span();
            if let Err(msg) = entities.add(e.into_inner(), &mut lexicon) {
                errors.push(PackError::new(file, Some(span), msg));
            }
        }
    }

    let mut rules: Vec<Box<dyn Rule>> = Vec::new();
    let mut seen: HashMap<String, String> = HashMap::new();
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
        lexicon.set_language(language.clone());
        let mut cx = Compiler {
            file: &file,
            lexicon: &mut lexicon,
            entities: &entities,
            errors: &mut errors,
        };
        for rule in raw.rule {
            if let Some(mut r) = compile_rule(&mut cx, rule.into_inner(), &pack, &mut seen) {
                r.meta_mut().language.clone_from(&language);
                rules.push(r);
            }
        }
    }

    if lexicon.len() > MAX_TERMS {
        errors.push(PackError::new(
            "<rule packs>",
            None,
            format!(
                "the packs hold {} dictionary terms, more than the limit of {MAX_TERMS}",
                lexicon.len()
            ),
        ));
        return Err(PackErrors { errors, sources });
    }
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
    if !errors.is_empty() {
        return Err(PackErrors { errors, sources });
    }
    rules.sort_by(|a, b| a.meta().id.cmp(&b.meta().id));
    Ok(Ruleset {
        rules,
        lexicon,
        entities,
    })
}

/// A rule's `allow` list, lowercased for comparing with lowercased words.
pub fn allow_lowercase<C: FromIterator<String>>(raw: &mut RawRule) -> C {
    raw.allow
        .take()
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
) -> Option<Arc<str>> {
    let code = l.get_ref().as_str();
    if code == "any" {
        return None;
    }
    if !crate::document::language::is_known(code) {
        errors.push(
            PackError::new(file, Some(l.span()), format!("unknown language `{code}`")).with_help(
                "a pack's language is an ISO 639-1 code such as `en`, `de`, `ru`, or `any`",
            ),
        );
        return None;
    }
    Some(code.into())
}

fn compile_rule(
    cx: &mut Compiler<'_>,
    raw: RawRule,
    pack: &str,
    seen: &mut HashMap<String, String>,
) -> Option<Box<dyn Rule>> {
    let id = raw.id.get_ref().clone();
    let mut ok = true;
    if !valid_id(&id) {
        cx.error_help(
            raw.id.span(),
            format!("invalid rule id `{id}`"),
            "a rule id is `category/name`, lowercase and hyphenated, e.g. `names/variant-spelling`",
        );
        ok = false;
    }
    match seen.get(&id) {
        Some(first) => {
            cx.error(
                raw.id.span(),
                format!("duplicate rule id `{id}` (first defined in {first})"),
            );
            ok = false;
        }
        None => {
            seen.insert(id.clone(), cx.file.to_owned());
        }
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
    for (field, span) in raw.present_fields() {
        if !kind.fields.contains(&field) && field != "message" {
            cx.error_help(
                span,
                format!(
                    "field `{field}` is not read by rules of kind `{}`",
                    kind.name
                ),
                format!("kind `{}` reads: {}", kind.name, kind.fields.join(", ")),
            );
            ok = false;
        }
    }
    if let Some(message) = &raw.message {
        for (at, name) in placeholders(message.get_ref()) {
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
        message: raw.message.as_ref().map(|m| m.get_ref().clone()),
        doc: raw.doc.clone(),
    };
    let rule = (kind.compile)(cx, raw, meta);
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
    fn rule_ids_are_category_slash_name() {
        assert!(valid_id("names/variant-spelling"));
        assert!(valid_id("facts/aircraft-role"));
        for bad in ["names", "Names/x", "names/", "/x", "names/x y", "names/x/y"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn kinds_are_sorted() {
        assert!(KINDS.windows(2).all(|w| w[0].name < w[1].name));
    }
}
