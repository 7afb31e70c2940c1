//! The policy as people meet it over HTTP: which pages each role opens, audited
//! denials, the navigation, and role changes that take effect at once.

use crate::common::{csrf_in, hrefs, input_value, location, nav_of, Browser, TestApp};
use reqwest::StatusCode;

const ROLES: [&str; 6] = ["admin", "coordinator", "group_leader", "secretary", "user_representative", "analyst"];

/// Admin pages and the policy action a refusal of each is audited under.
const ADMIN_PAGES: [(&str, &str); 4] = [
    ("/admin/users", "manage_users"),
    ("/admin/users/new", "manage_users"),
    ("/admin/organisation", "manage_organisation_settings"),
    ("/admin/audit", "view_audit_log"),
];

const ADMIN_LINKS: [&str; 3] = ["/admin/users", "/admin/organisation", "/admin/audit"];

#[tokio::test]
async fn admin_pages_open_for_admins_only_and_refusals_are_audited() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    for role in ROLES {
        let email = format!("{role}@example.no");
        let id = app.add_user("org-a", &email, role).await;
        let browser = app.logged_in(&email).await;
        for (page, action) in ADMIN_PAGES {
            let denied_before = app.audit_count(action, None, "denied", Some(id)).await;
            let response = browser.get(page).await;
            let status = response.status();
            let content_type =
                response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            let body = response.text().await.unwrap();
            let denied_after = app.audit_count(action, None, "denied", Some(id)).await;
            if role == "admin" {
                assert_eq!(status, StatusCode::OK, "{role} opens {page}");
                assert_eq!(denied_after, denied_before, "{role} on {page}: nothing denied");
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{role} is refused {page}");
                assert!(content_type.starts_with("text/html"), "{role} on {page}: an HTML page ({content_type})");
                assert!(body.contains("<html") && body.contains("lang=\"nb\""), "{role} on {page}: a full page");
                assert_eq!(denied_after, denied_before + 1, "{role} on {page}: one audit row with outcome denied");
            }
        }
    }
    // The denied rows name who and which role.
    let (role_of_denied,): (Option<String>,) = app.row(
        "SELECT actor_role FROM audit_log WHERE outcome = 'denied' AND action = 'view_audit_log' ORDER BY seq LIMIT 1",
        (),
    )
    .await;
    assert_eq!(role_of_denied.as_deref(), Some("coordinator"));
    let denied_total: i64 = app.scalar("SELECT COUNT(*) FROM audit_log WHERE outcome = 'denied'", ()).await;
    assert_eq!(denied_total, 5 * 4, "five roles, four pages each");
}

#[tokio::test]
async fn the_navigation_shows_only_what_the_role_may_use() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    for role in ROLES {
        let email = format!("{role}@example.no");
        app.add_user("org-a", &email, role).await;
        let browser = app.logged_in(&email).await;
        let (status, home) = browser.get_html("/").await;
        assert_eq!(status, StatusCode::OK);
        let nav = hrefs(&nav_of(&home));
        let page = hrefs(&home);
        assert!(nav.contains(&"/".to_string()) && nav.contains(&"/account".to_string()), "{role}: {nav:?}");
        for link in ADMIN_LINKS {
            if role == "admin" {
                assert!(nav.contains(&link.to_string()), "{role} sees {link} in {nav:?}");
                assert!(page.contains(&link.to_string()), "{role} has {link} among the tasks");
            } else {
                assert!(!page.iter().any(|href| href.starts_with(link)), "{role} must not be offered {link}: {page:?}");
            }
        }
        // Home and account for everyone, plus one link per area the policy opens.
        let roles = samla_domain::RoleSet::new(vec![samla_domain::Role::parse(role).unwrap()]);
        let areas = [
            (samla_domain::Action::ViewProgrammes, "/programmes"),
            (samla_domain::Action::ViewCourses, "/courses"),
            (samla_domain::Action::ManageIntake, "/intake"),
            (samla_domain::Action::ReportConcerns, "/concerns"),
            (samla_domain::Action::ManageUsers, "/admin/users"),
            (samla_domain::Action::ManageOrganisationSettings, "/admin/organisation"),
            (samla_domain::Action::ViewAuditLog, "/admin/audit"),
            (samla_domain::Action::ViewAggregateStatistics, "/statistics"),
        ];
        for (action, link) in areas {
            assert_eq!(nav.contains(&link.to_string()), roles.may(action), "{role}: {link} in {nav:?}");
        }
        // The outbox is the whole organisation's: only intake for the whole organisation opens it.
        let sees_outbox = samla_web::services::outbox::may_see_outbox(&roles);
        assert_eq!(nav.contains(&"/outbox".to_string()), sees_outbox, "{role}: /outbox in {nav:?}");
        // The staff directory for those who staff courses; administrators have People.
        let sees_staff =
            roles.may(samla_domain::Action::ViewStaffDirectory) && !roles.may(samla_domain::Action::ManageUsers);
        assert_eq!(nav.contains(&"/staff".to_string()), sees_staff, "{role}: /staff in {nav:?}");
        // "Today" goes with the courses.
        let sees_today = roles.may(samla_domain::Action::ViewCourses);
        assert_eq!(nav.contains(&"/today".to_string()), sees_today, "{role}: /today in {nav:?}");
        // Those who record sessions find Today first among their tasks, and the retention
        // rules go to those who manage them.
        let tasks = hrefs(&home[home.find("id=\"tasks-heading\"").expect("tasks")..]);
        let records = roles.may(samla_domain::Action::RecordSessionWork);
        assert_eq!(tasks.first().map(String::as_str) == Some("/today"), records, "{role}: {tasks:?}");
        let retention = roles.may(samla_domain::Action::ManageRetention);
        assert_eq!(tasks.contains(&"/retention".to_string()), retention, "{role}: {tasks:?}");
        let expected = 2
            + usize::from(sees_today)
            + areas.iter().filter(|(action, _)| roles.may(*action)).count()
            + usize::from(sees_outbox)
            + usize::from(sees_staff);
        assert_eq!(nav.len(), expected, "{role}: {nav:?}");
    }
}

