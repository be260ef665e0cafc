//! The top of a page: which line is the headline, and which lines above it
//! (or glued to it) are the site's rather than the article's — its name, its
//! tagline, a tag or section label, a breadcrumb glued to the headline, a
//! site name appended to the headline. Lines of page residue (a clock line,
//! a counter, a date, a byline) are skipped over: they are never the
//! headline, and `markers/page-residue` reports them.

use std::ops::Range;
use std::sync::LazyLock;

use super::line_shape::{
    byline_words, is_clock, is_date, is_number, is_separator, is_slug, is_year, normalize, ui_words,
};
use crate::lang::{Lang, WordSet};

/// What a masthead line is, for the message that reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MastheadRole {
    /// `Example NET`, `example.com`: the site's name.
    SiteName,
    /// The line under the site's name that shares its words.
    Tagline,
    /// A short tag or section label directly above the headline.
    Label,
    /// `Home Economy` glued before the headline, which the page prints again
    /// on its own.
    Breadcrumb,
    /// `… | Example Press`: the site's name appended to the headline.
    TitleSuffix,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MastheadLine {
    pub range: Range<usize>,
    pub role: MastheadRole,
}

/// Domain labels that mark a short line as a site name (`Example NET`); the
/// words of each language that do (`News`, `Nachrichten`, `Новости`) are in
/// its profile's `site-words`.
const DOMAIN_WORDS: &[&str] = &["NET", "COM", "ORG", "INFO", "RU", "BY", "UA", "TV"];

const TLDS: &[&str] = &[
    ".com", ".net", ".org", ".info", ".ru", ".by", ".ua", ".news", ".io", ".eu", ".uk", ".de",
    ".at", ".ch", ".fr", ".be", ".es", ".pl", ".kz", ".рф", ".бел", ".укр",
];

/// A headline longer than this is taken for an opening paragraph.
pub(super) const HEADLINE_MAX_WORDS: usize = 30;
/// How many lines from the top the headline is looked for in.
const LEAD_LINES: usize = 12;

/// Every word that marks a short line as a site or feed name. The masthead
/// is found before the article's language is known, so the words of every
/// language count.
fn site_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        DOMAIN_WORDS
            .iter()
            .map(|w| Box::from(*w))
            .chain(Lang::all().flat_map(|l| l.profile().site_words.iter().cloned()))
            .collect()
    });
    &WORDS
}

/// The same words in lowercase, for a suffix written in any case.
fn site_words_lower() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        site_words()
            .iter()
            .map(|w| w.to_lowercase().into())
            .collect()
    });
    &WORDS
}

/// Function words of every language: a line holding one is a phrase of
/// prose, not a tag.
fn function_words() -> &'static WordSet {
    static WORDS: LazyLock<WordSet> = LazyLock::new(|| {
        Lang::all()
            .flat_map(|l| l.profile().function_words.detection.iter().cloned())
            .collect()
    });
    &WORDS
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

pub(super) fn is_site_line(s: &str) -> bool {
    word_count(s) <= 4
        && !s.ends_with(['.', '!', '?', ':', ',', ';'])
        && s.split_whitespace().any(|w| {
            let lower = w.to_lowercase();
            site_words().contains(w)
                || TLDS
                    .iter()
                    .any(|t| lower.ends_with(t) && lower.len() > t.len())
        })
}

pub(super) fn looks_like_headline(s: &str) -> bool {
    (1..=HEADLINE_MAX_WORDS).contains(&word_count(s))
}

/// A line of the article's prose: the headline is above the first one.
fn is_prose(s: &str) -> bool {
    let words = word_count(s);
    words > HEADLINE_MAX_WORDS || (words >= 6 && ends_with_full_stop(s))
}

/// Ends with a full stop, a question or an exclamation, inside closing
/// quotes or brackets or not: a headline may end with a quoted phrase
/// (`… "not blather"`), a sentence ends with its stop.
fn ends_with_full_stop(s: &str) -> bool {
    s.trim_end_matches(['"', '”', '“', '’', '»', ')', '\'', ' '])
        .ends_with(['.', '!', '?', '…'])
}

/// What a line near the top of a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lead {
    Site,
    /// A clock or date line, a counter, a breadcrumb, a slug, an empty label,
    /// a menu line, a link (`Go to ...`): never the headline.
    Residue,
    /// A byline.
    Byline,
    Text,
}

