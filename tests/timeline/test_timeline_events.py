"""Events return new timelines: replies, feedback, sent, skipped, do-not-contact."""

from __future__ import annotations

import datetime as dt

import pytest

from followkit import Application, EventError, InvalidInputError, NaiveDatetimeError
from followkit.timeline import (
    Condition,
    DoNotContact,
    FeedbackReceived,
    Reply,
    Sent,
    Skipped,
    Status,
    Timeline,
    plan,
)

from .conftest import BERLIN


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def timeline(bavaria_app: Application) -> Timeline:
    # Decision Friday 20 Nov 15:00: thank-you Mon 23 Nov, connection note Wed 25 Nov,
    # nudge Mon 30 Nov (23 Nov + 5 business days).
    return plan(bavaria_app, now=at(20, 16), drafts=False)


def test_initial_plan(timeline: Timeline) -> None:
    assert timeline.step("thank-you-and-feedback").due == at(23, 9, 30)
    assert timeline.step("connection-note").due == at(25, 9, 30)
    assert timeline.step("nudge-1").due == at(30, 9, 30)
    assert all(step.sequence == 0 for step in timeline)


def test_sent_marks_done_and_respaces_what_follows(timeline: Timeline) -> None:
    # The thank-you goes out a day late, on Tuesday: the nudge moves to Tue 1 Dec and
    # the connection note to Thu 26 Nov (two business days after the real send date).
    updated = timeline.apply(Sent("thank-you-and-feedback", at(24, 10, 5)))
    thank_you = updated.step("thank-you-and-feedback")
    assert thank_you.status is Status.DONE
    assert thank_you.done_at == at(24, 10, 5)
    assert thank_you.sequence == 1
    assert updated.step("nudge-1").due == at(1, 9, 30, month=12)
    assert updated.step("nudge-1").sequence == 1
    assert updated.step("connection-note").due == at(26, 9, 30)
    assert updated.now == at(24, 10, 5)
    # The original timeline is unchanged.
    assert timeline.step("thank-you-and-feedback").status is Status.PLANNED
    assert timeline.step("nudge-1").due == at(30, 9, 30)


def test_a_real_reply_cancels_the_nudge(timeline: Timeline) -> None:
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 45)))
    replied = sent.apply(Reply(at(24, 14), "real"))
    nudge = replied.step("nudge-1")
    assert nudge.status is Status.CANCELLED
    assert nudge.due == at(30, 9, 30)  # kept where it was, so calendars can match it
    assert nudge.sequence == sent.step("nudge-1").sequence + 1
    # Check-ins and the connection note are not conditional on silence.
    assert replied.step("stay-connected-1").status is Status.PLANNED
    assert replied.step("connection-note").status is Status.PLANNED
    assert replied.events == (Sent("thank-you-and-feedback", at(23, 9, 45)), Reply(at(24, 14)))


def test_applying_an_event_twice_is_harmless(timeline: Timeline) -> None:
    once = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 45))).apply(Reply(at(24, 14)))
    twice = once.apply(Reply(at(24, 14))).apply(Sent("thank-you-and-feedback", at(23, 9, 45)))
    assert twice is once
    assert once.apply_all([Reply(at(24, 14))]) is once


def test_an_automatic_reply_does_not_cancel_but_its_return_date_moves(
    timeline: Timeline,
) -> None:
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 45)))
    away = sent.apply(Reply(at(23, 9, 46), "automatic", returns_on=dt.date(2026, 12, 7)))
    assert away.step("nudge-1").status is Status.PLANNED
    # Nothing before Monday 7 Dec: the nudge (30 Nov) moves there, and the connection
    # note (25 Nov), which never shares a day with an e-mail, to the day after.
    assert away.step("nudge-1").due == at(7, 9, 30, month=12)
    assert away.step("connection-note").due == at(8, 9, 30, month=12)
    # Without a return date an automatic reply changes nothing but the record.
    quiet = sent.apply(Reply(at(23, 9, 46), "automatic"))
    assert [s.due for s in quiet] == [s.due for s in sent]
    assert quiet.step("nudge-1").status is Status.PLANNED


