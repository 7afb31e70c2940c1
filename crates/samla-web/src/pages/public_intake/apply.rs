//! The registration form (a guardian for a child, or an adult for themself), the
//! referral form for professionals, and the receipt.

use super::{contact_value, course_id, course_value, organisation_value, render, PublicForm};
use crate::error::WebError;
use crate::forms::{FormData, FormState};
use crate::pages::intake_labels::channel_label;
use crate::pages::{ClientAddress, Ui};
use crate::services::intake::public::{self, FormContext, Submitted};
use crate::services::intake::{ApplicationForm, ApplicationKind};
use crate::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::Value;
use samla_domain::intake::reference::reference_code;
use samla_domain::secrets::random_token;
use samla_domain::FieldErrors;
use std::collections::BTreeMap;

/// Which of the two public forms.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Register,
    Refer,
}

impl Form {
    /// Who fills in the form: a referral, or for a course for children a guardian, else
    /// the adult themself.
    fn kind(self, context: &FormContext) -> ApplicationKind {
        match self {
            Form::Refer => ApplicationKind::Referral,
            Form::Register if context.course.for_children => ApplicationKind::Guardian,
            Form::Register => ApplicationKind::Myself,
        }
    }
}

fn kind_code(kind: ApplicationKind) -> &'static str {
    match kind {
        ApplicationKind::Guardian => "guardian",
        ApplicationKind::Referral => "referral",
        _ => "self",
    }
}

async fn context(state: &AppState, slug: &str, raw_course_id: &str, form: Form) -> Result<FormContext, WebError> {
    let kind = if form == Form::Refer { ApplicationKind::Referral } else { ApplicationKind::Guardian };
    public::form_context(state, slug, course_id(raw_course_id)?, kind).await
}

/// One of the two public forms, as a type: a route names it to pick its form.
pub trait FormKind {
    const FORM: Form;
}

/// The form a parent or an adult applies with.
pub struct Register;

impl FormKind for Register {
    const FORM: Form = Form::Register;
}

/// The form a professional refers someone with.
pub struct Refer;

impl FormKind for Refer {
    const FORM: Form = Form::Refer;
}

pub async fn show_form<K: FormKind>(
    State(state): State<AppState>,
    ui: Ui,
    Path((slug, course)): Path<(String, String)>,
) -> Result<Response, WebError> {
    show(state, ui, slug, course, K::FORM).await
}

async fn show(state: AppState, ui: Ui, slug: String, course: String, form: Form) -> Result<Response, WebError> {
    let context = context(&state, &slug, &course, form).await?;
    // A fresh key for this form: sending it twice makes one application.
    let values = FormState::new()
        .with_value("submission", random_token(18))
        .with_value("guardian_responsibility", "true")
        .with_value("second_guardian_responsibility", "true");
    render_form(&state, &ui, &context, form, values, StatusCode::OK)
}

pub async fn submit_form<K: FormKind>(
    State(state): State<AppState>,
    ui: Ui,
    ClientAddress(address): ClientAddress,
    Path((slug, course)): Path<(String, String)>,
    PublicForm(form): PublicForm,
) -> Result<Response, WebError> {
    submit(state, ui, address, slug, course, form, K::FORM).await
}