fn classify(s: &str) -> Lead {
    let pieces: Vec<&str> = s.split_whitespace().collect();
    let words: Vec<String> = pieces
        .iter()
        .map(|p| normalize(p))
        .filter(|w| !w.is_empty())
        .collect();
    let short = words.len() <= 6;
    let ui = ui_words();
    // A suppression comment in plain text is galley's, not the page's.
    let residue = s.starts_with("<!--")
        || (pieces.len() == 1 && is_slug(pieces[0]))
        || (short
            && pieces
                .iter()
                .any(|p| is_clock(p) || is_date(p) || is_year(p)))
        || (words.len() <= 10 && pieces.iter().any(|p| matches!(*p, "»" | "›" | "•" | "·")))
        || (pieces.first().is_some_and(|p| is_separator(p)))
        || (words.len() <= 4 && s.ends_with("..."))
        || (s.ends_with(':') && words.len() <= 3)
        || (words.len() <= 5
            && !words.is_empty()
            && (words
                .iter()
                .all(|w| is_number(w) || ui.contains(w.as_str()))
                || ui.contains(words.join(" ").as_str())));
    if residue {
        return Lead::Residue;
    }
    if is_site_line(s) {
        return Lead::Site;
    }
    if words.len() <= 6
        && words.len() >= 2
        && pieces
            .first()
            .is_some_and(|p| byline_words().contains(normalize(p).as_str()))
    {
        return Lead::Byline;
    }
    Lead::Text
}

/// A tag or section label: two or three capitalised words, no function
/// word, no digit, no final punctuation (`Alexander Lukashenko`, `World
/// Politics`). One word alone may be a short headline (`Kurz`).
fn is_label(s: &str) -> bool {
    let pieces: Vec<&str> = s.split_whitespace().collect();
    (2..=3).contains(&pieces.len())
        && !s.ends_with(['.', '!', '?', ':', ',', ';'])
        && pieces.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && !p.chars().any(|c| c.is_ascii_digit())
                && !function_words().contains(normalize(p).as_str())
        })
}

/// Words of four letters or more, lowercase: what a tagline shares with the
/// site's name.
fn long_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(normalize)
        .filter(|w| w.chars().count() >= 4)
        .collect()
}

/// The headline of a plain-text article and the site's lines around it.
pub(super) fn head(
    text: &str,
    lines: &[Range<usize>],
) -> (Option<Range<usize>>, Vec<MastheadLine>) {
    let Some(first) = lines.first() else {
        return (None, Vec::new());
    };
    let line = |r: &Range<usize>| &text[r.clone()];
    // A scraper that repeats the headline at the end tells us which line it was.
    if lines.len() >= 3 {
        let last = comparable(line(&lines[lines.len() - 1]));
        for k in 1..lines.len().min(4) - 1 {
            let above = &lines[..k];
            if comparable(line(&lines[k])) == last
                && classify(line(&lines[k])) == Lead::Text
                && above.iter().all(|l| word_count(line(l)) <= 6)
            {
                let masthead = above
                    .iter()
                    .filter_map(|r| {
                        let role = match classify(line(r)) {
                            Lead::Site => MastheadRole::SiteName,
                            Lead::Text => MastheadRole::Label,
                            Lead::Residue | Lead::Byline => return None,
                        };
                        Some(MastheadLine {
                            range: r.clone(),
                            role,
                        })
                    })
                    .collect();
                return finish(text, lines, k, masthead);
            }
        }
    }
    let lead: Vec<(usize, Lead)> = lines
        .iter()
        .take(LEAD_LINES)
        .take_while(|r| !is_prose(line(r)))
        .enumerate()
        .map(|(i, r)| (i, classify(line(r))))
        .collect();
    let mut masthead: Vec<MastheadLine> = Vec::new();
    let mut site: Option<usize> = None;
    for (n, &(i, kind)) in lead.iter().enumerate() {
        let s = line(&lines[i]);
        match kind {
            Lead::Residue | Lead::Byline => {}
            Lead::Site => {
                site = Some(i);
                masthead.push(MastheadLine {
                    range: lines[i].clone(),
                    role: MastheadRole::SiteName,
                });
            }
            Lead::Text => {
                // Under the site's name, a line that repeats one of its words
                // is its tagline (or its share bar).
                if let Some(si) = site {
                    let name = long_words(line(&lines[si]));
                    if long_words(s).iter().any(|w| name.contains(w)) {
                        masthead.push(MastheadLine {
                            range: lines[i].clone(),
                            role: MastheadRole::Tagline,
                        });
                        continue;
                    }
                }
                // A short line whose words the next lines of the top repeat
                // (its tagline, its share bar) is the site's name.
                if word_count(s) <= 3 && !ends_with_full_stop(s) {
                    let name = long_words(s);
                    let echoes = lead[n + 1..]
                        .iter()
                        .filter(|(j, _)| {
                            long_words(line(&lines[*j]))
                                .iter()
                                .any(|w| name.contains(w))
                        })
                        .count();
                    if echoes >= 2 {
                        site = Some(i);
                        masthead.push(MastheadLine {
                            range: lines[i].clone(),
                            role: MastheadRole::SiteName,
                        });
                        continue;
                    }
                }
                // A tag above a longer line that reads as the headline.
                let next = lead[n + 1..]
                    .iter()
                    .find(|(_, k)| *k != Lead::Residue && *k != Lead::Byline);
                if is_label(s) {
                    if let Some(&(j, Lead::Text)) = next {
                        let h = line(&lines[j]);
                        if word_count(h) >= 5 && !ends_with_full_stop(h) {
                            masthead.push(MastheadLine {
                                range: lines[i].clone(),
                                role: MastheadRole::Label,
                            });
                            continue;
                        }
                    }
                }
                if looks_like_headline(s) {
                    return finish(text, lines, i, masthead);
                }
                break;
            }
        }
    }
    // Nothing below the site's lines reads as a headline: the first of them
    // that could is it (`Press Freedom Day` over the lede).
    if let Some(&(i, _)) = lead.iter().find(|(i, k)| {
        matches!(k, Lead::Site | Lead::Text) && looks_like_headline(line(&lines[*i]))
    }) {
        masthead.retain(|m| m.range.start < lines[i].start);
        return finish(text, lines, i, masthead);
    }
    // A page that opens with its lede: its first short line is taken for
    // the headline.
    if masthead.is_empty() && looks_like_headline(line(first)) {
        return finish(text, lines, 0, masthead);
    }
    (None, masthead)
}

