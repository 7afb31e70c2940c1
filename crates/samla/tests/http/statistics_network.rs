//! A programme's network and its statistics releases over HTTP: an owner shares a
//! programme, a municipality joins its network and runs courses of it, the owner publishes
//! the year, and readers of aggregate statistics see the tables with small groups hidden,
//! at every level, in a correction too.

use crate::common::running::{child_application, course_form, enrol_application};
use crate::common::{actor_in, Api, TestApp};
use reqwest::{Method, StatusCode};
use samla_domain::Role;
use samla_web::services::courses as course_service;
use samla_web::services::intake::ApplicationForm;
use serde_json::{json, Value};

const OWNER: &str = "org-a";
const MEMBER: &str = "org-b";
const OUTSIDER: &str = "org-c";

fn day(text: &str) -> chrono::NaiveDate {
    text.parse().expect("a date")
}

/// Every line of a table: the rows and the total.
fn lines(table: &Value) -> Vec<Vec<Option<u64>>> {
    let line = |l: &Value| l["cells"].as_array().expect("cells").iter().map(Value::as_u64).collect::<Vec<_>>();
    let mut all: Vec<_> = table["rows"].as_array().expect("rows").iter().map(line).collect();
    all.push(line(&table["total"]));
    all
}

/// No published count of persons is 1–4, and no line hides exactly one cell (which its
/// total and the other cells would tell).
fn assert_safe(table: &Value, what: &str) {
    for cells in lines(table) {
        for figure in cells.iter().flatten() {
            assert!(*figure == 0 || *figure >= 5, "{what}: published {figure}: {table}");
        }
        let hidden = cells.iter().filter(|c| c.is_none()).count();
        assert_ne!(hidden, 1, "{what}: one hidden cell in a line can be worked out: {cells:?}");
    }
}

/// The owner's Mestringsgrupper, shared with everyone; its id.
async fn shared_programme(app: &TestApp) -> i64 {
    let programme: i64 = app
        .scalar(
            "SELECT p.id FROM programmes p JOIN organisations o ON o.id = p.organisation_id
             WHERE o.slug = $1 AND p.slug = 'mestringsgrupper'",
            (OWNER,),
        )
        .await;
    app.execute("UPDATE programmes SET shared = 1 WHERE id = $1", (programme,)).await;
    programme
}

/// The member's coordinator, for seeding its courses through the services.
async fn member_coordinator(app: &TestApp, user_id: i64) -> samla_web::auth::Actor {
    let roles = vec![Role::Coordinator];
    actor_in(app, MEMBER, user_id, "coordinator@b.test", "coordinator@b.test", roles, "test-seed").await
}

