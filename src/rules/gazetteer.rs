//! The name index: the single words the entity base spells names with,
//! each tied to its entity, for the name rules (`near-miss`,
//! `romanization-variants`). Built once per ruleset from the packs'
//! `[[entity]]` tables (the gazetteer in `names-gazetteer`, the leaders
//! and capitals in `facts-leaders`, the aircraft in `facts-aircraft`).
//!
//! A person (`type = "person"` or `"leader"`) is a full name: its last word
//! is a surname form, its first word a given-name form; the entity's `name`
//! is the official (house) form and its `aliases` the other accepted
//! spellings. Any other entity of one word (a place, an organisation) is
//! a form of itself. A word can be a form of several entities (two people
//! with one surname); that is kept, not an error.

use super::entities::{EntityBase, EntityId};
use crate::packs::schema::Text;

/// The words of a name, borrowed from the binary when the name is.
fn words_of(name: &Text) -> Vec<Text> {
    match name {
        Text::Borrowed(s) => s.split(' ').map(Text::Borrowed).collect(),
        Text::Owned(s) => s.split(' ').map(|w| Text::Owned(w.to_owned())).collect(),
    }
}

/// Entity types whose names are a given name and a surname.
pub const PERSON_TYPES: &[&str] = &["person", "leader"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// A surname, or a one-word place or organisation name.
    Name,
    Given,
}

#[derive(Debug, Clone)]
pub struct Form {
    /// As written in the pack (borrowed from the binary for a shipped one).
    pub word: Text,
    pub entity: EntityId,
    pub part: Part,
    /// The word as the entity's own `name` spells it.
    pub official: bool,
}

#[derive(Debug, Default)]
pub struct NameIndex {
    forms: Vec<Form>,
    by_lower: crate::hash::FastMap<String, Vec<u32>>,
}

/// A letter word (hyphens inside allowed: `Ivano-Frankivsk`).
fn is_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_alphabetic() || c == '-')
        && !w.ends_with('-')
}

/// How deep a name is stored: two edits are looked for from nine letters
/// on, and a nine-letter word may be one letter longer than its name.
pub fn depth_for(len: usize) -> usize {
    if len >= 8 {
        2
    } else {
        1
    }
}

impl NameIndex {
    pub fn build(entities: &EntityBase) -> NameIndex {
        let mut index = NameIndex::default();
        for (id, e) in entities.iter() {
            let person = PERSON_TYPES.contains(&e.kind.as_ref());
            for (n, name) in std::iter::once(&e.name).chain(&e.aliases).enumerate() {
                let words = words_of(name);
                let official = n == 0;
                if person && words.len() >= 2 {
                    let (Some(first), Some(last)) = (words.first(), words.last()) else {
                        continue;
                    };
                    index.add(last.clone(), id, Part::Name, official);
                    index.add(first.clone(), id, Part::Given, official);
                } else if words.len() == 1 && !person {
                    index.add(name.clone(), id, Part::Name, official);
                }
            }
        }
        index
    }

    fn add(&mut self, word: Text, entity: EntityId, part: Part, official: bool) {
        if !is_word(&word) {
            return;
        }
        let lower = word.to_lowercase();
        let ids = self.by_lower.entry(lower.clone()).or_default();
        if let Some(&i) = ids.iter().find(|&&i| {
            self.forms[i as usize].entity == entity && self.forms[i as usize].part == part
        }) {
            self.forms[i as usize].official |= official;
            return;
        }
        ids.push(self.forms.len() as u32);
        self.forms.push(Form {
            word,
            entity,
            part,
            official,
        });
    }

    /// The forms spelled exactly so (case aside).
    pub fn exact(&self, lower: &str) -> impl Iterator<Item = &Form> {
        self.by_lower
            .get(lower)
            .into_iter()
            .flatten()
            .map(|&i| &self.forms[i as usize])
    }

    pub fn is_known(&self, lower: &str) -> bool {
        self.by_lower.contains_key(lower)
    }

    /// Whether the word is an entity's own spelling (its `name`) and none
    /// of the entities it names spells it otherwise.
    pub fn is_official(&self, lower: &str) -> bool {
        let mut forms = self
            .exact(lower)
            .filter(|f| f.part == Part::Name)
            .peekable();
        forms.peek().is_some() && forms.all(|f| f.official)
    }

    /// The forms of one entity's part (every spelling of its surname).
    pub fn forms_of(&self, entity: EntityId, part: Part) -> impl Iterator<Item = &Form> {
        self.forms
            .iter()
            .filter(move |f| f.entity == entity && f.part == part)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Form> {
        self.forms.iter()
    }
}
