//! A manual as a FHIR R4 PlanDefinition, for systems that exchange care plans.

use super::{Audience, Manual};
use serde_json::{json, Value};

fn minutes(value: u32) -> Value {
    json!({ "value": value, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min" })
}

fn participant(audience: Audience) -> Value {
    match audience {
        Audience::Participants => json!([{ "type": "patient" }]),
        Audience::Parents | Audience::Family | Audience::Network => json!([{ "type": "related-person" }]),
    }
}

/// `mestringsgrupper` → `Mestringsgrupper`, `de-utrolige-arene` → `DeUtroligeArene`.
fn computable_name(slug: &str) -> String {
    slug.split('-')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

fn years(value: u32) -> Value {
    json!({ "value": value, "unit": "a", "system": "http://unitsofmeasure.org", "code": "a" })
}

/// The PlanDefinition of one version of a manual.
pub fn plan_definition(manual: &Manual, version: i64) -> Value {
    let mut goals = Vec::new();
    let mut actions = Vec::new();
    for session in &manual.sessions {
        let mut goal_ids = Vec::new();
        for (index, goal) in session.goals.iter().enumerate() {
            let id = format!("session-{}-goal-{}", session.number, index + 1);
            goals.push(json!({ "id": id, "description": { "text": goal } }));
            goal_ids.push(id);
        }
        let mut description = session.content.join("\n");
        if let Some(homework) = &session.homework {
            description.push_str(&format!("\n\n{homework}"));
        }
        let mut action = json!({
            "id": format!("session-{}", session.number),
            "prefix": session.number.to_string(),
            "title": session.title,
            "code": [{ "text": session.audience.as_str() }],
            "timingDuration": minutes(session.duration_minutes),
            "participant": participant(session.audience),
        });
        if !description.trim().is_empty() {
            action["description"] = json!(description.trim());
        }
        if !goal_ids.is_empty() {
            action["goalId"] = json!(goal_ids);
        }
        if !session.segments.is_empty() {
            action["action"] = json!(session
                .segments
                .iter()
                .map(|s| json!({ "title": s.name, "timingDuration": minutes(s.minutes) }))
                .collect::<Vec<_>>());
        }
        if !session.materials.is_empty() {
            action["documentation"] = json!(session
                .materials
                .iter()
                .map(|m| json!({ "type": "documentation", "display": m }))
                .collect::<Vec<_>>());
        }
        actions.push(action);
    }
    for (index, meeting) in manual.meetings.iter().enumerate() {
        let mut action = json!({
            "id": format!("meeting-{}", index + 1),
            "title": meeting.title,
            "code": [{ "text": meeting.kind.as_str() }],
            "timingDuration": minutes(meeting.duration_minutes),
            "participant": participant(meeting.audience),
        });
        if let Some(description) = &meeting.description {
            action["description"] = json!(description);
        }
        actions.push(action);
    }
    let mut plan = json!({
        "resourceType": "PlanDefinition",
        "id": manual.slug,
        "identifier": [{ "system": "urn:samla:programme", "value": manual.slug }],
        "version": version.to_string(),
        "name": computable_name(&manual.slug),
        "title": manual.name,
        "type": { "coding": [{
            "system": "http://terminology.hl7.org/CodeSystem/plan-definition-type",
            "code": "clinical-protocol",
            "display": "Clinical Protocol"
        }] },
        "status": "active",
        "language": manual.language,
        "description": manual.summary,
        "topic": manual.target_groups.iter().map(|g| json!({ "text": g.as_str() })).collect::<Vec<_>>(),
        "relatedArtifact": std::iter::once(json!({ "type": "documentation", "display": manual.source }))
            .chain(manual.evidence.iter().map(|e| {
                let level = e.level.map(|l| format!(" {l}")).unwrap_or_default();
                json!({ "type": "justification", "display": format!("{}{level}: {}", e.scheme, e.summary), "citation": e.source })
            }))
            .collect::<Vec<_>>(),
    });
    if let Some(owner) = &manual.owner {
        plan["publisher"] = json!(owner);
    }
    let age_contexts: Vec<Value> = manual
        .age_bands
        .iter()
        .map(|band| {
            let mut range = json!({ "low": years(band.min) });
            if let Some(max) = band.max {
                range["high"] = years(max);
            }
            json!({
                "code": { "system": "http://terminology.hl7.org/CodeSystem/usage-context-type", "code": "age" },
                "valueRange": range
            })
        })
        .collect();
    if !age_contexts.is_empty() {
        plan["useContext"] = json!(age_contexts);
    }
    if !goals.is_empty() {
        plan["goal"] = json!(goals);
    }
    if !actions.is_empty() {
        plan["action"] = json!(actions);
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_computable() {
        assert_eq!(computable_name("de-utrolige-arene"), "DeUtroligeArene");
        assert_eq!(computable_name("smil"), "Smil");
    }

    #[test]
    fn shipped_manuals_become_plan_definitions_with_every_session() {
        for (slug, source) in super::super::shipped::SHIPPED {
            let manual = Manual::from_toml(source).unwrap();
            let plan = plan_definition(&manual, 1);
            assert_eq!(plan["resourceType"], "PlanDefinition");
            assert_eq!(plan["id"], *slug);
            let sessions = plan["action"]
                .as_array()
                .map(|a| a.iter().filter(|x| x["id"].as_str().unwrap().starts_with("session-")).count())
                .unwrap_or(0);
            assert_eq!(sessions, manual.sessions.len());
        }
    }
}