#[tokio::test]
async fn a_network_publishes_a_year_with_small_groups_hidden_at_every_level_and_in_a_correction() {
    let app = TestApp::spawn().await;
    app.add_organisation(MEMBER, "Voss kommune", "NO").await;
    app.add_organisation(OUTSIDER, "Kommune C", "NO").await;
    let (_, owner_admin) = app.admin_api(OWNER, "admin@a.test").await;
    let (_, member_admin) = app.admin_api(MEMBER, "admin@b.test").await;
    let owner_coordinator_id = app.add_user(OWNER, "coordinator@a.test", "coordinator").await;
    let owner = app.api(&app.token_for("coordinator@a.test").await);
    app.add_user(OWNER, "analyst@a.test", "analyst").await;
    let analyst = app.api(&app.token_for("analyst@a.test").await);
    let member_coordinator_id = app.add_user(MEMBER, "coordinator@b.test", "coordinator").await;
    let member = app.api(&app.token_for("coordinator@b.test").await);
    app.add_user(OUTSIDER, "coordinator@c.test", "coordinator").await;
    let outsider = app.api(&app.token_for("coordinator@c.test").await);

    // Where each organisation stands; a Danish region is not a Norwegian one.
    let placement = |kind: &str, region: &str| json!({ "kind": kind, "region": region });
    let (status, problem) = Api::json_of(
        owner_admin.send_json(Method::PUT, "/organisations/org-a/placement", &placement("nation", "oslo")).await,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "a kind not in the document's list: {problem}");
    assert!(problem["detail"].as_str().is_some_and(|d| d.contains("kind")), "names the field: {problem}");
    let danish = owner_admin
        .send_json(Method::PUT, "/organisations/org-a/placement", &placement("national_centre", "hovedstaden"))
        .await;
    assert_eq!(danish.status(), StatusCode::UNPROCESSABLE_ENTITY);
    for (api, org, kind, region) in
        [(&owner_admin, OWNER, "national_centre", "oslo"), (&member_admin, MEMBER, "municipality", "vestland")]
    {
        let path = format!("/organisations/{org}/placement");
        let saved = api.send_json(Method::PUT, &path, &placement(kind, region)).await;
        assert_eq!(saved.status(), StatusCode::NO_CONTENT, "{org}");
    }

    // The owner shares its Mestringsgrupper; the member joins that programme's network.
    let programme = shared_programme(&app).await;
    let network = |org: &str| format!("/organisations/{org}/programmes/{programme}/network");
    let own = owner.request(Method::POST, &network(OWNER)).send().await.expect("request");
    assert_eq!(own.status(), StatusCode::CONFLICT, "the owner does not join its own network");
    let unplaced = outsider.request(Method::POST, &network(OUTSIDER)).send().await.expect("request");
    assert_eq!(unplaced.status(), StatusCode::CONFLICT, "no region, no membership");
    let joined = member.request(Method::POST, &network(MEMBER)).send().await.expect("request");
    assert_eq!(joined.status(), StatusCode::NO_CONTENT);
    let again = member.request(Method::POST, &network(MEMBER)).send().await.expect("request");
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let members = owner.get_ok(&network(OWNER)).await;
    assert_eq!(members["members"][0]["slug"], "org-b", "{members}");
    let (status, _) = outsider.get_json(&network(OUTSIDER)).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "an organisation outside the network sees nothing of it");

    // The member runs two courses of the programme in 2025: twelve children in spring,
    // three in autumn.
    let coordinator = member_coordinator(&app, member_coordinator_id).await;
    let mut courses = Vec::new();
    for (name, start, children) in [("Vår", "2025-03-03", 12), ("Høst", "2025-09-01", 3)] {
        let form = course_form(&programme.to_string(), name, ("Skolen", "Rom 1"), day(start), "15:00");
        let course = course_service::create(&app.state, &coordinator, &programme.to_string(), &form)
            .await
            .expect("a course of the shared programme");
        app.execute("UPDATE courses SET status = 'recruiting' WHERE id = $1", (course,)).await;
        for i in 0..children {
            let child = child_application(course, (&format!("Barn {name} {i}"), "2016-05-01"), "Forelder", "", false);
            // Every third family does not state the child's sex.
            let sex = ["female", "male", ""][i % 3];
            let child = ApplicationForm { participant_sex: sex.into(), ..child };
            enrol_application(&app, &coordinator, course, &child).await;
        }
        app.execute("UPDATE courses SET status = 'completed' WHERE id = $1", (course,)).await;
        courses.push(course);
    }
    let _ = owner_coordinator_id;

    // The owner follows the network's work: each organisation's certified leaders and
    // its courses of the programme (where, when, how far), never who takes part; a
    // member sees who is in the network, not the others' work.
    let leader = app.add_user(MEMBER, "leder@b.test", "group_leader").await;
    let certify = format!("/organisations/{MEMBER}/programmes/{programme}/certifications/{leader}");
    let certified = member.send_json(Method::PUT, &certify, &json!({ "certified_on": "2025-01-15" })).await;
    assert!(certified.status().is_success(), "{}", certified.status());
    let followed = owner.get_ok(&network(OWNER)).await;
    assert_eq!(followed["members"][0]["certified_leaders"], 1, "{followed}");
    assert_eq!(followed["own_certified_leaders"], 0, "{followed}");
    let courses_run: Vec<(&str, &str, &str)> = followed["courses"]
        .as_array()
        .expect("the owner sees the network's courses")
        .iter()
        .map(|c| (c["organisation"].as_str().unwrap(), c["name"].as_str().unwrap(), c["status"].as_str().unwrap()))
        .collect();
    assert_eq!(courses_run, [(MEMBER, "Vår", "completed"), (MEMBER, "Høst", "completed")], "{followed}");
    assert!(!followed.to_string().contains("Barn "), "no participant: {followed}");
    let as_member = member.get_ok(&network(MEMBER)).await;
    assert_eq!(as_member["courses"], Value::Null, "{as_member}");
    assert_eq!(as_member["members"][0]["certified_leaders"], Value::Null, "{as_member}");

    // Only the owner publishes, and only a year that is over.
    let releases = format!("/organisations/org-a/programmes/{programme}/statistics/releases");
    let open = owner.send_json(Method::POST, &releases, &json!({ "year": 2026 })).await;
    assert_eq!(open.status(), StatusCode::UNPROCESSABLE_ENTITY, "2026 is not over");
    let by_member = member
        .send_json(
            Method::POST,
            &format!("/organisations/org-b/programmes/{programme}/statistics/releases"),
            &json!({ "year": 2025 }),
        )
        .await;
    assert_eq!(by_member.status(), StatusCode::NOT_FOUND, "a member does not publish the owner's statistics");
    let (status, published) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025 })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    assert_eq!(published["number"], 1);

    // The tables, as the owner's analyst and the member's coordinator read them.
    let table = |org: &str, kind: &str, query: &str| {
        format!("/organisations/{org}/programmes/{programme}/statistics/releases/2025/tables/{kind}{query}")
    };
    let outcome = analyst.get_ok(&table(OWNER, "participants_by_outcome", "")).await;
    assert_eq!(outcome["total"]["cells"], json!([15, 0, 0, 15]), "fifteen children completed: {outcome}");
    let kinds = analyst.get_ok(&table(OWNER, "participants_by_service_kind", "")).await;
    assert_eq!(kinds["total"]["cells"], json!([15, 0, 0, 0, 0, 15]), "all in a municipality: {kinds}");
    let channels = analyst.get_ok(&table(OWNER, "participants_by_channel", "")).await;
    assert_eq!(channels["columns"].as_array().map(Vec::len), Some(19), "{channels}");
    assert_eq!(channels["total"]["cells"][17], 15, "staff applications record no channel: {channels}");
    let sexes = analyst.get_ok(&table(OWNER, "participants_by_sex", "")).await;
    assert_eq!(sexes["columns"], json!(["female", "male", "other", "unknown", "total"]), "{sexes}");
    assert_eq!(sexes["total"]["cells"][4], 15, "{sexes}");
    // The applications came after the courses started (the test's clock is today's):
    // each counts as a wait of up to 30 days.
    let waits = analyst.get_ok(&table(OWNER, "participants_by_wait", "")).await;
    assert_eq!(waits["total"]["cells"], json!([15, 0, 0, 0, 0, 15]), "{waits}");
    let vestland = analyst.get_ok(&table(OWNER, "participants_by_age", "?level=region:vestland")).await;
    assert_eq!(vestland["rows"][0]["name"], "Voss kommune", "{vestland}");
    let autumn =
        member.get_ok(&table(MEMBER, "participants_by_age", "?level=region:vestland&period=2025-autumn")).await;
    let autumn_total = autumn["total"]["cells"].as_array().expect("cells").last().cloned();
    assert_eq!(autumn_total, Some(Value::Null), "three children in the autumn are not shown: {autumn}");
    let courses_table = analyst.get_ok(&table(OWNER, "courses_by_status", "?period=2025-autumn")).await;
    assert_eq!(courses_table["total"]["cells"], json!([0, 0, 1, 0, 1]), "courses are counted as they are");
    for kind in [
        "participants_by_age",
        "participants_by_outcome",
        "participants_by_channel",
        "participants_by_service_kind",
        "participants_by_sex",
        "participants_by_wait",
    ] {
        for level in ["nation", "region:vestland", "region:oslo"] {
            for period in ["2025", "2025-spring", "2025-autumn"] {
                let read = analyst.get_ok(&table(OWNER, kind, &format!("?level={level}&period={period}"))).await;
                assert_safe(&read, &format!("{kind} {level} {period}"));
            }
        }
    }
    for bad in ["?level=region:hordaland", "?level=organisation:999999", "?period=2024", "?period=2025-winter"] {
        let (status, _) = analyst.get_json(&table(OWNER, "participants_by_age", bad)).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
    }
    let (status, _) = outsider.get_json(&table(OUTSIDER, "participants_by_age", "")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "outside the network");

    // Five more children registered late in the autumn: the correction keeps the autumn
    // hidden, so comparing the releases does not tell the first count.
    app.execute("UPDATE courses SET status = 'recruiting' WHERE id = $1", (courses[1],)).await;
    for i in 0..5 {
        let child = child_application(courses[1], (&format!("Sen {i}"), "2016-05-01"), "Forelder", "", false);
        enrol_application(&app, &coordinator, courses[1], &child).await;
    }
    app.execute("UPDATE courses SET status = 'completed' WHERE id = $1", (courses[1],)).await;
    let (status, corrected) = Api::json_of(
        owner.send_json(Method::POST, &releases, &json!({ "year": 2025, "note": "Sene registreringer" })).await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{corrected}");
    assert_eq!(corrected["number"], 2);
    let later = analyst.get_ok(&table(OWNER, "participants_by_age", "?level=region:vestland&period=2025-autumn")).await;
    assert_eq!(later["release"], 2);
    assert_eq!(later["total"]["cells"].as_array().and_then(|c| c.last().cloned()), Some(Value::Null));
    let first = analyst
        .get_ok(&table(OWNER, "participants_by_age", "?level=region:vestland&period=2025-autumn&release=1"))
        .await;
    assert_eq!(first["release"], 1, "the first release stays as published");
    if later["as_first_published"] == true {
        assert_eq!(later["rows"], first["rows"], "a table the correction could not change stands as first published");
    } else {
        assert_eq!(later["as_first_published"], false, "{later}");
    }
    let listed = analyst.get_ok(&releases).await;
    assert_eq!(listed.as_array().map(Vec::len), Some(2), "{listed}");
    assert_eq!(listed[0]["note"], "Sene registreringer", "the newest first, with its note");
    assert_eq!(listed[1]["note"], "");
    // Year by year: the latest release's figures at the network's line, as its tables say.
    let trend = analyst.get_ok(&format!("/organisations/org-a/programmes/{programme}/statistics/trend")).await;
    let latest = analyst.get_ok(&table(OWNER, "participants_by_outcome", "")).await;
    assert_eq!(trend.as_array().map(Vec::len), Some(1), "{trend}");
    assert_eq!(trend[0]["year"], 2025);
    assert_eq!(trend[0]["courses"], 2, "{trend}");
    assert_eq!(trend[0]["participants"], latest["total"]["cells"][3], "{trend} {latest}");
    assert_eq!(trend[0]["dropped_out"], latest["total"]["cells"][1], "{trend} {latest}");
    assert_eq!(app.audit_count("statistics.publish", None, "success", None).await, 2);

    // Leaving: the owner cannot, an organisation outside is told it is not a member (the
    // programme is there; only the membership is missing), the member leaves once.
    let leave = |client: &Api, org: &str| client.request(Method::DELETE, &network(org)).send();
    let status = |sent: Result<reqwest::Response, reqwest::Error>| sent.expect("request").status();
    assert_eq!(status(leave(&owner, OWNER).await), StatusCode::CONFLICT, "the owner does not leave its own network");
    assert_eq!(status(leave(&outsider, OUTSIDER).await), StatusCode::CONFLICT, "not a member");
    assert_eq!(status(leave(&member, MEMBER).await), StatusCode::NO_CONTENT);
    assert_eq!(status(leave(&member, MEMBER).await), StatusCode::CONFLICT, "left already");
    let (read, _) = member.get_json(&table(MEMBER, "participants_by_age", "")).await;
    assert_eq!(read, StatusCode::NOT_FOUND, "a former member no longer reads the network's figures");
    assert_eq!(app.audit_count("network.leave", None, "success", None).await, 1);
}

