//! Writing one planned organisation through the store, in one transaction: made as
//! `samla org add` makes an organisation (settings, the shipped questionnaires and
//! programmes), placed in its county, in the networks of the national centre's programmes
//! it runs, then its people and courses table by table, then its audit rows on the
//! trail's chain.

use super::plan::{self, Organisation, Record, COUNTRY};
use anyhow::Context;
use samla_domain::audit::{AuditEvent, Outcome};
use samla_domain::intake::consent::Purpose;
use samla_domain::planning::session::SessionKind;
use samla_storage::budgets::NewLine;
use samla_storage::bulk::{self, ChecklistItem, Enrolment, FollowUpTask, PlannedCourse, Sheet};
use samla_storage::courses::{NewCourse, NewSession};
use samla_storage::intake::consents::{self, NewConsent};
use samla_storage::intake::households::NewPerson;
use samla_storage::{accounts, audit, networks, organisations, programmes, Store, WriteTx};
use samla_web::services;

/// How much was written, for the progress lines.
#[derive(Debug, Default, Clone)]
pub struct Written {
    pub courses: usize,
    pub attendance: usize,
    pub audit: usize,
    /// (programme, its current version) for each programme of the catalogue, as the
    /// organisation installed them: the national centre's are what the others run.
    pub programmes: Vec<(i64, i64)>,
}

/// Ids of what the organisation's rows refer to, by their places in the plan.
struct Ids {
    organisation: i64,
    users: Vec<i64>,
    /// (programme, its current version) for each programme of the catalogue.
    programmes: Vec<(i64, i64)>,
    /// The same for the programmes its courses run on: the national centre's.
    runs_on: Vec<(i64, i64)>,
    persons: Vec<i64>,
    consents: Vec<i64>,
    courses: Vec<i64>,
    /// Per course.
    sessions: Vec<Vec<i64>>,
    enrolments: Vec<Vec<i64>>,
    tasks: Vec<Vec<i64>>,
}

/// Writes the organisation; `centre` is the national centre's programmes (none for the
/// centre itself, whose courses would run on its own).
pub async fn organisation(
    store: &Store,
    catalogue: &plan::Catalogue,
    planned: &Organisation,
    password_hash: &str,
    centre: Option<&[(i64, i64)]>,
) -> anyhow::Result<Written> {
    let mut tx = store.write().await?;
    let mut ids = create(&mut tx, catalogue, planned, password_hash, centre).await?;
    courses(&mut tx, planned, &mut ids).await?;
    families(&mut tx, planned, &mut ids).await?;
    running(&mut tx, planned, &mut ids).await?;
    let events = audit_rows(planned, &ids);
    audit::append_all(&mut tx, &events).await?;
    tx.commit().await.with_context(|| format!("cannot commit {}", planned.slug))?;
    let sheets = planned.courses.iter().flat_map(|c| &c.sheets);
    Ok(Written {
        courses: planned.courses.len(),
        attendance: sheets.map(|s| s.entries.len() + s.guardians.len()).sum(),
        audit: events.len(),
        programmes: ids.programmes,
    })
}

fn web(error: samla_web::WebError) -> anyhow::Error {
    anyhow::anyhow!("{error:?}")
}

