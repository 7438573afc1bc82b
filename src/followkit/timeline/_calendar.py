"""Business days and send windows in the recipient's territory and time zone.

Weekends
    babel's CLDR week data (``Locale.weekend_start`` / ``weekend_end`` for the territory) is
    the default source: it is curated per territory and says, for example, that India rests
    on Sunday only and Libya on Friday-Saturday, where the ``holidays`` package merely
    inherits its Saturday-Sunday default. The ``holidays`` weekend wins where its country
    class *declares* one that CLDR cannot express or has not caught up with:

    * a weekend that changes by date or region (a ``_get_weekend`` override): the United
      Arab Emirates moved to Saturday-Sunday on 1 January 2022, Saudi Arabia to
      Friday-Saturday on 28 June 2013, and several Malaysian states rest on Friday-Saturday;
    * a declared ``weekend`` with a day CLDR counts as a working day: Friday-Saturday in
      Bangladesh or the Maldives, Brunei's Friday and Sunday (not contiguous).

    A declared weekend that only narrows CLDR's (Sunday alone in Hong Kong or Venezuela,
    the statutory rest day used to move holidays) does not win: offices still close on
    Saturday, and outreach keeps away from it. The winning weekend is read per date
    through the public ``HolidayBase.is_weekend``.

Holidays
    Public holidays of the territory and subdivision come from ``holidays``; a calendar is
    built once per (territory, subdivision, year) and reused. A territory the package does
    not cover has weekends only. Transferred working days (a Saturday worked in place of a
    bridge day) are not used for outreach: a follow-up can wait for a regular working day.

Time zones
    A wall-clock time is turned into an instant with :func:`resolve`: a time that does not
    exist (the spring-forward gap) moves to the first instant after the gap, a repeated time
    (the autumn fold) takes its first occurrence. Every due time is therefore a real instant
    that shows the same wall-clock time when converted back.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from followkit._validate import holiday_countries, known_subdivision, subdivisions
from followkit.errors import InvalidInputError

if TYPE_CHECKING:
    from collections.abc import Iterator
    from zoneinfo import ZoneInfo

    from followkit.timeline._policy import Policy

__all__ = ["Calendar", "resolve", "subdivisions"]

_UTC = dt.UTC
#: Days searched for an open day before giving up (a policy that blocks every day is an error).
_SEARCH_LIMIT = 800
#: CLDR's default weekend for the world (territory 001): Saturday and Sunday.
_DEFAULT_WEEKEND = frozenset({5, 6})


@lru_cache(maxsize=512)
def cldr_weekend(territory: str) -> frozenset[int]:
    """Return the weekdays (0 = Monday) that CLDR marks as the territory's weekend."""
    import babel  # noqa: PLC0415

    try:
        loc = babel.Locale.parse(f"und_{territory}")
    except (ValueError, babel.UnknownLocaleError):
        return _DEFAULT_WEEKEND
    start, end = loc.weekend_start, loc.weekend_end
    return frozenset((start + offset) % 7 for offset in range((end - start) % 7 + 1))


def has_holidays(territory: str) -> bool:
    """Return whether the ``holidays`` package has data for *territory*."""
    return territory in holiday_countries()


def check_subdivision(territory: str, subdivision: str | None) -> None:
    """Raise :class:`InvalidInputError` when *subdivision* is unknown for *territory*.

    An :class:`~followkit.Application` is checked when it is built; a calendar checks
    again, for callers that build one from plain codes.
    """
    known_subdivision(subdivision, territory)


@lru_cache(maxsize=1024)
def holiday_calendar(territory: str, subdivision: str | None, year: int) -> Any:
    """Return the ``holidays`` calendar of one territory, subdivision and year (cached).

    Returns ``None`` for a territory without holiday data.
    """
    if not has_holidays(territory):
        return None
    import holidays  # noqa: PLC0415

    return holidays.country_holidays(territory, subdiv=subdivision, years=year)


@lru_cache(maxsize=512)
def holidays_weekend_wins(territory: str) -> bool:
    """Return whether the ``holidays`` weekend of *territory* overrides CLDR's (see above).

    It does when the country class changes the weekend by date or region (overrides
    ``_get_weekend``), or declares a ``weekend`` with a day CLDR counts as a working day.
    A declared weekend that only narrows CLDR's (Sunday alone, the statutory rest day
    used to move holidays in Hong Kong or Venezuela) does not: offices are still closed
    on Saturday, and outreach keeps away from it.
    """
    if not has_holidays(territory):
        return False
    import holidays  # noqa: PLC0415

    mro = type(holidays.country_holidays(territory, years=())).__mro__
    for klass in mro[: mro.index(holidays.HolidayBase)]:
        if "_get_weekend" in vars(klass):
            return True
        if "weekend" in vars(klass):
            return not frozenset(vars(klass)["weekend"]) <= cldr_weekend(territory)
    return False


@lru_cache(maxsize=1024)
def closed_days(territory: str, subdivision: str | None, year: int) -> frozenset[dt.date]:
    """Return the weekend days and public holidays of one territory and year (cached)."""
    calendar = holiday_calendar(territory, subdivision, year)
    wins = holidays_weekend_wins(territory)
    weekend = cldr_weekend(territory)
    closed = set()
    day = dt.date(year, 1, 1)
    while day.year == year:
        off = bool(calendar.is_weekend(day)) if wins else day.weekday() in weekend
        if off or (calendar is not None and day in calendar):
            closed.add(day)
        day += dt.timedelta(days=1)
    return frozenset(closed)


