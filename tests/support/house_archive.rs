//! A fixture archive with a known house style, written from a seed: a few
//! hundred short English articles of our own, the house forms in most of
//! them, minority spellings planted in a few chosen by the seed, and decoys
//! that must not be taken for clusters (a demonym beside its country, two
//! people with one surname's two gendered forms, two people's own given-name
//! spellings, `Chicken Kiev`, a typo only ever at a sentence's start, single
//! quotation marks, a line repeated in too few articles). The plan says which
//! article got what, so tests can compare galley's findings with it exactly.

use std::collections::BTreeSet;
use std::path::Path;

/// A tiny seeded generator (xorshift64*): the same archive on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// `n` distinct indices below `below`, not in `avoid`.
    pub fn pick(&mut self, n: usize, below: usize, avoid: &BTreeSet<usize>) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        while out.len() < n {
            let i = (self.next() % below as u64) as usize;
            if !avoid.contains(&i) {
                out.insert(i);
            }
        }
        out
    }
}

/// Which articles got a minority form or mark, by what it is.
#[derive(Debug, Default)]
pub struct Plan {
    pub lukashenka: BTreeSet<usize>,
    pub kiev: BTreeSet<usize>,
    pub homel: BTreeSet<usize>,
    pub zhdanovych: BTreeSet<usize>,
    pub tikhanovskaya: BTreeSet<usize>,
    pub straight_quotes: BTreeSet<usize>,
    pub straight_apostrophes: BTreeSet<usize>,
    pub spaced_currency: BTreeSet<usize>,
    /// Articles that print the site's line.
    pub boilerplate: BTreeSet<usize>,
    /// Articles that write `Zhdanovich` (the house form): where an editor's
    /// switch of `prefer` moves the findings.
    pub zhdanovich: BTreeSet<usize>,
}

impl Plan {
    /// Articles with a planted minority spelling of a name.
    pub fn names(&self) -> BTreeSet<usize> {
        [
            &self.lukashenka,
            &self.kiev,
            &self.homel,
            &self.zhdanovych,
            &self.tikhanovskaya,
        ]
        .into_iter()
        .flatten()
        .copied()
        .collect()
    }

    pub fn typography(&self) -> BTreeSet<usize> {
        [
            &self.straight_quotes,
            &self.straight_apostrophes,
            &self.spaced_currency,
        ]
        .into_iter()
        .flatten()
        .copied()
        .collect()
    }
}

pub const SITE_LINE: &str = "Follow the Minsk Desk on Telegram for more news.";

pub fn file_name(i: usize) -> String {
    format!("archive/a{i:03}.txt")
}

