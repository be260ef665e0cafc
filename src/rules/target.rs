//! Which spelling of a name a finding offers, when an article writes one
//! name several ways. In order: the house form (a pack's `prefer`, which a
//! project's own rule file in galley.toml sets), the official form the
//! entity base gives, the headline's form, the majority. A tie with none
//! of these gives no fix: the help then says so. The help names the
//! reason that applied.

use std::ops::Range;

use crate::document::Document;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    House,
    Official,
    Headline,
    Majority,
}

impl Why {
    pub fn describe(self) -> &'static str {
        match self {
            Why::House => "the house style",
            Why::Official => "the official spelling the packs know",
            Why::Headline => "the headline's spelling",
            Why::Majority => "used most",
        }
    }
}

/// One spelling as an article uses it.
pub struct Candidate<'a> {
    pub ranges: &'a [Range<usize>],
    pub house: bool,
    pub official: bool,
}

fn in_headline(doc: &Document<'_>, ranges: &[Range<usize>]) -> bool {
    doc.headline
        .as_ref()
        .is_some_and(|h| ranges.iter().any(|r| h.start <= r.start && r.end <= h.end))
}

/// The index of the spelling to keep and why, or `None` on a tie.
pub fn choose(doc: &Document<'_>, forms: &[Candidate<'_>]) -> Option<(usize, Why)> {
    let only = |pick: &dyn Fn(&Candidate<'_>) -> bool| {
        let mut hits = forms.iter().enumerate().filter(|(_, f)| pick(f));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    if let Some(i) = only(&|f| f.house) {
        return Some((i, Why::House));
    }
    if let Some(i) = only(&|f| f.official) {
        return Some((i, Why::Official));
    }
    if let Some(i) = only(&|f| in_headline(doc, f.ranges)) {
        return Some((i, Why::Headline));
    }
    let most = forms.iter().map(|f| f.ranges.len()).max()?;
    only(&|f| f.ranges.len() == most).map(|i| (i, Why::Majority))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_house_official_headline_majority_and_a_tie_gives_none() {
        let doc = Document::plain("Ivanou wins\n\nIvanov spoke. Ivanov left. Ivanou came.");
        let r = |s: &str| -> Vec<Range<usize>> {
            doc.text
                .match_indices(s)
                .map(|(i, m)| i..i + m.len())
                .collect()
        };
        let (a, b) = (r("Ivanov"), r("Ivanou"));
        let form = |ranges, house, official| Candidate {
            ranges,
            house,
            official,
        };
        assert_eq!(
            choose(&doc, &[form(&a, false, true), form(&b, true, false)]),
            Some((1, Why::House))
        );
        assert_eq!(
            choose(&doc, &[form(&a, false, false), form(&b, false, true)]),
            Some((1, Why::Official))
        );
        assert_eq!(
            choose(&doc, &[form(&a, false, false), form(&b, false, false)]),
            Some((1, Why::Headline))
        );
        let plain = Document::plain("Ivanov spoke. Ivanou came.");
        let r = |s: &str| -> Vec<Range<usize>> {
            plain
                .text
                .match_indices(s)
                .map(|(i, m)| i..i + m.len())
                .collect()
        };
        let (a, b) = (r("Ivanov"), r("Ivanou"));
        assert_eq!(
            choose(&plain, &[form(&a, false, false), form(&b, false, false)]),
            None
        );
    }
}