/// The same network through the pages: the administrator places the organisation, the
/// member's coordinator joins from the statistics page, the owner's coordinator publishes
/// from it (a year not over is named), and the analyst reads the table and its CSV.
#[tokio::test]
async fn the_statistics_pages_join_publish_and_show_a_table_with_small_groups_hidden() {
    let app = TestApp::spawn().await;
    app.add_organisation(MEMBER, "Voss kommune", "NO").await;
    for org in [OWNER, MEMBER] {
        app.relax_second_factor(org).await;
    }
    app.add_user(MEMBER, "admin@b.test", "admin").await;
    app.add_user(OWNER, "coordinator@a.test", "coordinator").await;
    let member_coordinator_id = app.add_user(MEMBER, "coordinator@b.test", "coordinator").await;
    app.add_user(OWNER, "analyst@a.test", "analyst").await;
    app.execute("UPDATE organisations SET region = 'oslo' WHERE slug = $1", (OWNER,)).await;
    let programme = shared_programme(&app).await;

    // The member's administrator sets its kind and region on the settings page.
    let admin = app.logged_in("admin@b.test").await;
    let (_, settings) = admin.get_html("/admin/organisation").await;
    let version = crate::common::input_value(&settings, "version").expect("version");
    let saved = admin
        .submit(
            "/admin/organisation",
            "/admin/organisation",
            &[("name", "Voss kommune"), ("version", &version), ("kind", "municipality"), ("region", "hovedstaden")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::UNPROCESSABLE_ENTITY, "a Danish region for a Norwegian municipality");
    let page = saved.text().await.expect("page");
    assert!(page.contains("id=\"region-error\""), "the region is named");
    let saved = admin
        .submit(
            "/admin/organisation",
            "/admin/organisation",
            &[("name", "Voss kommune"), ("version", &version), ("kind", "municipality"), ("region", "vestland")],
        )
        .await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let region: Option<String> = app.scalar("SELECT region FROM organisations WHERE slug = $1", (MEMBER,)).await;
    assert_eq!(region.as_deref(), Some("vestland"));

    // The member's coordinator joins from the statistics page.
    let member = app.logged_in("coordinator@b.test").await;
    let (_, overview) = member.get_html("/statistics").await;
    assert!(overview.contains("id=\"joinable\""), "shared programmes to join are offered");
    let joined = member.submit("/statistics", "/statistics/join", &[("programme", &programme.to_string())]).await;
    assert_eq!(joined.status(), StatusCode::SEE_OTHER);
    let (_, overview) = member.get_html("/statistics").await;
    assert!(crate::common::section(&overview, "networks", "</ul>").contains("Mestringsgrupper"), "{overview}");

    // Three children on a course in the autumn of 2025.
    let coordinator = member_coordinator(&app, member_coordinator_id).await;
    let form = course_form(&programme.to_string(), "Høst", ("Skolen", "Rom 1"), day("2025-09-01"), "15:00");
    let course = course_service::create(&app.state, &coordinator, &programme.to_string(), &form).await.expect("course");
    app.execute("UPDATE courses SET status = 'recruiting' WHERE id = $1", (course,)).await;
    for i in 0..3 {
        let child = child_application(course, (&format!("Barn {i}"), "2016-05-01"), "Forelder", "", false);
        enrol_application(&app, &coordinator, course, &child).await;
    }

    // The owner's coordinator publishes; a year not over is named on the form.
    let owner = app.logged_in("coordinator@a.test").await;
    let id = programme.to_string();
    let open = owner.submit("/statistics", "/statistics/publish", &[("programme", &id), ("year", "2026")]).await;
    assert_eq!(open.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(open.text().await.expect("page").contains("id=\"year-error\""), "the year is named");
    let published = owner.submit("/statistics", "/statistics/publish", &[("programme", &id), ("year", "2025")]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    let table = crate::common::location(&published);
    assert!(table.starts_with(&format!("/statistics/{programme}/2025/participants_by_age")), "{table}");

    // The analyst reads it: Vestland's three children are hidden, the page says why.
    let analyst = app.logged_in("analyst@a.test").await;
    let (status, html) = analyst.get_html(&format!("{table}&level=region:vestland")).await;
    assert_eq!(status, StatusCode::OK);
    let shown = crate::common::section(&html, "statistics-table", "</table>");
    assert!(shown.contains("Voss kommune") && shown.contains("–"), "{shown}");
    assert!(!shown.contains(">3<"), "three children are not shown: {shown}");
    let csv = analyst
        .get(&format!("/statistics/{programme}/2025/participants_by_age?level=region:vestland&format=csv"))
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await.expect("CSV");
    let voss = csv.lines().find(|line| line.starts_with("Voss kommune")).expect("Voss's line");
    assert!(!voss.split(',').any(|cell| cell == "3"), "{voss}");
    let (status, _) =
        analyst.get_html(&format!("/statistics/{programme}/2025/participants_by_age?level=region:troms")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a region the release does not have");
    let (_, home) = analyst.get_html("/").await;
    let listed = crate::common::section(&home, "home-statistics", "</ul>");
    assert!(listed.contains(&format!("href=\"/statistics/{programme}\"")), "the analyst's home opens on it: {listed}");
    assert!(home.contains("action=\"/statistics/find\""), "with filters to open a table");
    let trend_line = crate::common::strip_tags(&listed);
    assert!(
        trend_line.contains("Deltakere per år: 2025: skjult"),
        "three children are not shown there either: {trend_line}"
    );
    let own_id: i64 = app.scalar("SELECT id FROM organisations WHERE slug = $1", (OWNER,)).await;
    for (query, to) in [
        (
            "year=2025&period=autumn&table=participants_by_sex&level=own",
            format!("/statistics/{programme}/2025/participants_by_sex?level=organisation:{own_id}&period=2025-autumn"),
        ),
        (
            "year=2025&period=year&table=participants_by_age&level=regions",
            format!("/statistics/{programme}/2025/participants_by_age?level=region:oslo&period=2025"),
        ),
        (
            "year=2025&period=spring&table=courses_by_status&level=nation",
            format!("/statistics/{programme}/2025/courses_by_status?level=nation&period=2025-spring"),
        ),
        ("year=2025&table=outcome-change", format!("/statistics/{programme}/2025/outcome-change")),
        ("year=2024&table=participants_by_age", format!("/statistics/{programme}")),
    ] {
        let found = analyst.get(&format!("/statistics/find?programme={programme}&{query}")).await;
        assert_eq!(found.status(), StatusCode::SEE_OTHER, "{query}");
        assert_eq!(crate::common::location(&found), to, "{query}");
    }
    let nothing = analyst.get("/statistics/find?programme=999999&year=2025&table=participants_by_age").await;
    assert_eq!(nothing.status(), StatusCode::NOT_FOUND, "a programme not to be seen");
    let (_, programme_page) = analyst.get_html(&format!("/statistics/{programme}")).await;
    assert!(programme_page.contains("Voss kommune"), "the owner sees who is in the network");
    let courses = crate::common::section(&programme_page, "courses-heading", "</section>");
    let courses = crate::common::strip_tags(&courses);
    assert!(courses.contains("Høst") && courses.contains("Rekrutterer"), "and its courses: {courses}");
    assert!(!programme_page.contains("Barn 0"), "never who takes part");
    let trend = crate::common::section(&programme_page, "trend-table", "</table>");
    assert!(crate::common::strip_tags(&trend).contains("2025"), "the year in the trend: {trend}");
    assert!(programme_page.contains("id=\"trend-chart-title\""), "with its chart");
    let (_, table_page) = analyst.get_html(&format!("{table}&level=region:vestland")).await;
    assert!(table_page.contains("id=\"table-chart-title\""), "a chart beside the table");
}

/// Unix seconds of a moment in UTC (the test's moments are days from a term's start, so
/// Oslo's offset does not matter).
fn utc(text: &str) -> i64 {
    chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a moment").and_utc().timestamp()
}

/// The member's network set up by SQL: placed, joined, the programme shared; its id.
async fn joined_network(app: &TestApp) -> i64 {
    app.add_organisation(MEMBER, "Voss kommune", "NO").await;
    app.execute("UPDATE organisations SET region = 'oslo', kind = 'national_centre' WHERE slug = $1", (OWNER,)).await;
    app.execute("UPDATE organisations SET region = 'vestland' WHERE slug = $1", (MEMBER,)).await;
    let programme = shared_programme(app).await;
    app.execute(
        "INSERT INTO programme_network_members (programme_id, organisation_id, joined_at, joined_by)
         SELECT $1, o.id, $2, NULL FROM organisations o WHERE o.slug = $3",
        (programme, app.now(), MEMBER),
    )
    .await;
    programme
}

#[tokio::test]
async fn attendance_the_waitlist_at_each_term_start_and_the_leaders_are_counted() {
    let app = TestApp::spawn().await;
    let programme = joined_network(&app).await;
    let member_coordinator_id = app.add_user(MEMBER, "coordinator@b.test", "coordinator").await;
    app.add_user(OWNER, "coordinator@a.test", "coordinator").await;
    let owner = app.api(&app.token_for("coordinator@a.test").await);
    let coordinator = member_coordinator(&app, member_coordinator_id).await;

    // Twelve children in the spring: six came to all four recorded sessions, six to two.
    let form = course_form(&programme.to_string(), "Vår", ("Skolen", "Rom 1"), day("2025-03-03"), "15:00");
    let course = course_service::create(&app.state, &coordinator, &programme.to_string(), &form).await.expect("course");
    app.execute("UPDATE courses SET status = 'recruiting' WHERE id = $1", (course,)).await;
    let mut children = Vec::new();
    for i in 0..12 {
        let child = child_application(course, (&format!("Barn {i}"), "2016-05-01"), "Forelder", "", false);
        children.push(enrol_application(&app, &coordinator, course, &child).await);
    }
    let sessions: Vec<i64> = app
        .scalars(
            "SELECT id FROM course_sessions WHERE course_id = $1 AND kind = 'session' ORDER BY date, id LIMIT 4",
            (course,),
        )
        .await;
    assert_eq!(sessions.len(), 4, "the course has four sessions to record");
    for (n, session) in sessions.iter().enumerate() {
        for (i, child) in children.iter().enumerate() {
            let attendance = match (i < 6, n % 2) {
                (true, _) => ["present", "late", "left_early", "present"][n],
                (false, 0) => "present",
                (false, _) => ["absent_with_notice", "absent_without_notice"][i % 2],
            };
            app.execute(
                "INSERT INTO attendance_entries (session_id, participant_id, attendance) VALUES ($1, $2, $3)",
                (*session, *child, attendance),
            )
            .await;
        }
    }

    // Eight children waited from November 2024, so on 1 January; two got a place in
    // March, so six were still waiting on 1 July; the first applied twice and counts
    // once. One more withdrew in December 2024 and one applied in August: neither was
    // waiting at a term's start.
    let mut waiting = Vec::new();
    for i in 0..11 {
        let form = child_application(course, (&format!("Venter {i}"), "2015-02-01"), "Forelder", "", false);
        let receipt = samla_web::services::intake::applications::create(
            &app.state,
            &coordinator.organisation,
            samla_web::services::intake::applications::Origin::Staff { actor: &coordinator, via_api: false },
            &form,
        )
        .await
        .expect("an application");
        waiting.push(receipt.application_id);
    }
    let person_of_first: i64 = app.scalar("SELECT participant_id FROM applications WHERE id = $1", (waiting[0],)).await;
    app.execute("UPDATE applications SET participant_id = $1 WHERE id = $2", (person_of_first, waiting[8])).await;
    let step = |application: i64, at: &str, from: &str, to: &str| {
        let (application, at, from, to) = (application, utc(at), from.to_string(), to.to_string());
        let app = &app;
        async move {
            app.execute(
                "INSERT INTO application_events (application_id, at, stage_from, stage_to, note) VALUES ($1, $2, $3, $4, '')",
                (application, at, from, to),
            )
            .await;
        }
    };
    for (i, application) in waiting.iter().enumerate() {
        let applied = match i {
            10 => "2025-08-04 10:00",
            _ => "2024-11-01 10:00",
        };
        app.execute("UPDATE applications SET created_at = $1 WHERE id = $2", (utc(applied), *application)).await;
        app.execute("DELETE FROM application_events WHERE application_id = $1", (*application,)).await;
        step(*application, applied, "", "received").await;
        let listed = if i == 10 { "2025-08-05 09:00" } else { "2024-11-15 09:00" };
        step(*application, listed, "received", "waitlisted").await;
        match i {
            6 | 7 => step(*application, "2025-03-01 12:00", "waitlisted", "enrolled").await,
            9 => step(*application, "2024-12-20 12:00", "waitlisted", "withdrawn").await,
            _ => {}
        }
    }

    app.execute("UPDATE courses SET status = 'completed' WHERE id = $1", (course,)).await;

    // Three group leaders: one certified in January, one certified only after the course
    // started, one from outside; a coordinator on the course is no group leader.
    let certified = app.add_user(MEMBER, "leder1@b.test", "group_leader").await;
    let later = app.add_user(MEMBER, "leder2@b.test", "group_leader").await;
    let member_id: i64 = app.scalar("SELECT id FROM organisations WHERE slug = $1", (MEMBER,)).await;
    for (user, on) in [(certified, "2025-01-15"), (later, "2025-06-01")] {
        app.execute(
            "INSERT INTO certifications (user_id, programme_id, organisation_id, certified_on) VALUES ($1, $2, $3, $4)",
            (user, programme, member_id, on),
        )
        .await;
        app.execute(
            "INSERT INTO course_staff (course_id, user_id, course_role) VALUES ($1, $2, 'group_leader')",
            (course, user),
        )
        .await;
    }
    app.execute(
        "INSERT INTO course_staff (course_id, external_name, external_organisation, course_role)
         VALUES ($1, 'Kari Ekstern', 'BUP', 'group_leader')",
        (course,),
    )
    .await;
    app.execute(
        "INSERT INTO course_staff (course_id, user_id, course_role) VALUES ($1, $2, 'coordinator')",
        (course, member_coordinator_id),
    )
    .await;

    let releases = format!("/organisations/org-a/programmes/{programme}/statistics/releases");
    let (status, published) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025 })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    let table = |kind: &str, query: &str| {
        format!("/organisations/org-a/programmes/{programme}/statistics/releases/2025/tables/{kind}{query}")
    };

    let attendance = owner.get_ok(&table("participants_by_attendance", "")).await;
    assert_eq!(
        attendance["columns"],
        json!([
            "attended_all",
            "attended_75_99",
            "attended_50_74",
            "attended_under_50",
            "attended_none_recorded",
            "total"
        ])
    );
    assert_eq!(attendance["total"]["cells"], json!([6, 0, 6, 0, 0, 12]), "late and leaving early count: {attendance}");

    let leaders = owner.get_ok(&table("leaders_by_certification", "")).await;
    assert_eq!(leaders["columns"], json!(["certified", "not_certified", "external", "not_known", "total"]));
    assert_eq!(leaders["total"]["cells"], json!([1, 1, 1, 0, 3]), "staff counts are shown as they are: {leaders}");

    // Spring: nine applications of eight persons waited since November (61 days), the
    // withdrawn one did not. Autumn: six of them, now 242 days; the August one not yet.
    let spring = owner.get_ok(&table("waitlist_at_term_start", "?period=2025-spring")).await;
    assert_eq!(spring["columns"], json!(["days_0_30", "days_31_90", "days_91_180", "days_181_plus", "total"]));
    assert_eq!(spring["total"]["cells"], json!([0, 8, 0, 0, 8]), "{spring}");
    let autumn = owner.get_ok(&table("waitlist_at_term_start", "?period=2025-autumn")).await;
    assert_eq!(autumn["total"]["cells"], json!([0, 0, 0, 6, 6]), "{autumn}");
    let year = owner.get_ok(&table("waitlist_at_term_start", "")).await;
    assert_eq!(year["total"]["cells"], json!([0, 8, 0, 6, 14]), "a year adds its two term starts: {year}");
    for kind in ["participants_by_attendance", "waitlist_at_term_start"] {
        for level in ["nation", "region:vestland"] {
            for period in ["2025", "2025-spring", "2025-autumn"] {
                let read = owner.get_ok(&table(kind, &format!("?level={level}&period={period}"))).await;
                assert_safe(&read, &format!("{kind} {level} {period}"));
            }
        }
    }

    // Three of the waiting find a place before the correction is published: the waitlist
    // was what it was at the terms' starts, so the correction counts the same.
    for application in &waiting[..3] {
        step(*application, "2026-11-02 12:00", "waitlisted", "enrolled").await;
    }
    let (status, corrected) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025, "note": "Ny" })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{corrected}");
    let again = owner.get_ok(&table("waitlist_at_term_start", "?period=2025-spring")).await;
    assert_eq!(again["total"], spring["total"], "{again}");
}

