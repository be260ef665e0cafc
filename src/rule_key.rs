//! How a key a user wrote (a `[severity]` key, a `--select` or `--ignore`
//! value, a suppression comment) names rules: by the rule's id, or by its
//! category (the part of the id before the first `/`).
//!
//! Every comparison of such a key with a rule id goes through [`key_match`],
//! so that what a key means is decided in one place: an id that was renamed
//! (a language's copy of a check, `typography/doubled-word-de`) names the
//! check it became, through [`crate::rules::ids::RENAMED`].

use crate::diagnostic::category_of;

/// How a key names a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyMatch {
    /// The key is the rule's id.
    Id,
    /// The key is the rule's category.
    Category,
}

/// How `key` names the rule `rule_id`, if it does.
pub fn key_match(key: &str, rule_id: &str) -> Option<KeyMatch> {
    if crate::rules::ids::canonical(key) == rule_id {
        Some(KeyMatch::Id)
    } else if key == category_of(rule_id) {
        Some(KeyMatch::Category)
    } else {
        None
    }
}

/// Whether `key` names the rule `rule_id`, by id or by category.
pub fn key_matches(key: &str, rule_id: &str) -> bool {
    key_match(key, rule_id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_names_a_rule_by_id_or_category() {
        assert_eq!(
            key_match("names/near-miss", "names/near-miss"),
            Some(KeyMatch::Id)
        );
        assert_eq!(
            key_match("names", "names/near-miss"),
            Some(KeyMatch::Category)
        );
        assert!(!key_matches("name", "names/near-miss"));
        assert!(!key_matches("names/near", "names/near-miss"));
        assert_eq!(
            key_match("typography/doubled-word-de", "typography/doubled-word"),
            Some(KeyMatch::Id)
        );
    }
}
