//! The shipped questionnaires import without problems, the nb and en files of each are the
//! same questionnaire, the scoring rules fit their definitions, and the forms keep what the
//! seeds say.

use samla_domain::questionnaires::answers::{validate_answers, AnswerValue, Answers};
use samla_domain::questionnaires::definition::{EnableAnswer, Item, ItemKind, Questionnaire};
use samla_domain::questionnaires::scoring::{import_rules, score, Method, Outcome, ScoringRules};
use samla_domain::questionnaires::shipped::{Shipped, SHIPPED};
use samla_domain::questionnaires::{export, import};
use std::collections::BTreeSet;
use std::path::Path;

fn definition(shipped: &Shipped, language: &str) -> Questionnaire {
    let (_, json) = shipped.definitions.iter().find(|(l, _)| *l == language).expect(language);
    import(json).unwrap_or_else(|problems| panic!("{}.{language}.json: {problems:#?}", shipped.slug))
}

fn shipped(slug: &str) -> &'static Shipped {
    SHIPPED.iter().find(|s| s.slug == slug).unwrap_or_else(|| panic!("{slug} is not shipped"))
}

fn rules(shipped: &Shipped) -> ScoringRules {
    let json = shipped.scoring.unwrap_or_else(|| panic!("{} has no scoring", shipped.slug));
    import_rules(json, &definition(shipped, "nb")).unwrap_or_else(|p| panic!("{}.scoring.json: {p:#?}", shipped.slug))
}

/// The questionnaire without anything a translation changes.
fn structure(mut q: Questionnaire) -> Questionnaire {
    fn strip(items: &mut [Item]) {
        for item in items {
            item.text = item.text.as_ref().map(|_| String::new());
            for condition in &mut item.enable_when {
                if let EnableAnswer::Coding(coding) = &mut condition.answer {
                    coding.display = None;
                }
            }
            match &mut item.kind {
                ItemKind::Group(children) => strip(children),
                ItemKind::Choice(options) => options.iter_mut().for_each(|o| o.display = String::new()),
                _ => {}
            }
        }
    }
    q.title = String::new();
    q.description = q.description.map(|_| String::new());
    q.language = None;
    strip(&mut q.items);
    q
}

#[test]
fn the_directory_holds_exactly_the_shipped_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/questionnaires");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".json"))
        .collect();
    let listed: BTreeSet<String> = SHIPPED
        .iter()
        .flat_map(|s| {
            let definitions = s.definitions.iter().map(move |(language, _)| format!("{}.{language}.json", s.slug));
            definitions.chain(s.scoring.map(|_| format!("{}.scoring.json", s.slug)))
        })
        .collect();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_file_imports_in_nb_and_en_as_the_same_questionnaire() {
    for shipped in SHIPPED {
        let languages: Vec<&str> = shipped.definitions.iter().map(|(l, _)| *l).collect();
        assert_eq!(languages, ["nb", "en"], "{}", shipped.slug);
        let nb = definition(shipped, "nb");
        let en = definition(shipped, "en");
        assert_eq!(nb.url, format!("urn:samla:questionnaire:{}", shipped.slug));
        assert_eq!(nb.language.as_deref(), Some("nb"));
        assert_eq!(en.language.as_deref(), Some("en"));
        assert_ne!(nb.title, en.title, "{}: the en file is translated", shipped.slug);
        assert_eq!(structure(nb.clone()), structure(en), "{}: nb and en differ in structure", shipped.slug);
        assert_eq!(import(&export(&nb).to_string()), Ok(nb), "{}: export round trip", shipped.slug);
    }
}

#[test]
fn scoring_rules_validate_against_both_languages() {
    for shipped in SHIPPED {
        let Some(json) = shipped.scoring else { continue };
        for (language, _) in shipped.definitions {
            let definition = definition(shipped, language);
            if let Err(problems) = import_rules(json, &definition) {
                panic!("{}.scoring.json against {language}: {problems:#?}", shipped.slug);
            }
        }
    }
}

/// Every scale's items answered with their highest option (or lowest), as valid answers.
fn extreme_answers(definition: &Questionnaire, rules: &ScoringRules, highest: bool) -> Answers {
    let mut answers = Answers::new();
    for link_id in rules.scales.iter().flat_map(|s| &s.items) {
        let ItemKind::Choice(options) = &definition.item(link_id).unwrap().kind else { panic!("{link_id}") };
        let pick = options.iter().max_by(|a, b| {
            let order = a.ordinal.partial_cmp(&b.ordinal).unwrap();
            if highest {
                order
            } else {
                order.reverse()
            }
        });
        answers.insert(link_id.clone(), vec![AnswerValue::Choice(pick.unwrap().code.clone())]);
    }
    answers
}