const PARENT_ITEMS: [&str; 6] =
    ["child-benefit", "child-met-others", "child-words", "own-benefit", "understanding", "openness"];
const STEPS: [&str; 5] = ["very-small", "small", "some", "large", "very-large"];

/// A parent's SMIL form with every scale item at `step` (1–5).
fn parent_answer(step: usize) -> samla_domain::questionnaires::answers::Answers {
    use samla_domain::questionnaires::answers::AnswerValue;
    PARENT_ITEMS.iter().map(|item| (item.to_string(), vec![AnswerValue::Choice(STEPS[step - 1].into())])).collect()
}

/// A course of the programme in `org` starting on `start` with `children` children, and
/// the parents' SMIL form before it and at its end about each child: `steps` gives each
/// child's (before, end). Returns the course and its two rounds.
async fn measured_course(
    app: &TestApp,
    coordinator: &samla_web::auth::Actor,
    programme: i64,
    start: &str,
    steps: &[(usize, usize)],
) -> (i64, i64, i64) {
    use crate::common::questionnaires::{add_round, version_of};
    let org = coordinator.organisation.id;
    let form = course_form(&programme.to_string(), &format!("Kurs {start}"), ("Skolen", "Rom 1"), day(start), "15:00");
    let course = course_service::create(&app.state, coordinator, &programme.to_string(), &form).await.expect("course");
    app.execute("UPDATE courses SET status = 'recruiting' WHERE id = $1", (course,)).await;
    let version = version_of(app, org, "smil-parents").await;
    let before = add_round(app, org, course, version, "guardians", "identified", "before").await;
    let end = add_round(app, org, course, version, "guardians", "identified", "end").await;
    add_children(app, coordinator, course, (before, end, version), steps).await;
    (course, before, end)
}

