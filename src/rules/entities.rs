//! The knowledge base: named entities with aliases, a type and free
//! attributes (`maker`, `role`), indexed by the lexicon terms that name them.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::lexicon::{CaseMode, Hit, LexiconBuilder, TermId};
use crate::packs::schema::{AttrValue, RawEntity, Text};

pub type EntityId = usize;

#[derive(Debug, Clone)]
pub struct Entity {
    pub name: Text,
    pub kind: Text,
    pub aliases: Vec<Text>,
    /// As the pack wrote them: one value or a list.
    pub attributes: BTreeMap<Text, AttrValue>,
}

impl Entity {
    pub fn attribute(&self, name: &str) -> &[Text] {
        match self.attributes.get(name) {
            Some(AttrValue::One(v)) => std::slice::from_ref(v),
            Some(AttrValue::Many(v)) => v,
            None => &[],
        }
    }

    pub fn has(&self, attribute: &str, value: &str) -> bool {
        self.attribute(attribute).iter().any(|v| v == value)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.name).chain(self.aliases.iter().map(|a| &**a))
    }
}

/// An entity named in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityId,
    pub range: Range<usize>,
}

#[derive(Debug, Default)]
pub struct EntityBase {
    list: Vec<Entity>,
    // foldhash: 5,000 names go in at every start-up.
    by_term: crate::hash::FastMap<TermId, EntityId>,
    by_name: crate::hash::FastMap<Text, EntityId>,
    /// The names' single words, built on first use (`name_index`).
    words: OnceLock<super::gazetteer::NameIndex>,
}

/// Designations such as `MiG-25` are written in any case by translators;
/// plain names keep theirs.
fn case_mode(name: &str) -> CaseMode {
    if name.chars().any(|c| c.is_ascii_digit()) {
        CaseMode::Insensitive
    } else {
        CaseMode::Exact
    }
}

impl EntityBase {
    /// Room for `entities` entities and their names (a name and an alias or
    /// so each), so that the maps are not grown step by step at start-up.
    pub fn reserve(&mut self, entities: usize) {
        self.list.reserve(entities);
        self.by_name.reserve(entities * 8 / 5);
        self.by_term.reserve(entities * 8 / 5);
    }

    pub fn add(&mut self, raw: RawEntity, lexicon: &mut LexiconBuilder) -> Result<(), String> {
        let id = self.list.len();
        let entity = Entity {
            name: raw.name,
            kind: raw.kind,
            aliases: raw.aliases,
            attributes: raw.attributes,
        };
        if entity.name.trim().is_empty() {
            return Err("an entity needs a non-empty `name`".into());
        }
        for name in entity.names() {
            if name.trim().is_empty() {
                return Err(format!("entity `{}` has an empty alias", entity.name));
            }
            if let Some(&other) = self.by_name.get(name) {
                return Err(format!(
                    "`{name}` already names the entity `{}`; a name or alias must belong to one entity",
                    self.list[other].name
                ));
            }
        }
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            self.by_name.insert(name.clone(), id);
            self.by_term
                .insert(lexicon.add_shared(name, case_mode(name)), id);
        }
        self.list.push(entity);
        Ok(())
    }

    pub fn get(&self, id: EntityId) -> &Entity {
        &self.list[id]
    }

    pub fn iter(&self) -> impl Iterator<Item = (EntityId, &Entity)> {
        self.list.iter().enumerate()
    }

    pub fn by_name(&self, name: &str) -> Option<EntityId> {
        self.by_name.get(name).copied()
    }

    /// The single words of the entities' names (surnames, given names,
    /// one-word places), built once on first use.
    pub fn name_index(&self) -> &super::gazetteer::NameIndex {
        self.words
            .get_or_init(|| super::gazetteer::NameIndex::build(self))
    }

    /// Whether a lexicon term is an entity's name or alias.
    pub fn is_entity_term(&self, term: TermId) -> bool {
        self.by_term.contains_key(&term)
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub(super) fn mentions(&self, hits: &[Hit]) -> Vec<Mention> {
        super::lexicon::resolve(hits, |t| self.by_term.contains_key(&t))
            .into_iter()
            .filter_map(|h| {
                self.by_term.get(&h.term).map(|&entity| Mention {
                    entity,
                    range: h.range.clone(),
                })
            })
            .collect()
    }
}
