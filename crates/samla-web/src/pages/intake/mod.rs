//! The staff's intake pages: the board, a phone call or paper form, one application, a
//! household, the waitlists, the group proposal for a course and the settings. Every
//! handler is thin: it reads the form, calls `services::intake` and renders.

pub(super) mod application;
pub(super) mod board;
pub(super) mod group;
pub(super) mod household;
pub(super) mod new;
pub(super) mod participants;
pub(super) mod settings;
pub(super) mod waitlist;

use super::intake_labels::channel_label;
use super::Ui;
use crate::auth::Actor;
use crate::error::WebError;
use crate::services::intake::{applications::OPEN_FOR_APPLICATIONS, settings as intake_settings};
use crate::services::{courses, programmes};
use crate::AppState;
use chrono::NaiveDate;
use minijinja::Value;
use samla_storage::intake::applications::Summary;
use samla_storage::intake::channels::Channel;
use std::collections::HashMap;

/// The key of a stage's name: `pre_conversation` → `stage-pre-conversation`.
pub(crate) fn stage_key(stage: &str) -> String {
    format!("stage-{}", stage.replace('_', "-"))
}

/// The key of a coded value's name: (`intake-purpose-`, `share_with_network`) →
/// `intake-purpose-share-with-network`.
fn coded_key(prefix: &str, code: &str) -> String {
    format!("{prefix}{}", code.replace('_', "-"))
}

fn text(state: &AppState, ui: &Ui, key: &str) -> String {
    state.i18n.text(ui.lang, key, &[])
}

/// `{value, label}` choices for coded values, named by `prefix` + code.
fn coded_options(state: &AppState, ui: &Ui, prefix: &str, codes: &[&str]) -> Vec<Value> {
    codes.iter().map(|c| option(c, text(state, ui, &coded_key(prefix, c)))).collect()
}

fn option(value: impl ToString, label: impl ToString) -> Value {
    minijinja::context! { value => value.to_string(), label => label.to_string() }
}

/// The choices of a participant's sex, ending with not stating it.
pub(crate) fn sex_options(state: &AppState, ui: &Ui) -> Vec<Value> {
    let mut options = coded_options(state, ui, "sex-", &["female", "male", "other"]);
    options.push(option("", text(state, ui, "sex-not-stated")));
    options
}

/// A list of choices led by an empty one.
fn with_empty(label: String, rest: Vec<Value>) -> Vec<Value> {
    let mut out = vec![option("", label)];
    out.extend(rest);
    out
}

/// An id in a form or a query, when it is one.
fn parse_id(raw: Option<&String>) -> Option<i64> {
    raw.and_then(|v| v.trim().parse::<i64>().ok()).filter(|id| *id > 0)
}

/// The day (YYYY-MM-DD) a moment falls on in the organisation's time zone.
fn local_day(actor: &Actor, unix: i64) -> String {
    actor.organisation.local_date(unix).to_string()
}

fn age_on(birth_date: Option<&str>, today: NaiveDate) -> Option<u32> {
    birth_date.and_then(courses::parse_date).map(|born| samla_domain::intake::consent::age_on(born, today))
}

/// What lists and the board need to show one application.
struct Context {
    today: NaiveDate,
    now: i64,
    course_names: HashMap<i64, String>,
}

impl Context {
    async fn load(state: &AppState, actor: &Actor) -> Result<Context, WebError> {
        Ok(Context {
            today: actor.organisation.today(&state.clock),
            now: state.clock.now(),
            course_names: courses::list(state, actor).await?.into_iter().map(|c| (c.id, c.name)).collect(),
        })
    }

    fn summary(&self, state: &AppState, ui: &Ui, actor: &Actor, s: &Summary) -> Value {
        minijinja::context! {
            id => s.id,
            reference => s.reference.clone(),
            stage => s.stage.clone(),
            stage_label => text(state, ui, &stage_key(&s.stage)),
            name => s.participant_name.clone(),
            programme => s.programme_name.clone(),
            course => s.course_id.and_then(|id| self.course_names.get(&id).cloned()),
            age => age_on(s.participant_birth_date.as_deref(), self.today),
            days => ((self.now - s.last_contact_at) / 86_400).max(0),
            priority => s.priority,
            waiting_since => local_day(actor, s.waitlisted_at.unwrap_or(s.created_at)),
            household_id => s.household_id,
        }
    }
}