/// The admin's form for one person: sets name, roles and the disabled box.
async fn save_member(admin: &Browser, id: i64, roles: &[&str], disabled: bool) -> reqwest::Response {
    let page = format!("/admin/users/{id}");
    let (status, html) = admin.get_html(&page).await;
    assert_eq!(status, StatusCode::OK);
    let csrf = csrf_in(&html);
    let version = input_value(&html, "version").expect("version field");
    let name = input_value(&html, "name").expect("name field");
    let mut fields = vec![("csrf", csrf.as_str()), ("version", version.as_str()), ("name", name.as_str())];
    for role in roles {
        fields.push(("roles", role));
    }
    if disabled {
        fields.push(("disabled", "1"));
    }
    let response = admin.post_form(&page, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "the admin's change is saved");
    assert_eq!(location(&response), format!("/admin/users/{id}?saved=saved"));
    response
}

#[tokio::test]
async fn removing_a_role_ends_the_persons_live_session_at_once() {
    let app = TestApp::spawn_with_user("admin@example.no", "admin").await;
    let kari = app.add_user_with_roles("org-a", "kari@example.no", &["coordinator", "secretary"]).await;
    let admin = app.logged_in("admin@example.no").await;
    let person = app.logged_in("kari@example.no").await;
    let other_device = app.logged_in("kari@example.no").await;
    assert_eq!(person.get("/").await.status(), StatusCode::OK);

    // Adding a role leaves the sessions alone.
    save_member(&admin, kari, &["coordinator", "secretary", "analyst"], false).await;
    assert_eq!(person.get("/").await.status(), StatusCode::OK, "a new role does not log anyone out");

    save_member(&admin, kari, &["coordinator", "analyst"], false).await;
    for browser in [&person, &other_device] {
        let response = browser.get("/").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "the session ended with the role");
        assert!(location(&response).starts_with("/login"));
    }
    assert_eq!(admin.get("/").await.status(), StatusCode::OK, "the admin stays logged in");
    // Logging in again works, with the remaining roles.
    let again = app.logged_in("kari@example.no").await;
    let (_, home) = again.get_html("/").await;
    let roles = crate::common::strip_tags(
        &home[home.find("id=\"roles-heading\"").unwrap()..home.find("id=\"tasks-heading\"").unwrap()],
    );
    assert!(roles.contains("Koordinator") && roles.contains("Analytiker"), "{roles}");
    assert!(!roles.contains("Sekretær"), "{roles}");
}

#[tokio::test]
async fn disabling_an_account_ends_its_sessions_and_stops_its_token() {
    let app = TestApp::spawn_with_user("admin@example.no", "admin").await;
    let kari = app.add_user("org-a", "kari@example.no", "coordinator").await;
    let token = app.token_for("kari@example.no").await;
    let api = app.api(&token);
    assert_eq!(api.get("/me").await.status(), StatusCode::OK);
    let admin = app.logged_in("admin@example.no").await;
    let person = app.logged_in("kari@example.no").await;

    save_member(&admin, kari, &["coordinator"], true).await;
    let response = person.get("/").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/login"));
    let sessions: i64 = app.scalar("SELECT COUNT(*) FROM login_sessions WHERE user_id = $1", (kari,)).await;
    assert_eq!(sessions, 0, "no session of a disabled account is left");
    assert_eq!(api.get("/me").await.status(), StatusCode::UNAUTHORIZED, "the token stops at once");
    assert_eq!(
        app.browser().login("kari@example.no", crate::common::PASSWORD).await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // Enabled again, the token works again and the person can log in.
    save_member(&admin, kari, &["coordinator"], false).await;
    assert_eq!(api.get("/me").await.status(), StatusCode::OK);
    app.logged_in("kari@example.no").await;
}

#[tokio::test]
async fn an_admin_cannot_remove_their_own_admin_role() {
    let app = TestApp::spawn().await;
    app.relax_second_factor("org-a").await;
    let id = app.add_user("org-a", "admin@example.no", "admin").await;
    let admin = app.logged_in("admin@example.no").await;
    let page = format!("/admin/users/{id}");
    let (_, html) = admin.get_html(&page).await;
    let csrf = csrf_in(&html);
    let version = input_value(&html, "version").unwrap();
    let response = admin
        .post_form(&page, &[("csrf", &csrf), ("version", &version), ("name", "Ada"), ("roles", "coordinator")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(crate::common::error_summary(&response.text().await.unwrap()).is_some());
    assert_eq!(admin.get("/admin/users").await.status(), StatusCode::OK, "still an admin");
}