async fn submit(
    state: AppState,
    ui: Ui,
    address: String,
    slug: String,
    course: String,
    data: FormData,
    which: Form,
) -> Result<Response, WebError> {
    let context = context(&state, &slug, &course, which).await?;
    let kind = which.kind(&context);
    let application = application_form(&data, &context, kind);
    let outcome =
        public::submit(&state, &slug, kind, &application, data.get("submission"), data.get("website"), &address).await;
    let kept = || {
        // Check boxes that were not ticked send nothing; show them as sent.
        data.kept()
            .with_value("guardian_responsibility", &application.guardian_responsibility)
            .with_value("second_guardian_responsibility", &application.second_guardian_responsibility)
    };
    let receipt = match outcome {
        Ok(Submitted::Received(receipt)) => minijinja::context! {
            reference => receipt.reference,
            withdraw_url => receipt.withdraw_url,
        },
        // A bot learns nothing: the same page, with a reference and a link that lead nowhere.
        Ok(Submitted::Ignored) => minijinja::context! {
            reference => reference_code(rand::random()),
            withdraw_url => format!("{}/withdraw/{}", state.config.public_url.trim_end_matches('/'), random_token(24)),
        },
        Err(WebError::Invalid(errors)) => {
            let errors = in_page_order(errors, kind, context.course.for_children);
            return render_form(
                &state,
                &ui,
                &context,
                which,
                kept().with_errors(errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
        Err(WebError::Refused(errors)) => {
            return render_form(&state, &ui, &context, which, kept().with_errors(errors), StatusCode::TOO_MANY_REQUESTS)
        }
        Err(other) => return Err(other),
    };
    let email = match kind {
        ApplicationKind::Referral => &application.referrer_email,
        ApplicationKind::Guardian => &application.guardian_email,
        _ => &application.participant_email,
    };
    render(
        &state,
        &ui,
        StatusCode::OK,
        "public_receipt.html",
        "public-receipt-title",
        Some(organisation_value(&context.organisation)),
        minijinja::context! {
            kind => kind_code(kind),
            course => course_value(&context.course),
            email_sent => !email.trim().is_empty(),
            contact => contact_value(&context.public_phone, &context.public_email),
            ..receipt
        },
    )
}

/// The application as typed, with only the fields this form shows: a family cannot set
/// what staff decide (household, priority).
fn application_form(data: &FormData, context: &FormContext, kind: ApplicationKind) -> ApplicationForm {
    let get = |name: &str| data.get(name).to_string();
    let yes_no = |name: &str| if data.checked(name) { "true" } else { "false" }.to_string();
    let child = context.course.for_children;
    let mut form = ApplicationForm {
        course_id: context.course.course_id.to_string(),
        participant_type: if child { "child" } else { "adult" }.to_string(),
        participant_name: get("participant_name"),
        participant_birth_date: get("participant_birth_date"),
        participant_sex: get("participant_sex"),
        channel_id: get("channel_id"),
        needs: get("needs"),
        ..Default::default()
    };
    if context.national_id_enabled {
        form.participant_national_id = get("participant_national_id");
    }
    if child {
        form.guardian_name = get("guardian_name");
        form.guardian_phone = get("guardian_phone");
        form.guardian_email = get("guardian_email");
    } else {
        form.participant_phone = get("participant_phone");
        form.participant_email = get("participant_email");
    }
    match kind {
        ApplicationKind::Referral => {
            form.guardian_responsibility = "true".into();
            form.referrer_name = get("referrer_name");
            form.referrer_service = get("referrer_service");
            form.referrer_phone = get("referrer_phone");
            form.referrer_email = get("referrer_email");
            form.reason = get("reason");
            form.family_informed = yes_no("family_informed");
        }
        _ => {
            if child {
                form.guardian_responsibility = yes_no("guardian_responsibility");
                form.second_guardian_name = get("second_guardian_name");
                form.second_guardian_phone = get("second_guardian_phone");
                form.second_guardian_email = get("second_guardian_email");
                form.second_guardian_responsibility = yes_no("second_guardian_responsibility");
            }
            form.consents = data.all("consents");
        }
    }
    form
}

fn render_form(
    state: &AppState,
    ui: &Ui,
    context: &FormContext,
    which: Form,
    form: FormState,
    status: StatusCode,
) -> Result<Response, WebError> {
    let kind = which.kind(context);
    let mut channels =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "public-channel-none", &[]) }];
    channels.extend(context.channels.iter().map(|channel| {
        minijinja::context! { value => channel.id.to_string(), label => channel_label(&state.i18n, ui.lang, channel) }
    }));
    let consents: Vec<Value> = if kind == ApplicationKind::Referral {
        Vec::new()
    } else {
        context
            .consent_texts
            .iter()
            .map(|text| {
                let paragraphs: Vec<&str> = text.body.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).collect();
                minijinja::context! { purpose => text.purpose.clone(), paragraphs => paragraphs }
            })
            .collect()
    };
    let labels: BTreeMap<&str, String> = label_keys(kind, context.course.for_children)
        .into_iter()
        .map(|(field, key)| (field, state.i18n.text(ui.lang, key, &[])))
        .collect();
    let (action, title_key) = match which {
        Form::Register => (
            "register",
            if kind == ApplicationKind::Guardian {
                "public-register-child-title"
            } else {
                "public-register-self-title"
            },
        ),
        Form::Refer => ("refer", "public-refer-title"),
    };
    render(
        state,
        ui,
        status,
        "public_form.html",
        title_key,
        Some(organisation_value(&context.organisation)),
        minijinja::context! {
            form => ui.form(state, &form),
            kind => kind_code(kind),
            action => format!("/o/{}/courses/{}/{action}", context.organisation.slug, context.course.course_id),
            course => course_value(&context.course),
            channels => channels,
            sex_options => crate::pages::intake::sex_options(state, ui),
            consents => consents,
            labels => labels,
            national_id => context.national_id_enabled,
            contact => contact_value(&context.public_phone, &context.public_email),
        },
    )
}

