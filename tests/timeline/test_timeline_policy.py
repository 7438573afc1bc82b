"""Policy: defaults, validation and plain-data round trip."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from followkit import InvalidInputError
from followkit.timeline import Action, Policy


def test_defaults_encode_common_practice() -> None:
    policy = Policy()
    assert policy.thank_you_delay == dt.timedelta(hours=2)
    assert policy.nudges == 1
    assert policy.nudge_after_business_days == 5
    assert policy.connection_note_after_business_days == 2
    assert policy.min_email_gap_business_days == 5
    assert (policy.send_window_start, policy.send_window_end) == (dt.time(9, 30), dt.time(11, 30))
    assert policy.quiet_periods == (("12-24", "01-01"),)
    assert (policy.check_ins, policy.check_in_interval_days) == (4, 90)
    # One engagement task before each check-in, no monthly cadence.
    assert (policy.engagement_tasks, policy.engagement_interval_days) == (None, 30)
    assert policy.reflection_within_days == 2


def test_every_field_is_documented() -> None:
    doc = Policy.__doc__ or ""
    for field in attrs.fields(Policy):
        assert f"{field.name}:" in doc, field.name


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"nudges": 3}, "nudges: is 3; more than 2 nudges"),
        ({"nudges": -1}, "nudges: must be between 0 and 10"),
        ({"nudges": 1.5}, "nudges: must be an int"),
        ({"nudges": True}, "nudges: must be an int"),
        ({"nudge_after_business_days": 0}, "nudge_after_business_days: must be at least 1"),
        ({"check_in_interval_days": 400}, "check_in_interval_days: must be between 0 and 366"),
        ({"thank_you_delay": dt.timedelta(days=8)}, "thank_you_delay: must be a timedelta"),
        ({"thank_you_delay": 3}, "thank_you_delay: must be a timedelta"),
        ({"connection_note": "yes"}, "connection_note: must be a bool"),
        (
            {"send_window_start": dt.time(12), "send_window_end": dt.time(11)},
            "send_window_end: 11:00 is not after",
        ),
        ({"send_window_end": dt.time(9, 40)}, "send_window_end: must be at least 15 minutes"),
        ({"send_window_start": "nine"}, "send_window_start: must be a datetime.time"),
        ({"send_window_start": 9}, "send_window_start: must be a datetime.time, not int"),
        ({"task_time": dt.time(18, tzinfo=dt.UTC)}, "task_time: must be a wall-clock time"),
        ({"quiet_periods": "12-24"}, "quiet_periods: must be a sequence"),
        (
            {"quiet_periods": [("12-24",)]},
            r"quiet_periods\[0\]: must be a \('MM-DD', 'MM-DD'\) pair",
        ),
        ({"quiet_periods": ["12-24"]}, r"quiet_periods\[0\]: must be a"),
        ({"quiet_periods": [("13-01", "01-01")]}, "'13-01' is not a day of the year"),
        ({"quiet_periods": [("Dec 24", "01-01")]}, "is not a 'MM-DD' date"),
        ({"quiet_periods": [("01-01", "01-02")] * 51}, "more than 50 periods"),
        ({"blackout_dates": "2026-12-01"}, "blackout_dates: must be a collection"),
        ({"blackout_dates": ["tomorrow"]}, r"blackout_dates\[0\]: 'tomorrow' is not a date"),
        ({"blackout_dates": [dt.datetime(2026, 1, 1, tzinfo=dt.UTC)]}, "is not a date"),
        (
            {"blackout_dates": [dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in range(1001)]},
            "more than 1000 dates",
        ),
    ],
)
def test_bad_values_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message):
        Policy(**kwargs)  # type: ignore[arg-type]


def test_convenient_inputs() -> None:
    policy = Policy(
        send_window_start="08:00",  # type: ignore[arg-type]
        send_window_end=dt.time(10, 0, 30),
        blackout_dates=["2026-12-02", dt.date(2026, 12, 1), "2026-12-02"],
        quiet_periods=[["07-15", "08-15"]],
    )
    assert policy.send_window_start == dt.time(8)
    assert policy.send_window_end == dt.time(10)
    assert policy.blackout_dates == (dt.date(2026, 12, 1), dt.date(2026, 12, 2))
    assert policy.quiet_periods == (("07-15", "08-15"),)


def test_plain_data_round_trip() -> None:
    policy = Policy(nudges=2, blackout_dates=["2026-12-02"], task_time=dt.time(17, 30))
    data = policy.as_dict()
    assert data["thank_you_delay"] == 7200
    assert data["send_window_start"] == "09:30"
    assert data["blackout_dates"] == ["2026-12-02"]
    assert Policy.from_dict(data) == policy
    assert Policy.from_dict({}) == Policy()


def test_from_dict_errors() -> None:
    with pytest.raises(InvalidInputError, match="policy.nudge: unknown field"):
        Policy.from_dict({"nudge": 1})
    with pytest.raises(InvalidInputError, match="policy.nudges: is 5"):
        Policy.from_dict({"nudges": 5})
    with pytest.raises(InvalidInputError, match="policy: must be a mapping"):
        Policy.from_dict([])  # type: ignore[arg-type]


def test_actions_know_their_channel() -> None:
    assert Action.THANK_YOU_AND_FEEDBACK.channel == "email"
    assert Action.CONNECTION_NOTE.channel == "linkedin"
    assert Action.TRAINING.channel == "private"
    assert not Action.ENGAGE.is_outreach
    assert Action.NUDGE.is_outreach


def test_endless_inputs_are_cut_off() -> None:
    import itertools

    with pytest.raises(InvalidInputError, match="more than 50 periods"):
        Policy(quiet_periods=itertools.repeat(("01-01", "01-02")))
    with pytest.raises(InvalidInputError, match="more than 1000 dates"):
        Policy(
            blackout_dates=(dt.date(2026, 1, 1) + dt.timedelta(days=i) for i in itertools.count())
        )
