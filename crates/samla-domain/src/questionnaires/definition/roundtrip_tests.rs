//! import(export(q)) == q for generated questionnaires of every supported shape, and the
//! importer's answer to arbitrary JSON is problems, never a panic.

use super::*;
use proptest::prelude::*;
use serde_json::Value;

const LINE: &str = "[A-Za-zæøåÆØÅ][A-Za-zæøåÆØÅ0-9 ,.?!()-]{0,24}";
const TEXT: &str = "[A-Za-zæøåÆØÅ][A-Za-zæøåÆØÅ0-9 ,.?!\n-]{0,40}";

fn options() -> impl Strategy<Value = Vec<AnswerOption>> {
    let system = prop::option::of(prop::sample::select(vec!["urn:samla:answers:benefit", "http://example.org/codes"]));
    let option = (system, "[a-z0-9-]{0,6}", LINE, prop::option::of(-400i32..400));
    prop::collection::vec(option, 1..5).prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (system, code, display, ordinal))| AnswerOption {
                system: system.map(str::to_string),
                code: format!("c{i}{code}"),
                display,
                ordinal: ordinal.map(|o| f64::from(o) / 4.0),
            })
            .collect()
    })
}

fn ordered<T: PartialOrd>(a: Option<T>, b: Option<T>) -> (Option<T>, Option<T>) {
    match (a, b) {
        (Some(a), Some(b)) if a > b => (Some(b), Some(a)),
        pair => pair,
    }
}

fn leaf() -> impl Strategy<Value = ItemKind> {
    let bound = || prop::option::of(i32::MIN..=i32::MAX);
    let decimal = || prop::option::of((-1_000_000i32..1_000_000).prop_map(|v| f64::from(v) / 8.0));
    let length = || prop::option::of(1u32..20_000);
    prop_oneof![
        Just(ItemKind::Display),
        Just(ItemKind::Boolean),
        Just(ItemKind::Date),
        options().prop_map(ItemKind::Choice),
        (bound(), bound()).prop_map(|(a, b)| {
            let (min, max) = ordered(a.map(i64::from), b.map(i64::from));
            ItemKind::Integer { min, max }
        }),
        (decimal(), decimal()).prop_map(|(a, b)| {
            let (min, max) = ordered(a, b);
            ItemKind::Decimal { min, max }
        }),
        length().prop_map(|max_length| ItemKind::String { max_length }),
        length().prop_map(|max_length| ItemKind::Text { max_length }),
    ]
}

fn item(kind: impl Strategy<Value = ItemKind>) -> impl Strategy<Value = Item> {
    (kind, prop::option::of(TEXT), any::<bool>(), any::<bool>()).prop_map(|(kind, text, required, repeats)| {
        let group = matches!(kind, ItemKind::Group(_));
        Item {
            link_id: String::new(),
            text: if group { text } else { Some(text.unwrap_or_else(|| "Spørsmål".into())) },
            required: required && kind.is_question(),
            repeats: repeats && matches!(kind, ItemKind::Choice(_)),
            enable_when: Vec::new(),
            enable_behavior: None,
            kind,
        }
    })
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    let tree =
        leaf().prop_recursive(3, 24, 4, |inner| prop::collection::vec(item(inner), 1..4).prop_map(ItemKind::Group));
    prop::collection::vec(item(tree), 1..6)
}

type Pick = (u32, u32, i32, bool);

/// Gives every item a linkId in document order and conditions on questions before it.
fn link(
    items: &mut [Item],
    earlier: &mut Vec<(String, ItemKind)>,
    count: &mut usize,
    picks: &mut impl Iterator<Item = Pick>,
) {
    for item in items {
        *count += 1;
        item.link_id = format!("q{count}.{}", *count % 3);
        let (wanted, _, _, flag) = picks.next().unwrap_or_default();
        let conditions = if earlier.is_empty() { 0 } else { wanted % 3 };
        for _ in 0..conditions {
            let pick = picks.next().unwrap_or_default();
            let (question, kind) = &earlier[pick.0 as usize % earlier.len()];
            item.enable_when.push(condition(question, kind, pick));
        }
        item.enable_behavior = match item.enable_when.len() {
            0 => None,
            1 => flag.then_some(EnableBehavior::All),
            _ => Some(if flag { EnableBehavior::Any } else { EnableBehavior::All }),
        };
        if item.kind.is_question() {
            earlier.push((item.link_id.clone(), item.kind.clone()));
        }
        if let ItemKind::Group(children) = &mut item.kind {
            link(children, earlier, count, picks);
        }
    }
}