def resolve(day: dt.date, wall: dt.time, zone: ZoneInfo) -> dt.datetime:
    """Return the real instant at wall-clock *wall* on *day* in *zone*.

    A non-existent time (inside a spring-forward gap) moves to the end of the gap; an
    ambiguous one (inside an autumn fold) takes the first occurrence (``fold=0``).
    """
    naive = dt.datetime.combine(day, wall.replace(tzinfo=None, fold=0))
    local = naive.replace(tzinfo=zone)
    instant = local.astimezone(_UTC).astimezone(zone)
    if instant.replace(tzinfo=None) == naive:
        return instant
    # Inside a gap. ``fold=1`` reads the time with the offset after the transition and
    # lands before the gap, ``fold=0`` with the offset before it and lands after the gap;
    # the transition lies between the two. Bisect (on whole minutes: zone transitions
    # happen on whole minutes) for the first instant whose wall-clock time is not earlier
    # than the one asked for: that is the end of the gap.
    low = naive.replace(tzinfo=zone, fold=1).astimezone(_UTC)
    high = local.astimezone(_UTC)
    low, high = min(low, high), max(low, high)
    minutes = int((high - low).total_seconds() // 60)
    lo, hi = 0, minutes
    while lo < hi:
        mid = (lo + hi) // 2
        probe = (low + dt.timedelta(minutes=mid)).astimezone(zone)
        if probe.replace(tzinfo=None) >= naive:
            hi = mid
        else:
            lo = mid + 1
    return (low + dt.timedelta(minutes=lo)).astimezone(zone)


def _ceil_minute(moment: dt.datetime) -> dt.datetime:
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return moment


class Calendar:
    """Open days and send slots for one recipient (territory, subdivision, zone, policy)."""

    __slots__ = (
        "_added",
        "_blackout",
        "_quiet_periods",
        "declared",
        "policy",
        "subdivision",
        "territory",
        "zone",
    )

    def __init__(
        self, territory: str, subdivision: str | None, zone: ZoneInfo, policy: Policy
    ) -> None:
        check_subdivision(territory, subdivision)
        self.territory = territory
        self.subdivision = subdivision
        self.zone = zone
        self.policy = policy
        self.declared = holidays_weekend_wins(territory)
        self._quiet_periods = policy.quiet_ranges()
        self._blackout = frozenset(policy.blackout_dates)
        self._added: dict[tuple[dt.date, int], dt.date] = {}

    def is_weekend(self, day: dt.date) -> bool:
        """Return whether *day* is a weekend day of the territory (see the module notes)."""
        if self.declared:
            calendar = holiday_calendar(self.territory, self.subdivision, day.year)
            return bool(calendar.is_weekend(day))
        return day.weekday() in cldr_weekend(self.territory)

    def is_holiday(self, day: dt.date) -> bool:
        """Return whether *day* is a public holiday of the territory and subdivision."""
        calendar = holiday_calendar(self.territory, self.subdivision, day.year)
        return calendar is not None and day in calendar

    def is_open(self, day: dt.date) -> bool:
        """Return whether outreach may happen on *day* (a business day outside quiet periods)."""
        if day in closed_days(self.territory, self.subdivision, day.year):
            return False
        return not (self._quiet(day) or day in self._blackout)

    def _quiet(self, day: dt.date) -> bool:
        key = (day.month, day.day)
        for start, end in self._quiet_periods:
            if (start <= key <= end) if start <= end else (key >= start or key <= end):
                return True
        return False

    def open_days(self, start: dt.date) -> Iterator[dt.date]:
        """Yield the open days from *start* on (inclusive)."""
        day = start
        for _ in range(_SEARCH_LIMIT):
            if self.is_open(day):
                yield day
            day += dt.timedelta(days=1)
        raise InvalidInputError(
            f"leaves no day open for outreach in the {_SEARCH_LIMIT} days from "
            f"{start.isoformat()} (check quiet_periods and blackout_dates)",
            field="policy",
        )

    def add_business_days(self, start: dt.date, count: int) -> dt.date:
        """Return the *count*-th open day after *start* (*start* itself not counted)."""
        if count <= 0:
            return start
        found = self._added.get((start, count))
        if found is None:
            days = self.open_days(start + dt.timedelta(days=1))
            for _ in range(count - 1):
                next(days)
            found = self._added[start, count] = next(days)
        return found

    def window(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """Return the send window of *day* as two instants in the recipient's zone."""
        return (
            resolve(day, self.policy.send_window_start, self.zone),
            resolve(day, self.policy.send_window_end, self.zone),
        )

    def slot(
        self, earliest: dt.datetime, *, not_on: frozenset[dt.date] = frozenset()
    ) -> tuple[dt.datetime, dt.datetime]:
        """Return the first send slot at or after *earliest*: (due, end of its window).

        The slot lies on an open day that is not in *not_on*, inside that day's send
        window, at a whole minute, and leaves at least a minute before the window closes.
        """
        moment = _ceil_minute(earliest.astimezone(self.zone))
        for day in self.open_days(moment.date()):
            if day in not_on:
                continue
            start, end = self.window(day)
            due = max(start, moment)
            if due < end:
                return due.astimezone(self.zone), end
        raise AssertionError("unreachable")  # pragma: no cover - open_days raises first
