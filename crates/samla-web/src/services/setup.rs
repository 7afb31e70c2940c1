//! Bringing up an installation: the first administrator (by the command line or a
//! one-time link printed at start), organisations and people from the command line,
//! and the demo.

mod demo_evaluations;
mod demo_running;

use crate::error::WebError;
use crate::services::organisations::{parse_country, parse_name, parse_slug};
use samla_domain::accounts::{Email, NewPassword, PasswordHash, PersonName};
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::calendar::Country;
use samla_domain::planning::commands::{CourseRole, JoinWorkingGroup, Member, PlanCourse};
use samla_domain::planning::lifecycle::CourseStatus;
use samla_domain::planning::schedule::Interval;
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::validation::time_of_day;
use samla_domain::{FieldErrors, Role};
use samla_storage::{accounts, audit, organisations, sessions, Store, StoreError};

/// How long the first-administrator link printed at start works.
pub const SETUP_LINK_SECONDS: i64 = 60 * 60;

/// A one-time link to create the first administrator, if there is none yet.
pub async fn setup_link_if_needed(store: &Store, now: i64) -> Result<Option<String>, StoreError> {
    let mut tx = store.write().await?;
    if accounts::count_admins(&mut tx.tx).await? > 0 {
        return Ok(None);
    }
    let secret = random_token(32);
    sessions::create_setup_link(&mut tx.tx, &hash_secret(&secret), None, now + SETUP_LINK_SECONDS).await?;
    tx.commit().await?;
    Ok(Some(secret))
}

pub async fn setup_link_valid(store: &Store, secret: &str, now: i64) -> Result<bool, StoreError> {
    let mut conn = store.pool().acquire().await?;
    Ok(matches!(sessions::find_setup_link(&mut conn, &hash_secret(secret), now).await?, Some(None)))
}

/// What the first-administrator form (and the CLI) asks for.
pub struct FirstAdmin {
    pub organisation_name: String,
    pub slug: String,
    pub country: Country,
    pub name: PersonName,
    pub email: Email,
    pub password: NewPassword,
}

impl FirstAdmin {
    pub fn parse(
        organisation_name: &str,
        slug: &str,
        country: &str,
        name: &str,
        email: &str,
        password: &str,
    ) -> Result<FirstAdmin, FieldErrors> {
        let mut errors = FieldErrors::new();
        let organisation_name = errors.take(parse_name(organisation_name).map_err(|mut e| {
            e.field = "organisation_name".into();
            e
        }));
        let slug = errors.take(parse_slug(slug));
        let country = errors.take(parse_country(country));
        let name = errors.take(PersonName::parse("name", name));
        let email = errors.take(Email::parse("email", email));
        let password = errors.take(NewPassword::parse("password", password));
        errors.finish(|| FirstAdmin {
            organisation_name: organisation_name.unwrap(),
            slug: slug.unwrap(),
            country: country.unwrap(),
            name: name.unwrap(),
            email: email.unwrap(),
            password: password.unwrap(),
        })
    }
}

