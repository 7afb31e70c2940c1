"""Calendar feeds parsed with `icalendar`: one VEVENT per session or meeting, at the
dates and times the API lists, in the organisation's time zone (Europe/Oslo)."""

import urllib.error
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from conftest import Api

OSLO = ZoneInfo("Europe/Oslo")


def parse(raw):
    calendar = Calendar.from_ical(raw)
    return calendar, [c for c in calendar.walk("VEVENT")]


def new_feed(api, course_id=None):
    body = {} if course_id is None else {"course_id": course_id}
    feed = api.json("POST", api.org_path("/calendar-feeds"), body, expect=201)
    status, headers, raw = api.fetch(feed["url"])
    assert status == 200
    assert headers["Content-Type"].startswith("text/calendar")
    return feed["url"], raw


def sessions_of(api, course_id):
    return api.json("GET", api.org_path(f"/courses/{course_id}/sessions"))["items"]


def local(value, tz=OSLO):
    """A DTSTART/DTEND value as a naive local time, after checking its offset is the
    zone's real offset at that moment (so summer and winter time are right)."""
    assert isinstance(value, datetime) and value.tzinfo is not None, value
    naive = value.replace(tzinfo=None)
    assert value.utcoffset() == naive.replace(tzinfo=tz).utcoffset(), value
    return naive


def assert_events_match(events, sessions):
    assert len(events) == len(sessions)
    by_uid = {str(event["UID"]): event for event in events}
    for session in sessions:
        event = by_uid[f"course-session-{session['id']}@samla"]
        day = date.fromisoformat(session["date"])
        start = datetime.combine(day, datetime.strptime(session["start_time"], "%H:%M").time())
        end = datetime.combine(day, datetime.strptime(session["end_time"], "%H:%M").time())
        assert local(event.decoded("DTSTART")) == start, session
        assert local(event.decoded("DTEND")) == end, session
        assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
        expected_status = "CANCELLED" if session["status"] == "cancelled" else "CONFIRMED"
        assert str(event["STATUS"]) == expected_status


def test_every_demo_course_feed_matches_its_schedule(api):
    courses = api.json("GET", api.org_path("/courses?limit=200"))["items"]
    assert len(courses) >= 7
    for course in courses:
        url, raw = new_feed(api, course["id"])
        calendar, events = parse(raw)
        assert str(calendar["VERSION"]) == "2.0"
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]
        assert_events_match(events, sessions_of(api, course["id"]))


def test_a_course_over_the_change_to_winter_time(api):
    # Weekly Thursdays from three weeks before the last Sunday of October next year.
    year = date.today().year + 1
    last_sunday = max(date(year, 10, d) for d in range(25, 32) if date(year, 10, d).weekday() == 6)
    start = last_sunday - timedelta(days=24)
    assert start.weekday() == 3
    course = api.json("POST", api.org_path("/courses"), {
        "programme": "mestringstreff", "name": "Høstkurs over omleggingen", "venue": "Biblioteket",
        "room": "Salen", "start_date": start.isoformat(), "weekdays": ["thu"], "start_time": "18:00",
    }, expect=201)
    sessions = sessions_of(api, course["id"])
    _, raw = new_feed(api, course["id"])
    _, events = parse(raw)
    assert_events_match(events, sessions)
    offsets = {event.decoded("DTSTART").utcoffset() for event in events}
    assert offsets == {timedelta(hours=2), timedelta(hours=1)}, "summer and winter time both occur"
    # Changing one session shows in the feed at once.
    session = next(s for s in sessions if s["kind"] == "session")
    moved = api.json("PUT", api.org_path(f"/courses/{course['id']}/sessions/{session['id']}"),
                     {"date": session["date"], "start_time": "09:30", "end_time": "11:00"},
                     headers={"If-Match": f'"v{session["version"]}"'})
    assert moved["start_time"] == "09:30"
    _, raw = new_feed(api, course["id"])
    _, events = parse(raw)
    assert_events_match(events, sessions_of(api, course["id"]))


def test_a_personal_feed_has_the_sessions_of_every_course_the_person_works_on(api, token_for):
    leader = Api(api.base, token_for("group-leader@demo.samla.test"), api.org)
    courses = leader.json("GET", leader.org_path("/courses?limit=200"))["items"]
    assert courses, "the demo group leader works on the demo courses"
    expected = [s for c in courses for s in sessions_of(leader, c["id"])]
    url, raw = new_feed(leader)
    _, events = parse(raw)
    assert_events_match(events, expected)
    leader.request("DELETE", leader.org_path("/calendar-feeds"))
    with pytest.raises(urllib.error.HTTPError) as refused:
        leader.fetch(url)
    assert refused.value.code == 404