#[test]
fn the_best_and_worst_answers_reach_the_ends_of_every_scale() {
    for shipped in SHIPPED.iter().filter(|s| s.scoring.is_some()) {
        let definition = definition(shipped, "en");
        let rules = rules(shipped);
        for highest in [true, false] {
            let answers = extreme_answers(&definition, &rules, highest);
            assert_eq!(validate_answers(&definition, &answers), Ok(()), "{}", shipped.slug);
            let scores = score(&rules, &definition, &answers);
            for scale in &rules.scales {
                let end = if highest { scale.max } else { scale.min };
                let expected = match scale.method {
                    Method::Sum => end * scale.items.len() as f64,
                    Method::Mean => end,
                };
                let Some(Outcome::Scored { value, missing: 0, band, .. }) = scores.get(&scale.id) else {
                    panic!("{}: {:?}", scale.id, scores.get(&scale.id))
                };
                assert_eq!(*value, expected, "{} {}", shipped.slug, scale.id);
                let last = if highest { scale.bands.last() } else { scale.bands.first() };
                assert_eq!(band.as_deref(), last.map(|b| b.code.as_str()), "{} {}", shipped.slug, scale.id);
            }
        }
    }
}

fn options(q: &Questionnaire, link_id: &str) -> Vec<(String, Option<f64>)> {
    match &q.item(link_id).unwrap_or_else(|| panic!("{link_id}")).kind {
        ItemKind::Choice(options) => options.iter().map(|o| (o.display.clone(), o.ordinal)).collect(),
        other => panic!("{link_id} is {other:?}"),
    }
}

#[test]
fn mestringstreff_post_course_has_benefit_in_four_steps_and_seven_components_in_five() {
    let q = definition(shipped("mestringstreff-post-course"), "nb");
    let benefit: Vec<String> = options(&q, "benefit").into_iter().map(|(d, _)| d).collect();
    assert_eq!(benefit, ["Ingen nytte", "Noe nytte", "God nytte", "Svært god nytte"]);
    let Some(ItemKind::Group(components)) = q.item("components").map(|i| &i.kind) else { panic!() };
    assert_eq!(components.len(), 7);
    for component in components {
        let steps = options(&q, &component.link_id);
        assert_eq!(steps.iter().map(|(_, o)| o.unwrap()).collect::<Vec<_>>(), [1.0, 2.0, 3.0, 4.0, 5.0]);
        assert_eq!(steps[0].0, "Ikke viktig");
        assert_eq!(steps[4].0, "Meget viktig");
    }
    let texts: Vec<&str> = components.iter().filter_map(|c| c.text.as_deref()).collect();
    assert!(texts.contains(&"Sosialt samvær") && texts.contains(&"Samtale i gruppe"));
    let free_text = q.items_in_order().into_iter().filter(|i| matches!(i.kind, ItemKind::Text { .. })).count();
    assert!(free_text >= 3, "open questions: especially useful, missed, other comments");
}

#[test]
fn mestringstreff_pre_course_asks_the_handbooks_channels_and_background() {
    let q = definition(shipped("mestringstreff-pre-course"), "nb");
    assert_eq!(options(&q, "heard-from").len(), 8);
    assert!(q.item("heard-from").unwrap().repeats, "one or more crosses");
    assert_eq!(q.item("heard-from-other").unwrap().enable_when.len(), 1);
    for link_id in ["reason", "earlier-courses", "gender", "age", "education", "living", "relative"] {
        assert!(q.item(link_id).is_some(), "{link_id}");
    }
}

#[test]
fn the_childrens_form_speaks_to_children() {
    let shipped = shipped("smil-children");
    for language in ["nb", "en"] {
        let q = definition(shipped, language);
        for item in q.items_in_order().into_iter().filter(|i| i.kind.is_question()) {
            let text = item.text.as_deref().unwrap();
            assert!(text.chars().count() <= 80, "{language} {}: short questions for 8–12-year-olds", item.link_id);
            assert!(!item.required, "{language} {}: a child may skip any question", item.link_id);
        }
    }
}

#[test]
fn smil_staff_form_covers_competence_cooperation_and_realisation() {
    let q = definition(shipped("smil-staff"), "nb");
    let groups: Vec<&str> = q.items.iter().map(|i| i.link_id.as_str()).collect();
    assert_eq!(groups, ["competence", "cooperation", "realisation"]);
    let rules = rules(shipped("smil-staff"));
    let subscales: Vec<&str> = rules.scales[0].subscales.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(subscales, ["competence", "cooperation", "realisation"]);
}

#[test]
fn no_licensed_instrument_is_shipped() {
    for shipped in SHIPPED {
        let files = shipped.definitions.iter().map(|(_, json)| *json).chain(shipped.scoring);
        for json in files {
            let lower = json.to_lowercase();
            assert!(!lower.contains("sdq") && !lower.contains("strengths and difficulties"), "{}", shipped.slug);
        }
    }
}
