"""The default plan is one a person can follow, and it keeps its order when planned late."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import icalendar
from hypothesis import given
from hypothesis import strategies as st

from followkit import calendar
from followkit.timeline import (
    Action,
    DoNotContact,
    Policy,
    Reply,
    Sent,
    Skipped,
    Status,
    Timeline,
    plan,
)

from .conftest import BERLIN, MakeApp, make_application
from .test_timeline_properties import SETTINGS, check_invariants, scenarios

DEFAULT_IDS = [
    "reflection",
    "thank-you-and-feedback",
    "connection-note",
    "nudge-1",
    "engage-1",
    "stay-connected-1",
    "engage-2",
    "stay-connected-2",
    "engage-3",
    "stay-connected-3",
    "engage-4",
    "stay-connected-4",
]


def test_the_default_plan_has_twelve_steps(bavaria_app: Any) -> None:
    timeline = plan(bavaria_app, now=bavaria_app.decided_at)
    assert [step.id for step in timeline] == DEFAULT_IDS
    assert len(timeline.outreach) == 7
    # Check-in 1 is due Thursday 18 Feb 2027 at 09:30; its engagement task opens a week
    # before, at task time, and closes when the check-in goes out.
    engage = timeline.step("engage-1")
    assert engage.action is Action.ENGAGE
    assert engage.due.isoformat() == "2027-02-11T18:00:00+01:00"
    assert engage.window_end == timeline.step("stay-connected-1").due
    assert "next check-in" in engage.checklist[-1]


def test_five_applications_give_sixty_calendar_entries(make_app: MakeApp) -> None:
    decided = dt.datetime(2026, 11, 20, 15, tzinfo=BERLIN)
    app = make_app(decided, subdivision="BY")
    timelines = [
        plan(attrs.evolve(app, position=f"Position {n}"), now=decided, drafts=False)
        for n in range(5)
    ]
    parsed = icalendar.Calendar.from_ical(calendar(timelines))
    entries = [c for c in parsed.walk() if c.name in {"VEVENT", "VTODO"}]
    assert len(entries) == 60


def test_a_policy_can_ask_for_the_monthly_cadence(bavaria_app: Any) -> None:
    monthly = Policy(engagement_tasks=12, engagement_interval_days=30)
    timeline = plan(bavaria_app, monthly, now=bavaria_app.decided_at, drafts=False)
    engage = [step for step in timeline if step.action is Action.ENGAGE]
    assert len(timeline) == 20
    assert [step.id for step in engage] == [f"engage-{n}" for n in range(1, 13)]
    assert engage[0].due.isoformat() == "2026-12-20T18:00:00+01:00"
    # No engagement at all.
    none = plan(bavaria_app, Policy(engagement_tasks=0), now=bavaria_app.decided_at)
    assert not any(step.action is Action.ENGAGE for step in none)
    assert len(none) == 8


def test_planned_late_engagement_waits_for_the_thank_you(bavaria_app: Any) -> None:
    # Monthly engagement; planned on Monday 21 Dec 2026 at 19:00, a month late. engage-1
    # opened on Sunday 20 Dec, but the thank-you cannot go out before Tuesday 22 Dec at
    # 09:30, so the engagement task waits for it instead of coming first.
    now = dt.datetime(2026, 12, 21, 19, 0, tzinfo=BERLIN)
    monthly = Policy(engagement_tasks=12)
    timeline = plan(bavaria_app, monthly, now=now, drafts=False)
    thank_you = timeline.step("thank-you-and-feedback")
    assert thank_you.due.isoformat() == "2026-12-22T09:30:00+01:00"
    engage = timeline.step("engage-1")
    assert engage.due == thank_you.due
    ids = [step.id for step in timeline]
    assert ids.index("thank-you-and-feedback") < ids.index("engage-1")
    # The reflection is the candidate's own: it moves up to now, and keeps its day.
    reflection = timeline.step("reflection")
    assert reflection.due.isoformat() == "2026-12-21T19:00:00+01:00"
    assert reflection.window_end - reflection.due == dt.timedelta(days=1)
    assert timeline.due(now) == (reflection,)


def test_a_missed_check_in_takes_its_engagement_task_with_it(bavaria_app: Any) -> None:
    now = dt.datetime(2027, 9, 1, 10, 0, tzinfo=BERLIN)
    timeline = plan(bavaria_app, now=now, drafts=False)
    status = {step.id: step.status for step in timeline}
    assert [status[f"engage-{n}"] for n in (1, 2, 3, 4)] == [
        Status.SKIPPED,
        Status.SKIPPED,
        Status.PLANNED,
        Status.PLANNED,
    ]


def test_engagement_follows_its_check_in_through_events(bavaria_app: Any) -> None:
    timeline = plan(bavaria_app, now=bavaria_app.decided_at).apply_all(
        Sent(step.id, step.due)
        for step in plan(bavaria_app, now=bavaria_app.decided_at)
        if step.id in {"thank-you-and-feedback", "connection-note", "nudge-1"}
    )
    # The contact is away until 1 March: check-in 1 moves, and its task's window with it.
    away = timeline.apply(
        Reply(dt.datetime(2027, 2, 10, 8, tzinfo=BERLIN), "automatic", returns_on="2027-03-01")
    )
    check_in, engage = away.step("stay-connected-1"), away.step("engage-1")
    assert check_in.due.isoformat() == "2027-03-01T09:30:00+01:00"
    assert engage.due == timeline.step("engage-1").due  # an open to-do stays where it was
    assert engage.window_end == check_in.due
    # The candidate leaves check-in 2 out: there is nothing to prepare.
    skipped = away.apply(Skipped("stay-connected-2", dt.datetime(2027, 3, 2, tzinfo=BERLIN)))
    assert skipped.step("engage-2").status is Status.SKIPPED
    assert skipped.step("engage-2").due == away.step("engage-2").due
    # Done is done, whatever happens to the check-in afterwards.
    done = skipped.apply(Sent("engage-3", dt.datetime(2027, 8, 12, 19, tzinfo=BERLIN)))
    stopped = done.apply(DoNotContact(dt.datetime(2027, 8, 13, tzinfo=BERLIN)))
    assert stopped.step("engage-3").status is Status.DONE
    assert stopped.step("stay-connected-3").status is Status.CANCELLED
    # Engaging with public content is not contacting anyone: the last task stays.
    assert stopped.step("engage-4").status is Status.PLANNED


@SETTINGS
@given(
    scenarios(),
    st.integers(0, 500),
    st.integers(0, 24 * 60 - 1),
    st.sampled_from([None, 0, 2]),
)
def test_late_plans_keep_the_natural_order(
    scenario: tuple[Any, ...], days: int, minutes: int, engagement: int | None
) -> None:
    """Planned at any offset after the rejection: thank-you first, engagement before its
    check-in, every step ordered and placed by the rules (see check_invariants)."""
    case, app, _, _ = scenario
    policy = Policy(engagement_tasks=engagement)
    now = app.decided_at + dt.timedelta(days=days, minutes=minutes)
    timeline = plan(app, policy, now=now, drafts=False)
    check_invariants(case, timeline)
    pending = [step for step in timeline if step.is_pending]
    thank_you = timeline.step("thank-you-and-feedback")
    # The thank-you is always the first message, and no engagement task comes before it.
    assert next(step for step in pending if step.is_outreach) == thank_you
    before = pending[: pending.index(thank_you)]
    assert all(step.action is not Action.ENGAGE for step in before)


def test_every_offset_in_the_first_year_keeps_the_order() -> None:
    """The same, exhaustively, for each day of the first year at 07:00 and 20:00."""
    app = make_application(dt.datetime(2026, 11, 20, 15, tzinfo=BERLIN), subdivision="BY")
    for day in range(0, 400, 3):
        for hour in (7, 20):
            now = dt.datetime.combine(
                app.decided_at.date() + dt.timedelta(days=day), dt.time(hour), tzinfo=BERLIN
            )
            timeline = plan(app, now=now, drafts=False)
            ids = [step.id for step in timeline if step.is_pending]
            first = ids.index("thank-you-and-feedback")
            assert not any(i.startswith("engage-") for i in ids[:first]), (now, ids)
            for n in range(1, 5):
                if f"engage-{n}" in ids:
                    assert ids.index(f"engage-{n}") < ids.index(f"stay-connected-{n}"), now


def test_old_monthly_plans_read_back_as_they_were(bavaria_app: Any) -> None:
    # A plan stored by the first release has twelve monthly tasks and says so in its
    # policy; read back and updated, it keeps them.
    monthly = Policy(engagement_tasks=12)
    stored = plan(bavaria_app, monthly, now=bavaria_app.decided_at, drafts=False).as_dict()
    timeline = Timeline.from_dict(stored)
    updated = timeline.apply(Reply(dt.datetime(2026, 11, 24, 12, tzinfo=BERLIN)))
    assert [s.id for s in updated if s.action is Action.ENGAGE] == [
        f"engage-{n}" for n in range(1, 13)
    ]


def test_candidate_zone_tasks_stay_in_the_candidate_zone(make_app: MakeApp) -> None:
    lisbon = ZoneInfo("Europe/Lisbon")
    app = make_app(
        dt.datetime(2026, 11, 20, 15, tzinfo=BERLIN),
        subdivision="BY",
        person={"timezone": "Europe/Lisbon"},
    )
    timeline = plan(app, now=app.decided_at, drafts=False)
    engage = timeline.step("engage-1")
    assert engage.due.tzinfo == lisbon
    assert engage.due.isoformat() == "2027-02-11T18:00:00+00:00"
