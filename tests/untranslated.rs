//! `language/untranslated` on whole articles: English articles with Russian
//! left in them, Russian articles with English left in them, and the
//! originals an editor keeps on purpose.

use std::sync::OnceLock;

use galley::packs::PackSource;
use galley::{check_article, check_text, Format, Ruleset};

fn shipped() -> &'static Ruleset {
    static R: OnceLock<Ruleset> = OnceLock::new();
    R.get_or_init(|| Ruleset::shipped().expect("shipped packs compile"))
}

/// The untranslated findings of an article (language detected): the text of each, and its message.
fn found(text: &str) -> Vec<(String, String)> {
    found_in(text, Format::Plain, None)
}

fn found_in(text: &str, format: Format, language: Option<&str>) -> Vec<(String, String)> {
    let language = language.and_then(galley::Lang::parse);
    check_article(shipped(), text, format, language)
        .into_iter()
        .filter(|d| &*d.rule == "language/untranslated")
        .map(|d| (text[d.range].to_owned(), d.message))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(t, _)| t).collect()
}

#[test]
fn a_cyrillic_sentence_in_an_english_article() {
    let text = "Minsk hosts the forum\n\nThe forum opened on Monday with delegations from twelve countries. Президент выступил с докладом на пленарном заседании. The organisers expect more guests next year.\n";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].0,
        "Президент выступил с докладом на пленарном заседании."
    );
    assert_eq!(
        f[0].1,
        "this sentence reads as Russian (confidence 1.00), not English"
    );
}

#[test]
fn a_russian_paragraph_and_a_single_word() {
    let text = "Talks in Minsk\n\nThe talks were held behind closed doors on Monday, and the ministers said the work would go on through the summer.\n\nСтороны также обсудили поставки газа и совместные проекты в промышленности. Договорённости будут оформлены правительствами до конца года.\n\nThe minister said the заседании would resume on Tuesday.\n";
    let f = found(text);
    assert_eq!(f.len(), 2, "{f:?}");
    assert!(f[0].0.starts_with("Стороны") && f[0].0.ends_with("года."));
    assert_eq!(
        f[0].1,
        "this paragraph reads as Russian (confidence 1.00), not English"
    );
    assert_eq!(f[1].0, "заседании");
    assert_eq!(
        f[1].1,
        "'заседании' is in Cyrillic script in an English article"
    );
}

#[test]
fn adjacent_sentences_make_one_finding() {
    let text = "Talks in Minsk\n\nThe talks were held on Monday in the old parliament building, with delegations from twelve countries and the press in the gallery. Стороны обсудили поставки газа. Договорённости будут оформлены до конца года. The ministers left on Tuesday, and the next round is planned for the autumn.\n";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].0,
        "Стороны обсудили поставки газа. Договорённости будут оформлены до конца года."
    );
    assert!(f[0].1.starts_with("these 2 sentences "), "{}", f[0].1);
}

#[test]
fn names_alone_and_english_prose_stay_silent() {
    assert!(found("Lukashenko met Putin in Minsk").is_empty());
    assert!(found("Lukashenko met Putin in Minsk\n\nLukashenko met Putin in Minsk on Monday. Lukashenko, Putin, Tokayev, Mirziyoyev and Pashinyan attended the summit in Astana.\n").is_empty());
    assert!(
        found("Talks\n\nVarious I/O functions support large files on 32-bit Linux.\n").is_empty()
    );
}

#[test]
fn originals_kept_with_their_translation_stay_silent() {
    let text = "Talks in Minsk\n\n\
        The party «Белая Русь» (White Rus) organised the reception, and Belaya Rus (Белая Русь) paid for it.\n\n\
        Protesters chanted \"Жыве Беларусь!\" (\"Long live Belarus!\"), and \"Мы разам\" – \"We are together\" – was painted on a wall.\n\n\
        The newspaper Zvyazda (in Belarusian: Звязда) printed it. The slogan read Мир (peace).\n\n\
        Their other slogan, Long live Belarus – «Жыве Беларусь!», was heard too.\n\n\
        «Мы выполним все договорённости, которые были достигнуты на прошлой встрече», — сказал президент.\n\n\
        (\"We will fulfil all the agreements reached at the last meeting,\" the president said.)\n";
    assert_eq!(texts(text), Vec::<String>::new());
}

