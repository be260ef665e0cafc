//! Rule ids as users write them: in `[severity]` keys, `--select` and
//! `--ignore`, suppression comments and baselines. A check has one id in
//! every language; ids it had before keep working through [`RENAMED`], the
//! one table [`crate::rule_key`] (where every user-written key is compared
//! with a rule id) reads.

/// Ids that were renamed, with the id of the check they now name. Until
/// galley 0.2 a check was copied once per language (`typography/doubled-word-de`);
/// those copies are language editions of one check now. A check folded into a
/// broader one (`markers/repeated-headline`, the last line repeating the
/// headline, is one case of `markers/repeated-content`) keeps its id here too.
#[rustfmt::skip]
pub const RENAMED: &[(&str, &str)] = &[
    ("markers/boilerplate-de", "markers/boilerplate"),
    ("markers/boilerplate-es", "markers/boilerplate"),
    ("markers/boilerplate-fr", "markers/boilerplate"),
    ("markers/boilerplate-pl", "markers/boilerplate"),
    ("markers/boilerplate-ru", "markers/boilerplate"),
    ("markers/boilerplate-uk", "markers/boilerplate"),
    ("markers/repeated-headline", "markers/repeated-content"),
    ("names/known-misspelling-de", "names/known-misspelling"),
    ("names/variant-spelling-de", "names/variant-spelling"),
    ("names/variant-spelling-world", "names/variant-spelling"),
    ("typography/doubled-word-de", "typography/doubled-word"),
    ("typography/doubled-word-es", "typography/doubled-word"),
    ("typography/doubled-word-fr", "typography/doubled-word"),
    ("typography/doubled-word-pl", "typography/doubled-word"),
    ("typography/doubled-word-ru", "typography/doubled-word"),
    ("typography/doubled-word-uk", "typography/doubled-word"),
    ("typography/mixed-quotes-de", "typography/mixed-quotes"),
    ("typography/mixed-quotes-es", "typography/mixed-quotes"),
    ("typography/mixed-quotes-fr", "typography/mixed-quotes"),
    ("typography/mixed-quotes-pl", "typography/mixed-quotes"),
    ("typography/mixed-quotes-ru", "typography/mixed-quotes"),
    ("typography/mixed-quotes-uk", "typography/mixed-quotes"),
];

/// The id a user-written key names today: itself, unless it was renamed.
pub fn canonical(key: &str) -> &str {
    RENAMED
        .iter()
        .find(|(old, _)| *old == key)
        .map_or(key, |(_, new)| new)
}

/// The id `key` was renamed to, when it is an old id.
pub fn renamed(key: &str) -> Option<&'static str> {
    RENAMED
        .iter()
        .find(|(old, _)| *old == key)
        .map(|(_, new)| *new)
}

/// The old ids that now name `id`.
pub fn former_ids(id: &str) -> Vec<&'static str> {
    RENAMED
        .iter()
        .filter(|(_, new)| *new == id)
        .map(|(old, _)| *old)
        .collect()
}

/// The one-line note for a key that still uses an old id.
pub fn deprecation(key: &str) -> Option<String> {
    renamed(key).map(|new| {
        let edition = key
            .strip_prefix(new)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|code| code.len() == 2);
        if edition {
            format!("rule id `{key}` is deprecated: it is one language's edition of `{new}`, which is the id to use (it names the check in every language)")
        } else {
            format!("rule id `{key}` is deprecated: its check is part of `{new}`, which is the id to use")
        }
    })
}

/// `category/name`, lowercase and hyphenated.
pub fn valid_id(id: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rule_key::key_matches;

    #[test]
    fn old_ids_name_their_check_and_categories_still_match() {
        assert_eq!(
            canonical("typography/doubled-word-de"),
            "typography/doubled-word"
        );
        assert_eq!(
            canonical("typography/doubled-word"),
            "typography/doubled-word"
        );
        assert!(key_matches(
            "typography/doubled-word-fr",
            "typography/doubled-word"
        ));
        assert!(key_matches("typography", "typography/doubled-word"));
        assert!(!key_matches(
            "typography/mixed-quotes",
            "typography/doubled-word"
        ));
        assert_eq!(former_ids("names/variant-spelling").len(), 2);
    }

    #[test]
    fn the_table_is_sorted_valid_and_never_chains() {
        assert!(RENAMED.windows(2).all(|w| w[0].0 < w[1].0));
        for (old, new) in RENAMED {
            assert!(valid_id(old) && valid_id(new), "{old} -> {new}");
            assert!(renamed(new).is_none(), "{new} is itself renamed");
        }
    }

    #[test]
    fn rule_ids_are_category_slash_name() {
        assert!(valid_id("names/variant-spelling"));
        assert!(valid_id("facts/aircraft-role"));
        for bad in ["names", "Names/x", "names/", "/x", "names/x y", "names/x/y"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }
}
