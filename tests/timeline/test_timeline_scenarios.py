"""Worked scenarios with exact expected dates (each date is explained in a comment)."""

from __future__ import annotations

import datetime as dt

import holidays
import pytest

from followkit import InvalidInputError
from followkit.timeline import Action, Condition, Policy, Reply, Sent, Skipped, Status, plan

from .conftest import BERLIN, NEW_YORK, RIYADH, MakeApp


def outreach(timeline: object) -> dict[str, str]:
    return {step.id: step.due.isoformat() for step in timeline.outreach}  # type: ignore[attr-defined]


def test_christmas_eve_decision_in_bavaria(make_app: MakeApp) -> None:
    # Thursday 24 Dec 2026: the quiet period runs to 1 Jan (also a holiday), 2-3 Jan is a
    # weekend, so the thank-you goes on Monday 4 Jan. Epiphany (6 Jan) is a public holiday
    # in Bavaria: the connection note (2 business days) lands on Thursday 7 Jan and the
    # nudge (5 business days: 5, 7, 8, 11, 12 Jan) on Tuesday 12 Jan. Check-ins follow
    # every 90 days; 19 Dec 2027 is a Sunday, so the fourth moves to Monday 20 Dec.
    app = make_app(dt.datetime(2026, 12, 24, 10, 0, tzinfo=BERLIN), subdivision="BY")
    timeline = plan(app, now=app.decided_at, drafts=False)
    assert outreach(timeline) == {
        "thank-you-and-feedback": "2027-01-04T09:30:00+01:00",
        "connection-note": "2027-01-07T09:30:00+01:00",
        "nudge-1": "2027-01-12T09:30:00+01:00",
        "stay-connected-1": "2027-03-24T09:30:00+01:00",
        "stay-connected-2": "2027-06-22T09:30:00+02:00",
        "stay-connected-3": "2027-09-20T09:30:00+02:00",
        "stay-connected-4": "2027-12-20T09:30:00+01:00",
    }
    reflection = timeline.step("reflection")
    assert reflection.due.isoformat() == "2026-12-25T18:00:00+01:00"
    assert reflection.window_end.isoformat() == "2026-12-26T18:00:00+01:00"
    assert reflection.audience == app.candidate
    assert timeline.step("stay-connected-1").action is Action.REFERRAL_REQUEST
    assert timeline.step("stay-connected-2").action is Action.STAY_CONNECTED
    assert timeline.step("nudge-1").condition is Condition.NO_REPLY


def test_same_decision_elsewhere_in_germany_uses_epiphany_as_a_working_day(
    make_app: MakeApp,
) -> None:
    # Berlin does not keep Epiphany: 6 Jan is the second business day after 4 Jan.
    app = make_app(dt.datetime(2026, 12, 24, 10, 0, tzinfo=BERLIN), subdivision="BE")
    timeline = plan(app, now=app.decided_at, drafts=False)
    assert timeline.step("connection-note").due.date() == dt.date(2027, 1, 6)
    assert timeline.step("nudge-1").due.date() == dt.date(2027, 1, 11)


def test_thursday_decision_in_riyadh(make_app: MakeApp) -> None:
    # Saudi Arabia rests on Friday and Saturday. Thursday 26 Nov 2026 at 10:00: the
    # two-hour delay passes the end of the send window (11:30), Friday and Saturday are
    # the weekend, so the thank-you goes on Sunday 29 Nov. Connection note two business
    # days later (30 Nov, 1 Dec); nudge five (30 Nov, 1, 2, 3, 6 Dec): Sunday 6 Dec.
    app = make_app(dt.datetime(2026, 11, 26, 10, 0, tzinfo=RIYADH), territory="SA")
    timeline = plan(app, now=app.decided_at, drafts=False)
    assert outreach(timeline)["thank-you-and-feedback"] == "2026-11-29T09:30:00+03:00"
    assert outreach(timeline)["connection-note"] == "2026-12-01T09:30:00+03:00"
    assert outreach(timeline)["nudge-1"] == "2026-12-06T09:30:00+03:00"
    assert all(step.due.weekday() not in {4, 5} for step in timeline.outreach)


