//! Reading an archive for its house style, one article at a time: what is
//! kept is counts (per capitalised word, per way of writing a mark, per
//! recurring line) and a few file names per form, never the texts, so the
//! memory a run takes grows with the archive's vocabulary, not its size.
//! Each worker thread fills its own [`ArchiveStats`]; [`ArchiveStats::merge`]
//! joins them, and the result does not depend on the order they come in.

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

use super::heavy::HeavyLines;
use crate::document::Document;
use crate::lang::Lang;
use crate::packs::PackSource;
use crate::rules::gazetteer::NameIndex;
use crate::rules::house::marks::{self, Aspect};
use crate::rules::text::{is_all_caps, is_capitalized, strip_possessive};

/// File names kept per form and per style: the first ones by walk order,
/// enough for an editor to look at; the counts say how many there are.
pub const FILES_KEPT: usize = 12;

/// Lines longer than this are prose, not boilerplate.
const MAX_LINE: usize = 200;

/// The lines at an article's top and bottom read for boilerplate.
const EDGE_TOP: usize = 2;
const EDGE_BOTTOM: usize = 3;

/// What the packs know of names: their variant groups (and the phrases a
/// group excepts, `Chicken Kiev`) and the gazetteer's name index.
pub struct Knowledge<'a> {
    /// A word, exactly as written, → the variant groups that list it.
    pub groups: HashMap<String, Vec<u32>>,
    pub group_count: usize,
    except: Option<AhoCorasick>,
    pub names: &'a NameIndex,
}