#[test]
fn a_foreign_name_repeated_without_its_translation_is_reported() {
    let text = "Talks in Minsk\n\nThe party «Белая Русь» (White Rus) organised the reception.\n\nLater, Белая Русь paid for the concert.\n";
    assert_eq!(texts(text), ["Белая Русь"]);
}

#[test]
fn a_translation_must_be_in_the_article_language() {
    // A bracket holding more Cyrillic is no translation.
    let text = "Talks in Minsk\n\nThe party Белая Русь (Белая Русь) organised the reception.\n";
    assert_eq!(texts(text), ["Белая Русь", "Белая Русь"]);
    // A dash after an unquoted run is the sentence going on, not a translation.
    let text = "Talks in Minsk\n\nHe said заседании – and then he left the hall.\n";
    assert_eq!(texts(text), ["заседании"]);
}

#[test]
fn symbols_designations_mixed_words_and_addresses_stay_silent() {
    let text = "Talks in Minsk\n\nThe angles α and β sum to π. The Su-30SM, the МС-21 and Mоscow are other rules' business. See https://example.org/путь or write to press@пример.рф.\n";
    assert_eq!(texts(text), Vec::<String>::new());
}

const RU_CLEAN: &str = "Лукашенко и Путин обсудили цены на газ\n\n\
    Президент Беларуси Александр Лукашенко провёл переговоры с Владимиром Путиным в Сочи. По словам пресс-службы, стороны обсудили цены на газ и совместные проекты в промышленности.\n\n\
    Как сообщает BBC News, страны НАТО (NATO) следят за учениями. Белорусские заводы поставляют детали для самолётов MC-21 и Sukhoi Superjet 100, а также готовы собирать Су-30СМ и Су-30.\n\n\
    Новый iPhone 15 Pro поступит в продажу в октябре, сообщили в компании Apple. Подробности — на сайте https://example.org/путь или по адресу press@example.org.\n\n\
    Газета The New York Times и агентство Reuters назвали встречу «рабочей», а книгу The Art of the Deal президент не читал.\n";

#[test]
fn latin_acronyms_brands_and_models_in_a_russian_article_stay_silent() {
    assert_eq!(texts(RU_CLEAN), Vec::<String>::new());
}

#[test]
fn an_english_sentence_and_paragraph_in_a_russian_article() {
    let text = "Лукашенко и Путин обсудили цены на газ\n\n\
        Президент Беларуси Александр Лукашенко провёл переговоры с Владимиром Путиным в Сочи. The president said the talks went well and both sides agreed on the main points. Стороны обсудили цены на газ и совместные проекты в промышленности.\n\n\
        Как сообщает BBC News, страны NATO следят за учениями, а новый iPhone поступит в продажу в октябре.\n\n\
        Belarus will keep buying Russian gas at the current price until the end of the year, the two leaders agreed after the talks in Sochi.\n";
    let f = found(text);
    assert_eq!(f.len(), 2, "{f:?}");
    assert_eq!(
        f[0].0,
        "The president said the talks went well and both sides agreed on the main points."
    );
    assert_eq!(
        f[0].1,
        "this sentence reads as English (confidence 1.00), not Russian"
    );
    assert!(f[1].0.starts_with("Belarus will keep"));
    assert_eq!(
        f[1].1,
        "this paragraph reads as English (confidence 1.00), not Russian"
    );
}

#[test]
fn a_latin_phrase_in_a_russian_sentence_needs_to_read_as_prose() {
    // Three lowercase words that whatlang cannot place: silent.
    assert!(found(
        "Переговоры в Сочи\n\nПрезидент сказал, что the talks went well, и уехал в Минск на следующий день.\n"
    )
    .is_empty());
    // A longer English clause inside a Russian sentence: reported.
    let f = found("Переговоры в Сочи\n\nПрезидент сказал, что the talks in Sochi went well and the agreements will be signed, и уехал в Минск на следующий день после встречи с коллегами.\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].0,
        "the talks in Sochi went well and the agreements will be signed"
    );
}

