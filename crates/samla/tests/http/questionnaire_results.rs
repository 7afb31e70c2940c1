//! Results of questionnaire rounds over HTTP, on SQLite and PostgreSQL (of rounds whose
//! closing day has passed: see `questionnaire_release` for rounds still open): nothing but
//! the count below five responses and everything from five (free text only then);
//! distributions, means and shares exact; the outcome change per scale paired by
//! participant and equal to the statistics functions on the same pairs; who may see
//! results (assigned user representative yes, secretary 403, another organisation 404);
//! CSV and XLSX downloads with formulas neutralised.
//!
//! Rounds and responses are written straight into the tables here (as the rounds and
//! answering features store them), so these tests depend on nothing but the schema.

use crate::common::questionnaires::{add_response, add_round, version_of};
use crate::common::running::{self, ORG};
use crate::common::*;
use reqwest::StatusCode;
use samla_domain::questionnaires::answers::{AnswerValue, Answers};
use samla_domain::reports::statistics::{paired_change, Pair};
use serde_json::Value;

const A: &str = "/organisations/org-a";

fn session_answer(benefit: &str, important: &str) -> Answers {
    let mut answers = Answers::new();
    answers.insert("benefit".into(), vec![AnswerValue::Choice(benefit.into())]);
    if !important.is_empty() {
        answers.insert("important".into(), vec![AnswerValue::String(important.into())]);
    }
    answers
}

const PARENT_ITEMS: [&str; 6] =
    ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"];
const STEPS: [&str; 5] = ["very-small", "small", "some", "large", "very-large"];

/// A parent's form with every scale item at `steps[i]` (1–5).
fn parent_answer(steps: [usize; 6]) -> Answers {
    let mut answers = Answers::new();
    for (item, step) in PARENT_ITEMS.iter().zip(steps) {
        answers.insert(item.to_string(), vec![AnswerValue::Choice(STEPS[step - 1].into())]);
    }
    answers
}

fn item<'a>(results: &'a Value, link_id: &str) -> &'a Value {
    results["summary"]["items"].as_array().unwrap().iter().find(|i| i["link_id"] == link_id).expect("item")
}

