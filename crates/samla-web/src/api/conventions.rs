//! What the whole OpenAPI document shares: the `{org}` parameter ([`OrgSlug`]) and the
//! problems most operations answer alike ([`StandardProblems`] and its parts), listed by
//! each operation; and, added in one place after the features' operations are merged,
//! the text rule's two schemas, which every text field refers to, and the 415 answer of
//! every operation that takes a body.
//!
//! A text field states its own limit (`maxLength`) and which of the rule's patterns it
//! follows by the name of the rule's function, as its `format` (`#[schema(max_length =
//! 200, format = "required_line")]`, see [`TEXT_FORMATS`]); here the name becomes the
//! pattern ([`samla_domain::validation::SINGLE_LINE_PATTERN`] and its kin) and the field
//! is wrapped as `allOf: [{$ref: SingleLineText}, {…}]` so a reader finds the rule in
//! words once, in `SingleLineText` or `MultiLineText`.

use samla_domain::validation::{
    Lines, MULTI_LINE_PATTERN, MULTI_LINE_RULE, OPTIONAL_MULTI_LINE_PATTERN, OPTIONAL_SINGLE_LINE_PATTERN,
    SINGLE_LINE_PATTERN, SINGLE_LINE_RULE,
};
use std::collections::BTreeMap;
use utoipa::openapi::content::ContentBuilder;
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::response::{Response, ResponseBuilder};
use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, ArrayItems, ObjectBuilder, Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{OpenApi, Ref, RefOr};
use utoipa::{IntoParams, IntoResponses, ToSchema};

/// A statistics table's level: the nation, a region or an organisation.
pub const STATISTICS_LEVEL_PATTERN: &str = r"^(nation|region:[a-z_]{1,30}|organisation:[0-9]{1,18})$";
/// A statistics table's period: a year or one of its terms.
pub const STATISTICS_PERIOD_PATTERN: &str = r"^[0-9]{4}(-spring|-autumn)?$";

/// The names of the two shared text schemas.
pub const SINGLE_LINE_TEXT: &str = "SingleLineText";
pub const MULTI_LINE_TEXT: &str = "MultiLineText";

/// The `{org}` path parameter of every operation under an organisation, for an
/// operation's `params(...)`.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
pub struct OrgSlug {
    /// The organisation's slug
    pub org: String,
}

