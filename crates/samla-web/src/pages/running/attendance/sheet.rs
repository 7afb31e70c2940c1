//! The attendance sheet as a form: what it starts with, what was sent, and the values the
//! template draws from.

use crate::forms::{FormData, FormState};
use crate::services::running::attendance::{Replaces, SessionView, SheetInput};
use minijinja::Value;
use samla_domain::running::attendance::{self as rules, Attendance, GuardianEntry, Sheet, SheetEntry, MAX_ADULTS};
use samla_domain::{FieldError, FieldErrors};

pub use samla_domain::running::attendance::{guardian_field, guardian_note_field};

pub fn attendance_field(participant_id: i64) -> String {
    format!("attendance.{participant_id}")
}

pub fn note_field(participant_id: i64) -> String {
    format!("note.{participant_id}")
}

/// A fresh one-time key for the next submission of the form.
pub fn submission_key() -> String {
    samla_domain::secrets::random_token(18)
}

/// Whether the sheet counts adults beside the names: where the session's audience has
/// grown-ups (parent, family and network gatherings); a children's session counts none.
pub fn adults_shown(view: &SessionView) -> bool {
    view.expected.shape.counts_adults()
}

/// The form as first shown: the saved sheet; or, before anything is saved, everyone
/// present except those who said they will be away, and the staff planned for the
/// session. Someone added to the course after the sheet was saved has nothing chosen and
/// must be marked before the sheet can be saved again.
pub fn first_form(view: &SessionView) -> FormState {
    let mut form =
        FormState::new().with_value("version", view.version()).with_value("submission_key", submission_key());
    match &view.sheet {
        Some(sheet) => {
            for entry in &sheet.entries {
                form = form
                    .with_value(&attendance_field(entry.participant_id), &entry.attendance)
                    .with_value(&note_field(entry.participant_id), &entry.note);
            }
            for entry in &sheet.guardians {
                form = form
                    .with_value(&guardian_field(entry.person_id), &entry.attendance)
                    .with_value(&guardian_note_field(entry.person_id), &entry.note);
            }
            form = form
                .with_value("parents", sheet.header.parents)
                .with_value("family_members", sheet.header.family_members)
                .with_values("staff_present", sheet.staff_present.iter().map(i64::to_string).collect());
        }
        None => {
            for p in &view.expected.participants {
                let preset =
                    if view.notice_for(p.id).is_some() { Attendance::AbsentWithNotice } else { Attendance::Present };
                form = form.with_value(&attendance_field(p.id), preset.as_str());
            }
            for g in &view.expected.guardians {
                let preset =
                    if view.guardian_notice(g).is_some() { Attendance::AbsentWithNotice } else { Attendance::Present };
                form = form.with_value(&guardian_field(g.person_id), preset.as_str());
            }
            let staff = view.staff_ids();
            let planned: Vec<String> =
                view.assigned_staff.iter().filter(|id| staff.contains(id)).map(i64::to_string).collect();
            form = form.with_value("parents", 0).with_value("family_members", 0).with_values("staff_present", planned);
        }
    }
    form
}

fn count(field: &str, raw: &str, errors: &mut FieldErrors) -> u32 {
    let raw = raw.trim();
    if raw.is_empty() {
        return 0;
    }
    match raw.parse::<u32>() {
        Ok(n) => n,
        Err(_) => {
            errors.push(FieldError::new(field, "error-number-range").with_arg("min", 0).with_arg("max", MAX_ADULTS));
            0
        }
    }
}

