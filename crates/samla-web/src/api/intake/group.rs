//! Forming a course's group from the programme's waitlist: a proposal that explains
//! for each person why they are in or out, confirming it (offers go out), and the
//! people enrolled on the course.

use super::*;
use crate::api::conventions::{CoursePath, CourseProblems, CourseWorkerProblems};
use crate::services::intake::group::{self as service, ConfirmForm, ProposalForm};
use samla_domain::intake::group_formation::{Pin, Reason};

names!(
    /// together: siblings are all in or all out; apart: one child per household.
    SiblingRuleName {
        Together = "together",
        Apart = "apart",
    }
);

names!(
    /// How the coordinator pinned a candidate.
    PinName {
        None = "none",
        Include = "include",
        Exclude = "exclude",
    }
);

names!(
    /// Why a candidate is in or out: chosen (by priority and waiting time, with `rank`),
    /// pinned-in, pinned-out, outside-age-band (with `age`), age-unknown, group-full,
    /// siblings-do-not-fit, sibling-already-in-group, sibling-outside-rules.
    ReasonCode {
        Chosen = "chosen",
        PinnedIn = "pinned-in",
        PinnedOut = "pinned-out",
        OutsideAgeBand = "outside-age-band",
        AgeUnknown = "age-unknown",
        GroupFull = "group-full",
        SiblingsDoNotFit = "siblings-do-not-fit",
        SiblingAlreadyInGroup = "sibling-already-in-group",
        SiblingOutsideRules = "sibling-outside-rules",
    }
);

/// The coordinator's choices for a group. Pins are application ids from the waitlist.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupChoices {
    /// Youngest age in the group at the course's first session; left out: no lower limit.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 120)]
    pub age_min: Option<u32>,
    /// Oldest age; left out: no upper limit. Not below `age_min`.
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 120)]
    pub age_max: Option<u32>,
    /// Left out: together.
    #[serde(default)]
    pub siblings: Option<SiblingRuleName>,
    /// Applications the coordinator wants in (if the age band allows); ids of no
    /// waitlisted application change nothing.
    #[serde(default, deserialize_with = "whole::list")]
    pub include: Vec<i64>,
    /// Applications the coordinator wants out.
    #[serde(default, deserialize_with = "whole::list")]
    pub exclude: Vec<i64>,
}

/// Application ids: JSON integers, `4.0` as well as `4` (JSON Schema counts both).
impl GroupChoices {
    fn form(&self) -> ProposalForm {
        let ids = |ids: &[i64]| ids.iter().map(i64::to_string).collect();
        ProposalForm {
            age_min: number(self.age_min),
            age_max: number(self.age_max),
            siblings: self.siblings.map(|s| s.code().to_string()).unwrap_or_default(),
            include: ids(&self.include),
            exclude: ids(&self.exclude),
        }
    }
}

/// The decision about one waitlisted application.
#[derive(Serialize, ToSchema)]
pub struct GroupPlacement {
    pub application_id: i64,
    pub reference: String,
    pub participant_name: String,
    /// Age at the course's first session (its start date while it has none).
    pub age: Option<u32>,
    /// 1 (highest) to 3.
    pub priority: i64,
    pub pin: PinName,
    pub included: bool,
    pub reason: ReasonCode,
    /// With `chosen`: the order in which places were filled (1 = first).
    pub rank: Option<u32>,
}

/// A proposed group for a course.
#[derive(Serialize, ToSchema)]
pub struct GroupProposal {
    pub course_id: i64,
    /// The course's capacity less those enrolled and those with an open offer.
    pub places_left: u32,
    pub enrolled: i64,
    pub open_offers: i64,
    /// How many the proposal includes.
    pub size: u32,
    /// The programme's smallest group.
    pub minimum: u32,
    /// Whether the group reaches the programme's smallest size.
    pub meets_minimum: bool,
    /// The ids of the included applications: send them as `expected` to confirmGroup.
    pub included: Vec<i64>,
    /// Every waitlisted application for the programme (and this course), in waitlist order.
    pub placements: Vec<GroupPlacement>,
}

fn proposal_json(view: &service::ProposalView) -> GroupProposal {
    GroupProposal {
        course_id: view.course.id,
        places_left: view.places_left,
        enrolled: view.enrolled,
        open_offers: view.open_offers,
        size: view.proposal.size,
        minimum: view.rules.minimum,
        meets_minimum: view.proposal.meets_minimum,
        included: view.proposal.included_ids().collect(),
        placements: view
            .candidates
            .iter()
            .map(|c| GroupPlacement {
                application_id: c.application.id,
                reference: c.application.reference.clone(),
                participant_name: c.application.participant_name.clone(),
                age: c.age,
                priority: c.application.priority,
                pin: match c.pin {
                    Pin::None => PinName::None,
                    Pin::Include => PinName::Include,
                    Pin::Exclude => PinName::Exclude,
                },
                included: c.placement.included,
                reason: ReasonCode::parse(c.placement.reason.code()),
                rank: match c.placement.reason {
                    Reason::Chosen { rank } => Some(rank),
                    _ => None,
                },
            })
            .collect(),
    }
}

