"""iCalendar (RFC 5545) export with the ``icalendar`` package."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from typing import TYPE_CHECKING

from followkit.timeline._describe import summary
from followkit.timeline._policy import Status
from followkit.timeline._step import legacy_id

if TYPE_CHECKING:
    from collections.abc import Sequence

    import icalendar

    from followkit.model import Application
    from followkit.timeline._step import Step
    from followkit.timeline._timeline import Timeline

__all__ = ["calendar_of", "identity", "to_ical", "uid"]

PRODID = "-//followkit//follow-up timeline//EN"
#: The zone data written as VTIMEZONE covers the plan, with a year of margin either side.
_MARGIN = dt.timedelta(days=366)


def _key(text: str) -> str:
    # Spacing, capitals and compatibility forms ("Ｆｏｏ", "ﬁ") are how a name was typed,
    # not which name it is.
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def identity(application: Application) -> str:
    """Return what identifies *application* across edits, for UIDs and duplicate checks.

    An application has no identifier of its own, so it is known by what a person would
    name it by: the company, the position, the candidate's name and the local date of the
    decision (in ``decided_at``'s own zone), compared without regard to spacing and
    capitals. Everything else can be corrected or completed without making it another
    application: the contacts (an e-mail address added, a recruiter replaced), the
    highlight, the reply subject, the interview date, the time of the decision on its
    day, the locale, zone, territory and subdivision. Two different applications share
    all four only when the same candidate hears back from the same company about the
    same position twice on one day, which no real process does.
    """
    parts = [
        _key(application.company),
        _key(application.position),
        _key(application.candidate.name),
        application.decided_at.date().isoformat(),
    ]
    return json.dumps(parts, ensure_ascii=False)


def uid(timeline: Timeline, step: Step) -> str:
    """Return the UID of *step*: a hash of the application's :func:`identity` and the step id.

    The step id names the step's kind and ordinal (``nudge-1``, ``stay-connected-3``),
    never its time, so a step keeps its UID when an event moves it, cancels it or marks it
    done, and when the application is edited and planned again (RFC 5545: the UID is
    persistent; the update carries a higher ``SEQUENCE`` or a later ``DTSTAMP``). The
    hash takes the id the step had in the first release (``thank-you``, ``check-in-3``),
    so entries imported then are updated, not duplicated, by a file written now.
    """
    step_id = legacy_id(step.id)
    digest = hashlib.sha256(f"{identity(timeline.application)}\x00{step_id}".encode()).hexdigest()
    return f"{digest[:32]}@followkit"


def _description(step: Step) -> str:
    if step.message is not None:
        return str(step.message)
    return "\n".join(f"- {item}" for item in step.checklist)


def _add_steps(calendar: icalendar.Calendar, timeline: Timeline) -> None:
    import icalendar  # noqa: PLC0415  (deferred: not needed unless exporting)

    stamp = timeline.now.astimezone(dt.UTC)
    alarm_before = dt.timedelta(minutes=timeline.policy.alarm_minutes)
    for step in timeline.steps:
        cancelled = step.status in {Status.CANCELLED, Status.SKIPPED}
        if step.is_outreach:
            component: icalendar.Component = icalendar.Event()
            component.add("dtstart", step.due)
            component.add("dtend", step.window_end)
            component.add("transp", "TRANSPARENT")
            status = "CANCELLED" if cancelled else "CONFIRMED"
        else:
            component = icalendar.Todo()
            component.add("dtstart", step.due)
            component.add("due", step.window_end)
            status = {
                Status.PLANNED: "NEEDS-ACTION",
                Status.DONE: "COMPLETED",
            }.get(step.status, "CANCELLED")
            if step.status is Status.DONE and step.done_at is not None:
                component.add("completed", step.done_at.astimezone(dt.UTC))
        component.add("uid", uid(timeline, step))
        component.add("dtstamp", stamp)
        component.add("sequence", step.sequence)
        component.add("summary", summary(timeline, step))
        description = _description(step)
        if description:
            component.add("description", description)
        component.add("status", status)
        component.add("categories", [step.action.value])
        component.add("x-followkit-step", step.id)
        if step.status is Status.PLANNED:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", summary(timeline, step))
            alarm.add("trigger", -alarm_before)
            component.add_component(alarm)
        calendar.add_component(component)


def calendar_of(timelines: Sequence[Timeline], name: str) -> bytes:
    """Return one ``.ics`` holding every step of *timelines*, each time zone once."""
    import icalendar  # noqa: PLC0415  (deferred: not needed unless exporting)

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    for timeline in timelines:
        _add_steps(calendar, timeline)
    steps = [step for timeline in timelines for step in timeline.steps]
    if steps:
        first = min(step.due for step in steps).date() - _MARGIN
        last = max(step.window_end for step in steps).date() + _MARGIN
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return bytes(calendar.to_ical())


def to_ical(timeline: Timeline) -> bytes:
    """Return the ``.ics`` bytes of *timeline* (see :meth:`Timeline.to_ical`)."""
    return calendar_of([timeline], summary(timeline, None, title=True))