#[test]
fn an_english_quotation_after_a_russian_lead_in_is_reported_on_the_quotation() {
    let f = found("Заявление МИД\n\nМинистерство иностранных дел провело брифинг для журналистов в Минске.\n\nTwitter-аккаунт @BelarusMFA опубликовал заявление на английском: Belarus is committed to peace and dialogue.\n");
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "Belarus is committed to peace and dialogue");
    assert!(f[0].1.contains("reads as English"), "{}", f[0].1);
}

#[test]
fn code_identifiers_and_links_with_paths_in_a_russian_article_stay_silent() {
    assert!(found("Ошибка на сайте\n\nСайт министерства не работал весь день.\n\nКод ошибки: ERR_CONNECTION_REFUSED, см. docs.example.com/errors/connection.\n").is_empty());
}

#[test]
fn kindred_languages_need_a_long_reliable_paragraph() {
    let text = "Переговоры в Киеве\n\n\
        Президент Беларуси провёл переговоры с делегацией. Стороны обсудили цены на газ и совместные проекты в промышленности, а также вопросы транспорта и логистики в регионе.\n\n\
        Президент України заявив, що переговори пройшли успішно і сторони домовилися про головне, а деталі угоди будуть узгоджені урядами двох країн до кінця поточного року.\n\n\
        Він заявив, що все буде добре.\n\n\
        Встреча продлится два дня.\n";
    let f = found(text);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].0.starts_with("Президент України"));
    assert_eq!(
        f[0].1,
        "this paragraph reads as Ukrainian (confidence 1.00), not Russian"
    );
}

#[test]
fn a_german_article_in_german_is_silent_and_german_in_english_is_not() {
    let de = "Lukaschenko und Putin sprechen über Gaspreise\n\n\
        Der belarussische Präsident Alexander Lukaschenko hat am Dienstag in Sotschi mit Wladimir Putin über die Gaspreise gesprochen. Beide Seiten vereinbarten, dass der Preis bis zum Ende des Jahres unverändert bleibt.\n\n\
        Nach Angaben des Präsidialamtes wurde auch über gemeinsame Projekte in der Industrie gesprochen.\n";
    assert!(found(de).is_empty());
    let f = found_in(de, Format::Plain, Some("en"));
    assert!(
        f.iter().any(|(_, m)| m.contains("reads as German")),
        "{f:?}"
    );
}

#[test]
fn the_configured_language_decides() {
    // A Russian article whose configured language is Russian: nothing to say.
    assert!(found_in(RU_CLEAN, Format::Plain, Some("ru")).is_empty());
}

#[test]
fn markdown_code_and_links_are_not_prose() {
    let md = "# Talks in Minsk\n\nThe script prints `Привет, мир` and links to [the source](https://example.org/новости).\n\n```\nПрезидент выступил с докладом на пленарном заседании.\n```\n\nThe minister said the заседании would resume.\n";
    let f = found_in(md, Format::Markdown, None);
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].0, "заседании");
}

#[test]
fn a_pack_can_allow_words_and_write_its_own_message() {
    let rules = Ruleset::compile(vec![PackSource {
        name: "house.toml".into(),
        text: r#"
[[rule]]
id = "house/untranslated"
kind = "untranslated"
allow = ["Правда"]
message = "{found}: {script}, {language} ({confidence}) in {expected}"
"#
        .into(),
    }])
    .unwrap_or_else(|e| panic!("{:?}", e.errors));
    let text = "Talks\n\nThe newspaper Правда wrote that the заседании was long.\n";
    let found: Vec<String> = check_text(&rules, text, Format::Plain)
        .into_iter()
        .map(|d| d.message)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("заседании: Cyrillic, ") && found[0].ends_with(" in English"),
        "{}",
        found[0]
    );
}
