//! The audit trail: every operation on personal data leaves a row, the chain verifies,
//! the database refuses edits, and tampering is detected.

use crate::common::{input_value, totp_code, Api, Browser, TestApp, PASSWORD};
use reqwest::{Method, StatusCode};
use samla_web::services::audit::verify;
use serde_json::{json, Value};

/// What an operation must leave behind.
struct Expect<'a> {
    what: &'a str,
    action: &'a str,
    record: Option<(&'a str, String)>,
    outcome: &'a str,
    actor: Option<i64>,
}

impl<'a> Expect<'a> {
    /// A successful operation by `actor`, on `record` if it names one.
    fn success(what: &'a str, action: &'a str, record: Option<(&'a str, String)>, actor: Option<i64>) -> Expect<'a> {
        Expect { what, action, record, outcome: "success", actor }
    }
}

async fn count(app: &TestApp, expect: &Expect<'_>) -> i64 {
    let record = expect.record.as_ref().map(|(t, id)| (*t, id.as_str()));
    app.audit_count(expect.action, record, expect.outcome, expect.actor).await
}

/// Runs `operation` and checks that it added at least one matching audit row.
macro_rules! audited {
    ($app:expr, $expect:expr, $operation:expr) => {{
        let expect = $expect;
        let before = count(&$app, &expect).await;
        let result = $operation;
        let after = count(&$app, &expect).await;
        assert!(
            after > before,
            "{}: no audit row {} {:?} {}",
            expect.what,
            expect.action,
            expect.record,
            expect.outcome
        );
        result
    }};
}

#[tokio::test]
async fn every_operation_on_personal_data_is_audited() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let org_a: i64 = app.scalar("SELECT id FROM organisations WHERE slug = 'org-a'", ()).await;
    let org = org_a.to_string();
    let (admin_id, api) = app.admin_api("org-a", "admin@example.no").await;
    let kari = app.add_user("org-a", "kari@example.no", "coordinator").await;
    let analyst = app.add_user("org-a", "anne@example.no", "analyst").await;
    let actor = Some(admin_id);

    // Logins, successful and not.
    let admin: Browser = audited!(
        app,
        Expect::success("login success", "login.password", Some(("user", admin_id.to_string())), actor),
        app.logged_in("admin@example.no").await
    );
    audited!(
        app,
        Expect {
            what: "login failure",
            action: "login.password",
            record: Some(("user", kari.to_string())),
            outcome: "failure",
            actor: Some(kari)
        },
        assert_eq!(
            app.browser().login("kari@example.no", "wrong wrong wrong").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        )
    );
    audited!(
        app,
        Expect { what: "login of nobody", action: "login.password", record: None, outcome: "failure", actor: None },
        assert_eq!(
            app.browser().login("nobody@example.no", "wrong wrong wrong").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        )
    );

    // Pages.
    audited!(
        app,
        Expect::success("user list page", "user.list", Some(("organisation", org.clone())), actor),
        assert_eq!(admin.get("/admin/users").await.status(), StatusCode::OK)
    );
    audited!(
        app,
        Expect::success("user page", "user.view", Some(("user", kari.to_string())), actor),
        assert_eq!(admin.get(&format!("/admin/users/{kari}")).await.status(), StatusCode::OK)
    );
    audited!(
        app,
        Expect::success("audit search page", "audit.search", Some(("audit_log", "search".into())), actor),
        assert_eq!(admin.get("/admin/audit?action=login.password").await.status(), StatusCode::OK)
    );

    // API.
    audited!(
        app,
        Expect::success("listUsers", "user.list", Some(("organisation", org.clone())), actor),
        assert_eq!(api.get("/organisations/org-a/users").await.status(), StatusCode::OK)
    );
    audited!(
        app,
        Expect::success("getUser", "user.view", Some(("user", kari.to_string())), actor),
        assert_eq!(api.get(&format!("/organisations/org-a/users/{kari}")).await.status(), StatusCode::OK)
    );
    let created: Value = audited!(app, Expect::success("createUser", "user.invite", None, actor), {
        let response =
            api.create_user("org-a", &json!({ "email": "ny@example.no", "name": "Ny", "roles": ["secretary"] })).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    });
    let new_id = created["user"]["id"].as_i64().unwrap();
    assert_eq!(app.audit_count("user.invite", Some(("user", &new_id.to_string())), "success", actor).await, 1);
    audited!(app, Expect::success("updateUser", "user.update", Some(("user", kari.to_string())), actor), {
        let response = api
            .update_user(
                "org-a",
                kari,
                "\"v1\"",
                &json!({ "name": "Kari K", "roles": ["coordinator"], "disabled": false }),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
    });
    audited!(
        app,
        Expect::success("audit search API", "audit.search", Some(("audit_log", "search".into())), actor),
        assert_eq!(api.get("/organisations/org-a/audit?outcome=failure").await.status(), StatusCode::OK)
    );

    // Tokens.
    let token: Value = audited!(app, Expect::success("token create", "account.token.create", None, actor), {
        let response = api.send_json(Method::POST, "/me/tokens", &json!({ "label": "script" })).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    });
    let token_id = token["id"].as_str().unwrap().to_string();
    let named = app.audit_count("account.token.create", Some(("api_token", &token_id)), "success", actor).await;
    assert_eq!(named, 1, "the creation names the token by the public id its revocation uses");
    audited!(
        app,
        Expect::success("token revoke", "account.token.revoke", Some(("api_token", token_id.clone())), actor),
        assert_eq!(
            api.request(Method::DELETE, &format!("/me/tokens/{token_id}")).send().await.unwrap().status(),
            StatusCode::NO_CONTENT
        )
    );

    // The person's own account: password and second factor.
    let kari_browser = app.logged_in("kari@example.no").await;
    let new_password = "en helt ny og lang frase";
    audited!(
        app,
        Expect::success("password change", "account.password.change", Some(("user", kari.to_string())), Some(kari)),
        {
            let response = kari_browser
                .submit(
                    "/account",
                    "/account/password",
                    &[
                        ("current_password", PASSWORD),
                        ("new_password", new_password),
                        ("repeat_password", new_password),
                    ],
                )
                .await;
            assert_eq!(response.status(), StatusCode::SEE_OTHER);
        }
    );
    audited!(
        app,
        Expect::success(
            "second-factor enrol",
            "account.second_factor.enrol",
            Some(("user", kari.to_string())),
            Some(kari)
        ),
        {
            let (_, page) = kari_browser.get_html("/account/second-factor").await;
            let secret = input_value(&page, "secret").unwrap();
            let code = totp_code(&secret, app.now());
            let response = kari_browser
                .submit("/account/second-factor", "/account/second-factor", &[("secret", &secret), ("code", &code)])
                .await;
            assert_eq!(response.status(), StatusCode::OK);
        }
    );

    // Denied access, by page and by API.
    let analyst_browser = app.logged_in("anne@example.no").await;
    audited!(
        app,
        Expect { what: "denied page", action: "manage_users", record: None, outcome: "denied", actor: Some(analyst) },
        assert_eq!(analyst_browser.get("/admin/users").await.status(), StatusCode::FORBIDDEN)
    );
    let analyst_api: Api = app.api(&app.token_for("anne@example.no").await);
    audited!(
        app,
        Expect { what: "denied API", action: "manage_users", record: None, outcome: "denied", actor: Some(analyst) },
        assert_eq!(
            analyst_api.get(&format!("/organisations/org-a/users/{kari}")).await.status(),
            StatusCode::FORBIDDEN
        )
    );
    audited!(
        app,
        Expect {
            what: "denied audit API",
            action: "view_audit_log",
            record: None,
            outcome: "denied",
            actor: Some(analyst)
        },
        assert_eq!(analyst_api.get("/organisations/org-a/audit").await.status(), StatusCode::FORBIDDEN)
    );

    // Rows written on behalf of a person carry the organisation and the request.
    let missing: i64 = app
        .scalar(
            "SELECT COUNT(*) FROM audit_log WHERE action IN ('user.list', 'user.view', 'user.update', 'audit.search')
           AND (organisation_id IS NULL OR request_id IS NULL OR request_id = '' OR actor_role IS NULL)",
            (),
        )
        .await;
    assert_eq!(missing, 0, "rows name the organisation, the request and the role");

    // And the whole trail still verifies.
    let total = app.audit_total().await;
    match verify(&app.state.store, Vec::new()).await {
        Ok(Ok(verified)) => assert_eq!(verified.rows, total),
        other => panic!("the chain must verify: {other:?}"),
    }
}

#[tokio::test]
async fn the_audit_search_shows_rows_of_the_organisation() {
    let app = TestApp::spawn().await;
    let (admin_id, api) = app.admin_api("org-a", "admin@example.no").await;
    app.browser().login("nobody@example.no", "wrong wrong wrong").await;
    let page = api.get_ok("/organisations/org-a/audit?action=user.list").await;
    assert!(page["items"].as_array().unwrap().is_empty());
    api.get("/organisations/org-a/users").await;
    let (_, page) = api.get_json("/organisations/org-a/audit?action=user.list").await;
    let items = page["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{page}");
    assert_eq!(items[0]["actor_user_id"], json!(admin_id));
    assert_eq!(items[0]["outcome"], "success");
    let (status, body) = api.get_json("/organisations/org-a/audit?from=yesterday").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["errors"][0]["field"], "from");
}

async fn app_with_rows() -> TestApp {
    let app = TestApp::spawn().await;
    let (_, api) = app.admin_api("org-a", "admin@example.no").await;
    for _ in 0..3 {
        assert_eq!(api.get("/organisations/org-a/users").await.status(), StatusCode::OK);
    }
    assert!(matches!(verify(&app.state.store, Vec::new()).await, Ok(Ok(verified)) if verified.rows >= 6));
    app
}

#[tokio::test]
async fn the_database_refuses_to_change_audit_rows() {
    let app = app_with_rows().await;
    let pool = app.state.store.pool();
    let update = sqlx::query("UPDATE audit_log SET record_id = 'x' WHERE seq = 2").execute(pool).await;
    assert!(update.is_err(), "UPDATE must be refused");
    let update_all = sqlx::query("UPDATE audit_log SET outcome = 'success'").execute(pool).await;
    assert!(update_all.is_err(), "UPDATE must be refused");
    let delete = sqlx::query("DELETE FROM audit_log WHERE seq = 2").execute(pool).await;
    assert!(delete.is_err(), "DELETE must be refused");
    let delete_all = sqlx::query("DELETE FROM audit_log").execute(pool).await;
    assert!(delete_all.is_err(), "DELETE must be refused");
    assert!(matches!(verify(&app.state.store, Vec::new()).await, Ok(Ok(_))), "nothing changed");
}

/// Turns off the append-only guard, as someone with database access could.
async fn bypass_guard(app: &TestApp) {
    let pool = app.state.store.pool();
    let statements: &[&str] = if crate::common::backend_is_postgres() {
        &["ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update"]
    } else {
        &["DROP TRIGGER audit_log_no_update", "DROP TRIGGER audit_log_no_delete"]
    };
    for statement in statements {
        sqlx::query(statement).execute(pool).await.expect(statement);
    }
}

#[tokio::test]
async fn an_edited_row_is_detected() {
    let app = app_with_rows().await;
    bypass_guard(&app).await;
    let middle: i64 = app.scalar("SELECT MAX(seq) / 2 FROM audit_log", ()).await;
    let done = app.execute("UPDATE audit_log SET record_id = '999' WHERE seq = $1", (middle,)).await;
    assert_eq!(done, 1);
    match verify(&app.state.store, Vec::new()).await {
        Ok(Err(broken)) => {
            assert!(format!("{broken:?}").contains(&middle.to_string()), "{broken:?} names row {middle}")
        }
        other => panic!("an edited row must be detected: {other:?}"),
    }
}

#[tokio::test]
async fn a_removed_row_is_detected() {
    let app = app_with_rows().await;
    bypass_guard(&app).await;
    let middle: i64 = app.scalar("SELECT MAX(seq) / 2 FROM audit_log", ()).await;
    let done = app.execute("DELETE FROM audit_log WHERE seq = $1", (middle,)).await;
    assert_eq!(done, 1);
    assert!(matches!(verify(&app.state.store, Vec::new()).await, Ok(Err(_))), "a removed row must be detected");
}

#[tokio::test]
async fn a_removed_and_relinked_row_is_still_detected() {
    // Removing a row and renumbering the rest so sequence numbers have no gap: the
    // hashes no longer match.
    let app = app_with_rows().await;
    bypass_guard(&app).await;
    let pool = app.state.store.pool();
    let last: i64 = sqlx::query_scalar("SELECT MAX(seq) FROM audit_log").fetch_one(pool).await.unwrap();
    sqlx::query("DELETE FROM audit_log WHERE seq = $1").bind(last - 1).execute(pool).await.unwrap();
    sqlx::query("UPDATE audit_log SET seq = $1 WHERE seq = $2").bind(last - 1).bind(last).execute(pool).await.unwrap();
    assert!(matches!(verify(&app.state.store, Vec::new()).await, Ok(Err(_))));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rows_written_at_the_same_moment_are_each_committed_once_and_keep_the_chain() {
    use samla_domain::audit::{AuditEvent, Outcome};
    let app = TestApp::spawn().await;
    let rows_of = |app: &TestApp| {
        let pool = app.state.store.pool().clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT record_id FROM audit_log WHERE action = 'test.read' ORDER BY seq")
                .fetch_all(&pool)
                .await
                .expect("rows")
        }
    };
    let mut reads = tokio::task::JoinSet::new();
    for n in 0..300 {
        let state = app.state.clone();
        reads.spawn(async move {
            let mut event = AuditEvent::new("test.read", Outcome::Success).record("participant", n);
            // Rows of three chains in each group commit.
            event.organisation_id = [None, Some(1), Some(2)][n as usize % 3];
            samla_web::services::audit::record(&state, event).await.expect("the row is committed");
            // Answered means stored: the row is there the moment the call returns.
            let visible: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'test.read' AND record_id = $1")
                    .bind(n.to_string())
                    .fetch_one(state.store.pool())
                    .await
                    .expect("count");
            (n, visible)
        });
    }
    let mut answered = Vec::new();
    while let Some(read) = reads.join_next().await {
        let (n, visible) = read.expect("task");
        assert_eq!(visible, 1, "row {n} is stored when its write returns");
        answered.push(n);
    }
    let mut stored: Vec<i64> = rows_of(&app).await.iter().map(|id| id.parse().expect("number")).collect();
    stored.sort_unstable();
    assert_eq!(stored, (0..300).collect::<Vec<i64>>(), "every row once, none lost or doubled");
    assert_eq!(answered.len(), 300);
    assert!(matches!(verify(&app.state.store, Vec::new()).await, Ok(Ok(_))), "the chain holds");
}

/// Each organisation's rows are a chain of their own with a lock of their own: on
/// PostgreSQL, a writer whose transaction is still open holds up the next writer of its
/// organisation only, never another organisation's (SQLite's writers take turns anyway).
/// Whatever the interleaving, the chains verify and every row is numbered once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_open_transaction_holds_up_its_own_organisation_only() {
    use samla_domain::audit::{AuditEvent, Outcome};
    use samla_storage::audit::append;
    let app = TestApp::spawn().await;
    let event = |organisation: i64, n: i64| {
        let mut event = AuditEvent::new("test.write", Outcome::Success).record("course", n);
        event.organisation_id = Some(organisation);
        event
    };
    // Organisations of their own (the audit trail does not check them), so no other row
    // is in their chains.
    let (first, second) = (9001, 9002);
    let write = |organisation: i64, n: i64| {
        let state = app.state.clone();
        let event = event(organisation, n);
        async move {
            let mut tx = state.store.write().await.expect("a transaction");
            append(&mut tx, &event, state.clock.now()).await.expect("appended");
            tx.commit().await.expect("committed");
        }
    };
    if crate::common::backend_is_postgres() {
        let mut open = app.state.store.write().await.expect("a transaction");
        append(&mut open, &event(first, 0), app.state.clock.now()).await.expect("appended");
        let other = tokio::time::timeout(std::time::Duration::from_secs(10), write(second, 1)).await;
        assert!(other.is_ok(), "the second organisation does not wait for the first one's open transaction");
        let mut same = tokio::spawn(write(first, 2));
        let waited = tokio::time::timeout(std::time::Duration::from_millis(300), &mut same).await;
        assert!(waited.is_err(), "the first organisation's next writer waits for its open transaction");
        open.commit().await.expect("committed");
        same.await.expect("the waiting writer goes on");
    } else {
        for (organisation, n) in [(first, 0), (second, 1), (first, 2)] {
            write(organisation, n).await;
        }
    }
    let chained: Vec<(i64, i64)> =
        sqlx::query_as("SELECT chain, chain_seq FROM audit_log WHERE action = 'test.write' ORDER BY seq")
            .fetch_all(app.state.store.pool())
            .await
            .expect("rows");
    let of_first: Vec<i64> = chained.iter().filter(|(chain, _)| *chain == first).map(|(_, n)| *n).collect();
    assert_eq!(of_first, [1, 2], "the first organisation's chain, in the order its rows committed");
    assert_eq!(chained.iter().filter(|(chain, _)| *chain == second).count(), 1);
    assert!(matches!(verify(&app.state.store, Vec::new()).await, Ok(Ok(_))), "the chains hold");
}
