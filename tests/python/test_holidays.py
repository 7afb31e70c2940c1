"""`samla holidays` against Python's `holidays` package and dateutil's Easter.

`samla holidays` is asked for 1900–2200. The `holidays` package covers the years from its
classes' `start_year` to `end_year` (Norway 1901–2100, Denmark up to 2100); there the
dates must agree. In the years outside that range samla must keep the same rule: the
same holidays as in the package's nearest year, and Easter as dateutil computes it.

Compared: the official public holidays (the `public` category; Sundays, which Norwegian
law also counts as holidays, are left out on both sides, and the Danish optional days
such as Constitution Day are not public holidays).

A deliberate difference: samla applies today's Norwegian law (lov om helligdager og
helligdagsfred, 1947) to every year, so it has 1 May and 17 May before 1947 as well;
`holidays` adds them from 1947. samla plans courses from now on, where the two agree.
"""

from collections import defaultdict
from datetime import date

import holidays
from dateutil.easter import EASTER_WESTERN, easter

FIRST, LAST = 1900, 2200


def samla_days(run_samla, country, first, last):
    """(day, key) pairs in output order; two holidays can fall on one day (Whit Monday
    on 17 May in 2100)."""
    out = run_samla("holidays", "--country", country, "--from-year", str(first), "--to-year", str(last))
    pairs = []
    for line in out.splitlines():
        day, key = line.split(" ", 1)
        pairs.append((date.fromisoformat(day), key))
    assert [d for d, _ in pairs] == sorted(d for d, _ in pairs), "in date order"
    return pairs


def by_year(days):
    years = defaultdict(set)
    for day in days:
        years[day.year].add(day)
    return years


def dates_of(pairs):
    return {day for day, _ in pairs}


def covered(cls):
    first, last = max(FIRST, cls.start_year), min(LAST, cls.end_year)
    assert last - first > 150, (first, last)
    return range(first, last + 1)


def keys_by_year(pairs):
    years = defaultdict(set)
    for day, key in pairs:
        years[day.year].add(key)
    return years


def assert_same_rule_outside(ours, years):
    """Years the package does not cover have the holidays of its nearest covered year."""
    keys = keys_by_year(ours)
    for year in range(FIRST, LAST + 1):
        nearest = min(max(year, years.start), years.stop - 1)
        assert keys[year] == keys[nearest], year
        easter_sunday = next(d for d, k in ours if d.year == year and k == "holiday-easter-sunday")
        assert easter_sunday == easter(year), year


def test_norway_agrees_with_the_holidays_package(run_samla):
    ours = samla_days(run_samla, "NO", FIRST, LAST)
    years = covered(holidays.Norway)
    theirs = holidays.Norway(years=years, include_sundays=False, categories=("public",))
    ours_by_year, theirs_by_year = by_year(dates_of(ours)), by_year(theirs)
    assert_same_rule_outside(ours, years)
    for year in years:
        extra = ours_by_year[year] - theirs_by_year[year]
        missing = theirs_by_year[year] - ours_by_year[year]
        assert not missing, f"{year}: samla lacks {sorted(missing)}"
        if year >= 1947:
            assert not extra, f"{year}: samla has {sorted(extra)} too"
        else:
            # (May 1 can be Ascension Day too, as in 1913.)
            assert extra and extra <= {date(year, 5, 1), date(year, 5, 17)}, f"{year}: {sorted(extra)}"


def test_denmark_agrees_with_the_holidays_package(run_samla):
    ours = samla_days(run_samla, "DK", FIRST, LAST)
    years = covered(holidays.Denmark)
    theirs = holidays.Denmark(years=years, categories=("public",))
    assert {d for d in dates_of(ours) if d.year in years} == set(theirs.keys())
    assert_same_rule_outside(ours, years)
    assert (date(2023, 5, 5), "holiday-great-prayer-day") in ours
    assert date(2024, 4, 26) not in dates_of(ours), "Store bededag was abolished from 2024"


def test_easter_matches_dateutil_for_every_year(run_samla):
    # dateutil's Western method is valid for the Gregorian years 1583–4099.
    ours = samla_days(run_samla, "NO", 1583, 4099)
    sundays = {day.year: day for day, key in ours if key == "holiday-easter-sunday"}
    assert len(sundays) == 4099 - 1583 + 1
    for year, day in sundays.items():
        assert day == easter(year, EASTER_WESTERN), year