def test_feedback_adds_acknowledgement_and_training(timeline: Timeline) -> None:
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 45)))
    sent = sent.apply(Sent("connection-note", at(25, 9, 40)))
    # Feedback on Thursday 26 Nov at 16:00, after the send window: the acknowledgement
    # is due on Friday 27 Nov at 09:30, within one business day.
    updated = sent.apply(FeedbackReceived(at(26, 16), text="More system design practice."))
    ack = updated.step("feedback-acknowledgement")
    assert ack.due == at(27, 9, 30)
    assert ack.window_end == at(27, 11, 30)
    assert ack.condition is Condition.AFTER_FEEDBACK
    assert ack.audience == updated.application.contact
    training = updated.step("training")
    assert training.audience == updated.application.candidate
    assert training.due == at(27, 18)
    assert training.window_end == at(3, 18, month=12)
    assert training.checklist
    assert updated.step("nudge-1").status is Status.CANCELLED
    # The next e-mail (check-in 1) keeps the gap after the acknowledgement.
    assert updated.step("stay-connected-1").due.date() == dt.date(2027, 2, 18)


def test_feedback_before_the_thank_you_replaces_it(timeline: Timeline) -> None:
    updated = timeline.apply(FeedbackReceived(at(21, 10)))
    assert updated.step("thank-you-and-feedback").status is Status.CANCELLED
    # Saturday: the acknowledgement waits for Monday, its window to the end of Monday.
    assert updated.step("feedback-acknowledgement").due == at(23, 9, 30)
    # The connection note never shares the acknowledgement's day.
    assert updated.step("connection-note").due.date() != dt.date(2026, 11, 23)


def test_second_feedback_adds_numbered_steps(timeline: Timeline) -> None:
    first = timeline.apply(FeedbackReceived(at(23, 12)))
    second = first.apply(FeedbackReceived(at(2, 12, month=12), text="One more thought."))
    ids = {step.id for step in second}
    assert {"feedback-acknowledgement", "feedback-acknowledgement-2", "training-2"} <= ids


def test_two_acknowledgements_never_share_a_day(timeline: Timeline) -> None:
    # Feedback on Mon 23 Nov, more on Wed 2 Dec, neither acknowledged yet: the first
    # acknowledgement is overdue and moves to the new feedback's time; the second takes
    # the next business day instead of the same minute.
    first = timeline.apply(FeedbackReceived(at(23, 12)))
    second = first.apply(FeedbackReceived(at(2, 10, month=12), text="One more thought."))
    acks = [second.step("feedback-acknowledgement"), second.step("feedback-acknowledgement-2")]
    assert [ack.due for ack in acks] == [at(2, 10, month=12), at(3, 9, 30, month=12)]
    assert acks[1].window_end == at(3, 11, 30, month=12)
    planned = [step for step in second.outreach if step.status is Status.PLANNED]
    days = [step.due.date() for step in planned]
    assert len(days) == len(set(days))


def test_do_not_contact_cancels_outreach_and_keeps_private_tasks(timeline: Timeline) -> None:
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 45)))
    stopped = sent.apply(DoNotContact(at(24, 8)))
    for step in stopped:
        if step.is_outreach and step.id != "thank-you-and-feedback":
            assert step.status is Status.CANCELLED, step.id
        elif not step.is_outreach:
            assert step.status is not Status.CANCELLED, step.id
    assert stopped.step("thank-you-and-feedback").status is Status.DONE
    assert stopped.pending
    assert all(not step.is_outreach for step in stopped.pending)
    # Feedback after that adds the training, but no message.
    later = stopped.apply(FeedbackReceived(at(25, 9)))
    assert later.step("feedback-acknowledgement").status is Status.CANCELLED
    assert later.step("training").status is Status.PLANNED


def test_skipped_marks_the_step_and_frees_the_gap(timeline: Timeline) -> None:
    skipped = timeline.apply(Skipped("connection-note", at(21, 9)))
    assert skipped.step("connection-note").status is Status.SKIPPED
    assert skipped.step("connection-note").done_at is None
    done = skipped.apply(Sent("reflection", at(21, 20)))
    assert done.step("reflection").status is Status.DONE