/// Courses as choices: those that take applications (`open_only`) or all the actor sees.
async fn course_options(state: &AppState, actor: &Actor, open_only: bool) -> Result<Vec<Value>, WebError> {
    Ok(courses::list(state, actor)
        .await?
        .into_iter()
        .filter(|c| !open_only || OPEN_FOR_APPLICATIONS.contains(&c.status))
        .map(|c| option(c.id, format!("{} ({})", c.name, c.start_date)))
        .collect())
}

async fn programme_options(state: &AppState, actor: &Actor) -> Result<Vec<Value>, WebError> {
    Ok(programmes::library(state, actor, "", "").await?.into_iter().map(|p| option(p.id, p.name)).collect())
}

/// The organisation's recruitment channels (archived ones only with `archived`).
async fn channels(state: &AppState, actor: &Actor) -> Result<Vec<Channel>, WebError> {
    intake_settings::channels(state, actor).await
}

fn channel_options(state: &AppState, ui: &Ui, channels: &[Channel], current: Option<i64>) -> Vec<Value> {
    channels
        .iter()
        .filter(|c| c.archived == 0 || Some(c.id) == current)
        .map(|c| option(c.id, channel_label(&state.i18n, ui.lang, c)))
        .collect()
}

fn channel_name(state: &AppState, ui: &Ui, channels: &[Channel], id: Option<i64>) -> Option<String> {
    id.and_then(|id| channels.iter().find(|c| c.id == id)).map(|c| channel_label(&state.i18n, ui.lang, c))
}

/// Coded values whose names the intake pages build from the code.
pub(crate) const PURPOSES: [&str; 3] = ["participation", "share_with_network", "evaluation"];
pub(crate) const CAPACITIES: [&str; 3] = ["participant", "guardian", "child_own_say"];
pub(crate) const NOTICES: [&str; 13] = [
    "created",
    "moved",
    "talk",
    "details",
    "consent",
    "withdrawn",
    "link",
    "merged",
    "adult",
    "settings",
    "channel",
    "channel-archived",
    "text",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::I18n;
    use crate::services::intake::applications::PRE_CONVERSATION_OUTCOMES;
    use samla_domain::accounts::Language;
    use samla_domain::intake::stage::Stage;

    const METHODS: [&str; 4] = ["web", "paper", "in_conversation", "api"];
    const HOUSEHOLD_ROLES: [&str; 3] = ["child", "guardian", "adult"];
    const OFFER_STATUSES: [&str; 5] = ["open", "accepted", "declined", "withdrawn", "lapsed"];

    /// The keys the intake pages build from values exist in every language.
    #[test]
    fn keys_built_from_values_exist() {
        let i18n = I18n::load();
        let mut keys: Vec<String> = Stage::ALL.iter().map(|s| stage_key(s.as_str())).collect();
        keys.extend(PURPOSES.iter().map(|c| coded_key("intake-purpose-", c)));
        keys.extend(CAPACITIES.iter().map(|c| coded_key("intake-capacity-", c)));
        keys.extend(METHODS.iter().map(|c| coded_key("intake-method-", c)));
        keys.extend(HOUSEHOLD_ROLES.iter().map(|c| coded_key("intake-role-", c)));
        keys.extend(OFFER_STATUSES.iter().map(|c| coded_key("intake-offer-", c)));
        keys.extend(PRE_CONVERSATION_OUTCOMES.iter().map(|c| coded_key("intake-outcome-", c)));
        keys.extend(NOTICES.iter().map(|n| format!("intake-saved-{n}")));
        keys.extend(["heard", "referral", "both"].map(|k| format!("intake-channel-kind-{k}")));
        keys.extend(["none", "include", "exclude"].map(|p| format!("intake-pin-{p}")));
        keys.extend(["together", "apart"].map(|p| format!("intake-siblings-{p}")));
        keys.extend(["self", "guardian", "referral", "staff"].map(|k| format!("intake-kind-{k}")));
        keys.extend(["participant", "parent"].map(|r| format!("intake-enrolled-as-{r}")));
        keys.extend((1..=3).map(|p| format!("intake-priority-{p}")));
        for code in [
            "chosen",
            "pinned-in",
            "pinned-out",
            "outside-age-band",
            "age-unknown",
            "group-full",
            "siblings-do-not-fit",
            "sibling-already-in-group",
            "sibling-outside-rules",
        ] {
            keys.push(format!("group-reason-{code}"));
        }
        for key in keys {
            for language in Language::ALL {
                assert!(i18n.has(language, &key), "{key} missing in {}", language.code());
            }
        }
    }
}
