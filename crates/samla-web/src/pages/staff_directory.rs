//! The staff directory page: who works here, in which roles and with which programme
//! certifications, for putting a course's working group together.

use crate::error::WebError;
use crate::forms::FormState;
use crate::pages::Page;
use crate::services::staff_directory;
use axum::extract::Query;
use axum::response::Response;
use samla_domain::Role;
use std::collections::HashMap;

pub async fn show(
    Page { state, ui, actor }: Page,
    Query(query): Query<HashMap<String, String>>,
) -> Result<Response, WebError> {
    // An unknown role in the address shows everyone rather than an error page.
    let role = query.get("role").and_then(|r| Role::parse(r));
    let people = staff_directory::list(&state, &actor, role).await?;
    let rows: Vec<minijinja::Value> = people
        .iter()
        .map(|p| {
            minijinja::context! {
                name => p.name.clone(),
                roles => p.roles.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                certifications => p.certifications.iter().map(|c| minijinja::context! {
                    programme_id => c.programme_id,
                    programme => c.programme_name.clone(),
                    certified_on => c.certified_on.clone(),
                }).collect::<Vec<_>>(),
            }
        })
        .collect();
    let mut role_options =
        vec![minijinja::context! { value => "", label => state.i18n.text(ui.lang, "staff-every-role", &[]) }];
    role_options.extend(Role::ALL.iter().map(|r| {
        minijinja::context! { value => r.as_str(), label => state.i18n.text(ui.lang, &format!("role-{}", r.as_str()), &[]) }
    }));
    let filter = FormState::new().with_value("role", role.map(|r| r.as_str()).unwrap_or(""));
    let context = minijinja::context! {
        people => rows,
        filter => ui.form(&state, &filter),
        role_options => role_options,
    };
    ui.render(&state, Some(&actor), "staff_directory.html", "staff-title", context)
}
