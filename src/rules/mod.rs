//! The rule engine: the `Rule` trait, the registry of rule kinds, and the
//! `Ruleset` compiled once per run from rule packs.

mod aliases;
mod attribute;
mod compile;
mod conflation;
mod consistency;
mod currency;
mod doubled_word;
mod entities;
mod existence;
pub mod lexicon;
mod mixed_quotes;
mod near_miss;
mod repeated_headline;
mod romanization;
mod substitution;
mod text;

use std::cell::OnceCell;
use std::collections::HashSet;

pub use compile::{suggest, RuleDoc, RuleMeta, KINDS};
pub use entities::{Entity, EntityBase, Mention};
use lexicon::{Hit, Lexicon};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::packs::{PackErrors, PackSource};

/// What every rule reads for one document. Shared passes are computed at
/// most once, and only when a rule asks for them.
pub struct Context<'a> {
    pub doc: &'a Document<'a>,
    pub hits: &'a [Hit],
    pub lexicon: &'a Lexicon,
    pub entities: &'a EntityBase,
    mentions: OnceCell<Vec<Mention>>,
    aliases: OnceCell<HashSet<(String, String)>>,
}

impl<'a> Context<'a> {
    /// Entity names and aliases found in the document, in order.
    pub fn mentions(&self) -> &[Mention] {
        self.mentions
            .get_or_init(|| self.entities.mentions(self.hits))
    }

    /// Spelling pairs the article itself declares equivalent ("Kyiv (Kiev)").
    pub fn declared_aliases(&self) -> &HashSet<(String, String)> {
        self.aliases.get_or_init(|| aliases::declared(self.doc))
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;
    fn meta_mut(&mut self) -> &mut RuleMeta;
    /// Pushes this rule's findings on `doc`; the severity is set by the caller.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// Every rule of a run, compiled once and shared by reference across threads.
pub struct Ruleset {
    rules: Vec<Box<dyn Rule>>,
    lexicon: Lexicon,
    entities: EntityBase,
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

    pub fn rules(&self) -> impl Iterator<Item = &RuleMeta> {
        self.rules.iter().map(|r| r.meta())
    }

    pub fn rule(&self, id: &str) -> Option<&RuleMeta> {
        self.rules().find(|m| &*m.id == id)
    }

    pub fn entities(&self) -> &EntityBase {
        &self.entities
    }

    /// Keeps only the rules `keep` accepts, with the severity it returns.
    pub fn configure(&mut self, mut keep: impl FnMut(&RuleMeta) -> Option<Severity>) {
        self.rules.retain(|r| keep(r.meta()).is_some());
        for r in &mut self.rules {
            if let Some(s) = keep(r.meta()) {
                r.meta_mut().severity = s;
            }
        }
    }

    pub fn check(&self, doc: &Document<'_>) -> Vec<Diagnostic> {
        let hits = self.lexicon.scan(doc);
        let cx = Context {
            doc,
            hits: &hits,
            lexicon: &self.lexicon,
            entities: &self.entities,
            mentions: OnceCell::new(),
            aliases: OnceCell::new(),
        };
        let mut out = Vec::new();
        for rule in &self.rules {
            rule.check(&cx, &mut out);
        }
        out.sort_by(|a, b| {
            (a.range.start, a.range.end, &a.rule).cmp(&(b.range.start, b.range.end, &b.rule))
        });
        out
    }
}
