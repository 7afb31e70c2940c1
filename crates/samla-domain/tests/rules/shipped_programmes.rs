//! The shipped programme manuals parse, validate and keep the key facts of their sources.

use rust_decimal::Decimal;
use samla_domain::planning::budget::{totals, CourseFigures};
use samla_domain::programmes::shipped::SHIPPED;
use samla_domain::programmes::{Anchor, Audience, Manual, MeetingKind, PreventionLevel, TargetGroup};

fn manual(slug: &str) -> Manual {
    let (_, source) = SHIPPED.iter().find(|(s, _)| *s == slug).unwrap_or_else(|| panic!("{slug} is not shipped"));
    Manual::from_toml(source).unwrap_or_else(|e| panic!("{slug}:\n{e}"))
}

fn titles(manual: &Manual, audience: Audience) -> Vec<&str> {
    manual.sessions.iter().filter(|s| s.audience == audience).map(|s| s.title.as_str()).collect()
}

#[test]
fn every_shipped_manual_parses_and_validates_under_its_own_name() {
    assert_eq!(SHIPPED.len(), 10);
    let mut failures = Vec::new();
    for (slug, source) in SHIPPED {
        match Manual::from_toml(source) {
            Ok(manual) => {
                assert_eq!(manual.slug, *slug, "slug in {slug}.toml");
                assert!(!manual.target_groups.is_empty(), "{slug}: target groups");
                let round_trip = Manual::from_toml(&manual.to_toml()).unwrap_or_else(|e| panic!("{slug}:\n{e}"));
                assert_eq!(round_trip, manual, "{slug} survives a TOML round trip");
            }
            Err(errors) => failures.push(format!("{slug}.toml:\n{errors}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn mestringsgrupper_has_eight_child_sessions_two_parent_meetings_and_ungsinn_level_2() {
    let m = manual("mestringsgrupper");
    assert_eq!(
        titles(&m, Audience::Participants),
        [
            "Å bli kjent med hverandre",
            "Gjenkjennelse av følelser",
            "Å vise følelser",
            "Sykdommens konsekvenser",
            "Sosialt nettverk",
            "Sosiale ferdigheter",
            "Sosiale ferdigheter",
            "Vi tar avskjed",
        ]
    );
    let parent_meetings: Vec<_> = m.meetings.iter().filter(|x| x.kind == MeetingKind::ParentMeeting).collect();
    assert_eq!(parent_meetings.len(), 2);
    assert!(parent_meetings.iter().all(|x| x.audience == Audience::Parents));
    assert_eq!(m.age_bands.iter().map(|b| (b.min, b.max)).collect::<Vec<_>>(), [(8, Some(12)), (12, Some(16))]);
    let rating = m.evidence.iter().find(|e| e.scheme == "Ungsinn").expect("Ungsinn rating");
    assert_eq!(rating.level, Some(2));
    assert_eq!(rating.date, chrono::NaiveDate::from_ymd_opt(2009, 10, 6));
    assert_eq!(m.staffing.min_group_leaders, 2);
    assert!(m.certification.as_deref().is_some_and(|c| c.contains("2 dager")));
    // Homework between sessions, none after the last.
    assert!(m.sessions[..7].iter().all(|s| s.homework.is_some()));
    assert!(m.sessions[7].homework.is_none());
}

#[test]
fn smil_groups_of_five_to_eight_with_two_leaders_and_a_user_representative() {
    let m = manual("smil");
    let size = m.group_size.expect("group size");
    assert_eq!((size.min, size.max), (5, 8));
    assert_eq!(m.staffing.min_group_leaders, 2);
    assert_eq!(m.staffing.min_user_representatives, 1);
    assert_eq!(m.age_bands.iter().map(|b| (b.min, b.max)).collect::<Vec<_>>(), [(8, Some(13))]);
    assert_eq!(m.session_count(), Some(12));
    assert!(m.sessions.iter().all(|s| s.duration_minutes >= 120));
    let pre: Vec<_> = m.meetings.iter().filter(|x| x.kind == MeetingKind::PreConversation).collect();
    assert_eq!(pre.len(), 3);
    assert!(pre.iter().all(|x| x.anchor == Anchor::Start && x.days < 0));
    assert!(m.meetings.iter().any(|x| x.kind == MeetingKind::ParentMeeting));
}

#[test]
fn mestringstreff_has_six_sessions_of_150_minutes_with_the_six_themes() {
    let m = manual("mestringstreff");
    assert_eq!(
        titles(&m, Audience::Participants),
        [
            "Hva er mestring?",
            "Tanker, følelser og handling",
            "Kommunikasjon og samspill",
            "Mestringsstrategier, mestringstro og egne ressurser",
            "Motivasjon og endring",
            "Muligheter framover",
        ]
    );
    for session in &m.sessions {
        assert_eq!(session.duration_minutes, 150, "session {}", session.number);
        assert_eq!(session.segments.iter().map(|s| s.minutes).collect::<Vec<_>>(), [30, 90, 30]);
        assert_eq!(session.segments.iter().map(|s| s.minutes).sum::<u32>(), 150);
        assert!(!session.goals.is_empty() && !session.content.is_empty() && !session.materials.is_empty());
    }
    assert!(m.sessions[..5].iter().all(|s| s.homework.is_some()), "a reflection task after sessions 1–5");
    let size = m.group_size.expect("group size");
    assert_eq!((size.min, size.max), (6, 12));
    assert_eq!(m.age_bands.iter().map(|b| (b.min, b.max)).collect::<Vec<_>>(), [(18, None)]);
    assert!(m.target_groups.contains(&TargetGroup::Adults));
    assert!(m.staffing.min_user_representatives >= 1);
    assert!(!m.checklist.is_empty());
    assert!(m.checklist.iter().all(|item| item.due_days < 0), "planning happens before the start");
}

#[test]
fn boernegrupper_budget_totals_176_100_with_two_leaders_and_ten_sessions() {
    let m = manual("boernegrupper");
    assert_eq!(m.language, "da");
    assert_eq!(m.session_count(), Some(10));
    assert_eq!(m.staffing.min_group_leaders, 2);
    let result = totals(&m.budget, &CourseFigures { leaders: 2, sessions: 10, participants: 8 });
    assert_eq!(result.total, Decimal::from(176_100));
    assert_eq!(result.lines[1], Decimal::from(63_000), "leaders freed, 90 hours each");
    for role in ["coordinator", "group_leader", "secretary", "network_contact"] {
        assert!(m.checklist.iter().any(|item| item.responsible == role), "a task for {role}");
    }
    let kinds: Vec<_> = m.meetings.iter().map(|x| x.kind).collect();
    for kind in [
        MeetingKind::PreConversation,
        MeetingKind::NetworkMeeting,
        MeetingKind::ClosingConversation,
        MeetingKind::FollowUp,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    let follow_up = m.meetings.iter().find(|x| x.kind == MeetingKind::FollowUp).unwrap();
    assert_eq!((follow_up.anchor, follow_up.days), (Anchor::End, 90));
}

#[test]
fn parent_programmes_keep_the_fhi_prevention_levels_and_evidence() {
    use PreventionLevel::{Selective, Universal};
    let expected: [(&str, &[PreventionLevel]); 6] = [
        ("cos", &[Selective, Universal]),
        ("icdp", &[Universal, Selective]),
        ("de-utrolige-arene", &[Selective, Universal]),
        ("pmto", &[Selective, Universal]),
        ("fortsatt-foreldre", &[Universal, Selective]),
        ("godt-samliv", &[Universal, Selective]),
    ];
    for (slug, levels) in expected {
        let m = manual(slug);
        assert_eq!(m.prevention_levels, levels, "{slug}: the main level first");
        assert!(m.target_groups.contains(&TargetGroup::Parents), "{slug}");
        assert!(m.sessions.is_empty() && m.default_session_count.is_none(), "{slug}: the report gives no sessions");
        let rating = m.evidence.first().unwrap_or_else(|| panic!("{slug}: evidence"));
        assert_eq!(rating.scheme, "FHI kunnskapsstatus 2017");
        assert_eq!(rating.date, chrono::NaiveDate::from_ymd_opt(2017, 5, 1));
    }
    for slug in ["de-utrolige-arene", "pmto"] {
        assert!(manual(slug).evidence[0].summary.contains("RCT"), "{slug}");
    }
    assert!(manual("cos").evidence[0].summary.contains("kritisk"));
}