fn condition(question: &str, kind: &ItemKind, (a, b, c, flag): Pick) -> EnableWhen {
    use Operator::*;
    let operators: &[Operator] = match kind {
        ItemKind::Integer { .. } | ItemKind::Decimal { .. } | ItemKind::Date => &Operator::ALL,
        _ => &[Exists, Equal, NotEqual],
    };
    let operator = operators[a as usize % operators.len()];
    let answer = match kind {
        _ if operator == Exists => EnableAnswer::Boolean(flag),
        ItemKind::Boolean => EnableAnswer::Boolean(flag),
        ItemKind::Choice(options) => {
            let option = &options[b as usize % options.len()];
            let display = flag.then(|| option.display.clone());
            EnableAnswer::Coding(Coding { system: option.system.clone(), code: option.code.clone(), display })
        }
        ItemKind::Integer { .. } => EnableAnswer::Integer(c.into()),
        ItemKind::Decimal { .. } => EnableAnswer::Decimal(f64::from(c) / 16.0),
        ItemKind::Date => {
            EnableAnswer::Date(NaiveDate::from_num_days_from_ce_opt(690_000 + (b % 100_000) as i32).unwrap())
        }
        _ => EnableAnswer::String(format!("svar {c}")),
    };
    EnableWhen { question: question.to_string(), operator, answer }
}

fn questionnaire() -> impl Strategy<Value = Questionnaire> {
    let header = (
        "[a-z][a-z0-9-]{0,12}",
        prop::option::of("[0-9]{1,2}(\\.[0-9]{1,2})?"),
        prop::option::of("[A-Z][A-Za-z0-9_]{0,12}"),
        LINE,
        prop::sample::select(Status::ALL.to_vec()),
        prop::option::of(prop::sample::select(vec!["nb", "nn", "en", "en-GB", "se"])),
        prop::option::of(TEXT),
    );
    let picks = prop::collection::vec(any::<Pick>(), 0..60);
    (header, items(), picks).prop_map(
        |((slug, version, name, title, status, language, description), mut items, picks)| {
            link(&mut items, &mut Vec::new(), &mut 0, &mut picks.into_iter());
            Questionnaire {
                url: format!("urn:samla:questionnaire:{slug}"),
                version,
                name,
                title,
                status,
                language: language.map(str::to_string),
                description,
                items,
            }
        },
    )
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        prop::sample::select(vec!["Questionnaire", "group", "choice", "integer", "=", "exists", "a", ""])
            .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        let keys = prop::sample::select(vec![
            "resourceType",
            "url",
            "title",
            "status",
            "item",
            "linkId",
            "type",
            "text",
            "required",
            "repeats",
            "enableWhen",
            "question",
            "operator",
            "answerBoolean",
            "answerCoding",
            "answerOption",
            "valueCoding",
            "code",
            "display",
            "extension",
            "valueDecimal",
            "enableBehavior",
            "maxLength",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_of_export_gives_back_the_questionnaire(q in questionnaire()) {
        let exported = export(&q);
        let back = import(&exported.to_string());
        prop_assert_eq!(back.as_ref(), Ok(&q), "{}", serde_json::to_string_pretty(&exported).unwrap());
        prop_assert_eq!(import(&serde_json::to_string_pretty(&exported).unwrap()), Ok(q));
    }

    #[test]
    fn arbitrary_json_gives_problems_not_a_panic(mut value in json(), questionnaire in any::<bool>()) {
        if questionnaire {
            if let Value::Object(map) = &mut value {
                map.insert("resourceType".into(), Value::from("Questionnaire"));
            }
        }
        if let Err(problems) = import_value(&value) {
            prop_assert!(!problems.is_empty());
        }
    }
}
