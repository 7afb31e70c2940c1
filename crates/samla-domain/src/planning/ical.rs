//! iCalendar (RFC 5545) feeds of sessions and meetings, with local times in the
//! organisation's time zone and no participant data.

use chrono::{NaiveDate, NaiveTime};

pub struct CalendarEvent {
    /// Stable across feeds and updates, e.g. `session-42@samla`.
    pub uid: String,
    pub summary: String,
    pub location: String,
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub cancelled: bool,
    /// Unix seconds of the last change, for DTSTAMP.
    pub stamp: i64,
}

/// Escapes TEXT values (RFC 5545 §3.3.11).
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character (§3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

/// Standard and daylight rules for the two time zones samla serves (both follow the EU
/// rule: last Sunday of March and October at 01:00 UTC).
fn timezone_block(tzid: &str) -> String {
    [
        "BEGIN:VTIMEZONE".to_string(),
        format!("TZID:{tzid}"),
        "BEGIN:DAYLIGHT".into(),
        "TZOFFSETFROM:+0100".into(),
        "TZOFFSETTO:+0200".into(),
        "TZNAME:CEST".into(),
        "DTSTART:19700329T020000".into(),
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU".into(),
        "END:DAYLIGHT".into(),
        "BEGIN:STANDARD".into(),
        "TZOFFSETFROM:+0200".into(),
        "TZOFFSETTO:+0100".into(),
        "TZNAME:CET".into(),
        "DTSTART:19701025T030000".into(),
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU".into(),
        "END:STANDARD".into(),
        "END:VTIMEZONE".into(),
    ]
    .iter()
    .map(|l| fold(l))
    .collect()
}

pub fn calendar(name: &str, tzid: &str, events: &[CalendarEvent]) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//samla//course calendar//NB".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        format!("X-WR-CALNAME:{}", escape(name)),
        format!("X-WR-TIMEZONE:{tzid}"),
    ] {
        out.push_str(&fold(&line));
    }
    out.push_str(&timezone_block(tzid));
    for event in events {
        let stamp = chrono::DateTime::from_timestamp(event.stamp, 0).unwrap_or_default().format("%Y%m%dT%H%M%SZ");
        let local = |t: NaiveTime| format!("{}T{}", event.date.format("%Y%m%d"), t.format("%H%M%S"));
        let lines = [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", event.uid),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;TZID={tzid}:{}", local(event.start)),
            format!("DTEND;TZID={tzid}:{}", local(event.end)),
            format!("SUMMARY:{}", escape(&event.summary)),
            format!("LOCATION:{}", escape(&event.location)),
            format!("STATUS:{}", if event.cancelled { "CANCELLED" } else { "CONFIRMED" }),
            "END:VEVENT".into(),
        ];
        for line in lines {
            out.push_str(&fold(&line));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_carry_local_times_and_escaped_text() {
        let event = CalendarEvent {
            uid: "session-1@samla".into(),
            summary: "Samling 1, første gang; velkommen".into(),
            location: "Rådhuset, rom 2".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 19).unwrap(),
            start: NaiveTime::from_hms_opt(14, 15, 0).unwrap(),
            end: NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            cancelled: false,
            stamp: 1_790_000_000,
        };
        let text = calendar("Kurs", "Europe/Oslo", &[event]);
        assert!(text.contains("DTSTART;TZID=Europe/Oslo:20260319T141500\r\n"));
        assert!(text.contains("SUMMARY:Samling 1\\, første gang\\; velkommen\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(text.lines().all(|l| l.len() <= 75));
    }

    #[test]
    fn long_lines_fold_on_character_boundaries() {
        let folded = fold(&format!("SUMMARY:{}", "æ".repeat(60)));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), format!("SUMMARY:{}", "æ".repeat(60)));
    }
}
