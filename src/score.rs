//! An MQM-style quality score per article: the penalty points of its
//! findings per 1,000 words, so that an editor with hundreds of articles a
//! day can read the worst first.
//!
//! MQM (Multidimensional Quality Metrics) and GEMBA-MQM weigh an error by
//! its severity: minor 1, major 5, critical 25. galley's findings carry a
//! severity and a category (the rule id's prefix); [`mqm_severity`] maps the
//! pair to an MQM severity, and the docs (docs/score.md, `galley explain
//! --score`) print the same table ([`EXPLANATION`]).

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Format, Source};

/// MQM's severities and their penalty weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MqmSeverity {
    Minor,
    Major,
    Critical,
}

impl MqmSeverity {
    pub fn weight(self) -> u32 {
        match self {
            MqmSeverity::Minor => 1,
            MqmSeverity::Major => 5,
            MqmSeverity::Critical => 25,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MqmSeverity::Minor => "minor",
            MqmSeverity::Major => "major",
            MqmSeverity::Critical => "critical",
        }
    }
}

/// Categories whose warnings read as surface blemishes in MQM (fluency:
/// punctuation, spelling; style: awkward): a warning there is minor, an
/// error major. Elsewhere (names, facts, language, markers: accuracy and
/// text that should not be in the article at all) a warning is major and an
/// error critical. An `info` finding is minor everywhere.
const SURFACE_CATEGORIES: &[&str] = &["typography", "style"];

/// The MQM severity of a finding of `category` at galley severity `severity`.
pub fn mqm_severity(category: &str, severity: Severity) -> MqmSeverity {
    let surface = SURFACE_CATEGORIES.contains(&category);
    match (severity, surface) {
        (Severity::Info, _) => MqmSeverity::Minor,
        (Severity::Warning, true) => MqmSeverity::Minor,
        (Severity::Warning, false) => MqmSeverity::Major,
        (Severity::Error, true) => MqmSeverity::Major,
        (Severity::Error, false) => MqmSeverity::Critical,
    }
}

/// Articles shorter than this are scored as if they had this many words: a
/// ten-word caption with one stray space is not a thousand times worse than
/// a long article with one.
pub const MIN_WORDS: usize = 100;

/// One article's score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// Words of prose (markup left out).
    pub words: usize,
    /// The findings' MQM weights, summed.
    pub penalty: u32,
    /// `penalty` per 1,000 words (of at least [`MIN_WORDS`]), rounded to one decimal.
    pub value: f64,
}

impl Score {
    pub fn new(words: usize, penalty: u32) -> Score {
        Score {
            words,
            penalty,
            value: per_thousand(penalty, words),
        }
    }
}

fn per_thousand(penalty: u32, words: usize) -> f64 {
    let raw = f64::from(penalty) * 1000.0 / words.max(MIN_WORDS) as f64;
    (raw * 10.0).round() / 10.0
}

/// The summed MQM weights of `diagnostics`.
pub fn penalty(diagnostics: &[Diagnostic]) -> u32 {
    diagnostics
        .iter()
        .map(|d| mqm_severity(d.category(), d.severity).weight())
        .sum()
}

/// Words of an article's prose: runs of letters and digits (with the
/// apostrophes and hyphens inside them) in the text a reader sees, markup
/// left out. Counted by hand rather than through `Document`, which would
/// split sentences and tokenize again for a number.
pub fn word_count(text: &str, format: Format) -> usize {
    let source = Source::read(text, format);
    count_words(source.text())
}

pub(crate) fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        // Most of an article is ASCII: a table read a byte, and a word's
        // letters skipped in a tight loop.
        let (wordy, joiner, width) = match WORD_CLASS[usize::from(bytes[i])] {
            ASCII_WORDY => {
                if !in_word {
                    n += 1;
                    in_word = true;
                }
                i += 1;
                while bytes
                    .get(i)
                    .is_some_and(|&b| WORD_CLASS[usize::from(b)] == ASCII_WORDY)
                {
                    i += 1;
                }
                continue;
            }
            ASCII_JOINER => (false, true, 1),
            ASCII_OTHER => (false, false, 1),
            _ => match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) => (c.is_alphanumeric(), c == '’', c.len_utf8()),
                None => (false, false, 1),
            },
        };
        if wordy && !in_word {
            n += 1;
        }
        // An apostrophe or hyphen between letters keeps the word going (`don't`, `Su-30`).
        in_word = wordy || (in_word && joiner);
        i += width;
    }
    n
}