/// The paths of the things most operations work on, each with the `{org}` it is under,
/// for an operation's `params(...)`.
macro_rules! paths {
    ($($(#[$doc:meta])* $name:ident { $($(#[$field_doc:meta])* $field:ident: $ty:ty),+ $(,)? })*) => {
        $(
            $(#[$doc])*
            #[derive(IntoParams)]
            #[into_params(parameter_in = Path)]
            pub struct $name {
                /// The organisation's slug
                pub org: String,
                $($(#[$field_doc])* pub $field: $ty),+
            }
        )*
    };
}

paths! {
    /// A course.
    CoursePath {
        /// The course's id
        course_id: i64,
    }
    /// One session or meeting of a course.
    CourseSessionPath {
        /// The course's id
        course_id: i64,
        /// The session's id
        session_id: i64,
    }
    /// A session, by its own id.
    SessionPath {
        /// The session's id
        session_id: i64,
    }
    /// A meeting (a session of kind meeting), by its own id.
    MeetingPath {
        /// The meeting's id
        session_id: i64,
    }
    /// A programme.
    ProgrammePath {
        /// The programme's id or slug
        programme: String,
    }
    /// An application.
    ApplicationPath {
        /// The application's id
        application_id: i64,
    }
    /// A questionnaire round.
    RoundPath {
        /// The round's id
        round_id: i64,
    }
    /// A questionnaire.
    QuestionnairePath {
        /// The questionnaire's id
        questionnaire_id: i64,
    }
    /// A participant of a course.
    CourseParticipantPath {
        /// The course's id
        course_id: i64,
        /// The participant's id in the course
        participant_id: i64,
    }
    /// A participant of a course, as the observations name them.
    ObservedParticipantPath {
        /// The course's id
        course_id: i64,
        /// The participant's id on the course
        participant_id: i64,
    }
    /// A guest of a meeting.
    MeetingGuestPath {
        /// The meeting's id
        session_id: i64,
        /// The guest's id
        guest_id: i64,
    }
    /// A leader's certification for a programme.
    CertificationPath {
        /// The programme's id
        programme: i64,
        /// A person in the organisation
        user_id: i64,
    }
    /// A person of the organisation.
    UserPath {
        /// The person's id
        user_id: i64,
    }
    /// A household.
    HouseholdPath {
        /// The household's id
        household_id: i64,
    }
    /// A concern report.
    ReportPath {
        /// The report's id
        report_id: i64,
    }
}

/// Sets of problem answers that many operations give together, each a type for an
/// operation's `responses(...)` made of the answers named (see [`problem_answers!`]).
macro_rules! problem_sets {
    ($($(#[$doc:meta])* $name:ident = $first:ident $(+ $part:ident)*;)*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    let mut responses = $first::responses();
                    $(responses.extend($part::responses());)*
                    responses
                }
            }
        )*
    };
}

problem_sets! {
    /// 400, 401 and 403 as most operations answer them, for an operation's `responses(...)`
    /// beside its own answers. An operation that says more about one of them (which callers
    /// are not allowed, say) lists the other parts ([`MalformedRequest`], [`NoValidToken`],
    /// [`NotAllowed`]) and its own answer instead; one without a token lists none of the
    /// token's.
    StandardProblems = MalformedRequest + NoValidToken + NotAllowed;
    /// [`StandardProblems`] and 404 of the operations under an organisation.
    OrganisationProblems = StandardProblems + OrganisationNotFound;
    /// [`StandardProblems`] and 404 of the operations under a course.
    CourseProblems = StandardProblems + CourseNotFound;
    /// [`StandardProblems`] and 404 of the operations under a programme.
    ProgrammeProblems = StandardProblems + ProgrammeNotFound;
    /// [`StandardProblems`] and 404 of the operations under an application.
    ApplicationProblems = StandardProblems + ApplicationNotFound;
    /// [`StandardProblems`] and 404 of the operations on one session of a course.
    CourseSessionProblems = StandardProblems + CourseSessionNotFound;
    /// [`StandardProblems`] and 404 of the operations under a questionnaire.
    QuestionnaireProblems = StandardProblems + QuestionnaireNotFound;
    /// 400, 401 and 404 with the 403 of a course's running work.
    CourseRecorderProblems = MalformedRequest + NoValidToken + RecordersOnly + CourseNotFound;
    /// 400, 401 and 404 with the 403 of a session's running work.
    SessionRecorderProblems = MalformedRequest + NoValidToken + RecordersOnly + SessionNotFound;
    /// 400, 401 and 404 with the 403 of a meeting's running work.
    MeetingRecorderProblems = MalformedRequest + NoValidToken + RecordersOnly + MeetingNotFound;
    /// 400, 401 and 404 with the 403 of reading a course's work as its working group.
    CourseWorkingGroupProblems = MalformedRequest + NoValidToken + WorkingGroupOnly + CourseNotFound;
    /// 400, 401 and 404 with the 403 of reading a session's work as the course's working group.
    SessionWorkingGroupProblems = MalformedRequest + NoValidToken + WorkingGroupOnly + SessionNotFound;
    /// 400, 401 and 404 with the 403 of reading a round's results as the course's working group.
    RoundWorkingGroupProblems = MalformedRequest + NoValidToken + WorkingGroupOnly + RoundNotFound;
    /// 400, 401 and 404 with the 403 of running a course's evaluations.
    CourseEvaluatorProblems = MalformedRequest + NoValidToken + EvaluatorsOnly + CourseNotFound;
    /// 400, 401 and 404 with the 403 of running evaluations on a round's course.
    RoundEvaluatorProblems = MalformedRequest + NoValidToken + EvaluatorsOnly + RoundNotFound;
    /// 400, 401 and 404 with the 403 of configuring course work in an organisation.
    CourseWorkConfigProblems = MalformedRequest + NoValidToken + CourseWorkConfigurersOnly + OrganisationNotFound;
    /// [`StandardProblems`] and 404 of the operations on a person of the organisation.
    PersonProblems = StandardProblems + PersonNotFound;
    /// [`StandardProblems`] and 404 of the operations on a household.
    HouseholdProblems = StandardProblems + HouseholdNotFound;
    /// [`StandardProblems`] and 404 of the operations on one version of a programme.
    ProgrammeVersionProblems = StandardProblems + ProgrammeVersionNotFound;
    /// [`StandardProblems`] and 404 of the operations on a leader's certification.
    CertificationProblems = StandardProblems + ProgrammePersonNotFound;
    /// [`StandardProblems`] and 404 of the operations on a course of an organisation.
    OrganisationCourseProblems = StandardProblems + OrganisationCourseNotFound;
    /// 400, 401 and 404 with the 403 of the operations on a meeting's guest.
    MeetingGuestRecorderProblems = MalformedRequest + NoValidToken + RecordersOnly + MeetingGuestNotFound;
    /// 400, 401 and 404 with the 403 of reading a session's records.
    SessionRecordReaderProblems = MalformedRequest + NoValidToken + SessionRecordReadersOnly + SessionNotFound;
    /// 400, 401 and 404 with the 403 of the operations on a course only those who work on it use.
    CourseWorkerProblems = MalformedRequest + NoValidToken + CourseWorkersOnly + CourseNotFound;
    /// 400, 401 and 404 with the 403 of the operations on a programme that organisations share.
    SharedProgrammeProblems = MalformedRequest + NoValidToken + NotSharedProgramme + ProgrammeNotFound;
}

/// Problem answers that many operations give in the same words, each a type for an
/// operation's `responses(...)`; an operation that has more to say writes its own.
macro_rules! problem_answers {
    ($($(#[$doc:meta])* $name:ident { $($status:literal => $description:literal),+ $(,)? })*) => {
        $(
            $(#[$doc])*
            pub struct $name;

            impl IntoResponses for $name {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    BTreeMap::from([$(($status.to_string(), problem($description))),+])
                }
            }
        )*
    };
}

problem_answers! {
    /// 400: the path, query or body cannot be read.
    MalformedRequest { "400" => "Malformed request" }
    /// 401: the bearer token is missing, unknown, revoked or its owner disabled.
    NoValidToken { "401" => "No valid token" }
    /// 403: the token's owner may not do this.
    NotAllowed { "403" => "Not allowed" }
    /// 403 of the operations of a course's running work.
    RecordersOnly { "403" => "Not allowed to record session work on the course" }
    /// 403 of the operations only a course's working group may use.
    WorkingGroupOnly { "403" => "Not allowed (not in the course's working group)" }
    /// 404 of the operations under a course.
    CourseNotFound { "404" => "No such course here" }
    /// 404 of the operations under an organisation the caller is not in.
    OrganisationNotFound { "404" => "No such organisation of yours" }
    /// 404 of the operations under a programme.
    ProgrammeNotFound { "404" => "No such programme here" }
    /// 404 of the operations under an application.
    ApplicationNotFound { "404" => "No such application here" }
    /// 404 of the operations under a session.
    SessionNotFound { "404" => "No such session here" }
    /// 404 of the operations under a questionnaire round.
    RoundNotFound { "404" => "No such round here" }
    /// 404 of the operations on one session of a course.
    CourseSessionNotFound { "404" => "No such course or session here" }
    /// 404 of the operations under a meeting.
    MeetingNotFound { "404" => "No such meeting here" }
    /// 404 of the operations on a meeting's guest.
    MeetingGuestNotFound { "404" => "No such meeting or guest here" }
    /// 404 of the operations under a questionnaire.
    QuestionnaireNotFound { "404" => "No such questionnaire here" }
    /// 404 of the operations under a household.
    HouseholdNotFound { "404" => "No such household here" }
    /// 404 of the operations on a concern report.
    ReportNotFound { "404" => "No such report here" }
    /// 404 of the operations on a person of the organisation.
    PersonNotFound { "404" => "No such person here" }
    /// 404 of the operations on a leader's certification for a programme.
    ProgrammePersonNotFound { "404" => "No such programme or person here" }
    /// 404 of the operations on one version of a programme.
    ProgrammeVersionNotFound { "404" => "No such programme or version here" }
    /// 404 of the operations on a participant of a course.
    CourseParticipantNotFound { "404" => "No such course here, or no such participant on it" }
    /// 404 of the operations on a session's log (a meeting has a record instead).
    SessionLogNotFound { "404" => "No such session here (meetings have a record, not a log)" }
    /// 403 of the operations that run a course's evaluations.
    EvaluatorsOnly { "403" => "Not allowed to run evaluations on the course" }
    /// 403 of the operations that configure course work in an organisation.
    CourseWorkConfigurersOnly { "403" => "Not allowed to configure course work" }
    /// 403 of the operations on a programme another organisation shares.
    NotSharedProgramme { "403" => "Not allowed, or a programme another organisation shares" }
    /// 403 of the operations on the audit trail.
    AuditReadersOnly { "403" => "Not allowed to see the audit trail" }
    /// 403 of opening an emergency access.
    EmergencyOpenersOnly { "403" => "Not allowed to open an emergency access (only those who see sensitive data on their own courses may)" }
    /// 404 of the operations on one emergency access.
    EmergencyAccessNotFound { "404" => "No such emergency access here" }
    /// 409 of the operations on a meeting that can no longer change.
    MeetingClosed { "409" => "The meeting is cancelled, or the course archived or cancelled" }
    /// 409 of the operations on a course that can no longer change.
    CourseClosed { "409" => "The course is archived or cancelled" }
    /// 404 of the operations on a course of an organisation the caller may not be in.
    OrganisationCourseNotFound { "404" => "No such organisation or course here" }
    /// 404 of the operations on a questionnaire link.
    LinkNotFound { "404" => "No such link" }
    /// 400 of a write that may be resent with its `Idempotency-Key`.
    MalformedOrIdempotencyKey { "400" => "Malformed request or Idempotency-Key" }
    /// 400 of an export to a file.
    MalformedExportFormat { "400" => "Malformed request (format must be csv or xlsx)" }
    /// 403 of the operations only those who work on a course may use.
    CourseWorkersOnly { "403" => "Not allowed, e.g. a course the caller does not work on" }
    /// 403 of reading a session's records.
    SessionRecordReadersOnly {
        "403" => "Not allowed (not in the course's working group or a coordinator; secretaries read no session records)",
    }
    /// 403 of reading a course's evaluations.
    EvaluationUsersOnly { "403" => "Neither runs evaluations nor sees their results on the course" }
    /// 422 of a programme manual that cannot be accepted.
    ManualErrors { "422" => "The manual has errors; each is listed with its path" }
    /// 422 of a meeting's guest that cannot be accepted.
    InvalidGuest { "422" => "No name, or a name or organisation too long or with control characters" }
    /// 422 of a write to a course that cannot be accepted.
    InvalidFieldsOrCourseFinished { "422" => "Invalid fields, or the course is finished" }
    /// 422 of a body whose fields cannot be accepted, each named.
    InvalidFields { "422" => "Invalid fields" }
    /// 422 of a list whose paging cannot be read.
    InvalidPaging { "422" => "Invalid paging" }
    /// 412 and 428 of a write that names the version it changes (`If-Match`).
    VersionChecked {
        "412" => "Changed by someone else since read",
        "428" => "If-Match missing",
    }
}

/// The `If-Match` header of a write that names the version it changes, for an operation's
/// `params(...)`: each says which operation's ETag it takes. `Option<String>` where the
/// first write has no version to name yet.
macro_rules! if_match {
    ($($(#[$doc:meta])* $name:ident: $ty:ty => $description:tt)*) => {
        $(
            $(#[$doc])*
            #[derive(IntoParams)]
            #[into_params(parameter_in = Header)]
            pub struct $name {
                #[doc = $description]
                #[param(rename = "If-Match")]
                pub if_match: $ty,
            }
        )*
    };
}

if_match! {
    /// The version of a course.
    CourseIfMatch: String => "The ETag from getCourse, or *"
    /// The version of one session of a course.
    CourseSessionIfMatch: String => "The ETag from getCourseSession (the session's version), or *"
    /// The version of an application.
    ApplicationIfMatch: String => "The ETag from getApplication, or *"
    /// The version of a person's account.
    UserIfMatch: String => "The ETag from getUser, or *"
    /// The version of a programme.
    ProgrammeIfMatch: String => "The ETag from getProgramme (\"v3\"), or *"
    /// The version of the organisation's settings.
    OrganisationIfMatch: String => "The ETag from getOrganisation, or *"
    /// The version of the intake settings.
    IntakeSettingsIfMatch: String => "The ETag from getIntakeSettings, or *"
    /// The version of a concern report.
    ConcernReportIfMatch: String => "The ETag from getConcernReport, or *"
    /// The version of a session's log, once there is one.
    SessionLogIfMatch: Option<String> => "The ETag from getSessionLog; required once a log exists"
    /// The version of a session's attendance sheet, once there is one.
    AttendanceIfMatch: Option<String> => "The ETag from getSessionAttendance; required once a sheet is saved"
    /// The version of a meeting's record, once there is one.
    MeetingRecordIfMatch: Option<String> => "The ETag from getMeetingRecord; required once a record exists"
}

/// A 200 answer with the thing written and its new version in `ETag`, in the words given,
/// each a type for an operation's `responses(...)` over the body's schema: `Saved<Course>`.
macro_rules! versioned_answers {
    ($($(#[$doc:meta])* $name:ident => $description:literal)*) => {
        $(
            $(#[$doc])*
            pub struct $name<T>(std::marker::PhantomData<T>);

            impl<T: ToSchema> IntoResponses for $name<T> {
                fn responses() -> BTreeMap<String, RefOr<Response>> {
                    BTreeMap::from([("200".to_string(), new_version::<T>($description))])
                }
            }
        )*
    };
}

versioned_answers! {
    /// 200 of a write that saves the thing as sent.
    Saved => "Saved"
    /// 200 of a write that moves the thing.
    Moved => "Moved"
}

/// An answer with `T` as JSON and its new version in `ETag`.
fn new_version<T: ToSchema>(description: &str) -> RefOr<Response> {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name(T::name()))).build();
    let etag = HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some("The new version"))
        .build();
    let response =
        ResponseBuilder::new().description(description).content("application/json", content).header("ETag", etag);
    RefOr::T(response.build())
}

/// An answer with a problem document.
fn problem(description: &str) -> RefOr<Response> {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("Problem"))).build();
    RefOr::T(ResponseBuilder::new().description(description).content("application/problem+json", content).build())
}

/// The text rule's patterns by the name a field gives as its `format`: the functions of
/// `samla_domain::validation` that apply them. utoipa takes a pattern only as a literal,
/// so the fields name it and [`apply`] puts it in.
pub const TEXT_FORMATS: [(&str, &str); 4] = [
    ("required_line", SINGLE_LINE_PATTERN),
    ("optional_line", OPTIONAL_SINGLE_LINE_PATTERN),
    ("required_text", MULTI_LINE_PATTERN),
    ("optional_text", OPTIONAL_MULTI_LINE_PATTERN),
];

/// Applies the conventions added after merging to the merged document.
pub fn apply(document: &mut OpenApi) {
    describe_text_fields(document);
    answer_415_to_bodies(document);
}

/// The schema of a text field under the rule: a string with the rule's pattern (`required`:
/// something must be left after the rule) and at most `max_chars` characters. For types
/// that describe their schema by hand; fields name the same patterns ([`TEXT_FORMATS`]).
pub fn text_schema(lines: Lines, required: bool, max_chars: usize) -> RefOr<Schema> {
    let pattern = match (lines, required) {
        (Lines::One, true) => SINGLE_LINE_PATTERN,
        (Lines::One, false) => OPTIONAL_SINGLE_LINE_PATTERN,
        (Lines::Several, true) => MULTI_LINE_PATTERN,
        (Lines::Several, false) => OPTIONAL_MULTI_LINE_PATTERN,
    };
    let object = ObjectBuilder::new().schema_type(Type::String).max_length(Some(max_chars)).pattern(Some(pattern));
    RefOr::T(Schema::Object(object.build()))
}

/// Which rule a pattern states, if it is one of the text rule's.
pub fn text_kind(pattern: &str) -> Option<Lines> {
    match pattern {
        p if p == SINGLE_LINE_PATTERN || p == OPTIONAL_SINGLE_LINE_PATTERN => Some(Lines::One),
        p if p == MULTI_LINE_PATTERN || p == OPTIONAL_MULTI_LINE_PATTERN => Some(Lines::Several),
        _ => None,
    }
}

fn schema_name(lines: Lines) -> &'static str {
    match lines {
        Lines::One => SINGLE_LINE_TEXT,
        Lines::Several => MULTI_LINE_TEXT,
    }
}

/// Adds `SingleLineText` and `MultiLineText` (the rule in words, no constraint of their
/// own, so a field may still be nullable) and makes every text field refer to its own.
fn describe_text_fields(document: &mut OpenApi) {
    let components = document.components.get_or_insert_with(Default::default);
    for (lines, title, rule) in
        [(Lines::One, "Single-line text", SINGLE_LINE_RULE), (Lines::Several, "Multi-line text", MULTI_LINE_RULE)]
    {
        let schema = ObjectBuilder::new().schema_type(SchemaType::AnyValue).title(Some(title)).description(Some(rule));
        components.schemas.insert(schema_name(lines).to_string(), RefOr::T(Schema::Object(schema.build())));
    }
    for schema in components.schemas.values_mut() {
        wrap_text_fields(schema);
    }
    for item in document.paths.paths.values_mut() {
        for operation in operations(item) {
            for parameter in operation.parameters.iter_mut().flatten() {
                if let Some(schema) = parameter.schema.as_mut() {
                    wrap_text_fields(schema);
                }
            }
            if let Some(body) = operation.request_body.as_mut() {
                for content in body.content.values_mut() {
                    if let Some(schema) = content.schema.as_mut() {
                        wrap_text_fields(schema);
                    }
                }
            }
        }
    }
}

fn operations(item: &mut utoipa::openapi::PathItem) -> impl Iterator<Item = &mut Operation> {
    [
        item.get.as_mut(),
        item.put.as_mut(),
        item.post.as_mut(),
        item.delete.as_mut(),
        item.patch.as_mut(),
        item.options.as_mut(),
        item.head.as_mut(),
        item.trace.as_mut(),
    ]
    .into_iter()
    .flatten()
}

/// Wraps every text field found in `schema` (itself included), once.
fn wrap_text_fields(schema: &mut RefOr<Schema>) {
    let RefOr::T(inner) = schema else { return };
    match inner {
        Schema::Object(object) => {
            let named = |format: &SchemaFormat| match format {
                SchemaFormat::Custom(name) => TEXT_FORMATS.iter().find(|(n, _)| n == name).map(|(_, p)| *p),
                _ => None,
            };
            if let Some(pattern) = object.format.as_ref().and_then(named) {
                object.format = None;
                object.pattern = Some(pattern.to_string());
            }
            if let Some(lines) = object.pattern.as_deref().and_then(text_kind) {
                let description = object.description.take();
                let field = std::mem::take(object);
                let wrapped = AllOfBuilder::new()
                    .item(Ref::from_schema_name(schema_name(lines)))
                    .item(field)
                    .description(description)
                    .build();
                *schema = RefOr::T(Schema::AllOf(wrapped));
                return;
            }
            for property in object.properties.values_mut() {
                wrap_text_fields(property);
            }
            if let Some(AdditionalProperties::RefOr(extra)) = object.additional_properties.as_deref_mut() {
                wrap_text_fields(extra);
            }
        }
        Schema::Array(array) => {
            if let ArrayItems::RefOrSchema(items) = &mut array.items {
                wrap_text_fields(items);
            }
        }
        Schema::AllOf(all_of) => {
            let already = all_of.items.first().is_some_and(|first| {
                matches!(first, RefOr::Ref(r) if [SINGLE_LINE_TEXT, MULTI_LINE_TEXT].iter().any(|n| r.ref_location.ends_with(&format!("/{n}"))))
            });
            if !already {
                all_of.items.iter_mut().for_each(wrap_text_fields);
            }
        }
        Schema::OneOf(one_of) => one_of.items.iter_mut().for_each(wrap_text_fields),
        Schema::AnyOf(any_of) => any_of.items.iter_mut().for_each(wrap_text_fields),
        _ => {}
    }
}

/// Every operation that reads a body answers 415 to a body of another media type.
fn answer_415_to_bodies(document: &mut OpenApi) {
    for item in document.paths.paths.values_mut() {
        for operation in operations(item) {
            if operation.request_body.is_none() {
                continue;
            }
            let response = problem("The body is not sent as application/json");
            operation.responses.responses.entry("415".to_string()).or_insert(response);
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    /// Patterns of values with a form of their own (ids, slugs, times, amounts, keys),
    /// which are not free text.
    const STRUCTURED: [&str; 11] = [
        r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$",
        r"^[0-9]{1,18}$",
        r"^[0-9]{11}$",
        r"^([01][0-9]|2[0-3])[:.][0-5][0-9]$",
        r"^\+?[ ().-]*([0-9][ ().-]*){5,15}$",
        r"^(100000000(\.0{1,2})?|[0-9]{1,8}(\.[0-9]{1,2})?)$",
        r"^[0-9]{1,12}(\.[0-9]{1,6})?$",
        r"^[!-~]+$",
        // The audit log's filters match recorded action names and ids exactly.
        r"^[^\x00]*$",
        // A statistics table's level and period.
        super::STATISTICS_LEVEL_PATTERN,
        super::STATISTICS_PERIOD_PATTERN,
    ];
    /// Inputs without a pattern that are not free text: preconditions and language codes.
    const NAMED: [&str; 3] = ["If-Match", "If-None-Match", "language"];

    fn resolve<'a>(document: &'a Value, schema: &'a Value) -> &'a Value {
        match schema["$ref"].as_str() {
            Some(reference) => {
                let name = reference.rsplit('/').next().unwrap_or_default();
                &document["components"]["schemas"][name]
            }
            None => schema,
        }
    }

    /// Every string an operation reads (parameters and bodies, at any depth), by place.
    fn inputs<'a>(
        document: &'a Value,
        schema: &'a Value,
        place: String,
        seen: &mut Vec<String>,
        out: &mut Vec<(String, &'a Value)>,
    ) {
        if let Some(reference) = schema["$ref"].as_str() {
            if seen.iter().any(|s| s == reference) {
                return;
            }
            seen.push(reference.to_string());
            return inputs(document, resolve(document, schema), place, seen, out);
        }
        if let Some(items) = schema["allOf"].as_array() {
            let wraps_text = items
                .first()
                .and_then(|first| first["$ref"].as_str())
                .is_some_and(|r| r.ends_with("/SingleLineText") || r.ends_with("/MultiLineText"));
            if wraps_text {
                out.push((place, schema));
                return;
            }
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            for item in schema[key].as_array().into_iter().flatten() {
                inputs(document, item, place.clone(), seen, out);
            }
        }
        let types: Vec<&str> = match &schema["type"] {
            Value::String(one) => vec![one.as_str()],
            Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if types.contains(&"string") {
            out.push((place.clone(), schema));
        }
        for (name, property) in schema["properties"].as_object().into_iter().flatten() {
            inputs(document, property, format!("{place}.{name}"), seen, out);
        }
        if schema["items"].is_object() {
            inputs(document, &schema["items"], format!("{place}[]"), seen, out);
        }
        if schema["additionalProperties"].is_object() {
            inputs(document, &schema["additionalProperties"], format!("{place}{{}}"), seen, out);
        }
    }

    #[test]
    fn every_text_format_name_becomes_its_pattern() {
        let document = serde_json::to_string(super::super::document_json()).expect("a document");
        for (name, _) in super::TEXT_FORMATS {
            assert!(!document.contains(&format!(r#""format":"{name}""#)), "{name} left as a format");
        }
    }

    #[test]
    fn every_text_an_operation_reads_follows_the_text_rule() {
        let document = serde_json::to_value(super::super::document()).expect("a document");
        let mut found = Vec::new();
        for (path, item) in document["paths"].as_object().expect("paths") {
            for (method, operation) in item.as_object().expect("operations") {
                let at = format!("{method} {path}");
                // Path parameters are ids and slugs that name a record, not text.
                for parameter in operation["parameters"].as_array().into_iter().flatten().filter(|p| p["in"] != "path")
                {
                    let place = format!("{at} {}", parameter["name"].as_str().unwrap_or_default());
                    inputs(&document, &parameter["schema"], place, &mut Vec::new(), &mut found);
                }
                for content in operation["requestBody"]["content"].as_object().into_iter().flatten().map(|(_, c)| c) {
                    inputs(&document, &content["schema"], format!("{at} body"), &mut Vec::new(), &mut found);
                }
            }
        }
        assert!(found.len() > 100, "{} inputs", found.len());
        let mut wrong = Vec::new();
        for (place, schema) in &found {
            if let Some(items) = schema["allOf"].as_array() {
                let field = &items[1];
                let pattern = field["pattern"].as_str().unwrap_or_default();
                let kind = super::text_kind(pattern);
                let named = items[0]["$ref"].as_str().unwrap_or_default();
                let agrees = match kind {
                    Some(samla_domain::validation::Lines::One) => named.ends_with("/SingleLineText"),
                    Some(samla_domain::validation::Lines::Several) => named.ends_with("/MultiLineText"),
                    None => false,
                };
                if !agrees || !field["maxLength"].is_u64() {
                    wrong.push(format!("{place}: {schema}"));
                }
                continue;
            }
            let structured = schema["format"].is_string()
                || schema["enum"].is_array()
                || schema["pattern"].as_str().is_some_and(|p| STRUCTURED.contains(&p));
            let named =
                NAMED.iter().any(|name| place.ends_with(&format!(" {name}")) || place.ends_with(&format!(".{name}")));
            if !structured && !named {
                wrong.push(format!("{place}: {schema}"));
            }
        }
        assert!(wrong.is_empty(), "text inputs outside the text rule:\n{}", wrong.join("\n"));
    }
}