def test_private_tasks_keep_their_time_when_events_come_later(timeline: Timeline) -> None:
    later = timeline.apply(Reply(at(10, 12, month=12)))
    assert later.step("reflection").due == timeline.step("reflection").due
    assert later.step("reflection").sequence == 0
    # Overdue outreach, by contrast, moves to the next valid slot.
    assert later.step("thank-you-and-feedback").due == at(11, 9, 30, month=12)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (Sent("nudge-9", at(23, 10)), "no step 'nudge-9'"),
        (Sent("thank-you-and-feedback", at(20, 14)), "before the decision"),
        (Reply(at(19, 9)), "before the decision"),
        (Skipped("stay-connected-7", at(23, 10)), "steps: "),
    ],
)
def test_nonsense_events_are_errors(timeline: Timeline, event: object, message: str) -> None:
    with pytest.raises(EventError, match=message):
        timeline.apply(event)  # type: ignore[arg-type]


def test_marking_a_finished_step_again_is_an_error(timeline: Timeline) -> None:
    sent = timeline.apply(Sent("thank-you-and-feedback", at(23, 9, 45)))
    with pytest.raises(EventError, match="already done"):
        sent.apply(Sent("thank-you-and-feedback", at(23, 10)))
    replied = sent.apply(Reply(at(24, 9)))
    with pytest.raises(EventError, match="already cancelled"):
        replied.apply(Sent("nudge-1", at(30, 10)))


def test_not_an_event(timeline: Timeline) -> None:
    with pytest.raises(InvalidInputError, match="event: must be a timeline event"):
        timeline.apply("reply")  # type: ignore[arg-type]


def test_event_validation() -> None:
    with pytest.raises(NaiveDatetimeError, match="at: "):
        Reply(dt.datetime(2026, 11, 23, 9))
    with pytest.raises(InvalidInputError, match="kind: must be 'real' or 'automatic'"):
        Reply(at(23, 9), "angry")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="returns_on: is only meaningful"):
        Reply(at(23, 9), returns_on=dt.date(2026, 12, 1))
    with pytest.raises(InvalidInputError, match="returns_on: "):
        Reply(at(23, 9), "automatic", returns_on="next week")  # type: ignore[arg-type]
    assert Reply(at(23, 9), "automatic", returns_on="2026-12-01").returns_on == dt.date(  # type: ignore[arg-type]
        2026, 12, 1
    )
    with pytest.raises(InvalidInputError, match="step_id: contains the control"):
        Sent("thank-you-and-feedback\r\nBcc: x", at(23, 9))
    with pytest.raises(InvalidInputError, match="text: "):
        FeedbackReceived(at(23, 9), text="x" * 20_001)
    with pytest.raises(InvalidInputError, match="text: "):
        FeedbackReceived(at(23, 9), text="bad \ud800 surrogate")


def test_acknowledged_feedback_stays_done_through_later_events(timeline: Timeline) -> None:
    received = timeline.apply(FeedbackReceived(at(24, 12)))
    acknowledged = received.apply(Sent("feedback-acknowledgement", at(25, 9, 35)))
    later = acknowledged.apply(Reply(at(26, 12)))
    assert later.step("feedback-acknowledgement") == acknowledged.step("feedback-acknowledgement")
    assert later.step("feedback-acknowledgement").status is Status.DONE
    assert later.step("training") == acknowledged.step("training")


def test_events_far_beyond_the_plan_are_errors(timeline: Timeline) -> None:
    with pytest.raises(EventError, match="at: Reply at 2037-.* more than 3660 days"):
        timeline.apply(Reply(dt.datetime(2037, 1, 1, tzinfo=BERLIN)))
    with pytest.raises(EventError, match="returns_on: return date 2028-01-01 is more than 366"):
        timeline.apply(Reply(at(24, 9), "automatic", returns_on=dt.date(2028, 1, 1)))
