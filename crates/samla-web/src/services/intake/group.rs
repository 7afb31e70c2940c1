//! Group formation: samla proposes a group for a planned course from the programme's
//! waitlist, explaining for each person why they are in or out; the coordinator adjusts
//! with pins and confirms, and offers go out with accept/decline links and a deadline.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit::commit_done;
use crate::services::courses::parse_date;
use crate::services::outbox::{self, OutgoingMail};
use crate::AppState;
use chrono::NaiveDate;
use samla_domain::audit::Outcome;
use samla_domain::intake::consent::age_on;
use samla_domain::intake::enrolment::OfferStatus;
use samla_domain::intake::group_formation::{self, Candidate, GroupRules, Pin, Placement, Proposal, SiblingRule};
use samla_domain::intake::stage::Stage;
use samla_domain::programmes::Manual;
use samla_domain::secrets::{hash_secret, random_token};
use samla_domain::{Action, FieldError, FieldErrors};
use samla_storage::courses::Course;
use samla_storage::intake::applications::{self, Summary};
use samla_storage::intake::{households, offers, participants, settings};
use samla_storage::{audit, programmes, StoreError};

/// The coordinator's choices for a proposal, as typed. Pins are application ids.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ProposalForm {
    /// Youngest age in the group (at the course's first session); empty: no lower limit.
    pub age_min: String,
    /// Oldest age; empty: no upper limit.
    pub age_max: String,
    /// together (siblings all in or all out) or apart (one child per household).
    pub siblings: String,
    /// Applications the coordinator wants in.
    pub include: Vec<String>,
    /// Applications the coordinator wants out.
    pub exclude: Vec<String>,
}

/// Confirming a proposal: the same choices, the group the coordinator saw, and the deadline.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ConfirmForm {
    pub age_min: String,
    pub age_max: String,
    pub siblings: String,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    /// The application ids the coordinator saw in the group; if the waitlist changed
    /// meanwhile the confirmation is refused and the new proposal shown.
    pub expected: Vec<String>,
    /// YYYY-MM-DD, the last day to answer; empty: the organisation's number of days.
    pub deadline: String,
}

impl ConfirmForm {
    pub fn proposal(&self) -> ProposalForm {
        ProposalForm {
            age_min: self.age_min.clone(),
            age_max: self.age_max.clone(),
            siblings: self.siblings.clone(),
            include: self.include.clone(),
            exclude: self.exclude.clone(),
        }
    }
}

/// One candidate with the decision about them.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CandidateView {
    pub application: Summary,
    pub age: Option<u32>,
    pub pin: Pin,
    pub placement: Placement,
}

#[derive(Debug, Clone)]
pub struct ProposalView {
    pub course: Course,
    pub rules: GroupRules,
    /// Places left: capacity minus those enrolled and those with an open offer.
    pub places_left: u32,
    pub enrolled: i64,
    pub open_offers: i64,
    pub proposal: Proposal,
    pub candidates: Vec<CandidateView>,
    /// The manual's age bands, for the form.
    pub age_bands: Vec<(u32, Option<u32>)>,
}

fn ids(field: &str, raw: &[String]) -> Result<Vec<i64>, FieldError> {
    raw.iter()
        .filter(|v| !v.trim().is_empty())
        .map(|v| v.trim().parse::<i64>().map_err(|_| FieldError::new(field.to_string(), "error-choice")))
        .collect()
}

fn age(field: &str, raw: &str) -> Result<Option<u32>, FieldError> {
    match raw.trim() {
        "" => Ok(None),
        raw => raw
            .parse::<u32>()
            .ok()
            .filter(|a| *a <= 120)
            .map(Some)
            .ok_or_else(|| FieldError::new(field, "error-number-range").with_arg("min", 0).with_arg("max", 120)),
    }
}