/// Uses the link to create the organisation and its administrator in one transaction.
pub async fn create_first_admin(store: &Store, secret: &str, admin: FirstAdmin, now: i64) -> Result<i64, WebError> {
    let mut tx = store.write().await?;
    if !sessions::use_setup_link(&mut tx.tx, &hash_secret(secret), now).await?
        || accounts::count_admins(&mut tx.tx).await? > 0
    {
        return Err(WebError::Gone);
    }
    let organisation_id =
        organisations::create(&mut tx.tx, &admin.slug, &admin.organisation_name, admin.country, now).await?;
    crate::services::intake::settings::seed_organisation(&mut tx, organisation_id, admin.country, now).await?;
    crate::services::questionnaires::library::install_shipped_in(&mut tx, organisation_id, now).await?;
    crate::services::programmes::install_shipped_in(&mut tx, organisation_id, now).await?;
    let user_id =
        accounts::create(&mut tx.tx, admin.email.as_str(), admin.name.as_str(), admin.password.hash().as_str(), now)
            .await?;
    accounts::add_role(&mut tx.tx, user_id, organisation_id, Role::Admin).await?;
    let mut event = AuditEvent::new("setup.first_admin", Outcome::Success).record("user", user_id);
    event.actor_user_id = Some(user_id);
    event.organisation_id = Some(organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(user_id)
}

/// `samla org add`.
pub async fn add_organisation(store: &Store, slug: &str, name: &str, country: &str, now: i64) -> Result<i64, WebError> {
    let mut errors = FieldErrors::new();
    let slug = errors.take(parse_slug(slug));
    let name = errors.take(parse_name(name));
    let country = errors.take(parse_country(country));
    let (slug, name, country) = errors.finish(|| (slug.unwrap(), name.unwrap(), country.unwrap()))?;
    let mut tx = store.write().await?;
    let id = organisations::create(&mut tx.tx, &slug, &name, country, now).await?;
    crate::services::intake::settings::seed_organisation(&mut tx, id, country, now).await?;
    crate::services::questionnaires::library::install_shipped_in(&mut tx, id, now).await?;
    crate::services::programmes::install_shipped_in(&mut tx, id, now).await?;
    audit::append(
        &mut tx,
        &AuditEvent::new("cli.organisation.create", Outcome::Success).record("organisation", id),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A new person's password: as typed (checked, and hashed when the person is new), or
/// hashed already, for many people given one password at once (the tests' people).
pub enum InitialPassword<'a> {
    Typed(&'a str),
    Hashed(&'a PasswordHash),
}

/// An [`InitialPassword`] once checked.
enum Checked<'a> {
    Typed(NewPassword),
    Hashed(&'a PasswordHash),
}

/// `samla user add`: creates the person (or adds a role to an existing one).
pub async fn add_user(
    store: &Store,
    organisation_slug: &str,
    email: &str,
    name: &str,
    role: &str,
    password: InitialPassword<'_>,
    now: i64,
) -> Result<i64, WebError> {
    let mut errors = FieldErrors::new();
    let email = errors.take(Email::parse("email", email));
    let name = errors.take(PersonName::parse("name", name));
    let role =
        errors.take(Role::parse(role).ok_or_else(|| samla_domain::FieldError::new("role", "error-role-unknown")));
    let password = match password {
        InitialPassword::Typed(raw) => errors.take(NewPassword::parse("password", raw)).map(Checked::Typed),
        InitialPassword::Hashed(hash) => Some(Checked::Hashed(hash)),
    };
    let (email, name, role, password) =
        errors.finish(|| (email.unwrap(), name.unwrap(), role.unwrap(), password.unwrap()))?;
    let mut tx = store.write().await?;
    let organisation = organisations::find_by_slug(&mut tx.tx, organisation_slug).await?.ok_or(WebError::NotFound)?;
    let user_id = match accounts::find_by_email(&mut tx.tx, email.as_str()).await? {
        Some(user) => user.id,
        None => {
            // Hashed only now: a person who exists already keeps their password.
            let hash = match password {
                Checked::Typed(typed) => typed.hash(),
                Checked::Hashed(hash) => hash.clone(),
            };
            accounts::create(&mut tx.tx, email.as_str(), name.as_str(), hash.as_str(), now).await?
        }
    };
    accounts::add_role(&mut tx.tx, user_id, organisation.id, role).await?;
    let mut event = AuditEvent::new("cli.user.add", Outcome::Success).record("user", user_id);
    event.organisation_id = Some(organisation.id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(user_id)
}

/// `samla token create`: a token for the person with this e-mail; the secret once.
pub async fn create_token_for(store: &Store, email: &str, label: &str, now: i64) -> Result<String, WebError> {
    let email = Email::parse("email", email).map_err(FieldErrors::single)?;
    let label = crate::services::accounts::parse_token_label(label)?;
    let secret = format!("samla_{}", random_token(32));
    let mut tx = store.write().await?;
    let user = accounts::find_by_email(&mut tx.tx, email.as_str()).await?.ok_or(WebError::NotFound)?;
    let hash = hash_secret(&secret);
    samla_storage::tokens::create(&mut tx.tx, user.id, &label, &hash, now).await?;
    // Named by its public id, as in the rows of the web and API.
    let mut event = AuditEvent::new("cli.token.create", Outcome::Success).record("api_token", &hash[..16]);
    event.actor_user_id = Some(user.id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(secret)
}

pub const DEMO_SLUG: &str = "demo";

/// One account per role in a demo organisation. Each start gives the demo accounts
/// fresh random passwords, which are returned for printing.
pub async fn seed_demo(store: &Store, now: i64) -> Result<Vec<(Role, String, String)>, WebError> {
    let mut tx = store.write().await?;
    let organisation_id = match organisations::find_by_slug(&mut tx.tx, DEMO_SLUG).await? {
        Some(organisation) => organisation.id,
        None => {
            let id = organisations::create(&mut tx.tx, DEMO_SLUG, "Demo kommune", Country::Norway, now).await?;
            crate::services::intake::settings::seed_organisation(&mut tx, id, Country::Norway, now).await?;
            crate::services::questionnaires::library::install_shipped_in(&mut tx, id, now).await?;
            crate::services::programmes::install_shipped_in(&mut tx, id, now).await?;
            // The demo lets people in with a password alone so a newcomer can look
            // around at once; real organisations require a second factor.
            organisations::update_settings(&mut tx.tx, id, "Demo kommune", false, None, 1).await?;
            id
        }
    };
    let mut accounts_out = Vec::new();
    for role in Role::ALL {
        let email = format!("{}@demo.samla.test", role.as_str().replace('_', "-"));
        let name = demo_name(role);
        let password = format!("demo-{}", random_token(9));
        let hash = NewPassword::parse("password", &password)
            .map_err(|_| WebError::Internal("demo password refused".into()))?
            .hash();
        let user_id = match accounts::find_by_email(&mut tx.tx, &email).await? {
            Some(user) => {
                // A restarted demo starts over: new password, no second factor, enabled.
                accounts::set_password(&mut tx.tx, user.id, hash.as_str()).await?;
                accounts::set_totp(&mut tx.tx, user.id, None, &[]).await?;
                accounts::set_disabled(&mut tx.tx, user.id, false).await?;
                samla_storage::sessions::delete_for_user(&mut tx.tx, user.id, None).await?;
                user.id
            }
            None => accounts::create(&mut tx.tx, &email, name, hash.as_str(), now).await?,
        };
        accounts::add_role(&mut tx.tx, user_id, organisation_id, role).await?;
        accounts_out.push((role, email, password));
    }
    let mut event = AuditEvent::new("demo.seed", Outcome::Success).record("organisation", organisation_id);
    event.organisation_id = Some(organisation_id);
    audit::append(&mut tx, &event, now).await?;
    tx.commit().await?;
    Ok(accounts_out)
}

fn demo_name(role: Role) -> &'static str {
    match role {
        Role::Admin => "Ada Administrator",
        Role::Coordinator => "Kari Koordinator",
        Role::GroupLeader => "Gunnar Gruppeleder",
        Role::Secretary => "Sara Sekretær",
        Role::UserRepresentative => "Bjørn Brukerrepresentant",
        Role::Analyst => "Anne Analytiker",
    }
}

/// The demo's planning data, relative to today: the coming year's school holidays and
/// one course in every stage of the lifecycle (from the shipped programmes every
/// organisation has), each with the demo group leader and user representative on the
/// working group. Courses are added only once; a restarted demo keeps them.
pub async fn seed_demo_planning(state: &crate::AppState) -> Result<(), WebError> {
    use crate::auth::{Actor, Via};
    use crate::services::{courses as course_service, holidays as holiday_service};
    use samla_domain::RoleSet;

    let now = state.clock.now();
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let organisation = organisations::find_by_slug(&mut conn, DEMO_SLUG).await?.ok_or(WebError::NotFound)?;
    if !samla_storage::courses::list(&mut conn, organisation.id, None).await?.is_empty() {
        return Ok(());
    }
    let mut ids = Vec::new();
    for role in [Role::Coordinator, Role::GroupLeader, Role::UserRepresentative] {
        let email = format!("{}@demo.samla.test", role.as_str().replace('_', "-"));
        ids.push(accounts::find_by_email(&mut conn, &email).await?.ok_or(WebError::NotFound)?.id);
    }
    let [coordinator, leader, representative] = ids[..] else { return Err(WebError::NotFound) };
    drop(conn);
    let actor = Actor {
        user_id: coordinator,
        email: "coordinator@demo.samla.test".into(),
        name: demo_name(Role::Coordinator).into(),
        has_second_factor: false,
        organisation: organisation.into(),
        roles: RoleSet::new(vec![Role::Coordinator]),
        via: Via::Token { id: 0 },
        request_id: "demo".into(),
    };
    let today = actor.organisation.local_date(now);
    for (name, first, last) in demo_school_holidays(today) {
        holiday_service::add(state, &actor, name, &first.to_string(), &last.to_string()).await?;
    }
    for plan in demo_courses(today) {
        let course = PlanCourse {
            name: plan.name.into(),
            venue: "Frivilligsentralen".into(),
            room: plan.room.into(),
            start_date: plan.start,
            start_time: time_of_day("start_time", plan.time).map_err(FieldErrors::single)?,
            weekdays: vec![chrono::Datelike::weekday(&plan.start)],
            interval: Interval::Weekly,
            duration_minutes: None,
            session_count: plan.sessions,
            capacity: Some(8),
        };
        let course_id = course_service::create(state, &actor, plan.programme, course).await?;
        for (user_id, role) in [(leader, CourseRole::GroupLeader), (representative, CourseRole::UserRepresentative)] {
            let staff = JoinWorkingGroup { member: Member::Account { user_id }, role, on_every_session: true };
            course_service::add_staff(state, &actor, course_id, staff).await?;
        }
        if let Some((name, organisation)) = plan.second_leader {
            let staff = JoinWorkingGroup {
                member: Member::Outside { name: name.into(), organisation: Some(organisation.into()) },
                role: CourseRole::GroupLeader,
                on_every_session: true,
            };
            course_service::add_staff(state, &actor, course_id, staff).await?;
        }
        let mut version = 1;
        for status in plan.path {
            let reason = if *status == CourseStatus::Cancelled { "For få påmeldte" } else { "" };
            version = course_service::set_status(state, &actor, course_id, status.as_str(), reason, version).await?;
        }
        if plan.path.last() == Some(&CourseStatus::Recruiting) {
            seed_demo_intake(state, &actor, course_id, today).await?;
        }
        if plan.path.last() == Some(&CourseStatus::Completed) {
            demo_evaluations::seed(state, &actor, course_id, today).await?;
        }
        if plan.path.last() == Some(&CourseStatus::Running) {
            let group_leader = Actor {
                user_id: leader,
                email: "group-leader@demo.samla.test".into(),
                name: demo_name(Role::GroupLeader).into(),
                roles: RoleSet::new(vec![Role::GroupLeader]),
                ..actor.clone()
            };
            demo_running::seed(state, &actor, &group_leader, course_id, today).await?;
        }
    }
    Ok(())
}

/// A few families on their way into the recruiting demo course, so the intake board,
/// the waitlist and the group proposal have something to show. Names are invented.
async fn seed_demo_intake(
    state: &crate::AppState,
    actor: &crate::auth::Actor,
    course_id: i64,
    today: chrono::NaiveDate,
) -> Result<(), WebError> {
    use crate::services::intake::applications::{self as intake, MoveForm, Origin, PreConversationForm};
    use crate::services::intake::ApplicationForm;
    use chrono::Datelike;

    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let channels = samla_storage::intake::channels::list(&mut conn, actor.organisation.id, false).await?;
    drop(conn);
    let channel = |code: &str| {
        channels.iter().find(|c| c.code.as_deref() == Some(code)).map(|c| c.id.to_string()).unwrap_or_default()
    };
    let born = |age: i32, month: u32| format!("{}-{month:02}-15", today.year() - age);
    let families = [
        ("Emma Nordmann", born(11, 3), "Kari Nordmann", "912 34 567", "school_nurse", "", &["waitlisted"][..]),
        ("Jonas Nordmann", born(9, 8), "Kari Nordmann", "912 34 567", "school_nurse", "", &["waitlisted"][..]),
        ("Ali Khan", born(10, 5), "Amina Khan", "934 56 789", "family_centre", "", &[][..]),
        (
            "Sara Hansen",
            born(12, 1),
            "Per Hansen",
            "956 78 901",
            "child_welfare",
            "Demo: henvist fra barnevernet.",
            &[][..],
        ),
    ];
    let mut nordmann_household = None;
    for (child, birth_date, guardian, phone, source, reason, path) in families {
        let form = ApplicationForm {
            course_id: course_id.to_string(),
            participant_type: "child".into(),
            participant_name: child.into(),
            participant_birth_date: birth_date,
            guardian_name: guardian.into(),
            guardian_phone: phone.into(),
            guardian_responsibility: "true".into(),
            channel_id: channel(source),
            reason: reason.into(),
            consents: vec!["participation".into()],
            consent_method: "paper".into(),
            household_id: nordmann_household
                .filter(|_| guardian == "Kari Nordmann")
                .map(|id: i64| id.to_string())
                .unwrap_or_default(),
            ..Default::default()
        };
        let receipt =
            intake::create(state, &actor.organisation, Origin::Staff { actor, via_api: false }, &form).await?;
        if guardian == "Kari Nordmann" && nordmann_household.is_none() {
            let view = intake::view(state, actor, receipt.application_id).await?;
            nordmann_household = Some(view.application.household_id);
        }
        if child == "Ali Khan" {
            let talk = PreConversationForm {
                held_on: today.to_string(),
                participants: "Mor, begge gruppeledere".into(),
                notes: String::new(),
                outcome: "continue".into(),
            };
            intake::record_pre_conversation(state, actor, receipt.application_id, &talk).await?;
        }
        for stage in path {
            let step = MoveForm { stage: (*stage).into(), note: String::new() };
            intake::move_stage(state, actor, receipt.application_id, &step, None).await?;
        }
    }
    Ok(())
}

/// The first day on or after `date` that falls on `weekday`.
fn on_or_after(date: chrono::NaiveDate, weekday: chrono::Weekday) -> chrono::NaiveDate {
    use chrono::Datelike;
    let ahead = (7 + weekday.num_days_from_monday() as i64 - date.weekday().num_days_from_monday() as i64) % 7;
    date + chrono::Duration::days(ahead)
}

/// Autumn (week 40), winter (week 9) and Easter (Monday–Wednesday of Holy Week)
/// breaks, each the next one that has not ended yet.
fn demo_school_holidays(today: chrono::NaiveDate) -> Vec<(&'static str, chrono::NaiveDate, chrono::NaiveDate)> {
    use chrono::{Datelike, Duration, NaiveDate, Weekday};
    let week = |year: i32, week: u32| {
        let monday = NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).unwrap_or(today);
        (monday, monday + Duration::days(4))
    };
    let easter = |year: i32| {
        let sunday = samla_domain::calendar::easter_sunday(year);
        (sunday - Duration::days(6), sunday - Duration::days(4))
    };
    let next = |period: &dyn Fn(i32) -> (NaiveDate, NaiveDate)| {
        let (first, last) = period(today.year());
        if last >= today {
            (first, last)
        } else {
            period(today.year() + 1)
        }
    };
    let mut out = vec![
        ("Høstferie", next(&|y| week(y, 40))),
        ("Vinterferie", next(&|y| week(y, 9))),
        ("Påskeferie", next(&easter)),
    ];
    out.sort_by_key(|(_, (first, _))| *first);
    out.into_iter().map(|(name, (first, last))| (name, first, last)).collect()
}

struct DemoCourse {
    programme: &'static str,
    name: &'static str,
    room: &'static str,
    start: chrono::NaiveDate,
    time: &'static str,
    /// None: the programme's number.
    sessions: Option<u32>,
    second_leader: Option<(&'static str, &'static str)>,
    path: &'static [CourseStatus],
}

fn demo_courses(today: chrono::NaiveDate) -> Vec<DemoCourse> {
    use chrono::{Duration, Weekday};
    use CourseStatus::*;
    let weeks = |n: i64, day: Weekday| on_or_after(today + Duration::weeks(n), day);
    let helper = Some(("Helene Haugen", "BUP Demo"));
    vec![
        DemoCourse {
            programme: "mestringsgrupper",
            name: "Mestringsgruppe 8–12 år, våren",
            room: "Grupperom 1",
            start: weeks(12, Weekday::Mon),
            time: "15:00",
            sessions: None,
            second_leader: None,
            path: &[],
        },
        DemoCourse {
            programme: "mestringstreff",
            name: "Mestringstreff for voksne",
            room: "Storsalen",
            start: weeks(6, Weekday::Tue),
            time: "18:00",
            sessions: None,
            second_leader: None,
            path: &[Ready],
        },
        DemoCourse {
            programme: "smil",
            name: "SMIL – Mindre alene sammen!",
            room: "Grupperom 2",
            start: weeks(3, Weekday::Wed),
            time: "14:15",
            sessions: None,
            second_leader: helper,
            path: &[Ready, Recruiting],
        },
        // The children's group under way: it met three weeks ago and meets again today.
        DemoCourse {
            programme: "smil",
            name: "Mindre alene sammen – barnegruppe, høst",
            room: "Grupperom 3",
            start: today - Duration::weeks(3),
            time: "16:30",
            sessions: None,
            second_leader: helper,
            path: &[Ready, Recruiting, Running],
        },
        DemoCourse {
            programme: "de-utrolige-arene",
            name: "De utrolige årene, foreldregruppe",
            room: "Kantina",
            start: weeks(-18, Weekday::Mon),
            time: "18:00",
            sessions: Some(12),
            second_leader: None,
            path: &[Ready, Recruiting, Running, Completed],
        },
        DemoCourse {
            programme: "icdp",
            name: "ICDP foreldreveiledning i gruppe",
            room: "Kantina",
            start: weeks(-60, Weekday::Tue),
            time: "17:00",
            sessions: Some(8),
            second_leader: None,
            path: &[Ready, Recruiting, Running, Completed, Archived],
        },
        DemoCourse {
            programme: "cos",
            name: "Trygghetssirkelen (COS-P)",
            room: "Grupperom 1",
            start: weeks(8, Weekday::Thu),
            time: "18:00",
            sessions: Some(8),
            second_leader: None,
            path: &[Cancelled],
        },
    ]
}

/// A demo family's household: the guardian (with parental responsibility, reached at
/// `guardian_email` when given) and the child born on `born`; their person ids.
async fn demo_family(
    conn: &mut sqlx::AnyConnection,
    organisation_id: i64,
    (guardian, guardian_email): (&str, &str),
    (child, born): (&str, &str),
    now: i64,
) -> Result<(i64, i64), StoreError> {
    use samla_domain::intake::household::HouseholdRole;
    use samla_storage::intake::households::{self, NewPerson};
    let household_id = households::create_household(conn, organisation_id, now).await?;
    let person = |household_role, parental_responsibility, name, birth_date, email| NewPerson {
        household_id,
        household_role,
        parental_responsibility,
        name,
        birth_date,
        national_id: None,
        phone: "",
        email,
        sex: None,
    };
    let guardian_id = households::add_person(
        conn,
        organisation_id,
        &person(HouseholdRole::Guardian, true, guardian, None, guardian_email),
        now,
    )
    .await?;
    let child_id =
        households::add_person(conn, organisation_id, &person(HouseholdRole::Child, false, child, Some(born), ""), now)
            .await?;
    Ok((guardian_id, child_id))
}