const ASCII_OTHER: u8 = 0;
const ASCII_WORDY: u8 = 1;
const ASCII_JOINER: u8 = 2;
const NOT_ASCII: u8 = 3;

/// Each byte's class for `count_words`.
static WORD_CLASS: [u8; 256] = {
    let mut t = [ASCII_OTHER; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        t[i] = if b >= 0x80 {
            NOT_ASCII
        } else if b.is_ascii_alphanumeric() {
            ASCII_WORDY
        } else if b == b'\'' || b == b'-' {
            ASCII_JOINER
        } else {
            ASCII_OTHER
        };
        i += 1;
    }
    t
};

/// The score of a run: all its penalty points per 1,000 of all its words.
pub fn run_score(files: impl IntoIterator<Item = Score>) -> Score {
    let (words, penalty) = files
        .into_iter()
        .fold((0usize, 0u32), |(w, p), s| (w + s.words, p + s.penalty));
    Score::new(words, penalty)
}

/// The formula and the map, as `galley explain --score` prints them.
pub const EXPLANATION: &str = "\
galley scores each article as MQM does (Multidimensional Quality Metrics, and GEMBA-MQM):

  score = (sum of the findings' MQM weights) x 1000 / max(words, 100)

rounded to one decimal; 0 is clean, higher is worse. The weights are MQM's:
minor 1, major 5, critical 25. Words are the article's prose (markup left out);
an article of fewer than 100 words counts as 100, so a short caption with one
slip does not outrank a long article full of them. Suppressed and baselined
findings do not count.

A finding's MQM severity follows from its galley severity and category:

  galley severity   typography, style      names, facts, language, markers
  info              minor (1)              minor (1)
  warning           minor (1)              major (5)
  error             major (5)              critical (25)

Typography and style findings are fluency and style blemishes in MQM terms;
names, facts, untranslated text and page residue are accuracy errors or text
that should not be in the article at all. Severities set in galley.toml
change the score the same way they change the report.

The run's score is all its penalty points per 1,000 of all its words.
Where it shows: the human summary lists the worst articles first; `--sort score`
orders the report worst first; JSON has `scores` (per file) and `summary.score`;
SARIF has `runs[].properties.score` and `properties.scores`; `--max-score N`
fails the run when an article scores more than N.
";

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn d(rule: &str, severity: Severity) -> Diagnostic {
        let id: Arc<str> = rule.into();
        Diagnostic::new(&id, severity, 0..1, String::new())
    }

    #[test]
    fn the_map_follows_severity_and_category() {
        assert_eq!(mqm_severity("style", Severity::Info), MqmSeverity::Minor);
        assert_eq!(
            mqm_severity("typography", Severity::Warning),
            MqmSeverity::Minor
        );
        assert_eq!(
            mqm_severity("typography", Severity::Error),
            MqmSeverity::Major
        );
        assert_eq!(mqm_severity("names", Severity::Warning), MqmSeverity::Major);
        assert_eq!(
            mqm_severity("facts", Severity::Error),
            MqmSeverity::Critical
        );
        assert_eq!(mqm_severity("language", Severity::Info), MqmSeverity::Minor);
    }

    #[test]
    fn penalty_per_thousand_words_with_a_floor() {
        let found = [
            d("names/near-miss", Severity::Warning),
            d("typography/double-space", Severity::Warning),
            d("facts/x", Severity::Error),
        ];
        assert_eq!(penalty(&found), 5 + 1 + 25);
        assert_eq!(Score::new(500, 31).value, 62.0);
        assert_eq!(Score::new(3000, 31).value, 10.3);
        // Ten words count as a hundred.
        assert_eq!(Score::new(10, 1).value, 10.0);
        assert_eq!(Score::new(0, 0).value, 0.0);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(count_words("Don't stop — the Su-30 flew 25 km."), 7);
        assert_eq!(count_words("Президент выступил."), 2);
        assert_eq!(count_words("  \n"), 0);
        assert_eq!(word_count("<p>Two <b>words</b></p>", Format::Html), 2);
    }

    #[test]
    fn the_run_scores_all_points_over_all_words() {
        let run = run_score([Score::new(1000, 10), Score::new(3000, 2)]);
        assert_eq!((run.words, run.penalty, run.value), (4000, 12, 3.0));
    }
}