pub async fn propose(
    state: &AppState,
    actor: &Actor,
    course_id: i64,
    form: &ProposalForm,
) -> Result<ProposalView, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let course = actor.on_course(state, Action::ViewCourses, course_id).await?.into_course();
    let mut errors = FieldErrors::new();
    let age_min = errors.take(age("age_min", &form.age_min)).flatten();
    let age_max = errors.take(age("age_max", &form.age_max)).flatten();
    if let (Some(min), Some(max)) = (age_min, age_max) {
        if min > max {
            errors.push(FieldError::new("age_max", "error-age-band"));
        }
    }
    let siblings = errors.take(match form.siblings.trim() {
        "" => Ok(SiblingRule::Together),
        raw => SiblingRule::parse(raw).ok_or_else(|| FieldError::new("siblings", "error-choice")),
    });
    let include = errors.take(ids("include", &form.include)).unwrap_or_default();
    let exclude = errors.take(ids("exclude", &form.exclude)).unwrap_or_default();
    errors.finish(|| ())?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let version = programmes::version_by_id(&mut conn, course.programme_version_id).await?;
    let manual: Manual = serde_json::from_str(&version.manual).map_err(|e| WebError::Internal(e.to_string()))?;
    let enrolled = participants::count_participants(&mut conn, course.id).await?;
    let open_offers = offers::open_for_course(&mut conn, course.id).await?;
    let places_left = (course.capacity - enrolled - open_offers).max(0) as u32;
    let start = crate::services::courses::age_day(&mut conn, &course).await?;
    let waiting: Vec<Summary> = applications::waitlist(&mut conn, actor.organisation.id, version.programme_id)
        .await?
        .into_iter()
        .filter(|a| a.course_id.is_none_or(|c| c == course.id))
        .collect();
    drop(conn);
    actor.record_read(state, "group.propose", "course", course.id).await?;
    let candidates: Vec<Candidate> = waiting
        .iter()
        .map(|a| Candidate {
            application_id: a.id,
            household_id: a.household_id,
            age: a.participant_birth_date.as_deref().and_then(parse_date).map(|born| age_on(born, start)),
            priority: a.priority.clamp(1, 3) as u8,
            waiting_since: a.waitlisted_at.unwrap_or(a.created_at),
            pin: if exclude.contains(&a.id) {
                Pin::Exclude
            } else if include.contains(&a.id) {
                Pin::Include
            } else {
                Pin::None
            },
        })
        .collect();
    let rules = GroupRules {
        capacity: places_left,
        minimum: manual.group_size.map(|g| g.min).unwrap_or(1),
        age_min,
        age_max,
        siblings: siblings.unwrap_or(SiblingRule::Together),
    };
    let proposal = group_formation::propose(&candidates, &rules);
    let views = waiting
        .into_iter()
        .zip(&candidates)
        .zip(&proposal.placements)
        .map(|((application, candidate), placement)| CandidateView {
            application,
            age: candidate.age,
            pin: candidate.pin,
            placement: placement.clone(),
        })
        .collect();
    Ok(ProposalView {
        course,
        rules,
        places_left,
        enrolled,
        open_offers,
        proposal,
        candidates: views,
        age_bands: manual.age_bands.iter().map(|b| (b.min, b.max)).collect(),
    })
}