def test_march_dst_change_in_new_york(make_app: MakeApp) -> None:
    # Clocks go forward on Sunday 8 March 2026. The thank-you (Friday 6 March) is at
    # 09:30 EST, the connection note and the nudge after the change are at 09:30 EDT: the
    # wall-clock time stays, the UTC time moves by an hour.
    app = make_app(
        dt.datetime(2026, 3, 5, 10, 0, tzinfo=NEW_YORK), territory="US", subdivision="NY"
    )
    timeline = plan(app, now=app.decided_at, drafts=False)
    assert outreach(timeline)["thank-you-and-feedback"] == "2026-03-06T09:30:00-05:00"
    assert outreach(timeline)["connection-note"] == "2026-03-10T09:30:00-04:00"
    assert outreach(timeline)["nudge-1"] == "2026-03-13T09:30:00-04:00"
    utc = [
        timeline.step(i).due.astimezone(dt.UTC).hour for i in ("thank-you-and-feedback", "nudge-1")
    ]
    assert utc == [14, 13]


def test_november_dst_change_in_new_york(make_app: MakeApp) -> None:
    # Clocks go back on Sunday 1 November 2026; 3 November is Election Day, a public
    # holiday in New York State, so the connection note waits for the 4th and the nudge
    # counts 2, 4, 5, 6, 9 November.
    assert "Election Day" in holidays.country_holidays("US", subdiv="NY", years=2026).get_list(
        dt.date(2026, 11, 3)
    )
    app = make_app(
        dt.datetime(2026, 10, 29, 10, 0, tzinfo=NEW_YORK), territory="US", subdivision="NY"
    )
    timeline = plan(app, now=app.decided_at, drafts=False)
    assert outreach(timeline)["thank-you-and-feedback"] == "2026-10-30T09:30:00-04:00"
    assert outreach(timeline)["connection-note"] == "2026-11-04T09:30:00-05:00"
    assert outreach(timeline)["nudge-1"] == "2026-11-09T09:30:00-05:00"


def test_end_of_october_in_berlin(make_app: MakeApp) -> None:
    # Summer time ends on Sunday 25 October 2026.
    app = make_app(dt.datetime(2026, 10, 22, 15, 0, tzinfo=BERLIN), subdivision="BY")
    timeline = plan(app, now=app.decided_at, drafts=False)
    assert outreach(timeline)["thank-you-and-feedback"] == "2026-10-23T09:30:00+02:00"
    assert outreach(timeline)["connection-note"] == "2026-10-27T09:30:00+01:00"
    assert outreach(timeline)["nudge-1"] == "2026-10-30T09:30:00+01:00"


def test_private_task_in_the_spring_forward_gap_moves_to_the_end_of_the_gap(
    make_app: MakeApp,
) -> None:
    # 02:30 does not exist on 8 March 2026 in New York: the first valid time is 03:00 EDT.
    app = make_app(dt.datetime(2026, 3, 7, 10, 0, tzinfo=NEW_YORK), territory="US")
    policy = Policy(task_time=dt.time(2, 30))
    reflection = plan(app, policy, now=app.decided_at, drafts=False).step("reflection")
    assert reflection.due.isoformat() == "2026-03-08T03:00:00-04:00"
    assert reflection.window_end.isoformat() == "2026-03-09T02:30:00-04:00"


def test_private_task_in_the_autumn_fold_takes_the_first_occurrence(make_app: MakeApp) -> None:
    # 01:30 happens twice on 1 November 2026 in New York; the first (EDT) is chosen.
    app = make_app(dt.datetime(2026, 10, 31, 10, 0, tzinfo=NEW_YORK), territory="US")
    policy = Policy(task_time=dt.time(1, 30))
    reflection = plan(app, policy, now=app.decided_at, drafts=False).step("reflection")
    assert reflection.due.isoformat() == "2026-11-01T01:30:00-04:00"
    assert reflection.due.fold == 0
    assert reflection.window_end.isoformat() == "2026-11-02T01:30:00-05:00"


