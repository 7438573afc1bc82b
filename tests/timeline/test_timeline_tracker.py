"""The tracker's day: what is due now, the next message, steps by id, one vocabulary."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from followkit import FollowkitError, NaiveDatetimeError, UnknownStepError, messages
from followkit.errors import InvalidInputError
from followkit.timeline import (
    Action,
    DoNotContact,
    FeedbackReceived,
    Policy,
    Sent,
    Skipped,
    Status,
    Timeline,
    plan,
)
from followkit.timeline._ical import uid

from .conftest import BERLIN, MakeApp

TOKYO = ZoneInfo("Asia/Tokyo")


def at(day: int, hour: int, minute: int = 0, *, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def timeline(bavaria_app: Any) -> Timeline:
    # Decision Friday 20 Nov 2026 15:00. Reflection Sat 21 Nov 18:00 (until Sun 22 18:00),
    # thank-you Mon 23 Nov 09:30-11:30, connection note Wed 25 Nov, nudge Mon 30 Nov.
    return plan(bavaria_app, now=bavaria_app.decided_at)


def ids(steps: tuple[Any, ...]) -> list[str]:
    return [step.id for step in steps]


def test_nothing_is_due_before_the_first_step(timeline: Timeline) -> None:
    assert timeline.due(at(21, 17, 59)) == ()
    assert ids(timeline.due(at(21, 17, 59), within=dt.timedelta(minutes=1))) == ["reflection"]


def test_a_step_is_due_exactly_at_its_time(timeline: Timeline) -> None:
    assert ids(timeline.due(at(21, 18))) == ["reflection"]
    assert not timeline.step("reflection").is_overdue(at(21, 18))


def test_overdue_steps_come_first(timeline: Timeline) -> None:
    # Monday 23 Nov at 09:30 sharp: the thank-you is due; the reflection's deadline
    # (Sunday 18:00) has passed.
    due = timeline.due(at(23, 9, 30))
    assert ids(due) == ["reflection", "thank-you-and-feedback"]
    assert [step.is_overdue(at(23, 9, 30)) for step in due] == [True, False]
    # At 11:30 the send window closes: the thank-you is overdue too, at its window's end.
    assert timeline.step("thank-you-and-feedback").is_overdue(at(23, 11, 30))
    assert not timeline.step("thank-you-and-feedback").is_overdue(at(23, 11, 29))


def test_overdue_first_even_when_due_later(timeline: Timeline) -> None:
    # A private task with a long window (due earlier, still open) comes after a message
    # whose send window has closed (due later).
    open_task = attrs.evolve(timeline.step("reflection"), window_end=at(30, 18))
    steps = tuple(open_task if step.id == "reflection" else step for step in timeline)
    changed = attrs.evolve(timeline, steps=steps)
    assert ids(changed.due(at(23, 12))) == ["thank-you-and-feedback", "reflection"]


def test_due_includes_only_planned_steps(timeline: Timeline) -> None:
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 40)))
    assert ids(sent.due(at(23, 10))) == ["reflection"]
    reflected = sent.apply(Sent("reflection", at(23, 20)))
    assert reflected.due(at(23, 21)) == ()


def test_due_is_the_same_instant_in_any_zone(timeline: Timeline) -> None:
    berlin = at(25, 9, 30)
    for zone in (TOKYO, dt.UTC, ZoneInfo("America/Los_Angeles")):
        assert timeline.due(berlin.astimezone(zone)) == timeline.due(berlin)
    assert ids(timeline.due(berlin))[-1] == "connection-note"


def test_due_looks_ahead(timeline: Timeline) -> None:
    week = timeline.due(at(23, 8), within=dt.timedelta(days=7))
    assert ids(week) == ["reflection", "thank-you-and-feedback", "connection-note"]
    # The nudge, Monday 30 Nov at 09:30, is seven days and ninety minutes ahead.
    assert ids(timeline.due(at(23, 8), within=dt.timedelta(days=7, minutes=90)))[-1] == "nudge-1"


def test_due_reads_the_clock_when_now_is_left_out(make_app: MakeApp) -> None:
    # Planned in 2016: everything planned is overdue by now.
    decided = dt.datetime(2016, 11, 18, 15, tzinfo=BERLIN)
    old = plan(make_app(decided), now=decided)
    assert ids(old.due()) == ids(old.pending)
    assert all(step.is_overdue(dt.datetime.now(dt.UTC)) for step in old.due())


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"now": dt.datetime(2026, 11, 23, 9, 30)}, NaiveDatetimeError, "now: must be timezone"),
        ({"now": "2026-11-23"}, InvalidInputError, "now: must be a datetime"),
        ({"within": dt.timedelta(days=-1)}, InvalidInputError, "within: must be a timedelta"),
        ({"within": dt.timedelta(days=367)}, InvalidInputError, "from 0 to 366 days"),
        ({"within": 3600}, InvalidInputError, "within: must be a timedelta"),
    ],
)
def test_due_refuses_bad_arguments(
    timeline: Timeline, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    kwargs.setdefault("now", at(23, 9))
    with pytest.raises(error, match=message):
        timeline.due(**kwargs)


def test_is_overdue_refuses_naive_datetimes(timeline: Timeline) -> None:
    with pytest.raises(NaiveDatetimeError):
        timeline.step("reflection").is_overdue(dt.datetime(2026, 11, 23))


def test_next_outreach(timeline: Timeline) -> None:
    first = timeline.next_outreach()
    assert first is not None
    assert first.id == "thank-you-and-feedback"
    assert timeline.next_step() == timeline.step("reflection")  # a private task
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 40)))
    assert sent.next_outreach() == sent.step("connection-note")
    stopped = sent.apply(DoNotContact(at(24, 9)))
    assert stopped.next_outreach() is None
    assert stopped.next_step() == stopped.step("reflection")


def test_an_empty_timeline(bavaria_app: Any) -> None:
    empty = Timeline(application=bavaria_app, policy=Policy(), now=at(20, 15), steps=())
    assert empty.due(at(23, 9), within=dt.timedelta(days=366)) == ()
    assert empty.next_outreach() is None
    assert empty.next_step() is None
    with pytest.raises(UnknownStepError, match="the timeline is empty"):
        empty.step("nudge-1")


def test_all_steps_done_or_cancelled(timeline: Timeline) -> None:
    statuses = (Status.DONE, Status.CANCELLED, Status.SKIPPED)
    closed = attrs.evolve(
        timeline,
        steps=tuple(
            attrs.evolve(step, status=statuses[index % 3]) for index, step in enumerate(timeline)
        ),
    )
    far = at(20, 15) + dt.timedelta(days=3000)
    assert closed.due(far) == ()
    assert closed.next_outreach() is None
    assert closed.next_step() is None
    assert not any(step.is_overdue(far) for step in closed)


def test_unknown_step_error_lists_the_ids(timeline: Timeline) -> None:
    with pytest.raises(UnknownStepError) as info:
        timeline.step("thanks")
    error = info.value
    assert isinstance(error, KeyError)
    assert isinstance(error, LookupError)
    assert isinstance(error, FollowkitError)
    assert error.step_id == "thanks"
    assert error.valid == tuple(step.id for step in timeline)
    # Not quoted like a bare KeyError.
    assert str(error).startswith("no step 'thanks' in this timeline (steps: reflection, ")
    with pytest.raises(KeyError), pytest.warns(DeprecationWarning, match="'check-in-9'"):
        timeline.step("check-in-9")
    with pytest.raises(UnknownStepError, match="no step '42'"):
        timeline.step(42)  # type: ignore[arg-type]


def test_hostile_step_ids_give_a_short_error(timeline: Timeline) -> None:
    with pytest.raises(UnknownStepError) as info:
        timeline.step("check-in-" + "9" * 1_000_000)
    assert len(str(info.value)) < 1000
    assert info.value.step_id.endswith("9" * 100)  # the attribute keeps what was asked
    with pytest.raises(UnknownStepError, match=r"'nudge-1\\r\\nBcc: x'"):
        timeline.step("nudge-1\r\nBcc: x")


def test_ids_are_action_names_and_message_kinds(bavaria_app: Any) -> None:
    timeline = plan(bavaria_app, now=bavaria_app.decided_at)
    timeline = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 40)))
    timeline = timeline.apply(FeedbackReceived(at(24, 14), "More SQL depth."))
    timeline = timeline.apply(FeedbackReceived(at(25, 14), "And system design."))
    seen = set()
    for step in timeline:
        assert type(step.id) is str, step.id  # not an Action, whose repr differs
        base, _, number = step.id.rpartition("-")
        if not number.isdigit():
            base = step.id
        if step.action is Action.REFERRAL_REQUEST:
            # The first check-in sent carries the referral ask.
            assert base == Action.STAY_CONNECTED.value
        else:
            assert base == step.action.value, step.id
        if step.message is not None:
            # The kind `followkit draft` takes is the action's value; the builder, the
            # same with underscores, is the message's kind.
            builder = step.action.value.replace("-", "_")
            assert step.message.kind == builder
            assert callable(getattr(messages, builder))
        seen.add(step.action)
    assert seen == set(Action)


def test_legacy_action_values_are_read() -> None:
    assert Action("check-in") is Action.STAY_CONNECTED
    assert Action.CHECK_IN is Action.STAY_CONNECTED
    assert [action.value for action in Action].count("stay-connected") == 1
    with pytest.raises(ValueError, match="'call'"):
        Action("call")
    with pytest.raises(ValueError, match="42"):
        Action(42)


def test_legacy_step_ids_are_accepted_with_a_warning(timeline: Timeline) -> None:
    with pytest.warns(DeprecationWarning, match="'thank-you' is deprecated"):
        assert timeline.step("thank-you") == timeline.step("thank-you-and-feedback")
    with pytest.warns(DeprecationWarning, match="'check-in-2' is deprecated"):
        assert timeline.step("check-in-2").id == "stay-connected-2"
    with pytest.warns(DeprecationWarning, match="use 'thank-you-and-feedback'") as record:
        event = Sent("thank-you", at(23, 9, 40))
    assert event == Sent("thank-you-and-feedback", at(23, 9, 40))
    with pytest.warns(DeprecationWarning, match="use 'stay-connected-1'") as again:
        skipped = Skipped("check-in-1", at(23, 9, 40))
    with pytest.warns(DeprecationWarning, match="'thank-you'") as lookup:
        timeline.step("thank-you")
    # Each warning points at the line that used the old id.
    assert {item.filename for item in (*record, *again, *lookup)} == {__file__}
    assert timeline.apply(skipped).step("stay-connected-1").status is Status.SKIPPED
    # Ids that only look like old ones are left alone.
    assert Sent("check-in-x", at(23, 9)).step_id == "check-in-x"


def _first_release_id(step_id: str) -> str:
    if step_id == "thank-you-and-feedback":
        return "thank-you"
    return step_id.replace("stay-connected-", "check-in-")


def _as_first_release(data: Any) -> Any:
    """Rewrite as_dict data with the ids and actions of the first release."""
    data = json.loads(json.dumps(data))
    for step in data["steps"]:
        step["id"] = _first_release_id(step["id"])
        step["action"] = step["action"].replace("stay-connected", "check-in")
    for event in data["events"]:
        if "step_id" in event:
            event["step_id"] = _first_release_id(event["step_id"])
    return data


def test_files_of_the_first_release_read_back_silently(timeline: Timeline) -> None:
    updated = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 40)))
    updated = updated.apply(Skipped("stay-connected-2", at(24, 9)))
    old = _as_first_release(updated.as_dict())
    assert old["steps"][1]["id"] == "thank-you"
    assert {"type": "sent", "step_id": "thank-you", "at": at(23, 9, 40).isoformat()} in old[
        "events"
    ]
    assert any(step["action"] == "check-in" for step in old["steps"])
    # filterwarnings = error: a warning would fail here.
    assert Timeline.from_dict(old) == updated


def test_calendar_uids_survive_the_rename(timeline: Timeline) -> None:
    for new, first in (("thank-you-and-feedback", "thank-you"), ("stay-connected-3", "check-in-3")):
        step = timeline.step(new)
        assert uid(timeline, step) == uid(timeline, attrs.evolve(step, id=first))
    uids = [uid(timeline, step) for step in timeline]
    assert len(set(uids)) == len(uids)