/// The organisation as `samla org add` (or, for the operator's, the first administrator's
/// setup) makes it, with its people and their certifications.
async fn create(
    tx: &mut WriteTx,
    catalogue: &plan::Catalogue,
    planned: &Organisation,
    password_hash: &str,
    centre: Option<&[(i64, i64)]>,
) -> anyhow::Result<Ids> {
    let now = planned.created_at;
    let organisation = organisations::create(&mut tx.tx, &planned.slug, &planned.name, COUNTRY, now).await?;
    let (kind, region) = planned.placement;
    organisations::set_placement(&mut tx.tx, organisation, kind, region).await?;
    services::intake::settings::seed_organisation(tx, organisation, COUNTRY, now).await.map_err(web)?;
    services::questionnaires::library::install_shipped_in(tx, organisation, now).await.map_err(web)?;
    services::programmes::install_shipped_in(tx, organisation, now).await.map_err(web)?;
    let mut users = Vec::with_capacity(planned.users.len());
    for user in &planned.users {
        let id = accounts::create(&mut tx.tx, &user.email, &user.name, password_hash, now).await?;
        accounts::add_role(&mut tx.tx, id, organisation, user.role).await?;
        users.push(id);
    }
    let mut installed = Vec::with_capacity(catalogue.programmes.len());
    for (slug, _) in &catalogue.programmes {
        let programme = programmes::own_by_slug(&mut tx.tx, organisation, slug)
            .await?
            .with_context(|| format!("the shipped programme {slug} was not installed"))?;
        let version = programmes::version(&mut tx.tx, programme.id, programme.current_version).await?;
        installed.push((programme.id, version.id));
        if planned.shares_programmes {
            programmes::set_shared(&mut tx.tx, programme.id, true).await?;
        }
    }
    let runs_on = centre.map_or_else(|| installed.clone(), <[_]>::to_vec);
    for (user, programme, day) in &planned.certifications {
        let day = day.to_string();
        programmes::set_certified(&mut tx.tx, users[*user], runs_on[*programme].0, organisation, Some(&day)).await?;
    }
    for (programme, at, user) in &planned.joins {
        networks::join(&mut tx.tx, runs_on[*programme].0, organisation, users[*user], *at).await?;
    }
    Ok(Ids {
        organisation,
        users,
        programmes: installed,
        runs_on,
        persons: Vec::new(),
        consents: Vec::new(),
        courses: Vec::new(),
        sessions: Vec::new(),
        enrolments: Vec::new(),
        tasks: Vec::new(),
    })
}

/// Courses with their sessions, checklists, budgets and working groups.
async fn courses(tx: &mut WriteTx, planned: &Organisation, ids: &mut Ids) -> anyhow::Result<()> {
    let dates: Vec<String> = planned.courses.iter().map(|c| c.start_date.to_string()).collect();
    let rows: Vec<PlannedCourse> = planned
        .courses
        .iter()
        .zip(&dates)
        .map(|(c, start_date)| PlannedCourse {
            course: NewCourse {
                organisation_id: ids.organisation,
                programme_version_id: ids.runs_on[c.programme].1,
                name: &c.name,
                venue: c.venue,
                room: c.room,
                start_date,
                weekdays: &c.weekday,
                start_time: &c.start_time,
                duration_minutes: c.duration_minutes,
                interval_kind: "weekly",
                every_weeks: 1,
                session_count: c.session_count,
                capacity: c.capacity,
            },
            status: c.status,
            cancel_reason: c.cancel_reason,
            version: c.version,
            created_at: c.created_at,
        })
        .collect();
    ids.courses = bulk::add_courses(&mut tx.tx, &rows).await?;

    let session_dates: Vec<Vec<String>> =
        planned.courses.iter().map(|c| c.sessions.iter().map(|s| s.date.to_string()).collect()).collect();
    let mut sessions = Vec::new();
    for ((course, id), dates) in planned.courses.iter().zip(&ids.courses).zip(&session_dates) {
        for (s, date) in course.sessions.iter().zip(dates) {
            let session = NewSession {
                kind: s.kind,
                programme_session: s.programme_session,
                meeting_kind: s.meeting_kind,
                title: &s.title,
                audience: s.audience,
                date,
                start_time: &s.start,
                end_time: &s.end,
                room: course.room,
            };
            sessions.push((*id, session));
        }
    }
    let mut made = bulk::add_sessions(&mut tx.tx, &sessions).await?.into_iter();
    ids.sessions = planned.courses.iter().map(|c| made.by_ref().take(c.sessions.len()).collect()).collect();

    let due: Vec<Vec<String>> =
        planned.courses.iter().map(|c| c.checklist.iter().map(|i| i.due.to_string()).collect()).collect();
    let mut items = Vec::new();
    let mut lines = Vec::new();
    for ((course, id), due) in planned.courses.iter().zip(&ids.courses).zip(&due) {
        for (position, (item, due_date)) in course.checklist.iter().zip(due).enumerate() {
            items.push(ChecklistItem {
                course_id: *id,
                position: position as i64,
                task: &item.task,
                responsible_role: &item.responsible,
                due_date,
                done: item.done.map(|(at, user)| (at, ids.users[user])),
            });
        }
        for (position, line) in course.budget.iter().enumerate() {
            let line = NewLine {
                label: &line.label,
                amount: &line.amount,
                hours: line.hours.as_deref(),
                multiplier: line.multiplier,
                count: line.count,
            };
            lines.push((*id, position as i64, line));
        }
    }
    bulk::add_checklist_items(&mut tx.tx, &items).await?;
    bulk::add_budget_lines(&mut tx.tx, &lines).await?;
    Ok(())
}

