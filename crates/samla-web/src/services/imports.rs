//! Bringing in the courses an organisation ran before samla, from a spreadsheet, so that
//! they count in its programmes' statistics. Nothing is written until every row reads;
//! one transaction writes the lot, audited.

use crate::auth::Actor;
use crate::error::WebError;
use crate::services::audit;
use crate::AppState;
use samla_domain::reports::import::{self, Import, Known, Problem, Sheet};
use samla_domain::validation::{FieldError, FieldErrors};
use samla_domain::Action;
use samla_storage::imported_courses::{self, Listed};
use samla_storage::intake::channels;
use samla_storage::StoreError;
use std::collections::HashMap;

/// What an import wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Imported {
    pub courses: usize,
    pub participants: usize,
}

/// A problem as a field error: the field names sheet, row and column
/// (`participants[4].sex`), and the message says them in words.
fn field_error(problem: &Problem) -> FieldError {
    let field = if problem.row == 0 {
        problem.sheet.as_str().to_string()
    } else {
        format!("{}[{}].{}", problem.sheet.as_str(), problem.row, problem.column)
    };
    FieldError::new(field, problem.code)
        .with_arg("sheet", problem.sheet.as_str())
        .with_arg("row", problem.row)
        .with_arg("column", &problem.column)
}

/// Reads both sheets and writes every course with its participants, replacing courses
/// imported before under the same reference; every problem, and nothing written, where
/// any row does not read.
pub async fn import(
    state: &AppState,
    actor: &Actor,
    courses: &Sheet,
    participants: &Sheet,
) -> Result<Imported, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    // The programmes named, by what the sheet says (an id or a slug), where the
    // organisation may plan courses of them.
    let programme_column = courses.header.iter().position(|h| h.trim().eq_ignore_ascii_case("programme"));
    let mut programmes: HashMap<String, i64> = HashMap::new();
    for name in courses.rows.iter().filter_map(|row| row.get(programme_column?)).map(|c| c.trim().to_string()) {
        if name.is_empty() || programmes.contains_key(&name) {
            continue;
        }
        match crate::services::programmes::find(state, actor, &name).await {
            Ok(programme) => {
                programmes.insert(name, programme.id);
            }
            Err(WebError::NotFound) => {}
            Err(other) => return Err(other),
        }
    }
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    let channels: Vec<String> =
        channels::list(&mut conn, actor.organisation.id, true).await?.into_iter().filter_map(|c| c.code).collect();
    drop(conn);
    let known = Known {
        programmes: programmes.keys().cloned().collect(),
        channels,
        today: actor.organisation.today(&state.clock),
    };
    let Import { courses, participants } = import::read(courses, participants, &known)
        .map_err(|problems| WebError::Invalid(FieldErrors(problems.iter().map(field_error).collect())))?;
    let now = state.clock.now();
    let mut tx = state.store.write().await?;
    for course in &courses {
        let programme_id = programmes[&course.programme];
        let own: Vec<_> = participants.iter().filter(|p| p.course == course.reference).collect();
        imported_courses::replace(
            &mut tx.tx,
            (actor.organisation.id, programme_id),
            course,
            &own,
            (now, actor.user_id),
        )
        .await?;
    }
    let imported = Imported { courses: courses.len(), participants: participants.len() };
    audit::commit_done(tx, actor, "statistics.import", ("organisation", actor.organisation.id), now).await?;
    Ok(imported)
}

/// The organisation's imported courses.
pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Listed>, WebError> {
    actor.authorize(state, Action::PlanCourses).await?;
    let mut conn = state.store.pool().acquire().await.map_err(StoreError::from)?;
    Ok(imported_courses::list(&mut conn, actor.organisation.id).await?)
}