/// Confirms the proposal: each included application gets an offer for the course with a
/// link and a deadline, sent through the outbox. Returns the number of offers.
pub async fn confirm(state: &AppState, actor: &Actor, course_id: i64, form: &ConfirmForm) -> Result<usize, WebError> {
    let view = propose(state, actor, course_id, &form.proposal()).await?;
    let mut errors = FieldErrors::new();
    let mut expected = errors.take(ids("expected", &form.expected)).unwrap_or_default();
    let today = actor.organisation.today(&state.clock);
    let deadline: Option<NaiveDate> = match form.deadline.trim() {
        "" => None,
        raw => errors.take(samla_domain::validation::day("deadline", raw).and_then(|d| {
            if d < today {
                Err(FieldError::new("deadline", "error-date-past"))
            } else {
                Ok(d)
            }
        })),
    };
    errors.finish(|| ())?;
    let mut included: Vec<i64> = view.proposal.included_ids().collect();
    included.sort_unstable();
    expected.sort_unstable();
    if included != expected {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("expected", "error-proposal-changed"))));
    }
    if included.is_empty() {
        return Err(WebError::Refused(FieldErrors::single(FieldError::new("expected", "error-proposal-empty"))));
    }
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let intake = settings::get(&mut tx.tx, actor.organisation.id).await?;
    let deadline = deadline.unwrap_or(today + chrono::Duration::days(intake.offer_days));
    // The end of the deadline day in the organisation's time zone (approximated as UTC+1
    // at 23:59, so that "answer by 1 December" holds all that day in Norway and Denmark).
    let deadline_at = deadline.and_hms_opt(22, 59, 0).map(|t| t.and_utc().timestamp()).unwrap_or(now);
    let language = actor.organisation.language();
    let base = state.config.public_url.trim_end_matches('/').to_string();
    for id in &included {
        let application = applications::get(&mut tx.tx, actor.organisation.id, *id).await?;
        if application.stage != Stage::Waitlisted.as_str() {
            return Err(WebError::Refused(FieldErrors::single(FieldError::new("expected", "error-proposal-changed"))));
        }
        let token = random_token(24);
        offers::create(&mut tx.tx, *id, course_id, &hash_secret(&token), deadline_at, Some(actor.user_id), now).await?;
        applications::update_details(
            &mut tx.tx,
            *id,
            Some(course_id),
            application.priority,
            application.channel_id,
            now,
        )
        .await?;
        applications::set_stage(&mut tx.tx, *id, Stage::Offered.as_str(), None, now).await?;
        applications::add_event(&mut tx.tx, *id, now, Some(actor.user_id), Some("waitlisted"), "offered", "").await?;
        let contact = households::get_person(&mut tx.tx, actor.organisation.id, application.contact_person_id).await?;
        if !contact.email.is_empty() {
            outbox::queue(
                &mut tx,
                state,
                OutgoingMail {
                    organisation_id: Some(actor.organisation.id),
                    to: contact.email.clone(),
                    template: "offer",
                    language,
                    args: vec![
                        ("organisation", actor.organisation.name.clone()),
                        // No course name: it can tell what the family struggles with.
                        ("date", deadline.to_string()),
                        ("link", format!("{base}/offer/{token}")),
                        ("reference", application.reference.clone()),
                    ],
                    related: Some(("application", *id)),
                },
            )
            .await?;
        }
    }
    commit_done(tx, actor, "group.confirm", ("course", course_id), now).await?;
    Ok(included.len())
}

/// Offers nobody answered by the deadline lapse: the place is free again and the
/// application goes back on the waitlist, keeping its place in the queue. Run by the
/// server every few minutes; returns how many lapsed.
pub async fn lapse_overdue_offers(state: &AppState) -> Result<usize, WebError> {
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    let overdue = offers::overdue(&mut tx.tx, now).await?;
    for offer in &overdue {
        offers::respond(&mut tx.tx, offer.id, OfferStatus::Lapsed, now).await?;
        let application = applications::get_any(&mut tx.tx, offer.application_id).await?;
        if application.stage == Stage::Offered.as_str() {
            applications::set_stage(&mut tx.tx, application.id, Stage::Waitlisted.as_str(), None, now).await?;
            applications::add_event(&mut tx.tx, application.id, now, None, Some("offered"), "waitlisted", "").await?;
        }
        let mut event =
            samla_domain::audit::AuditEvent::new("offer.lapse", Outcome::Success).record("application", application.id);
        event.organisation_id = Some(application.organisation_id);
        audit::append(&mut tx, &event, now).await?;
    }
    tx.commit().await?;
    Ok(overdue.len())
}