/// The course ends and its rounds' results are released.
async fn finish(app: &TestApp, course: i64) {
    app.execute("UPDATE questionnaire_rounds SET results_released_at = $1 WHERE course_id = $2", (app.now(), course))
        .await;
    app.execute("UPDATE courses SET status = 'completed' WHERE id = $1", (course,)).await;
}

/// Children enrolled on the course, with their parents' answers before and at the end.
async fn add_children(
    app: &TestApp,
    coordinator: &samla_web::auth::Actor,
    course: i64,
    (before, end, version): (i64, i64, i64),
    steps: &[(usize, usize)],
) {
    use crate::common::questionnaires::add_response;
    for (i, (then, now)) in steps.iter().enumerate() {
        let name = format!("Barn {course}-{i}");
        let child = child_application(course, (&name, "2016-05-01"), "Forelder", "", false);
        let child = enrol_application(app, coordinator, course, &child).await;
        add_response(app, before, version, Some(child), &parent_answer(*then)).await;
        add_response(app, end, version, Some(child), &parent_answer(*now)).await;
    }
}

/// A page as the owner's analyst reads it.
async fn analyst_page(app: &TestApp, path: &str) -> (StatusCode, String) {
    app.logged_in("analyst@a.test").await.get_html(path).await
}

/// The network, a coordinator at the owner and at the member (as API clients and as
/// actors for seeding), and the owner's analyst.
struct Seeded {
    programme: i64,
    owner: Api,
    analyst: Api,
    owner_actor: samla_web::auth::Actor,
    member_actor: samla_web::auth::Actor,
}

