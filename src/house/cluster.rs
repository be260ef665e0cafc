//! The archive's spelling clusters: capitalised words joined when a pack's
//! variant group lists them together, when the gazetteer gives them to one
//! entity (a surname's official form and its aliases), or when they share a
//! transliteration skeleton (`romanization::skeletons`: `Gomel`/`Homel`,
//! `Zhdanovich`/`Zhdanovych`). The skeleton joins only words the archive
//! writes as names (somewhere mid-sentence and somewhere not before another
//! capitalised word) of five letters or more, and never a word the
//! gazetteer knows only as a given name (`Sergei` and `Sergey` are two
//! people's own spellings). A cluster is a joined set of two words or more.

use std::collections::HashMap;

use super::learn::{ArchiveStats, Knowledge};
use crate::rules::gazetteer::Part;
use crate::rules::romanization::skeletons;

/// One spelling of a clustered name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterForm {
    pub word: String,
    pub articles: u32,
    pub occurrences: u64,
    pub files: Vec<u32>,
}

/// A name the archive writes more than one way; forms by articles, most first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub forms: Vec<ClusterForm>,
}

impl Cluster {
    pub fn majority(&self) -> &str {
        self.forms.first().map_or("", |f| f.word.as_str())
    }

    pub fn articles(&self) -> u64 {
        self.forms.iter().map(|f| u64::from(f.articles)).sum()
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(parent, a), find(parent, b));
    if a != b {
        parent[a.max(b)] = a.min(b);
    }
}

/// The clusters in `stats`, largest first.
pub fn clusters(stats: &ArchiveStats, knowledge: &Knowledge<'_>) -> Vec<Cluster> {
    let mut words: Vec<&String> = stats.forms.keys().collect();
    words.sort();
    let n = words.len();
    let groups = knowledge.group_count;
    let mut entities: HashMap<usize, usize> = HashMap::new();
    // Forms, then one node per variant group, then one per entity met.
    let mut parent: Vec<usize> = (0..n + groups).collect();
    let mut by_skeleton: HashMap<String, usize> = HashMap::new();
    for (i, word) in words.iter().enumerate() {
        let f = &stats.forms[*word];
        for &g in knowledge.groups.get(*word).into_iter().flatten() {
            union(&mut parent, i, n + g as usize);
        }
        let lower = word.to_lowercase();
        let mut given_only = false;
        let mut parts = knowledge.names.exact(&lower).peekable();
        if parts.peek().is_some() {
            given_only = true;
        }
        for form in parts {
            if form.part == Part::Name {
                given_only = false;
                let node = *entities.entry(form.entity).or_insert_with(|| {
                    parent.push(parent.len());
                    parent.len() - 1
                });
                union(&mut parent, i, node);
            }
        }
        if f.proper && f.alone && !given_only && word.chars().nth(4).is_some() {
            for s in skeletons(&lower).iter() {
                match by_skeleton.get(s) {
                    Some(&j) => union(&mut parent, i, j),
                    None => {
                        by_skeleton.insert(s.clone(), i);
                    }
                }
            }
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        members.entry(root).or_default().push(i);
    }
    let mut out: Vec<Cluster> = members
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|m| {
            let mut forms: Vec<ClusterForm> = m
                .iter()
                .map(|&i| {
                    let f = &stats.forms[words[i]];
                    ClusterForm {
                        word: words[i].clone(),
                        articles: f.articles,
                        occurrences: f.occurrences,
                        files: f.files.clone(),
                    }
                })
                .collect();
            forms.sort_by(|a, b| b.articles.cmp(&a.articles).then(a.word.cmp(&b.word)));
            Cluster { forms }
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles()
            .cmp(&a.articles())
            .then(a.majority().cmp(b.majority()))
    });
    out
}