/// Households, persons, consents and places on courses.
async fn families(tx: &mut WriteTx, planned: &Organisation, ids: &mut Ids) -> anyhow::Result<()> {
    let households = bulk::add_households(&mut tx.tx, ids.organisation, &planned.households).await?;
    let births: Vec<String> = planned.persons.iter().map(|p| p.birth_date.to_string()).collect();
    let persons: Vec<(NewPerson, i64)> = planned
        .persons
        .iter()
        .zip(&births)
        .map(|(p, birth_date)| {
            let person = NewPerson {
                household_id: households[p.household],
                household_role: p.role,
                parental_responsibility: p.responsible,
                name: &p.name,
                birth_date: Some(birth_date),
                national_id: None,
                phone: &p.phone,
                email: &p.email,
                sex: None,
            };
            (person, p.created_at)
        })
        .collect();
    ids.persons = bulk::add_persons(&mut tx.tx, ids.organisation, &persons).await?;

    // The organisation's own texts, which apply to every programme it has.
    let mut texts = Vec::new();
    for purpose in [Purpose::Participation, Purpose::ShareWithNetwork] {
        let text = consents::current_text(&mut tx.tx, ids.organisation, ids.programmes[0].0, purpose.as_str())
            .await?
            .with_context(|| format!("no {} consent text", purpose.as_str()))?;
        texts.push((purpose, text.id));
    }
    let text_of = |purpose: Purpose| texts.iter().find(|(p, _)| *p == purpose).map(|(_, id)| *id);
    let consents: Vec<(NewConsent, i64)> = planned
        .consents
        .iter()
        .map(|c| {
            let consent = NewConsent {
                organisation_id: ids.organisation,
                giver_id: ids.persons[c.giver],
                participant_id: ids.persons[c.participant],
                consent_text_id: text_of(c.purpose)
                    .with_context(|| format!("no {} consent text", c.purpose.as_str()))?,
                purpose: c.purpose.as_str(),
                capacity: c.capacity.as_str(),
                method: c.method,
                recorded_by: Some(ids.users[c.recorded_by]),
            };
            Ok((consent, c.given_at))
        })
        .collect::<anyhow::Result<_>>()?;
    ids.consents = bulk::add_consents(&mut tx.tx, &consents).await?;

    let left: Vec<Vec<Option<String>>> = planned
        .courses
        .iter()
        .map(|c| c.enrolments.iter().map(|e| e.dropped_out.map(|(day, _)| day.to_string())).collect())
        .collect();
    let mut enrolments = Vec::new();
    for ((course, id), left) in planned.courses.iter().zip(&ids.courses).zip(&left) {
        for (e, day) in course.enrolments.iter().zip(left) {
            enrolments.push(Enrolment {
                course_id: *id,
                person_id: ids.persons[e.person],
                role: e.role,
                enrolled_at: e.enrolled_at,
                dropped_out: day.as_deref().zip(e.dropped_out.map(|(_, reason)| reason)),
            });
        }
    }
    let mut made = bulk::add_enrolments(&mut tx.tx, &enrolments).await?.into_iter();
    ids.enrolments = planned.courses.iter().map(|c| made.by_ref().take(c.enrolments.len()).collect()).collect();
    Ok(())
}