async fn seeded(app: &TestApp) -> Seeded {
    let programme = joined_network(app).await;
    let owner_id = app.add_user(OWNER, "coordinator@a.test", "coordinator").await;
    let member_id = app.add_user(MEMBER, "coordinator@b.test", "coordinator").await;
    app.add_user(OWNER, "analyst@a.test", "analyst").await;
    let analyst = app.api(&app.token_for("analyst@a.test").await);
    let owner = app.api(&app.token_for("coordinator@a.test").await);
    let roles = vec![Role::Coordinator];
    let owner_actor = actor_in(app, OWNER, owner_id, "coordinator@a.test", "coordinator@a.test", roles, "seed").await;
    let member_actor = member_coordinator(app, member_id).await;
    Seeded { programme, owner, analyst, owner_actor, member_actor }
}

#[tokio::test]
async fn outcome_change_is_pooled_across_the_networks_small_groups_and_a_small_correction_changes_nothing() {
    let app = TestApp::spawn().await;
    let Seeded { programme, owner, analyst, owner_actor, member_actor } = seeded(&app).await;
    app.relax_second_factor(OWNER).await;

    // Three children at the owner and three at the member: neither course can show its
    // change (under five), together they can. A child of the member's has no end answer.
    let own_steps = [(2, 4), (1, 2), (3, 4)];
    let member_steps = [(2, 3), (2, 5), (1, 1)];
    let (own_course, _, _) = measured_course(&app, &owner_actor, programme, "2025-02-03", &own_steps).await;
    finish(&app, own_course).await;
    let (member_course, before, _) = measured_course(&app, &member_actor, programme, "2025-09-01", &member_steps).await;
    let version: i64 = app.scalar("SELECT version_id FROM questionnaire_rounds WHERE id = $1", (before,)).await;
    let lonely = child_application(member_course, ("Uten svar", "2016-05-01"), "Forelder", "", false);
    let lonely = enrol_application(&app, &member_actor, member_course, &lonely).await;
    crate::common::questionnaires::add_response(&app, before, version, Some(lonely), &parent_answer(5)).await;
    finish(&app, member_course).await;

    let releases = format!("/organisations/org-a/programmes/{programme}/statistics/releases");
    let (status, published) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025 })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    let path = format!("/organisations/org-a/programmes/{programme}/statistics/releases/2025/outcome-change");
    let change = analyst.get_ok(&path).await;
    let measures = change["measures"].as_array().expect("measures");
    assert_eq!(measures.len(), 1, "one questionnaire, one audience, before and end: {change}");
    assert_eq!((measures[0]["audience"].as_str(), measures[0]["to"].as_str()), (Some("guardians"), Some("end")));
    let benefit = measures[0]["scales"].as_array().unwrap().iter().find(|s| s["scale"] == "benefit").expect("benefit");
    assert_eq!(benefit["pairs"], 6, "the pairs of both courses, not the child without an end answer: {benefit}");
    let pairs: Vec<samla_domain::reports::statistics::Pair> = own_steps
        .iter()
        .chain(&member_steps)
        .map(|(b, a)| samla_domain::reports::statistics::Pair { before: Some(*b as f64), after: Some(*a as f64) })
        .collect();
    let expected = samla_domain::reports::statistics::paired_change(&pairs).expect("pairs");
    assert_eq!(benefit["mean_change"].as_f64(), expected.mean_change);
    let ci = expected.confidence_interval.expect("an interval");
    assert_eq!((benefit["ci_lower"].as_f64(), benefit["ci_upper"].as_f64()), (Some(ci.lower), Some(ci.upper)));
    assert_eq!(benefit["cohens_dz"].as_f64(), expected.cohens_dz.ok());
    assert_eq!(benefit["as_first_published"], false);
    assert!(!change.to_string().contains("Barn "), "no person: {change}");

    // The same forms as evaluation answers: seven before (the child without an end
    // answer too), six at the end, from two courses; every count of 1–4 hidden.
    let evaluation_path = path.replace("outcome-change", "evaluation");
    let evaluation = analyst.get_ok(&evaluation_path).await;
    let forms = evaluation["questionnaires"].as_array().expect("questionnaires");
    let responses: Vec<(&str, u64, u64)> = forms
        .iter()
        .map(|q| (q["timing"].as_str().unwrap(), q["responses"].as_u64().unwrap(), q["courses"].as_u64().unwrap()))
        .collect();
    assert_eq!(responses, [("before", 7, 2), ("end", 6, 2)], "{evaluation}");
    for question in forms.iter().flat_map(|q| q["questions"].as_array().unwrap()) {
        let counts: Vec<Option<u64>> =
            question["options"].as_array().unwrap().iter().map(|o| o["count"].as_u64()).collect();
        for count in counts.iter().flatten() {
            assert!(*count == 0 || *count >= 5, "{question}");
        }
        let hidden = counts.iter().filter(|c| c.is_none()).count();
        assert_ne!(hidden, 1, "one hidden count beside its total tells itself: {question}");
        if hidden > 0 {
            assert_eq!((question["share_positive"].clone(), question["mean"].clone()), (Value::Null, Value::Null));
        }
    }
    let questions = forms[0]["questions"].as_array().unwrap();
    assert!(questions.iter().any(|q| q["link_id"] == "child-benefit"), "the form's questions: {evaluation}");
    assert!(!evaluation.to_string().contains("Barn "), "no person");
    let tables = path.replace("outcome-change", "tables/participants_by_age");
    for page in [&path, &evaluation_path, &tables] {
        for bad in ["0", "-1"] {
            let (status, _) = analyst.get_json(&format!("{page}?release={bad}")).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "release {bad} is none: {page}");
        }
    }
    let (status, html) = analyst_page(&app, &format!("/statistics/{programme}/2025/evaluation")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("evaluation-0-heading") && !html.contains("Barn "), "the page, with no person");

    // A late autumn course of two children whose end round closed after the release:
    // publishing both means would tell those two's change, so the correction keeps the
    // first figures.
    let (late, _, _) = measured_course(&app, &member_actor, programme, "2025-10-06", &[(1, 5), (1, 5)]).await;
    finish(&app, late).await;
    let (status, _) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025, "note": "Sene svar" })).await)
            .await;
    assert_eq!(status, StatusCode::CREATED);
    let corrected = analyst.get_ok(&path).await;
    assert_eq!(corrected["release"], 2);
    let kept = corrected["measures"][0]["scales"].as_array().unwrap().iter().find(|s| s["scale"] == "benefit").unwrap();
    assert_eq!((kept["pairs"].clone(), kept["mean_change"].clone()), (json!(6), benefit["mean_change"].clone()));
    assert_eq!(kept["as_first_published"], true, "{kept}");

    // The page and its CSV say the same; an outsider and a bad year see nothing.
    let browser = app.logged_in("analyst@a.test").await;
    let (status, html) = browser.get_html(&format!("/statistics/{programme}/2025/outcome-change?release=1")).await;
    assert_eq!(status, StatusCode::OK);
    let table = crate::common::section(&html, "measure-0-table", "</table>");
    let text = crate::common::strip_tags(&table);
    let label = benefit["label"]["nb"].as_str().expect("the scale's name in bokmål");
    assert!(text.contains(label) && text.contains(" 6 "), "the scale and its six pairs: {text}");
    assert!(html.contains("<svg") && html.contains("role=\"img\""), "a chart beside the table");
    let csv = browser.get(&format!("/statistics/{programme}/2025/outcome-change?release=1&format=csv")).await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await.expect("CSV");
    let rows = crate::common::parse_csv(&csv);
    assert!(rows.iter().any(|r| r.get(2).map(String::as_str) == Some("6")), "six pairs in the file: {csv}");
    for bad in [
        "/statistics/{p}/1999/outcome-change",
        "/statistics/{p}/2024/outcome-change",
        "/statistics/{p}/2025/outcome-change?release=x",
    ] {
        let (status, _) = browser.get_html(&bad.replace("{p}", &programme.to_string())).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
    }
}

