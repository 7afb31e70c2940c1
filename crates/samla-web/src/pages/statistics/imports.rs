//! Importing courses run before samla from a spreadsheet: the page that explains the
//! columns and offers the template, the upload (an XLSX workbook, or two CSV files), and
//! the courses imported so far.

use super::t;
use crate::error::WebError;
use crate::export::{Cell, Format, Table};
use crate::forms::FormState;
use crate::pages::Page;
use crate::services::imports;
use crate::spreadsheets::{self, Unreadable};
use axum::extract::{Multipart, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::{context, Value};
use samla_domain::reports::import::{Sheet, COURSE_COLUMNS, PARTICIPANT_COLUMNS};
use samla_domain::validation::{FieldError, FieldErrors};
use serde::Deserialize;

/// What the last upload imported, said after its redirect.
#[derive(Deserialize)]
pub struct Done {
    courses: Option<usize>,
    participants: Option<usize>,
}

pub async fn show(page: Page, Query(done): Query<Done>) -> Result<Response, WebError> {
    let done = done.courses.map(|courses| imports::Imported { courses, participants: done.participants.unwrap_or(0) });
    render(&page, FormState::new(), StatusCode::OK, done).await
}

async fn render(
    page: &Page,
    form: FormState,
    status: StatusCode,
    done: Option<imports::Imported>,
) -> Result<Response, WebError> {
    let Page { state, ui, actor } = page;
    let listed = imports::list(state, actor).await?;
    let imported: Vec<Value> = listed
        .iter()
        .map(|c| {
            context! {
                reference => c.reference.clone(), programme => c.programme.clone(), start => c.start_date.clone(),
                end => c.end_date.clone(), participants => c.participants, cancelled => c.cancelled == 1,
            }
        })
        .collect();
    let columns = |names: &[&str]| -> Vec<Value> {
        names
            .iter()
            .map(|c| context! { name => c.to_string(), about => t(state, ui, &format!("import-column-{}", c.replace('_', "-"))) })
            .collect()
    };
    let context = context! {
        form => ui.form(state, &form),
        course_columns => columns(&COURSE_COLUMNS),
        participant_columns => columns(&PARTICIPANT_COLUMNS),
        imported => imported,
        done => done.map(|d| context! { courses => d.courses, participants => d.participants }),
    };
    ui.render_status(state, Some(actor), status, "statistics_import.html", "import-title", context)
}

/// The upload: a workbook with the sheets `courses` and `participants`, or the two as
/// CSV files.
pub async fn upload(page: Page, mut form: Multipart) -> Result<Response, WebError> {
    let (mut workbook, mut courses_csv, mut participants_csv) = (Vec::new(), Vec::new(), Vec::new());
    while let Some(field) = form
        .next_field()
        .await
        .map_err(|_| WebError::BadRequest { detail_key: "problem-bad-request-detail", location: String::new() })?
    {
        let name = field.name().unwrap_or_default().to_string();
        let bytes = field.bytes().await.map_err(|_| WebError::PayloadTooLarge)?.to_vec();
        match name.as_str() {
            "workbook" => workbook = bytes,
            "courses" => courses_csv = bytes,
            "participants" => participants_csv = bytes,
            _ => {}
        }
    }
    let unreadable = |field: &str, why: Unreadable, sheet: &str| {
        let code = match why {
            Unreadable::Csv => "import-error-csv",
            Unreadable::Workbook => "import-error-workbook",
            Unreadable::SheetMissing => "import-error-sheet-missing",
            Unreadable::TooLarge => "import-error-too-large",
        };
        FieldErrors::single(FieldError::new(field, code).with_arg("sheet", sheet))
    };
    let read = |field: &str, bytes: &[u8], sheet: &str| -> Result<Sheet, FieldErrors> {
        if workbook.is_empty() {
            spreadsheets::csv(bytes).map_err(|why| unreadable(field, why, sheet))
        } else {
            spreadsheets::workbook_sheet(bytes, sheet).map_err(|why| unreadable("workbook", why, sheet))
        }
    };
    let sheets = if !workbook.is_empty() {
        read("workbook", &workbook, "courses").and_then(|c| Ok((c, read("workbook", &workbook, "participants")?)))
    } else if courses_csv.is_empty() {
        Err(FieldErrors::single(FieldError::new("workbook", "import-error-no-file")))
    } else {
        read("courses", &courses_csv, "courses")
            .and_then(|c| Ok((c, read("participants", &participants_csv, "participants")?)))
    };
    let refused = |errors: FieldErrors| async {
        render(&page, FormState::new().with_errors(errors), StatusCode::UNPROCESSABLE_ENTITY, None).await
    };
    let (courses, participants) = match sheets {
        Ok(sheets) => sheets,
        Err(errors) => return refused(errors).await,
    };
    // Problems stand at the upload field they came in.
    let at = |sheet: &str| if workbook.is_empty() { sheet.to_string() } else { "workbook".to_string() };
    match imports::import(&page.state, &page.actor, &courses, &participants).await {
        Ok(done) => {
            Ok(Redirect::to(&format!("/statistics/import?courses={}&participants={}", done.courses, done.participants))
                .into_response())
        }
        Err(WebError::Invalid(errors)) => {
            let placed = errors
                .0
                .into_iter()
                .map(|e| {
                    let sheet = if e.field.starts_with("participants") { "participants" } else { "courses" };
                    FieldError { field: at(sheet), ..e }
                })
                .collect();
            refused(FieldErrors(placed)).await
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize)]
pub struct TemplateQuery {
    format: Option<String>,
    sheet: Option<String>,
}

/// The template: a workbook with both sheets, or one sheet as CSV; a header and one
/// example row each.
pub async fn template(page: Page, Query(query): Query<TemplateQuery>) -> Result<Response, WebError> {
    page.actor.authorize(&page.state, samla_domain::Action::PlanCourses).await?;
    let header = |columns: &[&str]| columns.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let courses = Table {
        sheet: "courses".into(),
        header: header(&COURSE_COLUMNS),
        rows: vec![["V24-1", "smil", "2024-02-05", "2024-04-15", "10", "2", "no"]
            .into_iter()
            .map(Cell::from)
            .collect()],
    };
    let participants = Table {
        sheet: "participants".into(),
        header: header(&PARTICIPANT_COLUMNS),
        rows: vec![
            ["V24-1", "A01", "2014", "", "female", "school", "9", "no", ""].into_iter().map(Cell::from).collect(),
            ["V24-1", "A02", "", "11", "", "", "3", "yes", "moved"].into_iter().map(Cell::from).collect(),
        ],
    };
    let format = Format::parse(query.format.as_deref().unwrap_or("xlsx")).ok_or(WebError::NotFound)?;
    let (tables, stem) = match (format, query.sheet.as_deref()) {
        (Format::Xlsx, _) => (vec![courses, participants], "samla-import"),
        (_, Some("participants")) => (vec![participants], "samla-import-participants"),
        (_, Some("courses") | None) => (vec![courses], "samla-import-courses"),
        _ => return Err(WebError::NotFound),
    };
    let bytes = crate::export::write(format, &tables)?;
    Ok(crate::services::questionnaires::results::Download {
        bytes,
        content_type: format.content_type(),
        file_name: crate::services::questionnaires::results::file_name(stem, format),
    }
    .into_response())
}