/// Who staffs the sessions, the sheets of the sessions held and the follow-up tasks.
async fn running(tx: &mut WriteTx, planned: &Organisation, ids: &mut Ids) -> anyhow::Result<()> {
    let mut members = Vec::new();
    for (course, id) in planned.courses.iter().zip(&ids.courses) {
        for staff in &course.staff {
            members.push((*id, ids.users[staff.user], staff.course_role));
        }
    }
    let mut made = bulk::add_course_staff(&mut tx.tx, &members).await?.into_iter();
    let staff: Vec<Vec<i64>> = planned.courses.iter().map(|c| made.by_ref().take(c.staff.len()).collect()).collect();

    let mut assignments = Vec::new();
    let mut sheets = Vec::new();
    let mut entries = Vec::new();
    let mut guardians = Vec::new();
    let mut present = Vec::new();
    let mut tasks = Vec::new();
    for (c, course) in planned.courses.iter().enumerate() {
        let sessions = &ids.sessions[c];
        for (s, session) in course.sessions.iter().enumerate() {
            if session.kind == SessionKind::Session {
                for (n, member) in course.staff.iter().enumerate() {
                    if member.on_sessions {
                        assignments.push((sessions[s], staff[c][n]));
                    }
                }
            }
        }
        for sheet in &course.sheets {
            let session = sessions[sheet.session];
            sheets.push(Sheet {
                session_id: session,
                parents: sheet.parents,
                family_members: sheet.family_members,
                saved_at: sheet.saved_at,
                saved_by: ids.users[sheet.saved_by],
            });
            entries.extend(sheet.entries.iter().map(|(e, mark)| (session, ids.enrolments[c][*e], mark.as_str())));
            guardians.extend(sheet.guardians.iter().map(|(p, mark)| (session, ids.persons[*p], mark.as_str())));
            present.extend(sheet.staff_present.iter().map(|n| (session, staff[c][*n])));
        }
        for task in &course.tasks {
            tasks.push(FollowUpTask {
                course_id: ids.courses[c],
                participant_id: ids.enrolments[c][task.enrolment],
                absences: task.absences,
                created_at: task.created_at,
                done: task.done.map(|(at, user, outcome)| (at, ids.users[user], outcome)),
            });
        }
    }
    bulk::add_session_staff(&mut tx.tx, &assignments).await?;
    bulk::add_sheets(&mut tx.tx, &sheets).await?;
    bulk::add_attendance(&mut tx.tx, &entries).await?;
    bulk::add_guardian_attendance(&mut tx.tx, &guardians).await?;
    bulk::add_staff_attendance(&mut tx.tx, &present).await?;
    let mut made = bulk::add_follow_up_tasks(&mut tx.tx, &tasks).await?.into_iter();
    ids.tasks = planned.courses.iter().map(|c| made.by_ref().take(c.tasks.len()).collect()).collect();
    Ok(())
}

/// The planned audit rows with ids, as the services word them.
fn audit_rows(planned: &Organisation, ids: &Ids) -> Vec<(AuditEvent, i64)> {
    planned
        .events
        .iter()
        .map(|e| {
            let (record_type, record_id) = match e.record {
                Record::Organisation => ("organisation", ids.organisation),
                Record::User(u) => ("user", ids.users[u]),
                Record::Course(c) => ("course", ids.courses[c]),
                Record::Session(c, s) => ("session", ids.sessions[c][s]),
                Record::Consent(k) => ("consent", ids.consents[k]),
                Record::Enrolment(c, n) => ("course_participant", ids.enrolments[c][n]),
                Record::Task(c, t) => ("follow_up_task", ids.tasks[c][t]),
                Record::CentreProgramme(p) => ("programme", ids.runs_on[p].0),
            };
            let mut event = AuditEvent::new(e.action, Outcome::Success).record(record_type, record_id);
            event.organisation_id = e.names_organisation.then_some(ids.organisation);
            if let Some(user) = e.actor {
                event.actor_user_id = Some(ids.users[user]);
                event.actor_role = Some(planned.users[user].role.as_str().to_string());
            }
            event.request_id = e.request_id.clone();
            (event, e.at)
        })
        .collect()
}