/// The label of each field the form shows, in the order of the page, by who fills it
/// in: the same words at the field and in the error summary, so "Fill in the field"
/// always says which one.
fn label_keys(kind: ApplicationKind, child: bool) -> Vec<(&'static str, &'static str)> {
    let mut labels = Vec::new();
    if kind == ApplicationKind::Referral {
        labels.extend([
            ("referrer_name", "public-field-referrer-name"),
            ("referrer_service", "public-field-referrer-service"),
            ("channel_id", "public-field-referral-source"),
            ("referrer_phone", "public-field-referrer-phone"),
            ("referrer_email", "public-field-referrer-email"),
        ]);
    }
    let own = kind != ApplicationKind::Referral;
    labels.push((
        "participant_name",
        match (child, own) {
            (true, _) => "public-field-child-name",
            (false, true) => "public-field-own-name",
            (false, false) => "public-field-participant-name",
        },
    ));
    labels.extend([
        ("participant_birth_date", "public-field-birth-date"),
        ("participant_national_id", "public-field-national-id"),
    ]);
    match (child, own) {
        (true, true) => labels.extend([
            ("guardian_name", "public-field-own-name"),
            ("guardian_phone", "public-field-own-phone"),
            ("guardian_email", "public-field-own-email"),
            ("guardian_responsibility", "public-field-responsibility"),
            ("second_guardian_name", "public-field-second-guardian-name"),
            ("second_guardian_phone", "public-field-second-guardian-phone"),
            ("second_guardian_email", "public-field-second-guardian-email"),
            ("second_guardian_responsibility", "public-field-second-responsibility"),
        ]),
        (true, false) => labels.extend([
            ("guardian_name", "public-field-referral-guardian-name"),
            ("guardian_phone", "public-field-referral-guardian-phone"),
            ("guardian_email", "public-field-referral-guardian-email"),
        ]),
        (false, true) => labels
            .extend([("participant_phone", "public-field-own-phone"), ("participant_email", "public-field-own-email")]),
        (false, false) => labels.extend([
            ("participant_phone", "public-field-participant-phone"),
            ("participant_email", "public-field-participant-email"),
        ]),
    }
    if own {
        labels.extend([
            ("channel_id", "public-field-heard"),
            ("needs", "public-field-needs"),
            ("consents", "public-section-consent"),
        ]);
    } else {
        labels.extend([
            ("reason", "public-field-reason"),
            ("needs", "public-field-needs"),
            ("family_informed", "public-field-family-informed"),
        ]);
    }
    labels
}

/// The errors in the order their fields come on the page, so the summary reads top down.
fn in_page_order(mut errors: FieldErrors, kind: ApplicationKind, child: bool) -> FieldErrors {
    let order: Vec<&str> = label_keys(kind, child).into_iter().map(|(field, _)| field).collect();
    errors.0.sort_by_key(|e| order.iter().position(|f| *f == e.field).unwrap_or(usize::MAX));
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use samla_domain::accounts::Language;

    #[test]
    fn errors_follow_the_page() {
        use samla_domain::FieldError;
        let errors = FieldErrors(vec![
            FieldError::new("participant_name", "error-required"),
            FieldError::new("form", "error-too-many-submissions"),
            FieldError::new("referrer_name", "error-required"),
            FieldError::new("family_informed", "error-family-informed"),
        ]);
        let fields: Vec<String> =
            in_page_order(errors, ApplicationKind::Referral, true).0.into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["referrer_name", "participant_name", "family_informed", "form"]);
    }

    #[test]
    fn every_label_exists() {
        let i18n = I18n::load();
        for kind in [ApplicationKind::Guardian, ApplicationKind::Myself, ApplicationKind::Referral] {
            for child in [true, false] {
                for (_, key) in label_keys(kind, child) {
                    for language in Language::ALL {
                        assert!(i18n.has(language, key), "{key} missing in {}", language.code());
                    }
                }
            }
        }
    }
}
