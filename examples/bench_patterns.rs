//! Prints every literal term and regex pattern of galley's shipped packs, one
//! regex per line, for `rg -f FILE` in `bench/run.sh`: the search ripgrep
//! does in the benchmark is the union of what galley's packs look for.
//!
//! ```sh
//! cargo run --release --example bench_patterns > patterns.txt
//! ```
//!
//! Literals (variants, exceptions, misspellings and their corrections,
//! boilerplate words, role phrases, entity names and aliases) are
//! regex-escaped; those galley matches in any case are wrapped in `(?i:…)`.
//! Regexes are re-printed on one line (an `(?x)` pattern loses its comments
//! and line breaks). A rule scoped to the lines above the headline (`.+` in
//! `markers/site-boilerplate`) is left out: it is a structural check, and as
//! a search it would match every line.
//!
//! Only the packs galley runs on English articles are read (`[pack] language`
//! absent, "en" or "any"); `--language xx` picks another language, `--language
//! all` every pack.
//!
//! `--set` picks a part of the union, to search it the way ripgrep searches
//! fastest: `names` (the literals galley matches case-sensitively, as
//! written, for `rg -F`), `phrases` (the literals it matches in any case, as
//! written, for `rg -F -i`) or `regexes`. `--set all` (the default) prints the
//! whole union as regexes.

use std::collections::{BTreeMap, HashSet};
use std::io::Write as _;
use std::process::ExitCode;

use galley::packs::schema::RawGroup;
use serde::Deserialize;

use galley::packs;
use regex_syntax::ast::{parse::Parser, print::Printer};

#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Set {
    #[default]
    All,
    Names,
    Phrases,
    Regexes,
}

#[derive(Default)]
struct Patterns {
    set: Set,
    seen: HashSet<String>,
    out: Vec<String>,
    literals: usize,
    regexes: usize,
}

impl Patterns {
    fn push(&mut self, p: String) -> bool {
        if self.seen.insert(p.clone()) {
            self.out.push(p);
            true
        } else {
            false
        }
    }

    fn literal(&mut self, term: &str, any_case: bool) {
        if term.trim().is_empty() {
            return;
        }
        let wanted = match self.set {
            Set::All => true,
            Set::Names => !any_case,
            Set::Phrases => any_case,
            Set::Regexes => false,
        };
        if !wanted {
            return;
        }
        let escaped = regex_syntax::escape(term);
        let p = if self.set != Set::All {
            term.to_owned()
        } else if any_case {
            format!("(?i:{escaped})")
        } else {
            escaped
        };
        if self.push(p) {
            self.literals += 1;
        }
    }

    fn regex(&mut self, source: &str) -> Result<(), String> {
        if !matches!(self.set, Set::All | Set::Regexes) {
            return Ok(());
        }
        let ast = Parser::new()
            .parse(source)
            .map_err(|e| format!("cannot parse pattern {source:?}: {e}"))?;
        let mut one_line = String::new();
        Printer::new()
            .print(&ast, &mut one_line)
            .map_err(|e| e.to_string())?;
        if one_line.contains('\n') {
            return Err(format!("pattern {source:?} still spans lines"));
        }
        if self.push(one_line) {
            self.regexes += 1;
        }
        Ok(())
    }
}

/// The options of any kind that hold terms or patterns; the others are
/// ignored, so one struct reads a rule of every kind.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
struct Terms {
    variants: Option<Vec<String>>,
    except: Option<Vec<String>>,
    groups: Option<Vec<RawGroup>>,
    swap: Option<BTreeMap<String, String>>,
    terms: Option<Vec<String>>,
    words: Option<Vec<String>>,
    values: Option<BTreeMap<String, String>>,
    ignore: Option<Vec<String>>,
    pattern: Option<String>,
    patterns: Option<Vec<String>>,
    scope: Option<String>,
}

fn main() -> ExitCode {
    let mut p = Patterns::default();
    const USAGE: &str =
        "usage: bench_patterns [--set all|names|phrases|regexes] [--language en|all]";
    let mut language = Some("en".to_owned());
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next().as_deref()) {
            ("--set", Some("all")) => p.set = Set::All,
            ("--set", Some("names")) => p.set = Set::Names,
            ("--set", Some("phrases")) => p.set = Set::Phrases,
            ("--set", Some("regexes")) => p.set = Set::Regexes,
            ("--language", Some("all")) => language = None,
            ("--language", Some(l)) => language = Some(l.to_owned()),
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let mut packs_used = 0;
    let mut errors = Vec::new();
    for source in packs::shipped_sources() {
        let Some(pack) = packs::parse(&source, &mut errors) else {
            continue;
        };
        // galley runs a pack only on articles in its language ("any": on all).
        let pack_language = pack.pack.as_ref().and_then(|m| m.language.as_ref());
        if let (Some(want), Some(has)) = (&language, pack_language) {
            if has.get_ref() != "any" && has.get_ref() != want {
                continue;
            }
        }
        packs_used += 1;
        for rule in pack.rule {
            let rule = rule.into_inner();
            let kind = rule.kind.get_ref().clone();
            let rule: Terms = match rule.options.read() {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("bench_patterns: {}: {e}", source.name);
                    return ExitCode::FAILURE;
                }
            };
            if rule.scope.as_deref() == Some("above-headline") {
                continue;
            }
            let mut variants: Vec<String> = Vec::new();
            variants.extend(rule.variants.unwrap_or_default());
            variants.extend(rule.except.unwrap_or_default());
            for g in rule.groups.unwrap_or_default() {
                variants.extend(g.variants.into_inner());
                variants.extend(g.except.unwrap_or_default());
            }
            for v in &variants {
                p.literal(v, false);
            }
            for (wrong, right) in rule.swap.unwrap_or_default() {
                p.literal(&wrong, false);
                p.literal(&right, false);
            }
            for t in rule.terms.unwrap_or_default() {
                p.literal(&t, false);
            }
            for w in rule.words.unwrap_or_default() {
                p.literal(&w, true);
            }
            for phrase in rule.values.unwrap_or_default().keys() {
                p.literal(phrase, true);
            }
            if kind == "attribute" {
                for phrase in rule.ignore.unwrap_or_default() {
                    p.literal(&phrase, true);
                }
            }
            let mut regexes: Vec<String> = Vec::new();
            regexes.extend(rule.pattern);
            regexes.extend(rule.patterns.unwrap_or_default());
            for r in regexes {
                if let Err(e) = p.regex(&r) {
                    eprintln!("bench_patterns: {}: {e}", source.name);
                    return ExitCode::FAILURE;
                }
            }
        }
        for entity in pack.entity {
            let e = entity.into_inner();
            p.literal(&e.name, false);
            for a in &e.aliases {
                p.literal(a, false);
            }
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            eprintln!("bench_patterns: {e}");
        }
        return ExitCode::FAILURE;
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for line in &p.out {
        if writeln!(out, "{line}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    eprintln!(
        "bench_patterns: {} literals and {} regexes from {packs_used} of {} packs ({})",
        p.literals,
        p.regexes,
        packs::SHIPPED.len(),
        language.map_or("every language".to_owned(), |l| format!(
            "those for '{l}' articles"
        )),
    );
    ExitCode::SUCCESS
}
