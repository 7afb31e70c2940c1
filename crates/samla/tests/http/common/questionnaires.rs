//! Rounds and responses written straight into the database, for tests of what is made from
//! them (results, the course report) without going through links and forms.

use super::TestApp;
use samla_domain::questionnaires::answers::Answers;
use samla_domain::questionnaires::scoring::score;
use samla_web::services::questionnaires::library::load_version;

/// The organisation's copy of a questionnaire samla ships.
pub async fn shipped(app: &TestApp, organisation_id: i64, slug: &str) -> i64 {
    app.scalar(
        "SELECT id FROM questionnaires WHERE organisation_id = $1 AND shipped_slug = $2",
        (organisation_id, slug),
    )
    .await
}

pub async fn version_of(app: &TestApp, organisation_id: i64, slug: &str) -> i64 {
    app.scalar(
        "SELECT v.id FROM questionnaire_versions v JOIN questionnaires q ON q.id = v.questionnaire_id
         WHERE q.organisation_id = $1 AND q.shipped_slug = $2 ORDER BY v.number DESC LIMIT 1",
        (organisation_id, slug),
    )
    .await
}

pub async fn add_round(
    app: &TestApp,
    org: i64,
    course_id: i64,
    version_id: i64,
    audience: &str,
    mode: &str,
    timing: &str,
) -> i64 {
    app.scalar(
        "INSERT INTO questionnaire_rounds (organisation_id, course_id, version_id, audience, mode, timing, opens_on, closes_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, '2026-01-05', '2026-01-20', $7) RETURNING id",
        (org, course_id, version_id, audience, mode, timing, app.now()),
    )
    .await
}

/// Stores a response with its scores computed as on submission.
pub async fn add_response(app: &TestApp, round_id: i64, version_id: i64, subject: Option<i64>, answers: &Answers) {
    let mut conn = app.state.store.pool().acquire().await.unwrap();
    let version = load_version(&mut conn, version_id).await.expect("version");
    let scores = version
        .scoring
        .as_ref()
        .map(|rules| serde_json::to_string(&score(rules, version.definition("nb"), answers)).unwrap());
    sqlx::query(
        "INSERT INTO questionnaire_responses (round_id, version_id, language, submitted_on, subject_participant_id, answers, scores)
         VALUES ($1, $2, 'nb', '2026-01-10', $3, $4, $5)",
    )
    .bind(round_id)
    .bind(version_id)
    .bind(subject)
    .bind(serde_json::to_string(answers).unwrap())
    .bind(scores)
    .execute(&mut *conn)
    .await
    .expect("response");
}

/// A personal answer link (`/a/{token}`, `/answers/{token}`) in a round, about `subject`,
/// valid `seconds` from the test clock's now.
pub async fn add_personal_link(app: &TestApp, round_id: i64, subject: Option<i64>, token: &str, seconds: i64) {
    app.execute(
        "INSERT INTO round_recipients (round_id, subject_participant_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)",
        (round_id, subject, samla_domain::secrets::hash_secret(token), app.now() + seconds),
    )
    .await;
}

/// Moves a round's answering window to around the test clock's today (from yesterday to
/// two weeks ahead), so its links open the form.
pub async fn open_now(app: &TestApp, round_id: i64) {
    let today = chrono::DateTime::from_timestamp(app.now(), 0).expect("clock").date_naive();
    app.execute(
        "UPDATE questionnaire_rounds SET opens_on = $1, closes_on = $2 WHERE id = $3",
        ((today - chrono::Duration::days(1)).to_string(), (today + chrono::Duration::days(14)).to_string(), round_id),
    )
    .await;
}
