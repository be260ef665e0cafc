//! The baseline: today's findings of an archive, recorded so that CI reports
//! only new ones. Keyed by path, rule and fingerprint, counted (one text may
//! hold the same finding twice).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::check::FileFindings;
use crate::fingerprint::fingerprint;

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
}

impl Baseline {
    pub fn record(reports: &[impl FileFindings]) -> Baseline {
        let mut entries: Vec<Entry> = reports
            .iter()
            .filter(|r| !r.diagnostics().is_empty())
            .flat_map(|r| {
                let text = r.text();
                r.diagnostics()
                    .iter()
                    .map(|d| Entry {
                        path: r.path().to_owned(),
                        rule: d.rule.to_string(),
                        fingerprint: fingerprint(&text, &d.rule, &d.range),
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        entries.sort_by(|a, b| {
            (&a.path, &a.rule, &a.fingerprint).cmp(&(&b.path, &b.rule, &b.fingerprint))
        });
        Baseline {
            version: 1,
            entries,
        }
    }

    /// Drops the findings the baseline holds; returns how many entries no longer occur.
    pub fn filter(&self, reports: &mut [impl FileFindings]) -> usize {
        let mut left: HashMap<&Entry, usize> = HashMap::new();
        for e in &self.entries {
            *left.entry(e).or_default() += 1;
        }
        for r in reports.iter_mut().filter(|r| !r.diagnostics().is_empty()) {
            let path = r.path().to_owned();
            let text = r.text().into_owned();
            r.diagnostics_mut().retain(|d| {
                // A baseline recorded before a check's language copies became one
                // id holds the old id, in the entry and inside its fingerprint.
                let id: &str = &d.rule;
                let mut ids = vec![id];
                ids.extend(crate::rules::ids::former_ids(id));
                for rule in ids {
                    let key = Entry {
                        path: path.clone(),
                        rule: rule.to_owned(),
                        fingerprint: fingerprint(&text, rule, &d.range),
                    };
                    match left.get_mut(&key) {
                        Some(n) if *n > 0 => {
                            *n -= 1;
                            return false;
                        }
                        _ => {}
                    }
                }
                true
            });
        }
        left.values().sum()
    }
}
