//! A seeded generator of news-like articles for benchmarking galley.
//!
//! Shared by `examples/gen_corpus.rs` (the command), `tests/bench_smoke.rs`
//! and `benches/pipeline.rs` through `#[path]`, so it uses nothing but std.
//! The same seed and size give a byte-identical corpus on every machine: the
//! generator draws from its own splitmix64 and never from floating point.
//!
//! About 70% of the articles are clean English prose; the others carry one to
//! three of the defects in [`Defect`], each recorded in the article's
//! [`Article::defects`] with the rule that should report it.

#![allow(dead_code)] // each includer uses a different part

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// splitmix64 (Steele, Lea, Flood 2014): small, fast, and good enough here.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0), by multiply-shift on the high 32 bits.
    pub fn below(&mut self, n: usize) -> usize {
        debug_assert!(n > 0 && n <= u32::MAX as usize);
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `per_mille / 1000`.
    pub fn chance(&mut self, per_mille: usize) -> bool {
        self.below(1000) < per_mille
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A defect the generator injects. Each one names the rule that finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Defect {
    /// `Lukashenko` and `Lukashenka` (or Zelensky/Zelenskyy, Kyiv/Kiev, …) in one article.
    NameVariant,
    /// `Belarussia`, `Ukranian`.
    Misspelling,
    /// `Minsk (, - ` opening the first paragraph.
    BrokenMarker,
    /// A `Read also:` teaser or a `Subscribe to our channel` line.
    Boilerplate,
    /// A site name on its own line above the headline.
    SiteName,
    /// The headline repeated as the last line.
    RepeatedHeadline,
    /// `the the`.
    DoubledWord,
    /// Straight and curly double quotes in one article.
    MixedQuotes,
    /// `$100` and `$ 100` in one article.
    Currency,
    /// `the MC-21 Sukhoi Superjet`.
    ConflatedModels,
    /// `the MiG-25 attack aircraft`.
    AircraftRole,
    /// `Mоscow` with a Cyrillic `о` (U+043E).
    MixedScript,
    /// A sentence left in Russian.
    UntranslatedRussian,
}

impl Defect {
    pub const ALL: [Defect; 13] = [
        Defect::NameVariant,
        Defect::Misspelling,
        Defect::BrokenMarker,
        Defect::Boilerplate,
        Defect::SiteName,
        Defect::RepeatedHeadline,
        Defect::DoubledWord,
        Defect::MixedQuotes,
        Defect::Currency,
        Defect::ConflatedModels,
        Defect::AircraftRole,
        Defect::MixedScript,
        Defect::UntranslatedRussian,
    ];

    /// The rule id that reports this defect.
    pub fn rule(self) -> &'static str {
        match self {
            Defect::NameVariant => "names/variant-spelling",
            Defect::Misspelling => "names/known-misspelling",
            Defect::BrokenMarker => "markers/broken-attribution",
            Defect::Boilerplate => "markers/boilerplate",
            Defect::SiteName => "markers/site-boilerplate",
            Defect::RepeatedHeadline => "markers/repeated-content",
            Defect::DoubledWord => "typography/doubled-word",
            Defect::MixedQuotes => "typography/mixed-quotes",
            Defect::Currency => "typography/inconsistent-currency",
            Defect::ConflatedModels => "facts/conflated-models",
            Defect::AircraftRole => "facts/aircraft-role",
            Defect::MixedScript => "language/mixed-script",
            Defect::UntranslatedRussian => "language/untranslated",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Defect::NameVariant => "name-variant",
            Defect::Misspelling => "misspelling",
            Defect::BrokenMarker => "broken-marker",
            Defect::Boilerplate => "boilerplate",
            Defect::SiteName => "site-name",
            Defect::RepeatedHeadline => "repeated-headline",
            Defect::DoubledWord => "doubled-word",
            Defect::MixedQuotes => "mixed-quotes",
            Defect::Currency => "currency",
            Defect::ConflatedModels => "conflated-models",
            Defect::AircraftRole => "aircraft-role",
            Defect::MixedScript => "mixed-script",
            Defect::UntranslatedRussian => "untranslated-russian",
        }
    }
}

/// One generated article: where it goes under the corpus root, its text,
/// and the defects injected into it (empty for a clean article).
#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    pub text: String,
    pub defects: Vec<Defect>,
}

/// Parses `5MB`, `100MB`, `1GB`, `512KB` or a number of bytes. Units are
/// binary: 1 MB = 2^20 bytes.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let upper = s.to_ascii_uppercase();
    let (digits, unit) = match upper.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => upper.split_at(i),
        None => (upper.as_str(), ""),
    };
    let n: u64 = digits.parse().ok()?;
    let mult = match unit.trim() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1 << 10,
        "M" | "MB" | "MIB" => 1 << 20,
        "G" | "GB" | "GIB" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(mult)
}

/// The largest the single-line "cliff" file gets.
pub const HUGE_MAX: usize = 50 << 20;

/// Where the single-line file goes, apart from the dated article folders so
/// that a benchmark can time it on its own.
pub const CLIFF_PATH: &str = "cliff/feed-dump.txt";