/// A course of the programme in `org` starting on `start` with `children` children; the
/// course and its children's places.
async fn course_with_children(
    app: &TestApp,
    coordinator: &samla_web::auth::Actor,
    programme: i64,
    start: &str,
    children: usize,
) -> (i64, Vec<i64>) {
    let form = course_form(&programme.to_string(), &format!("Kurs {start}"), ("Skolen", "Rom 1"), day(start), "15:00");
    let course = course_service::create(&app.state, coordinator, &programme.to_string(), &form).await.expect("course");
    app.execute("UPDATE courses SET status = 'recruiting' WHERE id = $1", (course,)).await;
    let mut places = Vec::new();
    for i in 0..children {
        let child = child_application(course, (&format!("Barn {course}-{i}"), "2016-05-01"), "Forelder", "", false);
        places.push(enrol_application(app, coordinator, course, &child).await);
    }
    (course, places)
}

/// Records `marks[i]` for the i-th place at session `number` of the manual.
async fn record(app: &TestApp, course: i64, number: i64, places: &[i64], marks: &[&str]) {
    let session: i64 = app
        .scalar(
            "SELECT id FROM course_sessions WHERE course_id = $1 AND kind = 'session' AND programme_session = $2",
            (course, number),
        )
        .await;
    app.execute("DELETE FROM attendance_entries WHERE session_id = $1", (session,)).await;
    for (place, mark) in places.iter().zip(marks) {
        app.execute(
            "INSERT INTO attendance_entries (session_id, participant_id, attendance) VALUES ($1, $2, $3)",
            (session, *place, *mark),
        )
        .await;
    }
}

