"""Business days: the weekend-source rule, holidays, caching, time-zone resolution."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest

from followkit import InvalidInputError
from followkit.timeline import Policy, plan
from followkit.timeline._calendar import (
    Calendar,
    cldr_weekend,
    closed_days,
    holiday_calendar,
    holidays_weekend_wins,
    resolve,
    subdivisions,
)

if TYPE_CHECKING:
    from .conftest import MakeApp

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def weekend_of(territory: str, subdivision: str | None, year: int) -> set[int]:
    """The weekdays closed in a week of *year* without holidays (checked over 8 weeks)."""
    calendar = Calendar(territory, subdivision, ZoneInfo("UTC"), Policy(quiet_periods=()))
    start = dt.date(year, 6, 1)
    days = [start + dt.timedelta(days=offset) for offset in range(56)]
    return {
        weekday
        for weekday in range(7)
        if all(calendar.is_weekend(day) for day in days if day.weekday() == weekday)
    }


@pytest.mark.parametrize(
    ("territory", "subdivision", "year", "expected"),
    [
        # CLDR is the default source; holidays only inherits Saturday-Sunday here.
        ("IN", None, 2026, {SUN}),
        ("LY", None, 2026, {FRI, SAT}),
        ("DE", "BY", 2026, {SAT, SUN}),
        ("US", "CA", 2026, {SAT, SUN}),
        ("JP", None, 2026, {SAT, SUN}),
        ("IL", None, 2026, {FRI, SAT}),
        ("IR", None, 2026, {FRI}),
        # holidays wins where the weekend changed by date ...
        ("AE", None, 2021, {FRI, SAT}),
        ("AE", None, 2026, {SAT, SUN}),
        ("SA", None, 2012, {THU, FRI}),
        ("SA", None, 2026, {FRI, SAT}),
        # ... or by region ...
        ("MY", "02", 2026, {FRI, SAT}),  # Kedah
        ("MY", "01", 2020, {FRI, SAT}),  # Johor, 2014-2024
        ("MY", "01", 2026, {SAT, SUN}),
        ("MY", "14", 2026, {SAT, SUN}),  # Kuala Lumpur
        # ... or declares a day CLDR counts as a working day.
        ("BD", None, 2026, {FRI, SAT}),
        ("BN", None, 2026, {FRI, SUN}),
        # A declared weekend that only narrows CLDR's does not win: Saturday stays off.
        ("HK", None, 2026, {SAT, SUN}),
        ("VE", None, 2026, {SAT, SUN}),
        # No holiday data (Ascension Island): CLDR's weekend alone.
        ("AC", None, 2026, {SAT, SUN}),
    ],
)
def test_weekend_source_rule(
    territory: str, subdivision: str | None, year: int, expected: set[int]
) -> None:
    assert weekend_of(territory, subdivision, year) == expected


def test_the_rule_is_needed_where_the_sources_disagree() -> None:
    import holidays

    # India: CLDR says Sunday, holidays inherits Saturday-Sunday without declaring it.
    assert cldr_weekend("IN") == frozenset({SUN})
    assert set(holidays.country_holidays("IN", years=2026).weekend) == {SAT, SUN}
    assert not holidays_weekend_wins("IN")
    # Brunei: CLDR cannot express Friday-and-Sunday; holidays declares it.
    assert cldr_weekend("BN") == frozenset({SAT, SUN})
    assert holidays_weekend_wins("BN")
    assert holidays_weekend_wins("AE")
    assert not holidays_weekend_wins("HK")
    assert not holidays_weekend_wins("AC")
    assert cldr_weekend("AC") == frozenset({SAT, SUN})


def test_public_holidays_of_territory_and_subdivision() -> None:
    policy = Policy(quiet_periods=())
    bavaria = Calendar("DE", "BY", ZoneInfo("Europe/Berlin"), policy)
    berlin = Calendar("DE", "BE", ZoneInfo("Europe/Berlin"), policy)
    epiphany = dt.date(2027, 1, 6)
    assert bavaria.is_holiday(epiphany)
    assert not bavaria.is_open(epiphany)
    assert not berlin.is_holiday(epiphany)
    assert berlin.is_open(epiphany)
    madrid = Calendar("ES", "MD", ZoneInfo("Europe/Madrid"), policy)
    assert madrid.is_holiday(dt.date(2026, 5, 2))  # Community of Madrid Day
    california = Calendar("US", "CA", ZoneInfo("America/Los_Angeles"), policy)
    assert california.is_holiday(dt.date(2026, 3, 31))  # Cesar Chavez Day
    assert not Calendar("US", None, ZoneInfo("America/New_York"), policy).is_holiday(
        dt.date(2026, 3, 31)
    )
    nowhere = Calendar("AC", None, ZoneInfo("Atlantic/St_Helena"), policy)
    assert not nowhere.is_holiday(dt.date(2026, 12, 25))
    assert nowhere.is_open(dt.date(2026, 12, 25))  # a Friday; weekends only


def test_quiet_periods_and_blackout_close_days() -> None:
    policy = Policy(
        quiet_periods=[("12-24", "01-01"), ("08-01", "08-02")], blackout_dates=["2026-06-03"]
    )
    calendar = Calendar("DE", None, ZoneInfo("Europe/Berlin"), policy)
    assert not calendar.is_open(dt.date(2026, 12, 28))
    assert not calendar.is_open(dt.date(2027, 1, 1))
    assert not calendar.is_open(dt.date(2026, 6, 3))
    assert calendar.is_open(dt.date(2026, 6, 4))
    assert not policy.is_quiet(dt.date(2026, 8, 3))
    assert policy.is_quiet(dt.date(2026, 8, 2))


def test_unknown_subdivision_lists_the_valid_codes(make_app: MakeApp) -> None:
    # The application refuses it when built; a calendar built from plain codes does too.
    with pytest.raises(InvalidInputError) as info:
        make_app(dt.datetime(2026, 11, 20, 15, tzinfo=ZoneInfo("Europe/Berlin")), subdivision="XX")
    assert info.value.field == "subdivision"
    assert "'XX' is not one of DE's subdivisions (BB, BE, BW, BY," in str(info.value)
    with pytest.raises(InvalidInputError, match="^subdivision: 'XX' is not one of DE's"):
        Calendar("DE", "XX", ZoneInfo("Europe/Berlin"), Policy())
    assert "BY" in subdivisions("DE")
    assert subdivisions("AC") == ()


def test_subdivision_without_holiday_data_is_an_error(make_app: MakeApp) -> None:
    with pytest.raises(InvalidInputError, match="subdivision: 'X' cannot be checked"):
        make_app(
            dt.datetime(2026, 11, 20, 15, tzinfo=ZoneInfo("Atlantic/St_Helena")),
            territory="AC",
            subdivision="X",
        )
    with pytest.raises(InvalidInputError, match="subdivision: 'X' cannot be checked"):
        Calendar("AC", "X", ZoneInfo("Atlantic/St_Helena"), Policy())


def test_territory_without_holiday_data_plans_on_weekends_only(make_app: MakeApp) -> None:
    # Friday 25 Dec 2026 is a working day where no holiday data exists (quiet periods off).
    app = make_app(
        dt.datetime(2026, 12, 24, 8, tzinfo=ZoneInfo("Atlantic/St_Helena")), territory="AC"
    )
    timeline = plan(app, Policy(quiet_periods=()), now=app.decided_at, drafts=False)
    assert timeline.step("thank-you-and-feedback").due.date() == dt.date(2026, 12, 24)
    assert timeline.step("connection-note").due.date() == dt.date(2026, 12, 28)


def test_holiday_calendars_are_built_once_per_territory_subdivision_and_year(
    make_app: MakeApp,
) -> None:
    app = make_app(dt.datetime(2031, 2, 3, 9, tzinfo=ZoneInfo("Europe/Paris")), territory="FR")
    plan(app, now=app.decided_at, drafts=False)
    before = closed_days.cache_info()
    built = holiday_calendar.cache_info().currsize
    plan(app, now=app.decided_at, drafts=False)
    after = closed_days.cache_info()
    assert after.misses == before.misses
    assert after.hits > before.hits
    assert holiday_calendar.cache_info().currsize == built
    assert holiday_calendar("FR", None, 2031) is holiday_calendar("FR", None, 2031)


def test_importing_the_timeline_does_not_load_holidays_or_icalendar() -> None:
    code = (
        "import sys, followkit, followkit.timeline\n"
        "print(','.join(m for m in ('holidays', 'icalendar') if m in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize(
    ("day", "wall", "zone", "expected"),
    [
        (dt.date(2026, 3, 8), dt.time(2, 30), NEW_YORK, "2026-03-08T03:00:00-04:00"),
        (dt.date(2026, 3, 8), dt.time(2, 0), NEW_YORK, "2026-03-08T03:00:00-04:00"),
        (dt.date(2026, 3, 8), dt.time(3, 0), NEW_YORK, "2026-03-08T03:00:00-04:00"),
        (dt.date(2026, 3, 8), dt.time(1, 59), NEW_YORK, "2026-03-08T01:59:00-05:00"),
        (dt.date(2026, 11, 1), dt.time(1, 30), NEW_YORK, "2026-11-01T01:30:00-04:00"),
        (
            dt.date(2026, 3, 29),
            dt.time(2, 30),
            ZoneInfo("Europe/Berlin"),
            "2026-03-29T03:00:00+02:00",
        ),
        # Lord Howe Island moves by 30 minutes.
        (
            dt.date(2026, 10, 4),
            dt.time(2, 15),
            ZoneInfo("Australia/Lord_Howe"),
            "2026-10-04T02:30:00+11:00",
        ),
        # Samoa skipped 30 December 2011 entirely.
        (
            dt.date(2011, 12, 30),
            dt.time(9, 30),
            ZoneInfo("Pacific/Apia"),
            "2011-12-31T00:00:00+14:00",
        ),
    ],
)
def test_resolve_wall_clock_times(
    day: dt.date, wall: dt.time, zone: ZoneInfo, expected: str
) -> None:
    instant = resolve(day, wall, zone)
    assert instant.isoformat() == expected
    # The instant exists: converting through UTC gives the same wall-clock time.
    assert instant.astimezone(dt.UTC).astimezone(zone).replace(tzinfo=None) == instant.replace(
        tzinfo=None
    )


def test_a_policy_that_closes_every_day_is_an_error(make_app: MakeApp) -> None:
    app = make_app(dt.datetime(2026, 11, 20, 15, tzinfo=ZoneInfo("Europe/Berlin")))
    policy = Policy(quiet_periods=[("01-01", "12-31")])
    with pytest.raises(InvalidInputError, match="policy: leaves no day open"):
        plan(app, policy, now=app.decided_at)