/// Generates articles until their bytes add up to `size`. The first one is
/// the single huge one-line file (1% of `size`, at most [`HUGE_MAX`]).
pub struct Generator {
    rng: Rng,
    target: u64,
    produced: u64,
    index: usize,
}

impl Generator {
    pub fn new(size: u64, seed: u64) -> Self {
        Generator {
            rng: Rng::new(seed ^ 0x6761_6C6C_6579), // "galley"
            target: size,
            produced: 0,
            index: 0,
        }
    }
}

impl Iterator for Generator {
    type Item = Article;

    fn next(&mut self) -> Option<Article> {
        if self.produced >= self.target {
            return None;
        }
        let remaining = (self.target - self.produced) as usize;
        let index = self.index;
        self.index += 1;
        let article = if index == 0 {
            let size = ((self.target / 100) as usize).clamp(4 << 10, HUGE_MAX);
            huge_line(&mut self.rng, size.min(remaining.max(1)))
        } else {
            let mut w = Writer::new(&mut self.rng);
            w.article(index, remaining, self.target)
        };
        self.produced += article.text.len() as u64;
        Some(article)
    }
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub bytes: u64,
    pub markdown: usize,
    pub defective: usize,
    /// Path and injected defects of each defective article.
    pub manifest: Vec<(String, Vec<Defect>)>,
}

/// Writes a corpus of about `size` bytes under `dir` (created if missing).
pub fn write_corpus(dir: &Path, size: u64, seed: u64) -> io::Result<Summary> {
    let mut made: HashSet<String> = HashSet::new();
    let mut summary = Summary::default();
    for article in Generator::new(size, seed) {
        let path = dir.join(&article.path);
        let parent = article.path.rsplit_once('/').map_or("", |(d, _)| d);
        if made.insert(parent.to_owned()) {
            std::fs::create_dir_all(dir.join(parent))?;
        }
        std::fs::write(&path, article.text.as_bytes())?;
        summary.files += 1;
        summary.bytes += article.text.len() as u64;
        if article.path.ends_with(".md") {
            summary.markdown += 1;
        }
        if !article.defects.is_empty() {
            summary.defective += 1;
            summary.manifest.push((article.path, article.defects));
        }
    }
    Ok(summary)
}

// ---------------------------------------------------------------------------
// Vocabulary

struct Leader {
    /// First mention: title and full name, true to facts/leader-country.
    intro: &'static str,
    surname: &'static str,
    country: &'static str,
}

const LEADERS: &[Leader] = &[
    Leader {
        intro: "Belarusian President Alexander Lukashenko",
        surname: "Lukashenko",
        country: "Belarus",
    },
    Leader {
        intro: "Russian President Vladimir Putin",
        surname: "Putin",
        country: "Russia",
    },
    Leader {
        intro: "Ukrainian President Volodymyr Zelensky",
        surname: "Zelensky",
        country: "Ukraine",
    },
    Leader {
        intro: "Moldovan President Maia Sandu",
        surname: "Sandu",
        country: "Moldova",
    },
    Leader {
        intro: "Kazakh President Kassym-Jomart Tokayev",
        surname: "Tokayev",
        country: "Kazakhstan",
    },
    Leader {
        intro: "Polish Prime Minister Donald Tusk",
        surname: "Tusk",
        country: "Poland",
    },
    Leader {
        intro: "French President Emmanuel Macron",
        surname: "Macron",
        country: "France",
    },
    Leader {
        intro: "German Chancellor Friedrich Merz",
        surname: "Merz",
        country: "Germany",
    },
    Leader {
        intro: "Estonian President Alar Karis",
        surname: "Karis",
        country: "Estonia",
    },
    Leader {
        intro: "Armenian Prime Minister Nikol Pashinyan",
        surname: "Pashinyan",
        country: "Armenia",
    },
    Leader {
        intro: "Azerbaijani President Ilham Aliyev",
        surname: "Aliyev",
        country: "Azerbaijan",
    },
];

/// (country, adjective)
const COUNTRIES: &[(&str, &str)] = &[
    ("Belarus", "Belarusian"),
    ("Ukraine", "Ukrainian"),
    ("Poland", "Polish"),
    ("Lithuania", "Lithuanian"),
    ("Latvia", "Latvian"),
    ("Estonia", "Estonian"),
    ("Moldova", "Moldovan"),
    ("Georgia", "Georgian"),
    ("Armenia", "Armenian"),
    ("Kazakhstan", "Kazakh"),
    ("Germany", "German"),
    ("France", "French"),
    ("Finland", "Finnish"),
    ("China", "Chinese"),
    ("Turkey", "Turkish"),
    ("Russia", "Russian"),
    ("Hungary", "Hungarian"),
    ("Romania", "Romanian"),
];

const CITIES: &[&str] = &[
    "Minsk",
    "Kyiv",
    "Vilnius",
    "Warsaw",
    "Riga",
    "Tallinn",
    "Chisinau",
    "Tbilisi",
    "Yerevan",
    "Baku",
    "Astana",
    "Almaty",
    "Tashkent",
    "Brest",
    "Lviv",
    "Kharkiv",
    "Dnipro",
    "Gdansk",
    "Krakow",
    "Kaunas",
    "Helsinki",
    "Berlin",
    "Prague",
    "Budapest",
    "Bucharest",
    "Istanbul",
    "Brussels",
    "Vienna",
    "Geneva",
    "Sochi",
];