fn strings(v: Option<&toml::Value>) -> Vec<String> {
    v.and_then(toml::Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|s| s.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

impl<'a> Knowledge<'a> {
    /// The variant groups of every `consistency` rule in `sources` (the
    /// packs in force), and `names`. A pack that does not parse was already
    /// reported by the ruleset that gave `names`; it is skipped here.
    pub fn new(sources: &[PackSource], names: &'a NameIndex) -> Knowledge<'a> {
        let mut groups: HashMap<String, Vec<u32>> = HashMap::new();
        let mut except = Vec::new();
        let mut count = 0u32;
        for source in sources {
            let Ok(table) = source.text.parse::<toml::Table>() else {
                continue;
            };
            let rules = table.get("rule").and_then(toml::Value::as_array);
            for rule in rules.into_iter().flatten() {
                if rule.get("kind").and_then(toml::Value::as_str) != Some("consistency") {
                    continue;
                }
                let mut specs = vec![(strings(rule.get("variants")), strings(rule.get("except")))];
                for g in rule
                    .get("groups")
                    .and_then(toml::Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    specs.push((strings(g.get("variants")), strings(g.get("except"))));
                }
                for (variants, excepted) in specs {
                    if variants.len() < 2 {
                        continue;
                    }
                    for v in variants {
                        groups.entry(v).or_default().push(count);
                    }
                    except.extend(excepted);
                    count += 1;
                }
            }
        }
        Knowledge {
            groups,
            group_count: count as usize,
            except: (!except.is_empty())
                .then(|| AhoCorasick::new(&except).ok())
                .flatten(),
            names,
        }
    }

    /// Byte ranges of the excepted phrases in `text`.
    fn excepted(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        self.except
            .as_ref()
            .map(|ac| ac.find_iter(text).map(|m| m.range()).collect())
            .unwrap_or_default()
    }
}

/// One capitalised word across the archive.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FormStats {
    pub articles: u32,
    pub occurrences: u64,
    /// Written somewhere in an English article not at a sentence's start:
    /// the capital says "name".
    pub proper: bool,
    /// Written somewhere not followed by another capitalised word, as a
    /// surname or a place is (a given name always is).
    pub alone: bool,
    /// The first [`FILES_KEPT`] articles that write it (indices into the walk).
    pub files: Vec<u32>,
}

/// The articles that write one mark one way.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct StyleStats {
    pub articles: u32,
    pub files: Vec<u32>,
}

/// What the archive read so far holds.
#[derive(Debug, Clone)]
pub struct ArchiveStats {
    pub articles: u32,
    pub forms: HashMap<String, FormStats>,
    /// Per aspect (`Aspect::index`), per style: the articles writing it most.
    pub styles: [Vec<StyleStats>; 3],
    pub lines: HeavyLines,
}

impl Default for ArchiveStats {
    fn default() -> Self {
        ArchiveStats {
            articles: 0,
            forms: HashMap::new(),
            styles: Aspect::ALL.map(|a| vec![StyleStats::default(); a.styles().len()]),
            lines: HeavyLines::default(),
        }
    }
}

/// Keeps the smallest [`FILES_KEPT`] file indices: the same ones whatever
/// order the workers saw the files in.
fn keep_files(files: &mut Vec<u32>) {
    files.sort_unstable();
    files.dedup();
    files.truncate(FILES_KEPT);
}

fn add_file(files: &mut Vec<u32>, file: u32) {
    files.push(file);
    if files.len() > 2 * FILES_KEPT {
        keep_files(files);
    }
}

/// A word that can be a name: capitalised (not all capitals: acronyms), of
/// letters only, four letters or more (`Kyiv`).
fn name_like(word: &str) -> bool {
    is_capitalized(word)
        && !is_all_caps(word)
        && word.chars().all(char::is_alphabetic)
        && word.chars().nth(3).is_some()
}

impl ArchiveStats {
    /// Counts one article; `file` is its index in the walk.
    pub fn observe(&mut self, knowledge: &Knowledge<'_>, file: u32, doc: &Document<'_>) {
        self.articles += 1;
        self.observe_names(knowledge, file, doc);
        let found = marks::find(doc.text);
        for aspect in Aspect::ALL {
            if let Some(style) = marks::dominant(&found, aspect) {
                let s = &mut self.styles[aspect.index()][style];
                s.articles += 1;
                add_file(&mut s.files, file);
            }
        }
        self.observe_lines(doc);
    }

    fn observe_names(&mut self, knowledge: &Knowledge<'_>, file: u32, doc: &Document<'_>) {
        let excepted = knowledge.excepted(doc.text);
        let english = doc.language == Lang::ENGLISH;
        // word → (occurrences, proper, alone) in this article
        let mut here: HashMap<&str, (u64, bool, bool)> = HashMap::new();
        for (i, w) in doc.words.iter().enumerate() {
            let word = strip_possessive(doc.slice(&w.range()));
            if !name_like(word)
                || excepted
                    .iter()
                    .any(|r| r.start <= w.start && w.end <= r.end)
            {
                continue;
            }
            let followed = doc.words.get(i + 1).is_some_and(|n| {
                doc.text[w.end..n.start].trim().is_empty() && is_capitalized(doc.slice(&n.range()))
            });
            let e = here.entry(word).or_default();
            e.0 += 1;
            e.1 |= english && !w.sentence_initial;
            e.2 |= !followed;
        }
        for (word, (n, proper, alone)) in here {
            let f = match self.forms.get_mut(word) {
                Some(f) => f,
                None => self.forms.entry(word.to_owned()).or_default(),
            };
            f.articles += 1;
            f.occurrences += n;
            f.proper |= proper;
            f.alone |= alone;
            add_file(&mut f.files, file);
        }
    }

    /// The lines at the article's edges (its first two and last three):
    /// where a site prints its lines. A background sentence repeated in
    /// the middle of many articles is the desk's prose, not the site's.
    fn observe_lines(&mut self, doc: &Document<'_>) {
        let body = doc.text.get(doc.body_start..).unwrap_or("");
        let lines: Vec<&str> = body
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let n = lines.len();
        let edges =
            (0..n.min(EDGE_TOP)).chain(n.saturating_sub(EDGE_BOTTOM).max(EDGE_TOP.min(n))..n);
        let mut seen: HashSet<&str> = HashSet::new();
        for line in edges.map(|i| lines[i]) {
            // Three words or more: a lone name or a dateline is no boilerplate.
            if line.len() > MAX_LINE
                || line.split_whitespace().nth(2).is_none()
                || !line.chars().any(char::is_alphabetic)
            {
                continue;
            }
            if seen.insert(line) {
                self.lines.add(line);
            }
        }
    }

    /// Adds what another worker counted.
    pub fn merge(mut self, mut other: ArchiveStats) -> ArchiveStats {
        if other.forms.len() > self.forms.len() {
            std::mem::swap(&mut self.forms, &mut other.forms);
        }
        self.articles += other.articles;
        for (word, o) in other.forms {
            let f = self.forms.entry(word).or_default();
            f.articles += o.articles;
            f.occurrences += o.occurrences;
            f.proper |= o.proper;
            f.alone |= o.alone;
            f.files.extend(o.files);
            keep_files(&mut f.files);
        }
        for (mine, theirs) in self.styles.iter_mut().zip(other.styles) {
            for (m, t) in mine.iter_mut().zip(theirs) {
                m.articles += t.articles;
                m.files.extend(t.files);
                keep_files(&mut m.files);
            }
        }
        self.lines.merge(other.lines);
        self
    }

    /// Settles the kept file lists (call once, after the last merge).
    pub fn finish(&mut self) {
        for f in self.forms.values_mut() {
            keep_files(&mut f.files);
        }
        for s in self.styles.iter_mut().flatten() {
            keep_files(&mut s.files);
        }
    }
}