/// The sheet as sent. The form names its rows (`participant`, `guardian`), so a row
/// missing a choice is reported by the domain's check, not dropped; values that do not
/// parse are errors here. The expected version defaults to 0 (nothing saved) when the form
/// lost it.
pub fn parse(form: &FormData) -> (SheetInput, FieldErrors) {
    let mut errors = FieldErrors::new();
    let mut entries = Vec::new();
    for raw in form.all("participant") {
        let Ok(participant_id) = raw.trim().parse::<i64>() else { continue };
        let field = attendance_field(participant_id);
        let chosen = form.get(&field);
        let note = form.get(&note_field(participant_id)).to_string();
        match Attendance::parse(chosen) {
            Some(attendance) => entries.push(SheetEntry { participant_id, attendance, note }),
            // Nothing chosen: the domain names the row as missing.
            None if chosen.is_empty() => {}
            None => errors.push(FieldError::new(field, "error-choice")),
        }
    }
    let mut guardians = Vec::new();
    for raw in form.all("guardian") {
        let Ok(person_id) = raw.trim().parse::<i64>() else { continue };
        let field = guardian_field(person_id);
        let chosen = form.get(&field);
        let note = form.get(&guardian_note_field(person_id)).to_string();
        match Attendance::parse(chosen) {
            Some(attendance) => guardians.push(GuardianEntry { person_id, attendance, note }),
            None if chosen.is_empty() => {}
            None => errors.push(FieldError::new(field, "error-choice")),
        }
    }
    let parents = count("parents", form.get("parents"), &mut errors);
    let family_members = count("family_members", form.get("family_members"), &mut errors);
    let mut staff_present = Vec::new();
    for raw in form.all("staff_present") {
        match raw.parse::<i64>() {
            Ok(id) => staff_present.push(id),
            Err(_) => errors.push(FieldError::new("staff_present", "error-attendance-unknown-staff")),
        }
    }
    let input = SheetInput {
        sheet: Sheet { entries, guardians, parents, family_members, staff_present },
        expected_version: Some(Replaces::Version(form.get("version").trim().parse::<i64>().unwrap_or(0))),
        submission_key: Some(form.get("submission_key").trim().to_string()).filter(|k| !k.is_empty()),
    };
    (input, errors)
}

/// Every problem with the sheet at once: what did not parse, then what the domain finds,
/// in the order of the form (participants as listed, then guardians, then adults, then
/// staff).
pub fn all_errors(view: &SessionView, input: &SheetInput, parse_errors: FieldErrors) -> FieldErrors {
    let mut errors = parse_errors;
    let (participants, guardians, staff) = (view.expected_ids(), view.guardian_ids(), view.staff_ids());
    if let Err(problems) = rules::validate_sheet(&input.sheet, &view.scope(&participants, &guardians, &staff)) {
        for error in rules::field_errors(&problems).0 {
            if !errors.0.iter().any(|e| e.field == error.field) {
                errors.push(error);
            }
        }
    }
    sort_by_form(view, errors)
}

/// Errors in the order of the form's fields.
pub fn sort_by_form(view: &SessionView, mut errors: FieldErrors) -> FieldErrors {
    let rank = |field: &str| -> usize {
        for (row, p) in view.expected.participants.iter().enumerate() {
            if field == attendance_field(p.id) {
                return 2 * row + 1;
            }
            if field == note_field(p.id) {
                return 2 * row + 2;
            }
        }
        let before_guardians = 2 * view.expected.participants.len();
        for (row, g) in view.expected.guardians.iter().enumerate() {
            if field == guardian_field(g.person_id) {
                return before_guardians + 2 * row + 1;
            }
            if field == guardian_note_field(g.person_id) {
                return before_guardians + 2 * row + 2;
            }
        }
        let after = before_guardians + 2 * view.expected.guardians.len() + 1;
        match field {
            "session" => 0,
            "parents" => after,
            "family_members" => after + 1,
            "staff_present" => after + 2,
            _ => after + 3,
        }
    };
    errors.0.sort_by_key(|e| rank(&e.field));
    errors
}

/// The error summary, each line naming the participant or the field (`labels`) it is
/// about.
pub fn summary(view: &SessionView, form: &Value, labels: &[(&str, String)]) -> Vec<Value> {
    let Ok(items) = form.get_attr("summary") else { return Vec::new() };
    let Ok(iter) = items.try_iter() else { return Vec::new() };
    iter.map(|item| {
        let field = item.get_attr("field").map(|v| v.to_string()).unwrap_or_default();
        let message = item.get_attr("message").map(|v| v.to_string()).unwrap_or_default();
        let name = view
            .expected
            .participants
            .iter()
            .find(|p| field == attendance_field(p.id) || field == note_field(p.id))
            .map(|p| p.name.clone())
            .or_else(|| {
                view.expected
                    .guardians
                    .iter()
                    .find(|g| field == guardian_field(g.person_id) || field == guardian_note_field(g.person_id))
                    .map(|g| g.name.clone())
            })
            .or_else(|| labels.iter().find(|(f, _)| *f == field).map(|(_, label)| label.clone()));
        let message = match name {
            Some(name) => format!("{name}: {message}"),
            None => message,
        };
        minijinja::context! { field => field, message => message }
    })
    .collect()
}