def test_planning_late_moves_steps_to_the_next_valid_slot(bavaria_app: object) -> None:
    # Decision Friday 20 Nov 15:00; the plan is made on Tuesday 24 Nov at 12:00, after
    # that day's window: the thank-you moves to Wednesday 25 Nov, and the rest follows it.
    now = dt.datetime(2026, 11, 24, 12, 0, tzinfo=BERLIN)
    timeline = plan(bavaria_app, now=now, drafts=False)  # type: ignore[arg-type]
    assert outreach(timeline)["thank-you-and-feedback"] == "2026-11-25T09:30:00+01:00"
    assert outreach(timeline)["connection-note"] == "2026-11-27T09:30:00+01:00"
    assert outreach(timeline)["nudge-1"] == "2026-12-02T09:30:00+01:00"
    # The reflection (due on 21 Nov) is moved to now.
    assert timeline.step("reflection").due == now


def test_planning_inside_the_window_uses_the_next_whole_minute(bavaria_app: object) -> None:
    now = dt.datetime(2026, 11, 24, 10, 7, 30, tzinfo=BERLIN)
    timeline = plan(bavaria_app, now=now, drafts=False)  # type: ignore[arg-type]
    assert outreach(timeline)["thank-you-and-feedback"] == "2026-11-24T10:08:00+01:00"


def test_planning_months_late_skips_past_engagement_and_keeps_the_gap(
    bavaria_app: object,
) -> None:
    # The monthly engagement cadence a policy can ask for (the default has none).
    now = dt.datetime(2027, 3, 1, 10, 0, tzinfo=BERLIN)  # a Monday, inside the window
    monthly = Policy(engagement_tasks=12, engagement_interval_days=30)
    timeline = plan(bavaria_app, monthly, now=now, drafts=False)  # type: ignore[arg-type]
    assert outreach(timeline)["thank-you-and-feedback"] == "2027-03-01T10:00:00+01:00"
    assert outreach(timeline)["nudge-1"] == "2027-03-08T09:30:00+01:00"
    # Check-in 1 was due on 18 Feb; it is placed five business days after the nudge.
    assert outreach(timeline)["stay-connected-1"] == "2027-03-15T09:30:00+01:00"
    statuses = {step.id: step.status for step in timeline if step.id.startswith("engage-")}
    assert [statuses[f"engage-{i}"] for i in (1, 2, 3, 4)] == [
        Status.SKIPPED,
        Status.SKIPPED,
        Status.SKIPPED,
        Status.PLANNED,
    ]
    assert all(step.due >= now for step in timeline.pending)


def test_planning_late_skips_missed_check_ins_instead_of_bunching_them(
    bavaria_app: object,
) -> None:
    # Decision Friday 20 Nov 2026; check-ins ideally every 90 days: Thu 18 Feb, Wed 19 May,
    # Tue 17 Aug and Mon 15 Nov 2027. Planned on Wednesday 1 Sep 2027: the first two were
    # missed (the third's day has come), so they are skipped where they were due rather
    # than sent a week apart; the third, overdue since 17 Aug, is the one kept, the gap
    # after the nudge (Wed 8 Sep) taking it to Wed 15 Sep; the fourth keeps its day.
    now = dt.datetime(2027, 9, 1, 10, 0, tzinfo=BERLIN)
    timeline = plan(bavaria_app, now=now)  # type: ignore[arg-type]
    assert outreach(timeline) == {
        "stay-connected-1": "2027-02-18T09:30:00+01:00",
        "stay-connected-2": "2027-05-19T09:30:00+02:00",
        "thank-you-and-feedback": "2027-09-01T10:00:00+02:00",
        "connection-note": "2027-09-03T09:30:00+02:00",
        "nudge-1": "2027-09-08T09:30:00+02:00",
        "stay-connected-3": "2027-09-15T09:30:00+02:00",
        "stay-connected-4": "2027-11-15T09:30:00+01:00",
    }
    status = {step.id: step.status for step in timeline.outreach}
    assert [status[f"stay-connected-{i}"] for i in (1, 2, 3, 4)] == [
        Status.SKIPPED,
        Status.SKIPPED,
        Status.PLANNED,
        Status.PLANNED,
    ]
    # Missed steps are not drafted; the referral ask goes with the first check-in sent.
    assert timeline.step("stay-connected-1").message is None
    assert timeline.step("stay-connected-1").action is Action.REFERRAL_REQUEST
    assert timeline.step("stay-connected-2").action is Action.STAY_CONNECTED
    assert timeline.step("stay-connected-3").action is Action.REFERRAL_REQUEST
    assert timeline.step("stay-connected-3").message is not None
    assert timeline.step("stay-connected-3").message.kind == "referral_request"  # type: ignore[union-attr]
    assert timeline.step("stay-connected-4").action is Action.STAY_CONNECTED
    assert "[skipped]" in timeline.describe().splitlines()[2]  # after the zone note