const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[&str] = &[
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

const ORGS: &[&str] = &[
    "the ministry of economy",
    "the national bank",
    "the state statistics committee",
    "the European Commission",
    "the World Bank",
    "the International Monetary Fund",
    "the city council",
    "the railway operator",
    "the national airline",
    "the energy regulator",
    "the customs service",
    "the border guard service",
    "the health ministry",
    "the education ministry",
    "the farmers' union",
    "the chamber of commerce",
    "the opposition coalition",
    "the central election commission",
    "the foreign ministry",
    "the ministry of agriculture",
    "the association of exporters",
    "the trade union federation",
    "the regional administration",
    "the competition authority",
];

const THINK_TANKS: &[&str] = &[
    "the Kyiv School of Economics",
    "the Centre for Eastern Studies",
    "the Vienna Institute for International Economic Studies",
    "a Vilnius-based research centre",
    "the Stockholm Institute of Transition Economics",
    "an independent polling agency",
    "the Warsaw Institute",
    "a Berlin-based think tank",
];

const FIRST_NAMES: &[&str] = &[
    "Anna",
    "Olga",
    "Maria",
    "Tatiana",
    "Iryna",
    "Natalia",
    "Elena",
    "Svetlana",
    "Andrei",
    "Dmitry",
    "Pavel",
    "Oleksandr",
    "Mykola",
    "Viktor",
    "Igor",
    "Marek",
    "Tomas",
    "Jonas",
    "Ieva",
    "Agnieszka",
    "Piotr",
    "Katarzyna",
    "Giorgi",
    "Nino",
    "Aram",
    "Daniyar",
    "Aigerim",
    "Kristina",
    "Roman",
    "Boris",
    "Lena",
    "Marta",
    "Ruslan",
    "Hanna",
    "Stefan",
    "Paulina",
];

const SURNAMES: &[&str] = &[
    "Kovalenko",
    "Shevchuk",
    "Bondarenko",
    "Melnyk",
    "Tkachenko",
    "Novak",
    "Kowalczyk",
    "Marchenko",
    "Jankauskas",
    "Berzins",
    "Tamm",
    "Ozols",
    "Lomidze",
    "Beridze",
    "Hakobyan",
    "Sargsyan",
    "Dumitru",
    "Horvath",
    "Dudko",
    "Savchuk",
    "Hrytsak",
    "Oleksiuk",
    "Baranauskas",
    "Kask",
    "Lungu",
    "Rusu",
    "Popescu",
    "Abenov",
    "Karimov",
    "Moroz",
    "Lysenko",
    "Pavlenko",
];

const ROLES: &[&str] = &[
    "Economy Minister",
    "Deputy Prime Minister",
    "Finance Minister",
    "Foreign Minister",
    "Agriculture Minister",
    "Energy Minister",
    "Transport Minister",
    "Deputy Economy Minister",
    "Mayor",
    "Governor",
];

const SECTORS: &[&str] = &[
    "energy",
    "agriculture",
    "machine-building",
    "IT",
    "transport",
    "logistics",
    "retail",
    "construction",
    "banking",
    "tourism",
    "pharmaceutical",
    "food-processing",
    "textile",
    "timber",
    "chemical",
    "steel",
];

const NOUNS: &[&str] = &[
    "wages",
    "pensions",
    "exports",
    "imports",
    "fuel prices",
    "electricity bills",
    "grain harvests",
    "rail freight volumes",
    "housing loans",
    "tax revenues",
    "foreign investment",
    "factory output",
    "unemployment",
    "consumer prices",
    "tourist arrivals",
    "retail sales",
    "mortgage rates",
    "budget spending",
    "dairy exports",
    "potash shipments",
];

const GOODS: &[&str] = &[
    "potash fertiliser",
    "dairy products",
    "timber",
    "sunflower oil",
    "wheat",
    "tractors",
    "trucks",
    "furniture",
    "steel pipes",
    "medicines",
    "software services",
    "frozen fish",
    "electric buses",
    "apples",
    "sugar",
];

const FACILITIES: &[&str] = &[
    "tractor plant",
    "oil refinery",
    "main railway station",
    "children's hospital",
    "city library",
    "river port",
    "airport terminal",
    "steel mill",
    "bus depot",
    "concert hall",
    "textile factory",
    "border crossing",
];

const EVENTS: &[&str] = &[
    "an investment forum",
    "a regional trade fair",
    "a book festival",
    "an energy conference",
    "a jazz festival",
    "an international air show",
    "a summit of regional leaders",
    "a film festival",
    "a marathon",
    "a technology exhibition",
];

const TRENDS: &[&str] = &[
    "rose by {pct} percent",
    "fell by {pct} percent",
    "grew by {pct} percent",
    "declined by {pct} percent",
    "remained almost unchanged",
    "reached a record high",
    "dropped to a five-year low",
    "increased slightly",
];

const TRENDS_INF: &[&str] = &[
    "rise further",
    "stabilise",
    "recover",
    "slow down",
    "fall again",
    "double",
    "stay flat",
];

const PERIODS: &[&str] = &[
    "last year",
    "in the first half of the year",
    "in the third quarter",
    "since January",
    "over the past decade",
    "compared with last year",
    "in {month}",
    "over the past two years",
];

const FUTURES: &[&str] = &[
    "next year",
    "by the end of the year",
    "in the spring",
    "within two years",
    "by 2030",
    "in the coming months",
    "next month",
    "before the winter",
];

const QUOTES: &[&str] = &[
    "We will not raise prices this winter",
    "The situation remains difficult, but it is under control",
    "Our partners know that we keep our word",
    "This is a question for the government, not for me",
    "We expect the first results by the end of the year",
    "Nobody is going to close the border",
    "The plant has enough orders for the next three years",
    "We have done everything we promised",
    "The talks were long, but they were useful",
    "People need stable prices, not promises",
    "Farmers will receive the money on time",
    "We are ready to continue the dialogue",
    "The new line will cut the journey time by half",
    "It is too early to speak about a deal",
];

const ACTIONS: &[&str] = &[
    "release political prisoners",
    "lower the tariffs",
    "reopen the border crossings",
    "publish the full text of the agreement",
    "support small businesses",
    "hold new talks",
    "raise the minimum wage",
    "cut red tape for exporters",
];

const SITE_NAMES: &[&str] = &[
    "Newsfeed NET",
    "Minsk Daily",
    "belnews24.by",
    "Eastern Europe Today",
    "Kyiv Press Online",
    "Baltic News Portal",
    "newsline.com",
    "Regional Media",
];

/// Clauses: a finite statement that can follow "said that".
const CLAUSES: &[&str] = &[
    "{noun} {trend} {period}",
    "the government would review {noun} {future}",
    "{org} planned to invest {money} in the {sector} sector",
    "the {facility} in {city} would reopen {future}",
    "{country} would buy more {goods} from {country2} {future}",
    "the two countries had agreed on the main points of the deal",
    "the talks would continue in {city} {future}",
    "about {big} jobs would be created in the {sector} sector",
    "prices for {goods} would not change {future}",
    "the new rules for {sector} companies would take effect on {month} 1",
];

/// Sentences that stand alone in any article.
const GENERAL: &[&str] = &[
    "{official} said on {day} that {clause}.",
    "According to {org}, {noun} {trend} {period}.",
    "The figures, published on {day}, show that {noun} in {country} {trend} {period}.",
    "{official} told reporters in {city} that {clause}.",
    "Analysts expect {noun} to {trend_inf} {future}.",
    "{Org} plans to invest {money} in the {sector} sector {future}.",
    "The talks in {city} lasted more than {hours} hours, and the delegations agreed to meet again {future}.",
    "Officials said {num} companies had applied for the programme, most of them from the {sector} sector.",
    "{lq}{quote},{rq} {speaker} said.",
    "{lq}{quote},{rq} {speaker} told journalists after the meeting.",
    "{speaker} added: {lq}{quote}.{rq}",
    "The decision was criticised by {org}, which said it would hurt small businesses in {city}.",
    "In {month}, the government approved a plan to build {num} kilometres of new roads near {city}.",
    "More than {big} people took part in {event} in {city}, the organisers said.",
    "Prices for {goods} in {city} {trend} {period}, according to local retailers.",
    "The agreement still has to be ratified by the parliaments of both countries.",
    "{Org} did not respond to a request for comment.",
    "The project is expected to create about {big} jobs in the region.",
    "Earlier this year, {org} warned that {noun} could {trend_inf} if demand stayed weak.",
    "The new rules will take effect on {month} 1, {org} said in a statement.",
    "Local media reported that the {facility} in {city} would reopen {future}.",
    "{official} said the {sector} sector remained the main source of export revenue.",
    "Rail traffic between {city} and {city2} was suspended for {hours} hours after a signal failure.",
    "Exports of {goods} to {country} {trend} {period}.",
    "{thinktank} estimates that {noun} will {trend_inf} {future}.",
    "{Org} said it had received {num} complaints since {month}.",
    "The ministry said that {money} had already been committed to the programme.",
    "Several hundred residents of {city} signed a petition calling on {org} to {action}.",
    "Critics say the programme has done little to help families outside the capital.",
    "The volume of {goods} shipped through the port of {city} {trend} {period}.",
    "The city of {city} will host {event} {future}, the organisers announced.",
    "It was the first such meeting since {year}.",
    "Government data show that the average monthly wage reached {money} {period}.",
    "Opposition politicians called on {org} to {action}.",
    "The weather service warned of heavy snow in the north of the country on {day}.",
];

const ECONOMY: &[&str] = &[
    "Trade between {country} and {country2} reached {money} {period}, {org} said.",
    "The national currency lost {pct} percent against the euro {period}.",
    "Inflation slowed to {pct} percent in {month}, the central bank said.",
    "The budget deficit is expected to narrow to {pct} percent of gross domestic product {future}.",
    "Manufacturers of {goods} asked the government to extend the tax breaks {future}.",
    "Investors from {country} have put {money} into the free economic zone near {city}.",
];

const POLITICS: &[&str] = &[
    "{p} and {q} discussed energy prices and the transit of goods.",
    "{p} said that {clause}.",
    "According to {p}, {clause}.",
    "{q} said the two sides had agreed to meet again {future}.",
    "{lq}{quote},{rq} {p} said.",
    "The two leaders also discussed joint production of {goods}.",
    "{p} is expected to visit {city} {future}.",
];

const AVIATION: &[&str] = &[
    "The MC-21 airliner, built by Yakovlev, is expected to enter service {future}.",
    "The Superjet 100 remains the backbone of the regional fleet, the airline said.",
    "The Su-25 attack aircraft and the MiG-31 interceptor were shown in flight.",
    "An Airbus A320 and a Boeing 737 took part in the static display.",
    "The national airline expects to receive {num} Airbus A321 jets {future}.",
    "Engineers from Sukhoi and Irkut answered questions from visitors.",
    "An Il-76 transport aircraft delivered {num} tonnes of humanitarian aid to {city}.",
    "A Be-200 amphibious aircraft was used to fight forest fires near {city}.",
    "Passenger traffic at {city} airport {trend} {period}.",
    "The airline plans to open direct flights from {city} to {city2} {future}.",
];

const HEADLINES: &[&str] = &[
    "{p} and {q} discuss energy prices",
    "{country} to raise {noun} {future}",
    "{city} hosts {event}",
    "{Noun} in {country} {trend_short} {period}",
    "{Org} approves new rules for {sector} companies",
    "{p} meets {q} in {city}",
    "Talks on {goods} exports end without a deal",
    "{country} and {country2} sign a deal on {goods}",
    "The {facility} in {city} to reopen {future}",
    "Air show in {city} closes with record orders",
    "{p} calls for talks on {goods} exports",
    "{Org} warns of slower growth",
    "{country} cuts tariffs on {goods}",
    "Farmers in {country} expect a smaller harvest",
    "Rail link between {city} and {city2} reopens",
    "{p} promises stable prices {future}",
    "New airline route links {city} and {city2}",
    "Protesters in {city} demand lower {noun}",
    "{country} signs a {sector} deal with {country2}",
    "Thousands attend {event} in {city}",
    "{Org} reports a rise in {noun}",
    "Border queues grow at crossings into {country}",
];

const TRENDS_SHORT: &[&str] = &["rise", "fall", "slow down", "hit a record", "stay flat"];

const RUSSIAN: &[&str] = &[
    "Переговоры продолжатся на следующей неделе, сообщили в министерстве.",
    "По словам экспертов, цены на топливо в ближайшее время не изменятся.",
    "Подробности соглашения пока не раскрываются.",
    "Об этом сообщает пресс-служба правительства.",
];

/// (the spelling the article keeps, the sentence that introduces it,
/// the sentence with the variant spelling)
const VARIANT_PAIRS: &[(&str, &str, &str)] = &[
    (
        "Lukashenko",
        "Belarusian President Alexander Lukashenko said on {day} that {clause}.",
        "Lukashenka added that {clause}.",
    ),
    (
        "Zelensky",
        "Ukrainian President Volodymyr Zelensky said on {day} that {clause}.",
        "Zelenskyy later told reporters that {clause}.",
    ),
    (
        "Kyiv",
        "The delegation arrived in Kyiv on {day}.",
        "Officials in Kiev said that {clause}.",
    ),
    (
        "Tsikhanouskaya",
        "Opposition leader Sviatlana Tsikhanouskaya said on {day} that {clause}.",
        "Tikhanovskaya called on {org} to {action}.",
    ),
];

const MISSPELLINGS: &[&str] = &[
    "Exports from Belarussia to {country} {trend} {period}.",
    "The Ukranian delegation arrived in {city} on {day}.",
    "Officials in Belarussia said that {clause}.",
    "The Ukranian grain corridor handled {big} tonnes {period}.",
];

// ---------------------------------------------------------------------------
// The writer of one article

#[derive(Clone, Copy, PartialEq, Eq)]
enum Topic {
    Economy,
    Politics,
    Aviation,
}

struct Official {
    role: &'static str,
    first: &'static str,
    surname: &'static str,
    mentioned: bool,
}

struct Writer<'r> {
    rng: &'r mut Rng,
    curly: bool,
    topic: Topic,
    p: usize,
    q: usize,
    p_mentioned: bool,
    q_mentioned: bool,
    officials: Vec<Official>,
    /// Set while writing the one-line file: `{p}` is always the surname.
    plain_names: bool,
    /// The sentences written so far: an article says each once (a sentence
    /// printed twice is a defect galley reports, planted only on purpose).
    written: std::collections::HashSet<String>,
}

