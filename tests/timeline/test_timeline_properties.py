"""Properties over random territories, zones, decision times and policies.

The checks use their own reference: the weekend table below (written from the laws, not
from the planner's rule), the ``holidays`` package directly, and a quiet-period test of
their own, so that the planner is not checked against itself.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import holidays
import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followkit import Application, Contact, Person
from followkit.timeline import Policy, Reply, Sent, Status, Timeline, plan

# (territory, subdivision, recipient zone, weekend weekdays (0 = Monday)) from 2023 on.
TERRITORIES = [
    ("SA", None, "Asia/Riyadh", {4, 5}),
    ("IL", None, "Asia/Jerusalem", {4, 5}),
    ("IN", None, "Asia/Kolkata", {6}),
    ("IN", "MH", "Asia/Kolkata", {6}),
    ("AE", None, "Asia/Dubai", {5, 6}),
    ("DE", "BY", "Europe/Berlin", {5, 6}),
    ("DE", "HH", "Europe/Berlin", {5, 6}),
    ("US", "CA", "America/Los_Angeles", {5, 6}),
    ("US", "NY", "America/New_York", {5, 6}),
    ("FR", None, "Europe/Paris", {5, 6}),
    ("ES", "MD", "Europe/Madrid", {5, 6}),
    ("JP", None, "Asia/Tokyo", {5, 6}),
    ("BR", None, "America/Sao_Paulo", {5, 6}),
    ("BN", None, "Asia/Brunei", {4, 6}),
    ("MY", "02", "Asia/Kuala_Lumpur", {4, 5}),
    ("AU", "NSW", "Australia/Sydney", {5, 6}),
    ("GB", "SCT", "Europe/London", {5, 6}),
    ("CL", None, "America/Santiago", {5, 6}),
    ("AC", None, "Atlantic/St_Helena", {5, 6}),
]
# Zones with unusual transitions, to draw the recipient's zone independently sometimes.
ODD_ZONES = ["Australia/Lord_Howe", "Pacific/Chatham", "America/Santiago", "Pacific/Apia"]


@lru_cache(maxsize=512)
def public_holidays(territory: str, subdivision: str | None, year: int) -> Any:
    if territory not in holidays.list_supported_countries():
        return {}
    return holidays.country_holidays(territory, subdiv=subdivision, years=year)


def quiet(policy: Policy, day: dt.date) -> bool:
    key = f"{day.month:02d}-{day.day:02d}"
    return any(
        (first <= key <= last) if first <= last else (key >= first or key <= last)
        for first, last in policy.quiet_periods
    )


def expected_open(case: tuple[Any, ...], policy: Policy, day: dt.date) -> bool:
    territory, subdivision, _, weekend = case
    return not (
        day.weekday() in weekend
        or day in public_holidays(territory, subdivision, day.year)
        or quiet(policy, day)
        or day in policy.blackout_dates
    )


def business_days_between(case: tuple[Any, ...], policy: Policy, a: dt.date, b: dt.date) -> int:
    """Open days in (a, b]."""
    count, day = 0, a
    while day < b:
        day += dt.timedelta(days=1)
        count += expected_open(case, policy, day)
    return count


@st.composite
def policies(draw: st.DrawFn, decided: dt.date) -> Policy:
    start = dt.time(draw(st.integers(6, 13)), draw(st.sampled_from([0, 15, 30, 45])))
    length = draw(st.integers(30, 300))
    end_minutes = start.hour * 60 + start.minute + length
    quiet_choice = draw(st.sampled_from(["default", "none", "summer"]))
    quiet_periods = {
        "default": (("12-24", "01-01"),),
        "none": (),
        "summer": (("12-24", "01-01"), ("08-01", "08-15")),
    }[quiet_choice]
    blackout = draw(
        st.lists(st.integers(0, 60).map(lambda n: decided + dt.timedelta(days=n)), max_size=10)
    )
    return Policy(
        thank_you_delay=dt.timedelta(hours=draw(st.integers(0, 48))),
        nudges=draw(st.integers(0, 2)),
        nudge_after_business_days=draw(st.integers(1, 8)),
        connection_note=draw(st.booleans()),
        connection_note_after_business_days=draw(st.integers(0, 4)),
        check_ins=draw(st.integers(0, 4)),
        check_in_interval_days=draw(st.integers(20, 120)),
        engagement_tasks=draw(st.one_of(st.none(), st.integers(0, 3))),
        min_email_gap_business_days=draw(st.integers(0, 8)),
        send_window_start=start,
        send_window_end=dt.time(end_minutes // 60, end_minutes % 60),
        quiet_periods=quiet_periods,
        blackout_dates=blackout,
    )


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[tuple[Any, ...], Application, Policy, dt.datetime]:
    case = draw(st.sampled_from(TERRITORIES))
    territory, subdivision, zone, _ = case
    if draw(st.integers(0, 4)) == 0:
        zone = draw(st.sampled_from(ODD_ZONES))
    decided_local = draw(
        st.datetimes(min_value=dt.datetime(2023, 1, 1), max_value=dt.datetime(2030, 12, 31))
    )
    decision_zone = ZoneInfo(draw(st.sampled_from([zone, "UTC", "Asia/Tokyo"])))
    decided = decided_local.replace(tzinfo=decision_zone)
    app = Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=Person(name="Alex Kim", timezone=draw(st.sampled_from([None, "Europe/Lisbon"]))),
        contacts=[Contact(name="Jordan Lee", email="jordan@acme.example")],
        decided_at=decided,
        locale=draw(st.sampled_from(["en", "de", "fr_CA", "es"])),
        territory=territory,
        subdivision=subdivision,
        timezone=zone,
    )
    policy = draw(policies(decided.astimezone(ZoneInfo(zone)).date()))
    late = draw(st.sampled_from([0, 0, 0, 1, 5, 200]))
    now = decided + dt.timedelta(days=late, minutes=draw(st.integers(0, 1440)))
    return (*case[:2], zone, case[3]), app, policy, now


SETTINGS = settings(
    max_examples=60,
    deadline=None,  # no timing in tests: the machine is shared
    suppress_health_check=[HealthCheck.too_slow],
)


def check_check_ins(timeline: Timeline, zone: ZoneInfo) -> None:
    """Check the check-ins of a plan made at ``timeline.now``."""
    app, policy = timeline.application, timeline.policy
    # A check-in is skipped exactly when the next one's day came before the plan, so
    # overdue check-ins never bunch up; the first one planned asks for referrals.
    check_ins = [step for step in timeline if step.id.startswith("stay-connected-")]
    check_ins.sort(key=lambda step: int(step.id.rsplit("-", 1)[1]))
    decided = app.decided_at.astimezone(zone).date()
    for index, step in enumerate(check_ins, start=1):
        following = decided + dt.timedelta(days=(index + 1) * policy.check_in_interval_days)
        start = dt.datetime.combine(following, policy.send_window_start, tzinfo=zone)
        if index == len(check_ins) or timeline.now < start - dt.timedelta(hours=2):
            assert step.status is Status.PLANNED, step.id
        elif timeline.now >= start + dt.timedelta(hours=2):
            assert step.status is Status.SKIPPED, step.id
    kept = [step for step in check_ins if step.status is Status.PLANNED]
    assert [step.action.value for step in kept[:1]] == ["referral-request"][: len(kept)]
    assert all(step.action.value == "stay-connected" for step in kept[1:])


def check_natural_order(timeline: Timeline) -> None:
    """Check that engagement follows the thank-you and prepares its check-in."""
    policy = timeline.policy
    order = [step.id for step in timeline]
    engage = [step for step in timeline if step.id.startswith("engage-")]
    thank_you = timeline.step("thank-you-and-feedback")
    for step in engage:
        if step.is_pending:
            # Never before the thank-you, also when the plan is made late.
            assert step.due >= thank_you.due, step.id
            assert order.index(step.id) > order.index(thank_you.id), step.id
    if policy.engagement_tasks is not None:
        assert len(engage) == policy.engagement_tasks
        return
    # One task before each check-in, closing when it goes out; skipped with it.
    assert len(engage) == policy.check_ins
    for step in engage:
        check_in = timeline.step(f"stay-connected-{step.id.rsplit('-', 1)[1]}")
        assert (step.status is Status.SKIPPED) is (check_in.status is Status.SKIPPED)
        assert step.window_end == check_in.due
        assert step.due <= check_in.due
        assert step.window_end - step.due <= dt.timedelta(days=policy.task_window_days + 1)
        assert order.index(step.id) < order.index(check_in.id)


def check_invariants(case: tuple[Any, ...], timeline: Timeline, *, fresh: bool = True) -> None:
    app, policy = timeline.application, timeline.policy
    zone = ZoneInfo(case[2])
    planned = [step for step in timeline.outreach if step.status is Status.PLANNED]
    for step in planned:
        local = step.due.astimezone(zone)
        day = local.date()
        # No outreach on a weekend, holiday, quiet-period or blackout day.
        assert expected_open(case, policy, day), (step.id, day)
        # Inside the local send window, at a wall-clock time that exists.
        wall = local.replace(tzinfo=None).time()
        assert policy.send_window_start <= wall < policy.send_window_end, (step.id, wall)
        assert local.astimezone(dt.UTC).astimezone(zone) == local
        assert step.due.tzinfo == zone
        assert step.due >= timeline.now
        assert step.window_end > step.due
    if fresh:
        for step in timeline.pending:
            assert step.due >= timeline.now

    # Gaps between e-mails (a planned one after any other), never two messages on one day.
    def sent(step: Any) -> dt.date:
        return (step.done_at or step.due).astimezone(zone).date()

    emails = sorted(
        (
            s
            for s in timeline.outreach
            if s.channel == "email"
            and s.condition.value != "after-feedback"
            and s.status in {Status.PLANNED, Status.DONE}
        ),
        key=sent,
    )
    for first, second in itertools.pairwise(emails):
        if second.status is not Status.PLANNED:
            continue
        a, b = sent(first), sent(second)
        assert b > a
        assert business_days_between(case, policy, a, b) >= policy.min_email_gap_business_days
    days = [s.due.astimezone(zone).date() for s in planned]
    assert len(days) == len(set(days))
    # Nudges capped, and each at least nudge_after business days after the request.
    nudges = [s for s in timeline if s.id.startswith("nudge-")]
    assert len(nudges) == policy.nudges <= 2
    thank_you = timeline.step("thank-you-and-feedback")
    assert thank_you.due >= app.decided_at + policy.thank_you_delay
    if fresh:
        # The thank-you takes the first slot: no open day before it had room in its window.
        earliest = max(app.decided_at + policy.thank_you_delay, timeline.now).astimezone(zone)
        day = earliest.date()
        while day < thank_you.due.astimezone(zone).date():
            if expected_open(case, policy, day):
                window_end = dt.datetime.combine(day, policy.send_window_end, tzinfo=zone)
                assert window_end <= earliest + dt.timedelta(minutes=1), day
            day += dt.timedelta(days=1)
    if nudges and nudges[0].status is Status.PLANNED:
        a, b = sent(thank_you), sent(nudges[0])
        assert business_days_between(case, policy, a, b) >= policy.nudge_after_business_days
    # Ordered.
    dues = [step.due for step in timeline]
    assert dues == sorted(dues)
    if fresh:
        check_check_ins(timeline, zone)
        check_natural_order(timeline)
    # Private tasks are the candidate's, in their zone.
    for step in timeline:
        if not step.is_outreach:
            assert step.audience == app.candidate
            assert step.due.tzinfo == app.candidate_zone


@SETTINGS
@given(scenarios())
def test_plans_respect_business_days_windows_and_gaps(scenario: tuple[Any, ...]) -> None:
    case, app, policy, now = scenario
    timeline = plan(app, policy, now=now, drafts=False)
    check_invariants(case, timeline)


@SETTINGS
@given(scenarios())
def test_plans_are_deterministic_and_round_trip(scenario: tuple[Any, ...]) -> None:
    _case, app, policy, now = scenario
    timeline = plan(app, policy, now=now, drafts=False)
    again = plan(app, policy, now=now, drafts=False)
    assert again == timeline
    ics = timeline.to_ical()
    assert again.to_ical() == ics
    calendar = icalendar.Calendar.from_ical(ics)
    entries = [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]
    assert len(entries) == len(timeline)
    for entry, step in zip(
        sorted(entries, key=lambda c: str(c["X-FOLLOWKIT-STEP"])),
        sorted(timeline, key=lambda s: s.id),
        strict=True,
    ):
        assert entry.decoded("DTSTART") == step.due
    assert Timeline.from_dict(json.loads(json.dumps(timeline.as_dict()))) == timeline


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_drafted_plans_round_trip(scenario: tuple[Any, ...]) -> None:
    _, app, policy, now = scenario
    timeline = plan(app, policy, now=now)
    # Every outreach step is drafted, except check-ins skipped as missed by a late plan.
    assert all((s.message is None) is (s.status is Status.SKIPPED) for s in timeline.outreach)
    assert Timeline.from_dict(json.loads(json.dumps(timeline.as_dict()))) == timeline
    assert plan(app, policy, now=now).to_ical() == timeline.to_ical()


@SETTINGS
@given(scenarios(), st.data())
def test_events_keep_the_invariants(scenario: tuple[Any, ...], data: st.DataObject) -> None:
    case, app, policy, now = scenario
    timeline = plan(app, policy, now=now, drafts=False)
    for _ in range(data.draw(st.integers(1, 4))):
        pending = timeline.pending
        if not pending:
            break
        step = data.draw(st.sampled_from(pending))
        moment = max(step.due, timeline.now) + dt.timedelta(minutes=data.draw(st.integers(0, 4000)))
        event = data.draw(st.sampled_from([Sent(step.id, moment), Reply(moment)]))
        updated = timeline.apply(event)
        assert updated.apply(event) is updated
        assert timeline.step(step.id) == step  # the old timeline is unchanged
        check_invariants(case, updated, fresh=False)
        for old in timeline:
            new = updated.step(old.id)
            assert new.sequence >= old.sequence
            if (new.due, new.status) != (old.due, old.status):
                assert new.sequence > old.sequence
        timeline = updated
