//! Every role × action in the code agrees with the table in docs/policy.md.

use samla_domain::policy::decide_for_role;
use samla_domain::{Action, Decision, Role, Scope};

const TABLE: &str = include_str!("../../../../docs/policy.md");

fn cell(decision: Decision) -> &'static str {
    match decision {
        Decision::Deny => "—",
        Decision::Allow(Scope::Organisation) => "all",
        Decision::Allow(Scope::AssignedCourses) => "assigned",
    }
}

#[test]
fn code_and_documented_policy_agree_for_every_role_and_action() {
    let rows: Vec<Vec<&str>> = TABLE
        .lines()
        .filter(|line| line.starts_with("| ") && !line.starts_with("|---"))
        .map(|line| line.trim_matches('|').split('|').map(str::trim).collect())
        .collect();
    let header = &rows[0];
    assert_eq!(header[0], "action");
    let roles: Vec<Role> = header[1..].iter().map(|name| Role::parse(name).expect("known role in header")).collect();
    assert_eq!(roles.len(), Role::ALL.len(), "every role has a column");

    let mut checked = 0;
    for action in Action::ALL {
        let row = rows
            .iter()
            .find(|row| row[0] == action.as_str())
            .unwrap_or_else(|| panic!("docs/policy.md has no row for {}", action.as_str()));
        for (index, role) in roles.iter().enumerate() {
            assert_eq!(
                row[index + 1],
                cell(decide_for_role(*role, action)),
                "{} × {}: the table and the code disagree",
                role.as_str(),
                action.as_str()
            );
            checked += 1;
        }
    }
    assert_eq!(rows.len() - 1, Action::ALL.len(), "no rows for unknown actions");
    assert_eq!(checked, Role::ALL.len() * Action::ALL.len());
}