/// The headline at line `k`, less a breadcrumb glued before it (the page
/// prints the headline again on its own just below) and a site name
/// appended to it.
pub(super) fn finish(
    text: &str,
    lines: &[Range<usize>],
    k: usize,
    mut masthead: Vec<MastheadLine>,
) -> (Option<Range<usize>>, Vec<MastheadLine>) {
    let mut headline = lines[k].clone();
    if let Some(copy) = lines.get(k + 1..(k + 4).min(lines.len())).and_then(|next| {
        next.iter()
            .find_map(|l| glued_prefix(text, headline.clone(), &text[l.clone()]))
    }) {
        let prefix = text[headline.start..copy].trim_end().len();
        masthead.push(MastheadLine {
            range: headline.start..headline.start + prefix,
            role: MastheadRole::Breadcrumb,
        });
        let rest = &text[copy..headline.end];
        headline = copy + (rest.len() - rest.trim_start().len())..headline.end;
    }
    if let Some(suffix) = title_suffix(&text[headline.clone()]) {
        let at = headline.start + suffix;
        masthead.push(MastheadLine {
            range: at..headline.end,
            role: MastheadRole::TitleSuffix,
        });
        headline = headline.start..headline.start + text[headline.start..at].trim_end().len();
    }
    (Some(headline), masthead)
}

/// Where the copy of `again` begins inside `line` when `line` is a short run
/// of words with nothing but `again` after it (`Home Economy` + headline).
fn glued_prefix(text: &str, line: Range<usize>, again: &str) -> Option<usize> {
    let s = &text[line.clone()];
    let want: Vec<String> = again.split_whitespace().map(normalize).collect();
    if want.len() < 3 {
        return None;
    }
    let pieces: Vec<(usize, &str)> = s
        .split_whitespace()
        .map(|p| (p.as_ptr() as usize - s.as_ptr() as usize, p))
        .collect();
    let extra = pieces.len().checked_sub(want.len())?;
    if !(1..=4).contains(&extra) {
        return None;
    }
    let tail: Vec<String> = pieces[extra..].iter().map(|(_, p)| normalize(p)).collect();
    let prefix_words: Vec<String> = pieces[..extra].iter().map(|(_, p)| normalize(p)).collect();
    let is_prose = prefix_words
        .iter()
        .any(|w| function_words().contains(w.as_str()));
    (tail == want && !is_prose).then(|| line.start + pieces[extra].0)
}

/// Where a site's name appended to a headline begins: after its last ` | `
/// (a page title's separator), or after a dash when what follows names a
/// site (`– Example News`, `– latest news`). Byte offset of the separator.
fn title_suffix(headline: &str) -> Option<usize> {
    let words = word_count(headline);
    if let Some(at) = headline.rfind(" | ") {
        let tail = &headline[at + 3..];
        if (1..=5).contains(&word_count(tail)) && word_count(&headline[..at]) >= 3 {
            return Some(at + 1);
        }
    }
    for dash in [" – ", " — ", " - "] {
        if let Some(at) = headline.rfind(dash) {
            let tail = &headline[at + dash.len()..];
            let n = word_count(tail);
            let names_site = tail
                .split_whitespace()
                .any(|w| site_words_lower().contains(normalize(w).as_str()));
            if (1..=8).contains(&n) && names_site && words - n >= 3 {
                return Some(at + 1);
            }
        }
    }
    None
}

/// A line as the end-repeat test compares it.
fn comparable(s: &str) -> String {
    s.trim_end_matches(['.', '!', '?', ' '])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}