#[tokio::test]
async fn attendance_per_session_is_pooled_across_the_network_with_small_counts_hidden_in_a_correction_too() {
    let app = TestApp::spawn().await;
    let Seeded { programme, owner, analyst, owner_actor, member_actor } = seeded(&app).await;

    // Five children at the owner, seven at the member.
    let (own_course, own) = course_with_children(&app, &owner_actor, programme, "2025-02-03", 5).await;
    let (member_course, member) = course_with_children(&app, &member_actor, programme, "2025-09-01", 7).await;
    // Session 1: everyone came. Session 2: none of the owner's five, five of the
    // member's seven (alone, the member's two absent would be hidden; pooled, 7 did not
    // come). Session 3: eleven of twelve (one did not come: hidden). Session 4: only
    // three of the owner's were recorded.
    let present = ["present"; 7];
    record(&app, own_course, 1, &own, &["present", "late", "left_early", "present", "present"]).await;
    record(&app, member_course, 1, &member, &present).await;
    record(&app, own_course, 2, &own, &["absent_with_notice", "absent_without_notice"].repeat(3)[..5]).await;
    let member_second =
        ["present", "present", "present", "present", "present", "absent_with_notice", "absent_with_notice"];
    record(&app, member_course, 2, &member, &member_second).await;
    record(&app, own_course, 3, &own, &present[..5]).await;
    let member_third = ["present", "present", "present", "present", "present", "present", "absent_without_notice"];
    record(&app, member_course, 3, &member, &member_third).await;
    record(&app, own_course, 4, &own[..3], &present[..3]).await;
    // A meeting is no session of the manual.
    let meeting: Option<i64> = app
        .scalars("SELECT id FROM course_sessions WHERE course_id = $1 AND kind = 'meeting' LIMIT 1", (own_course,))
        .await
        .first()
        .copied();
    if let Some(meeting) = meeting {
        for place in &own {
            app.execute(
                "INSERT INTO attendance_entries (session_id, participant_id, attendance) VALUES ($1, $2, 'present')",
                (meeting, *place),
            )
            .await;
        }
    }

    let releases = format!("/organisations/org-a/programmes/{programme}/statistics/releases");
    let (status, published) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025 })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
    let path = format!("/organisations/org-a/programmes/{programme}/statistics/releases/2025/attendance-per-session");
    let read = analyst.get_ok(&path).await;
    let row = |read: &Value, n: u64| -> Value {
        read["sessions"].as_array().expect("sessions").iter().find(|s| s["session"] == n).cloned().unwrap_or_default()
    };
    assert_eq!(
        row(&read, 1),
        json!({ "session": 1, "courses": 2, "recorded": 12, "attended": 12, "rate": 1.0, "as_first_published": false }),
        "late and leaving early count as came: {read}"
    );
    assert_eq!((row(&read, 2)["recorded"].as_u64(), row(&read, 2)["attended"].as_u64()), (Some(12), Some(5)));
    assert_eq!(row(&read, 3)["recorded"], 12);
    assert_eq!((row(&read, 3)["attended"].clone(), row(&read, 3)["rate"].clone()), (Value::Null, Value::Null));
    assert_eq!((row(&read, 4)["courses"].as_u64(), row(&read, 4)["recorded"].clone()), (Some(1), Value::Null));
    assert_eq!(read["sessions"].as_array().map(Vec::len), Some(4), "sessions recorded only: {read}");
    for session in read["sessions"].as_array().expect("sessions") {
        for figure in [&session["recorded"], &session["attended"]] {
            assert!(figure.as_u64().is_none_or(|f| f == 0 || f >= 5), "{read}");
        }
        if let (Some(r), Some(a)) = (session["recorded"].as_u64(), session["attended"].as_u64()) {
            assert!(r - a == 0 || r - a >= 5, "those who did not come are not told when few: {read}");
        }
    }

    // The page and the download say the same.
    let (status, html) = analyst_page(&app, &format!("/statistics/{programme}/2025/attendance-per-session")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("id=\"sessions-chart-title\""), "a chart beside the table");
    assert!(html.contains("42 %") || html.contains("42&nbsp;%"), "five of twelve came to session 2: {html}");
    let (status, csv) =
        analyst_page(&app, &format!("/statistics/{programme}/2025/attendance-per-session?format=csv")).await;
    assert_eq!(status, StatusCode::OK);
    // Plain figures, no quoting: the first session's row after the header.
    let first: Vec<&str> = csv.lines().nth(1).expect("a row").split(',').collect();
    assert_eq!(first[..4], ["1", "2", "12", "12"], "{csv}");

    // A correction: one of the member's marks at session 1 was wrong. Subtracting would
    // tell who, so session 1 stays as first published; session 2 gets five more who came
    // and five more who did not (a second course at the member's) and is published anew.
    record(
        &app,
        member_course,
        1,
        &member,
        &["absent_with_notice", "present", "present", "present", "present", "present", "present"],
    )
    .await;
    let (late_course, late) = course_with_children(&app, &member_actor, programme, "2025-10-06", 10).await;
    record(&app, late_course, 2, &late, &["present", "absent_with_notice"].repeat(5)).await;
    let (status, corrected) =
        Api::json_of(owner.send_json(Method::POST, &releases, &json!({ "year": 2025, "note": "Rettet" })).await).await;
    assert_eq!(status, StatusCode::CREATED, "{corrected}");
    let again = analyst.get_ok(&path).await;
    assert_eq!(
        row(&again, 1),
        json!({ "session": 1, "courses": 2, "recorded": 12, "attended": 12, "rate": 1.0, "as_first_published": true }),
        "{again}"
    );
    assert_eq!((row(&again, 2)["recorded"].as_u64(), row(&again, 2)["attended"].as_u64()), (Some(22), Some(10)));
    assert_eq!(row(&again, 2)["as_first_published"], false);
    let (_, html) = analyst_page(&app, &format!("/statistics/{programme}/2025/attendance-per-session")).await;
    assert!(html.contains("rettelsen endret den med færre enn fem personer"), "the kept session says so");

    // The member's own coordinator reads the same network line, and nothing per organisation.
    let member_api = app.api(&app.token_for("coordinator@b.test").await);
    let from_member = member_api
        .get_ok(&format!("/organisations/org-b/programmes/{programme}/statistics/releases/2025/attendance-per-session"))
        .await;
    assert_eq!(from_member["sessions"], again["sessions"]);
}