#[tokio::test]
async fn results_threshold_figures_outcome_access_and_exports() {
    let app = TestApp::spawn().await;
    let course = running::seed(&app).await;
    let org = course.organisation_id;
    let coordinator = app.api(&app.token_for(running::COORDINATOR).await);

    // An anonymous session evaluation that closed with four responses shows the count only.
    let session_version = version_of(&app, org, "session-evaluation").await;
    let few = add_round(&app, org, course.course_id, session_version, "participants", "anonymous", "session").await;
    let four = [
        ("very-good", "=HYPERLINK(\"http://x\")"),
        ("good", "Leikene"),
        ("some", ""),
        ("very-good", "Å snakke sammen"),
    ];
    for (benefit, text) in four {
        add_response(&app, few, session_version, None, &session_answer(benefit, text)).await;
    }
    let results = coordinator.get_ok(&format!("{A}/questionnaire-rounds/{few}/results")).await;
    assert_eq!(results["summary"]["responses"], 4);
    assert_eq!(results["summary"]["released"], true, "its closing day has passed");
    assert_eq!(results["summary"]["shown"], false);
    assert_eq!(results["summary"]["withheld"], "too_few_responses");
    assert_eq!(results["summary"]["items"], serde_json::json!([]));
    assert_eq!(results["summary"]["threshold"], 5);
    let browser = app.logged_in(running::COORDINATOR).await;
    let (status, html) = browser.get_html(&format!("/questionnaire-rounds/{few}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(element_text(&html, &format!("round-{few}-withheld")).is_some(), "the threshold notice");
    assert!(!html.contains("Leikene"), "no free text below the threshold");
    let (_, csv_text) = {
        let response = coordinator.get(&format!("{A}/questionnaire-rounds/{few}/results/export?format=csv")).await;
        (response.status(), response.text().await.unwrap())
    };
    assert!(!csv_text.contains("Leikene"), "no free text in exports below the threshold");
    assert!(csv_text.contains(",withheld,,,too_few_responses"), "{csv_text}");

    // The same with a fifth response shows everything.
    let round = add_round(&app, org, course.course_id, session_version, "participants", "anonymous", "session").await;
    for (benefit, text) in four.into_iter().chain([("none", "Maten")]) {
        add_response(&app, round, session_version, None, &session_answer(benefit, text)).await;
    }
    let (status, results) =
        coordinator.get_json(&format!("{A}/questionnaire-rounds/{round}/results?language=en")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(results["summary"]["shown"], true);
    let benefit = item(&results, "benefit");
    assert_eq!(benefit["n"], 5);
    let counts: Vec<(String, i64, f64)> = benefit["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (o["code"].as_str().unwrap().to_string(), o["count"].as_i64().unwrap(), o["ordinal"].as_f64().unwrap())
        })
        .collect();
    assert_eq!(
        counts,
        vec![("none".into(), 1, 1.0), ("some".into(), 1, 2.0), ("good".into(), 1, 3.0), ("very-good".into(), 2, 4.0)]
    );
    assert_eq!(benefit["descriptives"]["mean"].as_f64(), Some(14.0 / 5.0));
    assert_eq!(benefit["share_positive"]["count"], 3);
    assert_eq!(benefit["share_positive"]["proportion"].as_f64(), Some(0.6));
    assert_eq!(benefit["share_positive"]["rule"], "top_two");
    let texts = item(&results, "important")["free_text"].clone();
    assert_eq!(
        texts,
        serde_json::json!(["=HYPERLINK(\"http://x\")", "Leikene", "Maten", "Å snakke sammen"]),
        "free text sorted, blanks left out"
    );
    let scale = &results["summary"]["scales"][0];
    assert_eq!(scale["id"], "benefit");
    assert_eq!(scale["descriptives"]["mean"].as_f64(), Some(14.0 / 5.0));

    let (status, html) = browser.get_html(&format!("/questionnaire-rounds/{round}/results")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Leikene") && html.contains("role=\"img\""), "free text and a chart");
    assert!(element_text(&html, &format!("round-{round}-withheld")).is_none());

    // Exports: right types, formulas neutralised, numbers as numbers.
    let response = coordinator.get(&format!("{A}/questionnaire-rounds/{round}/results/export?format=csv")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(response.headers()["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"round-"));
    let csv_text = response.text().await.unwrap();
    let rows = parse_csv(csv_text.trim_start_matches('\u{feff}'));
    assert!(rows.iter().any(|r| r[8] == "'=HYPERLINK(\"http://x\")"), "the formula is neutralised");
    assert!(
        rows.iter().flat_map(|r| r.iter()).all(|cell| !cell.starts_with(['=', '+', '-', '@'])),
        "no cell starts a formula"
    );
    let item_row = rows.iter().find(|r| r[5] == "item" && r[6] == "benefit").expect("item row");
    assert_eq!(item_row[13], "2.8");
    let response = coordinator.get(&format!("{A}/questionnaire-rounds/{round}/results/export?format=xlsx")).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    assert!(response.bytes().await.unwrap().starts_with(b"PK"));
    let response = coordinator.get(&format!("{A}/questionnaire-rounds/{round}/results/export?format=pdf")).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);

    // Outcome change: parents before and at the end, paired by child.
    let parents_version = version_of(&app, org, "smil-parents").await;
    let before = add_round(&app, org, course.course_id, parents_version, "guardians", "identified", "before").await;
    let end = add_round(&app, org, course.course_id, parents_version, "guardians", "identified", "end").await;
    let children: Vec<i64> = course.children.iter().map(|c| c.participant_id).collect();
    let before_steps = [[2, 2, 3, 2, 2, 3], [1, 2, 2, 2, 1, 2], [3, 3, 3, 4, 3, 3]];
    let end_steps = [[4, 3, 4, 4, 3, 4], [2, 2, 3, 2, 2, 2], [4, 4, 5, 4, 4, 5]];
    for (i, child) in children.iter().enumerate() {
        add_response(&app, before, parents_version, Some(*child), &parent_answer(before_steps[i])).await;
        add_response(&app, end, parents_version, Some(*child), &parent_answer(end_steps[i])).await;
    }
    let mean = |steps: [usize; 6]| steps.iter().sum::<usize>() as f64 / 6.0;
    let pairs: Vec<Pair> =
        (0..3).map(|i| Pair { before: Some(mean(before_steps[i])), after: Some(mean(end_steps[i])) }).collect();
    let expected = paired_change(&pairs).unwrap();
    let change = coordinator.get_ok(&format!("{A}/courses/{}/outcome-change", course.course_id)).await;
    let comparisons = change["comparisons"].as_array().unwrap();
    assert_eq!(comparisons.len(), 1);
    assert_eq!(comparisons[0]["to"], "end");
    assert_eq!(comparisons[0]["audience"], "guardians");
    let benefit = comparisons[0]["scales"].as_array().unwrap().iter().find(|s| s["scale_id"] == "benefit").unwrap();
    let f = &benefit["figures"];
    assert_eq!(f["n"], 3);
    assert_eq!(f["mean_change"].as_f64(), expected.mean_change);
    let ci = expected.confidence_interval.unwrap();
    assert_eq!((f["ci_lower"].as_f64(), f["ci_upper"].as_f64()), (Some(ci.lower), Some(ci.upper)));
    let t = expected.t_test.unwrap();
    assert_eq!((f["t"].as_f64(), f["t_p"].as_f64()), (Some(t.t), Some(t.p)));
    assert_eq!(f["cohens_dz"].as_f64(), expected.cohens_dz.ok());
    assert_eq!(f["wilcoxon_p"].as_f64(), expected.wilcoxon.map(|w| w.p).ok());
    let (status, html) = browser.get_html(&format!("/courses/{}/outcome-change", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("comparison-0-table") && html.contains("role=\"img\""));

    // The course's evaluation lists every round; identified rounds below five show nothing either.
    let evaluation = coordinator.get_ok(&format!("{A}/courses/{}/evaluation", course.course_id)).await;
    let rounds = evaluation["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 4);
    let before_round = rounds.iter().find(|r| r["round"]["id"] == before).unwrap();
    assert_eq!(before_round["summary"]["responses"], 3);
    assert_eq!(before_round["summary"]["shown"], false);
    let (status, html) = browser.get_html(&format!("/courses/{}/evaluation", course.course_id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(&format!("round-{round}-count")));
    let response = coordinator.get(&format!("{A}/courses/{}/evaluation/export?format=xlsx", course.course_id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = browser.get(&format!("/courses/{}/evaluation/export?format=csv", course.course_id)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let csv_text = response.text().await.unwrap();
    assert!(csv_text.contains("'=HYPERLINK"));

    // Who may see results.
    let representative = app.api(&app.token_for(running::REPRESENTATIVE).await);
    let _ = representative.get_ok(&format!("{A}/questionnaire-rounds/{round}/results")).await;
    let secretary = app.api(&app.token_for(running::SECRETARY).await);
    let (status, _) = secretary.get_json(&format!("{A}/questionnaire-rounds/{round}/results")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = secretary.get_json(&format!("{A}/courses/{}/evaluation", course.course_id)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let other_leader = app.api(&app.token_for(running::OTHER_LEADER).await);
    let (status, _) = other_leader.get_json(&format!("{A}/courses/{}/outcome-change", course.course_id)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "a leader of another course");
    app.add_organisation("org-b", "Kommune B", "NO").await;
    app.add_user("org-b", "coordinator@b.test", "coordinator").await;
    let outsider = app.api(&app.token_for("coordinator@b.test").await);
    let (status, _) = outsider.get_json(&format!("/organisations/org-b/questionnaire-rounds/{round}/results")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = outsider.get_json(&format!("/organisations/org-b/courses/{}/evaluation", course.course_id)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = outsider.get_json(&format!("{A}/questionnaire-rounds/{round}/results")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not a member of org-a");
    let _ = ORG;
}