/// Writes `articles` articles under `dir/archive` and returns the plan.
pub fn write(dir: &Path, articles: usize, seed: u64) -> Plan {
    let mut rng = Rng::new(seed);
    let none = BTreeSet::new();
    let mut plan = Plan {
        lukashenka: rng.pick(6, articles, &none),
        kiev: rng.pick(5, articles, &none),
        homel: rng.pick(4, articles, &none),
        zhdanovych: rng.pick(3, articles, &none),
        tikhanovskaya: rng.pick(4, articles, &none),
        straight_quotes: rng.pick(4, articles, &none),
        straight_apostrophes: rng.pick(3, articles, &none),
        spaced_currency: rng.pick(3, articles, &none),
        ..Plan::default()
    };
    std::fs::create_dir_all(dir.join("archive")).expect("archive dir");
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    for i in 0..articles {
        // Every article's own date: its sentences are its own, as a real
        // article's are, and only the site's line recurs word for word.
        let date = format!("{} {}", i % 28 + 1, MONTHS[i / 28 % 12]);
        let mut paras: Vec<String> = Vec::new();
        paras.push(format!("Desk report {i}: the week in {} numbers", 10 + i));
        let opening = if i % 3 == 1 {
            "Meanwhile"
        } else {
            "On Tuesday"
        };
        // A typo that is no name: only ever at a sentence's start.
        let opening = if i == 7 || i == 8 {
            "Meanwile"
        } else {
            opening
        };
        if i % 5 != 0 || plan.lukashenka.contains(&i) {
            let name = if plan.lukashenka.contains(&i) {
                "Lukashenka"
            } else {
                "Lukashenko"
            };
            paras.push(format!(
                "{opening}, President {name} met regional officials on {date}, the agency reported. {name}’s office said the meeting lasted two hours."
            ));
        }
        if i % 3 == 0 || plan.kiev.contains(&i) {
            let name = if plan.kiev.contains(&i) {
                "Kiev"
            } else {
                "Kyiv"
            };
            paras.push(format!(
                "Talks with {name} resumed on {date} after a pause, and delegates said the framework still held."
            ));
        }
        if (i % 40 == 10) && !plan.kiev.contains(&i) {
            paras.push(
                "A café near the square still serves Chicken Kiev to visiting delegations.".into(),
            );
        }
        if i % 4 == 1 || plan.homel.contains(&i) {
            let name = if plan.homel.contains(&i) {
                "Homel"
            } else {
                "Gomel"
            };
            paras.push(format!(
                "Farmers near {name} reported an early harvest on {date}."
            ));
        }
        if i % 6 == 2 || plan.zhdanovych.contains(&i) {
            let name = if plan.zhdanovych.contains(&i) {
                "Zhdanovych"
            } else {
                "Zhdanovich"
            };
            if name == "Zhdanovich" {
                plan.zhdanovich.insert(i);
            }
            paras.push(format!(
                "The deputy minister, {name}, said on {date} that the plan would take two years."
            ));
        }
        if i % 7 == 3 || plan.tikhanovskaya.contains(&i) {
            let name = if plan.tikhanovskaya.contains(&i) {
                "Svetlana Tikhanovskaya"
            } else {
                "Sviatlana Tsikhanouskaya"
            };
            paras.push(format!(
                "Opposition leader {name} spoke to reporters in Vilnius on {date}."
            ));
        }
        if i % 2 == 0 {
            paras.push(format!(
                "Belarusian officials and Russian diplomats discussed trade between Belarus and Russia on {date}."
            ));
        }
        if i % 10 == 3 {
            // Background repeated in a tenth of the articles, mid-article: no site line.
            paras.push("Belarus has had one president since 1994.".into());
        }
        if i % 5 == 1 {
            paras.push(format!(
                "Alexei Navalny’s widow, Yulia Navalnaya, addressed supporters abroad on {date}."
            ));
        }
        if i % 8 == 4 {
            paras.push(format!("Sergei Lavrov and Sergey Shoigu did not comment on {date}. Economist Anna Ivanova disagreed with Ivanov."));
        }
        if i % 9 == 5 {
            paras.push(format!(
                "Analysts called the plan of {date} a 'hybrid' model of state support."
            ));
        }
        paras.push(if plan.straight_quotes.contains(&i) {
            format!("\"We will keep working,\" the spokesman said on {date}.")
        } else {
            format!("“We will keep working,” the spokesman said on {date}.")
        });
        paras.push(if plan.straight_apostrophes.contains(&i) {
            format!("The ministry's statement of {date} didn't name a deadline.")
        } else {
            format!("The ministry’s statement of {date} didn’t name a deadline.")
        });
        if i % 2 == 1 || plan.spaced_currency.contains(&i) {
            paras.push(if plan.spaced_currency.contains(&i) {
                format!("The project is worth $ {} million over five years.", 10 + i)
            } else {
                format!("The project is worth ${} million over five years.", 10 + i)
            });
        }
        if (20..23).contains(&i) {
            paras.push("The talks will resume next week.".into());
        }
        if i % 5 == 0 || i % 5 == 2 {
            plan.boilerplate.insert(i);
            paras.push(SITE_LINE.into());
        }
        std::fs::write(dir.join(file_name(i)), paras.join("\n\n") + "\n").expect("write article");
    }
    plan
}