def test_planning_past_every_check_in_keeps_the_last(bavaria_app: object) -> None:
    # A year and a half late: every check-in's day has passed; only the last is sent.
    now = dt.datetime(2028, 5, 2, 10, 0, tzinfo=BERLIN)
    timeline = plan(bavaria_app, now=now, drafts=False)  # type: ignore[arg-type]
    check_ins = [step for step in timeline if step.id.startswith("stay-connected-")]
    assert [step.status for step in check_ins] == [Status.SKIPPED] * 3 + [Status.PLANNED]
    assert check_ins[-1].action is Action.REFERRAL_REQUEST
    assert check_ins[-1].due > timeline.step("nudge-1").due


def test_a_late_event_skips_the_check_ins_it_missed(bavaria_app: object) -> None:
    # Planned on time; the thank-you went out, and the contact answered ten months later.
    timeline = plan(bavaria_app, now=bavaria_app.decided_at)  # type: ignore[attr-defined]
    sent = timeline.apply(
        Sent("thank-you-and-feedback", dt.datetime(2026, 11, 23, 9, 40, tzinfo=BERLIN))
    )
    replied = sent.apply(Reply(dt.datetime(2027, 9, 1, 10, 0, tzinfo=BERLIN)))
    for step_id in ("stay-connected-1", "stay-connected-2"):
        old, new = sent.step(step_id), replied.step(step_id)
        assert new.status is Status.SKIPPED
        assert (new.due, new.sequence) == (old.due, old.sequence + 1)  # where it was due
        assert new.action is old.action
    # The connection note, never marked sent, takes the first slot; check-in 3 the next day.
    assert replied.step("connection-note").due.isoformat() == "2027-09-01T10:00:00+02:00"
    check_in = replied.step("stay-connected-3")
    assert check_in.due.isoformat() == "2027-09-02T09:30:00+02:00"
    assert check_in.action is Action.REFERRAL_REQUEST
    assert check_in.sequence == sent.step("stay-connected-3").sequence + 1
    assert replied.step("stay-connected-4").due == sent.step("stay-connected-4").due
    assert replied.step("stay-connected-4").action is Action.STAY_CONNECTED
    # Applying the same event again changes nothing.
    assert replied.apply(Reply(dt.datetime(2027, 9, 1, 10, 0, tzinfo=BERLIN))) is replied


def test_a_check_in_the_candidate_skipped_keeps_the_referral_ask_where_it_was(
    bavaria_app: object,
) -> None:
    timeline = plan(bavaria_app, now=bavaria_app.decided_at)  # type: ignore[attr-defined]
    skipped = timeline.apply(Skipped("stay-connected-1", dt.datetime(2026, 12, 1, tzinfo=BERLIN)))
    assert skipped.step("stay-connected-1").status is Status.SKIPPED
    assert skipped.step("stay-connected-2").action is Action.STAY_CONNECTED
    assert skipped.step("stay-connected-2").due == timeline.step("stay-connected-2").due


