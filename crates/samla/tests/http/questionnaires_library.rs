//! The questionnaire library of #7: the shipped questionnaires are in every organisation,
//! an import is one new version (languages agreeing in structure, scoring rules checked
//! against them), an invalid import lists every problem with its JSON path and stores
//! nothing, the same content makes no new version, exports round-trip, and only those who
//! manage questionnaires may import. Through the API and the pages, on SQLite and (with
//! SAMLA_TEST_POSTGRES_URL) PostgreSQL.

use crate::common::*;
use reqwest::{Method, StatusCode};
use samla_domain::questionnaires::shipped::SHIPPED;
use serde_json::{json, Value};

const ORG: &str = "org-a";
const COORDINATOR: &str = "coordinator@a.test";
const REP: &str = "rep@a.test";
const URL: &str = "https://example.org/questionnaires/wellbeing";

/// A small questionnaire with a choice, a bounded number, a group and a condition.
fn wellbeing(language: &str, texts: [&str; 5]) -> Value {
    let [title, q1, q2, group, q3] = texts;
    json!({
        "resourceType": "Questionnaire",
        "url": URL,
        "version": "1.0",
        "title": title,
        "status": "active",
        "language": language,
        "item": [
            {
                "linkId": "q1", "type": "choice", "text": q1, "required": true,
                "answerOption": [
                    { "valueCoding": { "code": "no", "display": if language == "nb" { "Nei" } else { "No" } },
                      "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 0 }] },
                    { "valueCoding": { "code": "some", "display": if language == "nb" { "Litt" } else { "A little" } },
                      "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 1 }] },
                    { "valueCoding": { "code": "yes", "display": if language == "nb" { "Ja" } else { "Yes" } },
                      "extension": [{ "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue", "valueDecimal": 2 }] }
                ]
            },
            {
                "linkId": "q2", "type": "integer", "text": q2,
                "extension": [
                    { "url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 0 },
                    { "url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 2 }
                ]
            },
            {
                "linkId": "g1", "type": "group", "text": group,
                "item": [{
                    "linkId": "q3", "type": "text", "text": q3,
                    "enableWhen": [{ "question": "q1", "operator": "=", "answerCoding": { "code": "yes" } }]
                }]
            }
        ]
    })
}

fn nb() -> Value {
    wellbeing("nb", ["Trivsel", "Trives du?", "Hvor mange venner?", "Mer", "Fortell"])
}

fn en() -> Value {
    wellbeing("en", ["Well-being", "Do you thrive?", "How many friends?", "More", "Tell us"])
}

fn rules() -> Value {
    json!({
        "questionnaire": URL,
        "scales": [{
            "id": "wellbeing",
            "label": { "nb": "Trivsel", "en": "Well-being" },
            "items": ["q1", "q2"],
            "method": "sum",
            "min": 0, "max": 2,
            "reverse": ["q2"],
            "max_missing": 1,
            "bands": [
                { "code": "low", "label": { "nb": "Lav", "en": "Low" }, "from": 0 },
                { "code": "high", "label": { "nb": "Høy", "en": "High" }, "from": 3 }
            ]
        }]
    })
}

struct Fixture {
    app: TestApp,
    coordinator: Api,
}

async fn fixture() -> Fixture {
    let app = TestApp::spawn().await;
    app.add_user(ORG, COORDINATOR, "coordinator").await;
    let coordinator = app.api(&app.token_for(COORDINATOR).await);
    Fixture { app, coordinator }
}

impl Fixture {
    /// A POST without a body, as the coordinator.
    async fn post(&self, path: &str) -> reqwest::Response {
        self.coordinator.request(Method::POST, path).send().await.unwrap()
    }

    async fn import(&self, body: &Value) -> (StatusCode, Value) {
        let response = self.coordinator.send_json(Method::POST, "/organisations/org-a/questionnaires", body).await;
        Api::json_of(response).await
    }

    async fn list(&self) -> Vec<Value> {
        let body = self.coordinator.get_ok("/organisations/org-a/questionnaires").await;
        body["items"].as_array().expect("items").clone()
    }

    async fn count(&self, table: &str) -> i64 {
        self.app.scalar(&format!("SELECT COUNT(*) FROM {table}"), ()).await
    }
}

#[tokio::test]
async fn every_organisation_has_the_shipped_questionnaires() {
    let f = fixture().await;
    let items = f.list().await;
    assert_eq!(items.len(), SHIPPED.len(), "{items:?}");
    for shipped in SHIPPED {
        let item =
            items.iter().find(|i| i["slug"] == shipped.slug).unwrap_or_else(|| panic!("{} listed", shipped.slug));
        assert_eq!(item["url"], format!("urn:samla:questionnaire:{}", shipped.slug));
        assert_eq!(item["latest_version"]["number"], 1);
        assert_eq!(item["languages"], json!(["en", "nb"]));
        assert!(!item["title"].as_str().unwrap_or("").is_empty());
    }
    let session = items.iter().find(|i| i["slug"] == "session-evaluation").expect("session evaluation");
    let (status, detail) =
        f.coordinator.get_json(&format!("/organisations/org-a/questionnaires/{}", session["id"])).await;
    assert_eq!(status, StatusCode::OK, "{detail}");
    assert_eq!(detail["versions"].as_array().map(Vec::len), Some(1));
    assert_eq!(detail["versions"][0]["scored"], true);

    // Installing again (a restart) adds nothing; a new organisation gets them too.
    let organisation_id: i64 = f.app.scalar("SELECT id FROM organisations WHERE slug = 'org-a'", ()).await;
    let versions = f.count("questionnaire_versions").await;
    samla_web::services::questionnaires::library::install_shipped(&f.app.state, organisation_id)
        .await
        .expect("install");
    samla_web::services::questionnaires::library::install_shipped_everywhere(&f.app.state).await.expect("install");
    assert_eq!(f.count("questionnaire_versions").await, versions);
    f.app.add_organisation("org-b", "Kommune B", "NO").await;
    assert_eq!(f.count("questionnaire_versions").await, versions * 2);

    // Organisations made before a questionnaire was shipped (here: two rows written
    // directly) get it at the next start, and only they.
    for slug in ["org-c", "org-d"] {
        f.app
            .execute("INSERT INTO organisations (slug, name, country, created_at) VALUES ($1, $1, 'NO', 0)", (slug,))
            .await;
    }
    samla_web::services::questionnaires::library::install_shipped_everywhere(&f.app.state).await.expect("install");
    assert_eq!(f.count("questionnaire_versions").await, versions * 4);
    samla_web::services::questionnaires::library::install_shipped_everywhere(&f.app.state).await.expect("install");
    assert_eq!(f.count("questionnaire_versions").await, versions * 4);
}

#[tokio::test]
async fn a_valid_import_makes_a_questionnaire_with_its_languages_and_scoring() {
    let f = fixture().await;
    let (status, body) = f.import(&json!({ "definitions": [nb(), en()], "scoring": rules() })).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["created"], true);
    assert_eq!(body["version"]["number"], 1);
    let questionnaire = &body["questionnaire"];
    assert_eq!(questionnaire["url"], URL);
    assert_eq!(questionnaire["slug"], Value::Null);
    assert_eq!(questionnaire["languages"], json!(["en", "nb"]));
    assert_eq!(questionnaire["title"], "Trivsel");
    assert_eq!(f.list().await.len(), SHIPPED.len() + 1);
    assert_eq!(f.app.audit_count("questionnaire.import", None, "success", None).await, 1);

    let id = questionnaire["id"].as_i64().expect("id");
    let scoring = f.coordinator.get_ok(&format!("/organisations/org-a/questionnaires/{id}/scoring")).await;
    assert_eq!(scoring["questionnaire"], URL);
    assert_eq!(scoring["scales"][0]["items"], json!(["q1", "q2"]));
    assert_eq!(scoring["scales"][0]["reverse"], json!(["q2"]));
    assert_eq!(scoring["scales"][0]["max"].as_f64(), Some(2.0));
    assert_eq!(scoring["scales"][0]["bands"][1]["from"].as_f64(), Some(3.0));

    // Without scoring rules the version has none.
    let (status, body) =
        f.import(&json!({ "definitions": [wellbeing("nb", ["Annen", "a", "b", "c", "d"])], "scoring": null })).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["version"]["number"], 2);
    let (status, _) = f.coordinator.get_json(&format!("/organisations/org-a/questionnaires/{id}/scoring")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) =
        f.coordinator.get_json(&format!("/organisations/org-a/questionnaires/{id}/scoring?version=1")).await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn an_invalid_import_lists_every_problem_with_its_path_and_stores_nothing() {
    let f = fixture().await;
    let questionnaires = f.count("questionnaires").await;
    let versions = f.count("questionnaire_versions").await;
    let texts = f.count("questionnaire_texts").await;

    // Problems in one language, and rules for an item it does not have.
    let mut bad_nb = nb();
    bad_nb["item"][1]["type"] = json!("attachment");
    bad_nb["item"][0]["answerOption"][1]["valueCoding"]["code"] = json!("no");
    let mut bad_rules = rules();
    bad_rules["scales"][0]["items"] = json!(["q1", "q9"]);
    let (status, body) = f.import(&json!({ "definitions": [bad_nb, en()], "scoring": bad_rules })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields = fields_of(&body);
    for expected in
        ["definitions[0].item[1].type", "definitions[0].item[0].answerOption[1]", "scoring.scales[0].items[1]"]
    {
        assert!(fields.iter().any(|f| f.starts_with(expected)), "{expected} in {fields:?}");
    }
    assert!(body["errors"].as_array().unwrap().iter().all(|e| !e["message"].as_str().unwrap_or("").is_empty()));

    // Languages that differ in structure: each difference at its place.
    let mut other_en = en();
    other_en["item"][1]["linkId"] = json!("q2b");
    other_en["version"] = json!("2.0");
    other_en["item"][0]["answerOption"][2]["valueCoding"]["code"] = json!("yes-indeed");
    other_en["item"][2]["item"][0]["enableWhen"][0]["answerCoding"]["code"] = json!("yes-indeed");
    other_en["item"][0]["required"] = json!(false);
    let (status, body) = f.import(&json!({ "definitions": [nb(), other_en], "scoring": rules() })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields = fields_of(&body);
    for expected in [
        "definitions[1].version",
        "definitions[1].item[1].linkId",
        "definitions[1].item[0].required",
        "definitions[1].item[0].answerOption[2].valueCoding.code",
        "definitions[1].item[2].item[0].enableWhen",
    ] {
        assert!(fields.contains(&expected.to_string()), "{expected} in {fields:?}");
    }

    // The same language twice, a definition without a language, nothing at all.
    let mut no_language = en();
    no_language.as_object_mut().unwrap().remove("language");
    let (status, body) = f.import(&json!({ "definitions": [nb(), nb(), no_language] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(fields_of(&body), vec!["definitions[1].language", "definitions[2].language"]);
    let (status, body) = f.import(&json!({ "definitions": [] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (status, body) = f.import(&json!({ "definitions": [{ "resourceType": "Patient" }] })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["errors"][0]["field"], "definitions[0].resourceType");

    assert_eq!(f.count("questionnaires").await, questionnaires);
    assert_eq!(f.count("questionnaire_versions").await, versions);
    assert_eq!(f.count("questionnaire_texts").await, texts);
}

fn fields_of(body: &Value) -> Vec<String> {
    body["errors"].as_array().expect("errors").iter().map(|e| e["field"].as_str().expect("field").to_string()).collect()
}

#[tokio::test]
async fn a_changed_definition_is_a_new_version_and_the_same_content_is_not() {
    let f = fixture().await;
    let (status, first) = f.import(&json!({ "definitions": [nb(), en()], "scoring": rules() })).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    let id = first["questionnaire"]["id"].as_i64().unwrap();

    // The same content, keys in another order and the languages swapped: nothing new.
    let swapped: Value = serde_json::from_str(&serde_json::to_string_pretty(&en()).unwrap()).unwrap();
    let (status, same) = f.import(&json!({ "definitions": [swapped, nb()], "scoring": rules() })).await;
    assert_eq!(status, StatusCode::OK, "{same}");
    assert_eq!(same["created"], false);
    assert_eq!(same["version"]["number"], 1);
    assert_eq!(same["version"]["id"], first["version"]["id"]);

    // A changed text is a new version; the old one stays as it was.
    let changed_nb = wellbeing("nb", ["Trivsel", "Trives du godt?", "Hvor mange venner?", "Mer", "Fortell"]);
    let (status, second) = f.import(&json!({ "definitions": [changed_nb, en()], "scoring": rules() })).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(second["version"]["number"], 2);
    assert_eq!(second["questionnaire"]["id"], id);
    assert_eq!(second["questionnaire"]["versions"].as_array().map(Vec::len), Some(2));
    let old = export(&f, id, "nb", Some(1)).await;
    assert_eq!(old["item"][0]["text"], "Trives du?");
    let new = export(&f, id, "nb", None).await;
    assert_eq!(new["item"][0]["text"], "Trives du godt?");

    // Changed scoring alone is a new version too.
    let mut other_rules = rules();
    other_rules["scales"][0]["max_missing"] = json!(0);
    let changed_nb = wellbeing("nb", ["Trivsel", "Trives du godt?", "Hvor mange venner?", "Mer", "Fortell"]);
    let (status, third) = f.import(&json!({ "definitions": [changed_nb, en()], "scoring": other_rules })).await;
    assert_eq!(status, StatusCode::CREATED, "{third}");
    assert_eq!(third["version"]["number"], 3);

    // Rounds get the newest version through the library's contract.
    let mut conn = f.app.state.store.pool().acquire().await.unwrap();
    let organisation_id: i64 =
        sqlx::query_scalar("SELECT id FROM organisations WHERE slug = 'org-a'").fetch_one(&mut *conn).await.unwrap();
    let latest = samla_web::services::questionnaires::library::latest_version_id(&mut conn, organisation_id, id)
        .await
        .expect("latest");
    assert_eq!(Value::from(latest), third["version"]["id"]);
    let loaded = samla_web::services::questionnaires::library::load_version(&mut conn, latest).await.expect("load");
    assert_eq!(loaded.number, 3);
    assert_eq!(loaded.title("en"), "Well-being");
    assert_eq!(loaded.title("sv"), "Trivsel");
    assert_eq!(loaded.scoring.as_ref().map(|r| r.scales[0].max_missing), Some(0));
}

async fn export(f: &Fixture, id: i64, language: &str, version: Option<i64>) -> Value {
    let mut path = format!("/organisations/org-a/questionnaires/{id}/export?language={language}");
    if let Some(version) = version {
        path.push_str(&format!("&version={version}"));
    }
    let response = f.coordinator.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_string();
    assert!(content_type.starts_with("application/fhir+json"), "{content_type}");
    response.json().await.expect("json")
}

#[tokio::test]
async fn exports_round_trip() {
    let f = fixture().await;
    for item in f.list().await {
        let id = item["id"].as_i64().unwrap();
        let nb = export(&f, id, "nb", None).await;
        let en = export(&f, id, "en", None).await;
        assert_eq!(nb["resourceType"], "Questionnaire");
        assert_eq!(nb["language"], "nb");
        assert_eq!(en["language"], "en");
        let scoring = f.coordinator.get_json(&format!("/organisations/org-a/questionnaires/{id}/scoring")).await;
        let scoring = if scoring.0 == StatusCode::OK { scoring.1 } else { Value::Null };
        // Importing what was exported is the same content: no new version.
        let (status, body) = f.import(&json!({ "definitions": [nb, en], "scoring": scoring })).await;
        assert_eq!(status, StatusCode::OK, "{}: {body}", item["slug"]);
        assert_eq!(body["created"], false);
    }
    let id = f.list().await[0]["id"].as_i64().unwrap();
    let response = f.coordinator.get(&format!("/organisations/org-a/questionnaires/{id}/export?language=sv")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = f.coordinator.get(&format!("/organisations/org-a/questionnaires/{id}/export?version=9")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_user_representative_may_read_but_not_import_and_other_organisations_see_nothing() {
    let f = fixture().await;
    f.app.add_user(ORG, REP, "user_representative").await;
    let rep = f.app.api(&f.app.token_for(REP).await);
    let (status, body) = rep.get_json("/organisations/org-a/questionnaires").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let response =
        rep.send_json(Method::POST, "/organisations/org-a/questionnaires", &json!({ "definitions": [nb()] })).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(f.count("questionnaires").await, SHIPPED.len() as i64);

    let (status, created) = f.import(&json!({ "definitions": [nb()] })).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["questionnaire"]["id"].as_i64().unwrap();
    f.app.add_organisation("org-b", "Kommune B", "NO").await;
    let (_, other) = f.app.admin_api("org-b", "admin@b.test").await;
    for path in [
        format!("/organisations/org-b/questionnaires/{id}"),
        format!("/organisations/org-b/questionnaires/{id}/export"),
        format!("/organisations/org-b/questionnaires/{id}/scoring"),
        format!("/organisations/org-a/questionnaires/{id}"),
    ] {
        let response = other.get(&path).await;
        assert!(
            matches!(response.status(), StatusCode::NOT_FOUND | StatusCode::FORBIDDEN),
            "{path}: {}",
            response.status()
        );
    }
    let response = other.get(&format!("/organisations/org-b/questionnaires/{id}")).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let (_, list) = other.get_json("/organisations/org-b/questionnaires").await;
    assert!(list["items"].as_array().unwrap().iter().all(|i| i["url"] != URL));
}

#[tokio::test]
async fn archiving_keeps_versions_but_hides_the_questionnaire_from_new_rounds() {
    let f = fixture().await;
    let (_, created) = f.import(&json!({ "definitions": [nb()] })).await;
    let id = created["questionnaire"]["id"].as_i64().unwrap();
    let response = f.post(&format!("/organisations/org-a/questionnaires/{id}/archive")).await;
    let (status, body) = Api::json_of(response).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["archived"], true);
    let mut conn = f.app.state.store.pool().acquire().await.unwrap();
    let organisation_id: i64 =
        sqlx::query_scalar("SELECT id FROM organisations WHERE slug = 'org-a'").fetch_one(&mut *conn).await.unwrap();
    let result = samla_web::services::questionnaires::library::latest_version_id(&mut conn, organisation_id, id).await;
    assert!(matches!(result, Err(samla_web::WebError::NotFound)));
    let response = f.post(&format!("/organisations/org-a/questionnaires/{id}/unarchive")).await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_pages_list_preview_and_import_keeping_the_input_on_errors() {
    let f = fixture().await;
    f.app.relax_second_factor(ORG).await;
    let browser = f.app.logged_in(COORDINATOR).await;
    let (status, html) = browser.get_html("/questionnaires").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("/questionnaires/import"));
    let (_, programmes) = browser.get_html("/programmes").await;
    assert!(programmes.contains("href=\"/questionnaires\""), "the programme library links the questionnaires");

    for item in f.list().await {
        for query in ["", "?language=en", "?language=nb&version=1"] {
            let (status, html) = browser.get_html(&format!("/questionnaires/{}{query}", item["id"])).await;
            assert_eq!(status, StatusCode::OK, "{} {query}", item["slug"]);
            assert!(html.contains("qlib-items-heading"));
        }
    }
    let (status, _) = browser.get_html("/questionnaires/999999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let session = f.list().await.into_iter().find(|i| i["slug"] == "session-evaluation").unwrap();
    let (status, html) = browser.get_html(&format!("/questionnaires/{}", session["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(session["title"].as_str().unwrap()));
    let (status, html) = browser.get_html(&format!("/questionnaires/{}?language=en", session["id"])).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("lang=\"en\""));
    let response = browser.get(&format!("/questionnaires/{}/export?language=en", session["id"])).await;
    assert_eq!(response.status(), StatusCode::OK);
    let exported: Value = response.json().await.unwrap();
    assert_eq!(exported["language"], "en");

    // An invalid import: every problem with its path, the text kept, nothing stored.
    let mut bad = nb();
    bad["item"][1]["type"] = json!("attachment");
    let bad_text = serde_json::to_string_pretty(&bad).unwrap();
    let versions = f.count("questionnaire_versions").await;
    let response = browser
        .submit("/questionnaires/import", "/questionnaires/import", &[("definition_1", &bad_text), ("scoring", "{")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = response.text().await.unwrap();
    assert!(html.contains("item[1].type"), "the path is shown");
    assert!(html.contains("attachment"), "the input is kept");
    assert!(error_summary(&html).is_some());
    assert_eq!(f.count("questionnaire_versions").await, versions);

    // A valid one redirects to the questionnaire; the same again says nothing was added.
    let good = serde_json::to_string(&nb()).unwrap();
    let good_en = serde_json::to_string(&en()).unwrap();
    let fields = [("definition_1", good.as_str()), ("definition_2", good_en.as_str())];
    let response = browser.submit("/questionnaires/import", "/questionnaires/import", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let target = location(&response);
    assert!(target.contains("imported=1"), "{target}");
    let response = browser.submit("/questionnaires/import", "/questionnaires/import", &fields).await;
    let target = location(&response);
    assert!(target.contains("unchanged=1"), "{target}");
    let (status, html) = browser.get_html(&target).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Trivsel"));
    assert!(html.contains("Trives du?"));
}