/// Proposes a group for the course from the programme's waitlist: by priority and
/// waiting time within the age band and the places left, siblings kept together (or
/// apart), with the coordinator's pins. Changes nothing; audited as a read of names.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/group-proposal", operation_id = "proposeGroup", tag = "intake",
    params(CoursePath),
    request_body = GroupChoices,
    responses(
        (status = 200, description = "The proposal, with the reason for each person", body = GroupProposal),
        CourseProblems,
        (status = 422, description = "Invalid fields, e.g. age_max below age_min", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn propose_group(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<GroupChoices>,
) -> Result<Json<GroupProposal>, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    let view = service::propose(&state, &actor, course_id, &body.form()).await?;
    Ok(Json(proposal_json(&view)))
}

/// Confirming a proposal: the same choices as for proposeGroup, the group the
/// coordinator saw, and a deadline.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupConfirmation {
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 120)]
    pub age_min: Option<u32>,
    #[serde(default, deserialize_with = "whole::optional")]
    #[schema(minimum = 0, maximum = 120)]
    pub age_max: Option<u32>,
    #[serde(default)]
    pub siblings: Option<SiblingRuleName>,
    #[serde(default, deserialize_with = "whole::list")]
    pub include: Vec<i64>,
    #[serde(default, deserialize_with = "whole::list")]
    pub exclude: Vec<i64>,
    /// The application ids proposeGroup included. If the waitlist changed meanwhile the
    /// confirmation is refused (409) and a new proposal is needed.
    #[serde(deserialize_with = "whole::list")]
    pub expected: Vec<i64>,
    /// The last day to answer; left out: the organisation's number of days from today.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Date)]
    pub deadline: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct ConfirmedGroup {
    /// Offers made (one per included application), each sent with accept and decline
    /// links through the outbox.
    pub offers: usize,
}

/// Confirms a proposal: each included application is offered a place on the course
/// (stage `offered`), with a deadline to answer.
#[utoipa::path(post, path = "/api/v1/organisations/{org}/courses/{course_id}/group-proposal/confirm", operation_id = "confirmGroup", tag = "intake",
    params(CoursePath),
    request_body = GroupConfirmation,
    responses(
        (status = 200, description = "Offers made", body = ConfirmedGroup),
        CourseProblems,
        (status = 409, description = "The proposal changed since it was made, or nobody is in it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Invalid fields, e.g. a deadline in the past", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn confirm_group(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
    ApiJson(body): ApiJson<GroupConfirmation>,
) -> Result<Json<ConfirmedGroup>, WebError> {
    actor.authorize(&state, Action::PlanCourses).await?;
    let choices = GroupChoices {
        age_min: body.age_min,
        age_max: body.age_max,
        siblings: body.siblings,
        include: body.include,
        exclude: body.exclude,
    };
    let mut errors = FieldErrors::new();
    check_day(&mut errors, "deadline", body.deadline.as_deref());
    errors.finish(|| ())?;
    let choices = choices.form();
    let form = ConfirmForm {
        age_min: choices.age_min,
        age_max: choices.age_max,
        siblings: choices.siblings,
        include: choices.include,
        exclude: choices.exclude,
        expected: body.expected.iter().map(i64::to_string).collect(),
        deadline: opt(&body.deadline).to_string(),
    };
    let offers = service::confirm(&state, &actor, course_id, &form).await?;
    Ok(Json(ConfirmedGroup { offers }))
}

names!(
    /// participant, or parent (a guardian joining the parent sessions).
    EnrolmentRoleName {
        Participant = "participant",
        Parent = "parent",
    }
);
name_from!(samla_domain::intake::enrolment::ParticipantRole => EnrolmentRoleName { Participant, Parent });

names!(
    EnrolmentStatusName {
        Active = "active",
        DroppedOut = "dropped_out",
    }
);
name_from!(samla_domain::intake::enrolment::ParticipantStatus => EnrolmentStatusName { Active, DroppedOut });

/// A person enrolled on a course.
#[derive(Serialize, ToSchema)]
pub struct CourseParticipant {
    pub id: i64,
    pub person_id: i64,
    pub name: String,
    #[schema(value_type = Option<String>, format = Date)]
    pub birth_date: Option<String>,
    pub household_id: i64,
    pub application_id: Option<i64>,
    pub role: EnrolmentRoleName,
    pub status: EnrolmentStatusName,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// How the participant was recruited (a parent: their child's channel).
    pub channel: Option<RecruitmentChannel>,
    /// Unix seconds.
    pub enrolled_at: i64,
}

/// The course's participants and the parents joining the parent sessions, each with
/// their recruitment channel. For the course's working group; a read of names and
/// contact details, audited.
#[utoipa::path(get, path = "/api/v1/organisations/{org}/courses/{course_id}/participants", operation_id = "listCourseParticipants", tag = "intake",
    params(CoursePath),
    responses(
        (status = 200, description = "Participants, then parents", body = Items<CourseParticipant>),
        CourseWorkerProblems,
    ))]
pub async fn list_course_participants(
    OrgCaller(state, actor, Id(course_id)): OrgCaller<Id>,
) -> Result<Json<Items<CourseParticipant>>, WebError> {
    let (_, people) = crate::services::intake::participants::for_course(&state, &actor, course_id).await?;
    let items = people
        .iter()
        .map(|v| {
            let p = &v.participant;
            CourseParticipant {
                id: p.id,
                person_id: p.person_id,
                name: p.name.clone(),
                birth_date: p.birth_date.clone(),
                household_id: p.household_id,
                application_id: p.application_id,
                role: p.role.into(),
                status: p.status.into(),
                phone: non_empty(&v.phone),
                email: non_empty(&v.email),
                channel: v.channel.as_ref().map(channel_json),
                enrolled_at: p.enrolled_at,
            }
        })
        .collect();
    Ok(Json(Items { items }))
}