def test_blackout_dates_and_quiet_periods_are_avoided(bavaria_app: object) -> None:
    policy = Policy(
        blackout_dates=[dt.date(2026, 11, 23), "2026-11-24"],
        quiet_periods=[("11-25", "11-26")],
    )
    timeline = plan(bavaria_app, policy, now=bavaria_app.decided_at, drafts=False)  # type: ignore[attr-defined,arg-type]
    assert timeline.step("thank-you-and-feedback").due.date() == dt.date(2026, 11, 27)


def test_no_nudge_no_note_no_check_ins(bavaria_app: object) -> None:
    policy = Policy(nudges=0, connection_note=False, check_ins=0, engagement_tasks=0)
    timeline = plan(bavaria_app, policy, now=dt.datetime(2026, 11, 20, 16, tzinfo=BERLIN))  # type: ignore[arg-type]
    assert [step.id for step in timeline] == ["reflection", "thank-you-and-feedback"]


def test_two_nudges_are_spaced(bavaria_app: object) -> None:
    policy = Policy(nudges=2, min_email_gap_business_days=3, nudge_after_business_days=4)
    timeline = plan(
        bavaria_app, policy, now=dt.datetime(2026, 11, 20, 16, tzinfo=BERLIN), drafts=False
    )  # type: ignore[arg-type]
    # Thank-you Mon 23 Nov; four business days later Fri 27 Nov; four more Thu 3 Dec.
    assert outreach(timeline)["nudge-1"] == "2026-11-27T09:30:00+01:00"
    assert outreach(timeline)["nudge-2"] == "2026-12-03T09:30:00+01:00"


def test_short_gap_never_puts_two_messages_on_one_day(bavaria_app: object) -> None:
    policy = Policy(
        nudge_after_business_days=2,
        connection_note_after_business_days=2,
        min_email_gap_business_days=0,
    )
    timeline = plan(
        bavaria_app, policy, now=dt.datetime(2026, 11, 20, 16, tzinfo=BERLIN), drafts=False
    )  # type: ignore[arg-type]
    days = [step.due.date() for step in timeline.outreach]
    assert len(days) == len(set(days))
    # The nudge takes Wednesday 25 Nov; the invitation moves to the next day.
    assert timeline.step("nudge-1").due.date() == dt.date(2026, 11, 25)
    assert timeline.step("connection-note").due.date() == dt.date(2026, 11, 26)


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
def test_private_task_checklists_are_localized(make_app: MakeApp, locale: str) -> None:
    app = make_app(dt.datetime(2026, 11, 20, 15, tzinfo=BERLIN), locale=locale)
    timeline = plan(app, now=app.decided_at, drafts=False)
    reflection = timeline.step("reflection")
    assert len(reflection.checklist) == 4
    english = plan(
        make_app(dt.datetime(2026, 11, 20, 15, tzinfo=BERLIN)), now=app.decided_at, drafts=False
    ).step("reflection")
    assert (reflection.checklist == english.checklist) == (locale == "en")
    assert "Acme Analytics" in " ".join(timeline.step("engage-1").checklist)


@pytest.mark.parametrize("year", [1969, 2200])
def test_decisions_outside_the_supported_years_are_refused(make_app: MakeApp, year: int) -> None:
    app = make_app(dt.datetime(year, 6, 1, 12, tzinfo=BERLIN))
    with pytest.raises(
        InvalidInputError, match="decided_at: the planner supports decisions from 1970"
    ):
        plan(app, now=app.decided_at)


def test_now_far_from_the_decision_is_refused(bavaria_app: object) -> None:
    with pytest.raises(InvalidInputError, match="now: .* more than 3660 days from the decision"):
        plan(bavaria_app, now=dt.datetime(2040, 1, 1, tzinfo=BERLIN))  # type: ignore[arg-type]