impl<'r> Writer<'r> {
    fn new(rng: &'r mut Rng) -> Self {
        let topic = match rng.below(10) {
            0..=4 => Topic::Economy,
            5..=7 => Topic::Politics,
            _ => Topic::Aviation,
        };
        let p = rng.below(LEADERS.len());
        let mut q = rng.below(LEADERS.len());
        if q == p {
            q = (q + 1) % LEADERS.len();
        }
        let mut officials: Vec<Official> = Vec::new();
        let mut used = HashSet::new();
        while officials.len() < 3 {
            let surname = rng.pick(SURNAMES);
            if used.insert(surname) {
                officials.push(Official {
                    role: rng.pick(ROLES),
                    first: rng.pick(FIRST_NAMES),
                    surname,
                    mentioned: false,
                });
            }
        }
        let curly = rng.chance(600);
        Writer {
            rng,
            curly,
            topic,
            p,
            q,
            p_mentioned: false,
            q_mentioned: false,
            officials,
            plain_names: false,
            written: std::collections::HashSet::new(),
        }
    }

    /// Appends `template` with every `{slot}` filled.
    fn fill(&mut self, out: &mut String, template: &str) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("unclosed slot");
            self.slot(out, &rest[open + 1..close]);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }

    fn leader(&mut self, out: &mut String, which: usize, mentioned: bool) {
        let l = &LEADERS[which];
        if mentioned || self.plain_names {
            out.push_str(l.surname);
        } else {
            out.push_str(l.intro);
        }
    }

    fn slot(&mut self, out: &mut String, name: &str) {
        let r = &mut *self.rng;
        match name {
            "day" => out.push_str(r.pick(DAYS)),
            "month" => out.push_str(r.pick(MONTHS)),
            "year" => {
                let y = r.range(1995, 2024);
                let _ = write!(out, "{y}");
            }
            "city" | "city2" => out.push_str(r.pick(CITIES)),
            "country" | "country2" => out.push_str(r.pick(COUNTRIES).0),
            "adj" => out.push_str(r.pick(COUNTRIES).1),
            "org" => out.push_str(r.pick(ORGS)),
            "Org" | "thinktank" => {
                let s = if name == "Org" {
                    r.pick(ORGS)
                } else {
                    r.pick(THINK_TANKS)
                };
                capitalized(out, s);
            }
            "sector" => out.push_str(r.pick(SECTORS)),
            "noun" => out.push_str(r.pick(NOUNS)),
            "Noun" => capitalized(out, r.pick(NOUNS)),
            "goods" => out.push_str(r.pick(GOODS)),
            "facility" => out.push_str(r.pick(FACILITIES)),
            "event" => out.push_str(r.pick(EVENTS)),
            "action" => out.push_str(r.pick(ACTIONS)),
            "trend" => {
                let t = r.pick(TRENDS);
                self.fill(out, t);
            }
            "trend_inf" => out.push_str(r.pick(TRENDS_INF)),
            "trend_short" => out.push_str(r.pick(TRENDS_SHORT)),
            "period" => {
                let t = r.pick(PERIODS);
                self.fill(out, t);
            }
            "future" => out.push_str(r.pick(FUTURES)),
            "pct" => {
                let (a, b) = (r.range(1, 29), r.below(10));
                let _ = write!(out, "{a}.{b}");
            }
            "hours" => {
                let n = r.range(2, 14);
                let _ = write!(out, "{n}");
            }
            "num" => {
                let n = r.range(2, 480);
                let _ = write!(out, "{n}");
            }
            "big" => {
                let (a, b) = (r.range(1, 95), r.below(10));
                let _ = write!(out, "{a},{b}00");
            }
            "money" => {
                let n = r.range(2, 950);
                let unit = if r.chance(700) { "million" } else { "billion" };
                let _ = write!(out, "${n} {unit}");
            }
            "quote" => out.push_str(r.pick(QUOTES)),
            "lq" => out.push_str(if self.curly { "“" } else { "\"" }),
            "rq" => out.push_str(if self.curly { "”" } else { "\"" }),
            "clause" => {
                let t = r.pick(CLAUSES);
                self.fill(out, t);
            }
            "official" | "speaker" => {
                let i = r.below(self.officials.len());
                let o = &mut self.officials[i];
                if o.mentioned || self.plain_names {
                    out.push_str(o.surname);
                } else {
                    o.mentioned = true;
                    let _ = write!(out, "{} {} {}", o.role, o.first, o.surname);
                }
            }
            "p" => {
                let m = self.p_mentioned;
                self.p_mentioned = true;
                self.leader(out, self.p, m);
            }
            "q" => {
                let m = self.q_mentioned;
                self.q_mentioned = true;
                self.leader(out, self.q, m);
            }
            other => panic!("unknown slot {{{other}}}"),
        }
    }

    fn sentence(&mut self, out: &mut String) {
        let pool = if self.rng.chance(650) {
            GENERAL
        } else {
            match self.topic {
                Topic::Economy => ECONOMY,
                Topic::Politics => POLITICS,
                Topic::Aviation => AVIATION,
            }
        };
        // A few tries at a sentence the article has not said yet; a long read
        // that runs out of them repeats one.
        let mut s = String::new();
        for _ in 0..12 {
            s.clear();
            let t = self.rng.pick(pool);
            self.fill(&mut s, t);
            if !self.written.contains(&s) {
                break;
            }
        }
        out.push_str(&s);
        self.written.insert(s);
    }

    fn paragraph(&mut self) -> String {
        let mut out = String::with_capacity(600);
        let n = self.rng.range(2, 5);
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            self.sentence(&mut out);
        }
        out
    }

    fn headline(&mut self) -> String {
        // The headline names leaders by surname: the body introduces them.
        let saved = (self.p_mentioned, self.q_mentioned);
        self.p_mentioned = true;
        self.q_mentioned = true;
        let t = if self.topic == Topic::Aviation && self.rng.chance(500) {
            "Air show in {city} closes with record orders"
        } else {
            self.rng.pick(HEADLINES)
        };
        let mut h = String::new();
        self.fill(&mut h, t);
        (self.p_mentioned, self.q_mentioned) = saved;
        let mut out = String::with_capacity(h.len());
        capitalized(&mut out, &h);
        out
    }

    fn defects(&mut self) -> Vec<Defect> {
        if self.rng.chance(700) {
            return Vec::new();
        }
        let n = match self.rng.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        let mut out: Vec<Defect> = Vec::new();
        while out.len() < n {
            let d = self.rng.pick(&Defect::ALL);
            if !out.contains(&d) {
                out.push(d);
            }
        }
        out.sort();
        out
    }

    /// A paragraph index in `1..len` (not the first, which holds the lede).
    fn later(&mut self, paras: &[String]) -> usize {
        if paras.len() < 2 {
            0
        } else {
            self.rng.range(1, paras.len() - 1)
        }
    }

    fn insert_sentence(&mut self, paras: &mut [String], at: usize, template: &str) {
        let mut s = String::new();
        self.fill(&mut s, template);
        let para = &mut paras[at];
        para.push(' ');
        para.push_str(&s);
    }

    fn article(&mut self, index: usize, remaining: usize, total: u64) -> Article {
        let markdown = self.rng.chance(400);
        let defects = self.defects();
        let target = if self.rng.chance(4) {
            // A long read: 16 KB to 1 MB, log-uniform; kept to 1/20 of a small corpus.
            let shift = self.rng.range(14, 19);
            let size = (1usize << shift) + self.rng.below(1 << shift);
            size.min((total / 20).max(16 << 10) as usize)
        } else {
            // Typical: 2-8 KB, more short ones than long ones.
            let a = self.rng.range(2 << 10, 8 << 10);
            let b = self.rng.range(2 << 10, 8 << 10);
            a.min(b)
        }
        .min(remaining.max(1200));

        let headline = self.headline();
        let mut paras: Vec<String> = Vec::new();
        let mut size = headline.len();
        // The lede, with a dateline in half of the articles.
        let mut lede = String::new();
        let city = self.rng.pick(CITIES);
        if defects.contains(&Defect::BrokenMarker) {
            let _ = write!(lede, "{city} (, - ");
        } else if self.rng.chance(500) {
            let month = self.rng.pick(MONTHS);
            let day = self.rng.range(1, 28);
            let _ = write!(lede, "{}, {month} {day} – ", city.to_uppercase());
        }
        let t = match self.topic {
            Topic::Politics => "{p} said on {day} that {clause}.",
            _ => self.rng.pick(CLAUSES),
        };
        if self.topic == Topic::Politics {
            self.fill(&mut lede, t);
        } else {
            let mut c = String::new();
            self.fill(&mut c, t);
            capitalized(&mut lede, &c);
            lede.push_str(", officials said.");
        }
        lede.push(' ');
        self.sentence(&mut lede);
        size += lede.len();
        paras.push(lede);
        while size < target {
            let p = self.paragraph();
            size += p.len() + 2;
            paras.push(p);
        }
        if paras.len() < 3 {
            let p = self.paragraph();
            paras.push(p);
        }

        // Defects that change sentences.
        for d in &defects {
            match d {
                Defect::NameVariant => {
                    let (_, keep, variant) = self.rng.pick(VARIANT_PAIRS);
                    self.insert_sentence(&mut paras, 0, keep);
                    let at = self.later(&paras);
                    self.insert_sentence(&mut paras, at, variant);
                }
                Defect::Misspelling => {
                    let t = self.rng.pick(MISSPELLINGS);
                    let at = self.later(&paras);
                    self.insert_sentence(&mut paras, at, t);
                }
                Defect::DoubledWord => {
                    let at = self.later(&paras);
                    match paras[at].find(" the ") {
                        Some(i) => paras[at].insert_str(i, " the"),
                        None => self.insert_sentence(
                            &mut paras,
                            at,
                            "The the talks in {city} ended on {day}.",
                        ),
                    }
                }
                Defect::MixedQuotes => {
                    let (a, b) = if self.curly {
                        (
                            "“{quote},” {speaker} said.",
                            "\"{quote},\" {speaker} added.",
                        )
                    } else {
                        (
                            "\"{quote},\" {speaker} said.",
                            "“{quote},” {speaker} added.",
                        )
                    };
                    self.insert_sentence(&mut paras, 0, a);
                    let at = self.later(&paras);
                    self.insert_sentence(&mut paras, at, b);
                }
                Defect::Currency => {
                    self.insert_sentence(
                        &mut paras,
                        0,
                        "Trade between the countries exceeded ${num} million last year.",
                    );
                    let at = self.later(&paras);
                    self.insert_sentence(
                        &mut paras,
                        at,
                        "Investments of $ {num} million were announced for the next one.",
                    );
                }
                Defect::ConflatedModels => {
                    let at = self.later(&paras);
                    self.insert_sentence(
                        &mut paras,
                        at,
                        "Local plants make up to {num} parts for the MC-21 Sukhoi Superjet.",
                    );
                }
                Defect::AircraftRole => {
                    // Its own paragraph: no other aircraft within reach.
                    paras.push(
                        "Veterans recalled that the MiG-25 attack aircraft had served for decades."
                            .to_owned(),
                    );
                    let n = paras.len();
                    paras.swap(n - 1, n / 2);
                }
                Defect::MixedScript => {
                    let at = self.later(&paras);
                    self.insert_sentence(
                        &mut paras,
                        at,
                        "The delegation flew to M\u{43E}scow on {day}.",
                    );
                }
                Defect::UntranslatedRussian => {
                    let t = self.rng.pick(RUSSIAN);
                    let at = self.later(&paras);
                    let para = &mut paras[at];
                    para.push(' ');
                    para.push_str(t);
                }
                _ => {}
            }
        }
        if defects.contains(&Defect::Boilerplate) {
            let line = if self.rng.chance(600) {
                let mut other = self.headline();
                other.insert_str(0, "Read also: ");
                other
            } else {
                "Subscribe to our channel".to_owned()
            };
            let at = self.later(&paras).max(1);
            paras.insert(at, line);
        }

        let ext = if markdown { "md" } else { "txt" };
        let mut text = String::with_capacity(size + 512);
        let site = defects.contains(&Defect::SiteName);
        if markdown {
            let (y, m, d) = (2026, self.rng.range(1, 12), self.rng.range(1, 28));
            let _ = write!(
                text,
                "---\ntitle: {headline}\ndate: {y}-{m:02}-{d:02}\nauthor: {} {}\n---\n\n",
                self.rng.pick(FIRST_NAMES),
                self.rng.pick(SURNAMES)
            );
            if site {
                let _ = write!(text, "{}\n\n", self.rng.pick(SITE_NAMES));
            }
            let _ = write!(text, "# {headline}\n\n");
            // Each appended line at most once: an article says a sentence once.
            let (mut linked, mut tagged) = (false, false);
            for (i, p) in paras.iter_mut().enumerate() {
                if i > 0 && !linked && self.rng.chance(120) {
                    linked = true;
                    let _ = write!(
                        p,
                        " The full statement is on [the ministry's website](https://example.org/news/{index})."
                    );
                }
                if i > 0 && !tagged && self.rng.chance(80) {
                    tagged = true;
                    let year = self.rng.range(2025, 2027);
                    let _ = write!(
                        p,
                        " Readers can follow the coverage under `#{}{year}`.",
                        self.rng.pick(CITIES)
                    );
                }
            }
        } else if site {
            let _ = write!(text, "{}\n\n\n", self.rng.pick(SITE_NAMES));
        }
        if !markdown {
            text.push_str(&headline);
            text.push_str("\n\n");
        }
        for (i, p) in paras.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            text.push_str(p);
        }
        text.push('\n');
        if defects.contains(&Defect::RepeatedHeadline) {
            text.push('\n');
            text.push_str(&headline);
            text.push('\n');
        }

        let slug = slug(&headline);
        let (m, d) = (self.rng.range(1, 12), self.rng.range(1, 28));
        let year = if self.rng.chance(300) { 2025 } else { 2026 };
        Article {
            path: format!("{year}/{m:02}/{d:02}/{index:07}-{slug}.{ext}"),
            text,
            defects,
        }
    }
}

fn capitalized(out: &mut String, s: &str) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

fn slug(headline: &str) -> String {
    let mut out = String::new();
    for w in headline.split_whitespace().take(6) {
        let w: String = w
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&w);
    }
    out
}

/// The cliff case: one article of `size` bytes on a single line, as a
/// scraper writes a page it could not split. It carries a few defects.
fn huge_line(rng: &mut Rng, size: usize) -> Article {
    let mut w = Writer::new(rng);
    w.plain_names = true;
    w.curly = true;
    let mut text = String::with_capacity(size + 256);
    let mut n = 0usize;
    while text.len() < size {
        if n > 0 {
            text.push(' ');
        }
        match n % 97 {
            13 => text.push_str("Lukashenka said the the talks had been useful."),
            41 => text.push_str("Lukashenko said the trade had grown."),
            67 => text.push_str("Investments of $ 40 million and $12 million were announced."),
            _ => w.sentence(&mut text),
        }
        n += 1;
    }
    text.push('\n');
    Article {
        path: CLIFF_PATH.to_owned(),
        text,
        defects: vec![Defect::NameVariant, Defect::DoubledWord, Defect::Currency],
    }
}
