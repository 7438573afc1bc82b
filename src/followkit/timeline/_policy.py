"""The etiquette a timeline follows: :class:`Policy`, and the closed vocabularies of a step."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import re
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from followkit.errors import InvalidInputError

__all__ = ["Action", "Condition", "Policy", "Status"]

#: Most nudges a policy may ask for: a third reminder to someone who did not answer two
#: is pressure, not persistence.
MAX_NUDGES = 2
_MONTH_DAY = re.compile(r"(\d{2})-(\d{2})")
_MAX_BLACKOUT = 1000
_MAX_QUIET = 50


#: Action values of earlier releases, still read from files and events.
LEGACY_ACTIONS = {"check-in": "stay-connected"}


class Action(enum.StrEnum):
    """What a step asks the candidate to do.

    The value of an outreach action is also the kind ``followkit draft`` takes and, with
    hyphens for underscores, the builder in :mod:`followkit.messages` that drafts it
    (``stay-connected`` is :func:`~followkit.messages.stay_connected`). A step's id is its
    action's value, numbered when the plan has several (see :class:`Step`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``CHECK_IN`` is now ``STAY_CONNECTED``, value ``"stay-connected"``, the name of
       the message it drafts. ``Action.CHECK_IN`` remains an alias, and the old value
       ``"check-in"`` is still read (``Action("check-in") is Action.STAY_CONNECTED``).
    """

    THANK_YOU_AND_FEEDBACK = "thank-you-and-feedback"
    """Thank the contact and ask for specific feedback (e-mail)."""
    NUDGE = "nudge"
    """A gentle reminder when the feedback request went unanswered (e-mail)."""
    CONNECTION_NOTE = "connection-note"
    """Invite the contact to connect on LinkedIn, with a short note."""
    REFERRAL_REQUEST = "referral-request"
    """The first stay-connected check-in, which asks for referrals (e-mail)."""
    STAY_CONNECTED = "stay-connected"
    """A stay-connected check-in (e-mail)."""
    CHECK_IN = "stay-connected"
    """Deprecated alias of :attr:`STAY_CONNECTED`."""
    FEEDBACK_ACKNOWLEDGEMENT = "feedback-acknowledgement"
    """Thank the contact for the feedback they sent (e-mail)."""
    REFLECTION = "reflection"
    """A private task, reflecting on the interview."""
    TRAINING = "training"
    """A private task, picking training for the areas the feedback named."""
    ENGAGE = "engage"
    """A private task, engaging with the company's content (by default to prepare a
    check-in)."""

    @classmethod
    def _missing_(cls, value: object) -> Action | None:
        # The spellings of earlier releases, as stored in files and calendars.
        new = LEGACY_ACTIONS.get(value) if isinstance(value, str) else None
        return None if new is None else cls(new)

    @property
    def channel(self) -> str:
        """Return ``"email"``, ``"linkedin"`` or ``"private"``."""
        if self is Action.CONNECTION_NOTE:
            return "linkedin"
        if self in {Action.REFLECTION, Action.TRAINING, Action.ENGAGE}:
            return "private"
        return "email"

    @property
    def is_outreach(self) -> bool:
        """Return whether the step writes to a contact (rather than a private task)."""
        return self.channel != "private"


class Condition(enum.StrEnum):
    """When a step applies.

    .. versionadded:: 0.1.0
    """

    ALWAYS = "always"
    """The step applies whatever happens (until the contact asks not to be contacted)."""
    NO_REPLY = "no-reply"
    """Only if the contact has not replied (a real reply cancels it)."""
    AFTER_FEEDBACK = "after-feedback"
    """Added when feedback arrives."""


class Status(enum.StrEnum):
    """Where a step stands.

    .. versionadded:: 0.1.0
    """

    PLANNED = "planned"
    """Still to do."""
    DONE = "done"
    """Sent or done (see :class:`Sent`)."""
    CANCELLED = "cancelled"
    """No longer wanted, because a reply came or the contact asked not to be contacted."""
    SKIPPED = "skipped"
    """Left out by the candidate, or its time passed before the plan was made."""


def _non_negative(limit: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInputError(
                f"must be an int, not {type(value).__name__}", field=attribute.name
            )
        if not 0 <= value <= limit:
            raise InvalidInputError(
                f"must be between 0 and {limit}, not {value}", field=attribute.name
            )

    return check


def _positive(limit: int) -> Any:
    inner = _non_negative(limit)

    def check(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
        inner(instance, attribute, value)
        if value == 0:
            raise InvalidInputError("must be at least 1", field=attribute.name)

    return check


def _nudges(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    _non_negative(10)(instance, attribute, value)
    if value > MAX_NUDGES:
        raise InvalidInputError(
            f"is {value}; more than {MAX_NUDGES} nudges turn persistence into pressure",
            field=attribute.name,
        )


def _delay(instance: object, attribute: attrs.Attribute[dt.timedelta], value: object) -> None:
    if not isinstance(value, dt.timedelta) or not (
        dt.timedelta(0) <= value <= dt.timedelta(days=7)
    ):
        raise InvalidInputError("must be a timedelta between 0 and 7 days", field=attribute.name)


def _bool(instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidInputError(f"must be a bool, not {type(value).__name__}", field=attribute.name)


def _time(instance: object, attribute: attrs.Attribute[dt.time], value: dt.time) -> None:
    if not isinstance(value, dt.time):
        raise InvalidInputError(
            f"must be a datetime.time, not {type(value).__name__}", field=attribute.name
        )
    if value.tzinfo is not None:
        raise InvalidInputError(
            "must be a wall-clock time without tzinfo (it is read in the local zone)",
            field=attribute.name,
        )


def _to_time(value: object) -> object:
    if isinstance(value, str):
        try:
            return dt.time.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, fold=0)
    return value


def _month_day(text: object, field: str) -> tuple[int, int]:
    match = _MONTH_DAY.fullmatch(text) if isinstance(text, str) else None
    if match is None:
        raise InvalidInputError(f"{text!r} is not a 'MM-DD' date such as '12-24'", field=field)
    month, day = int(match[1]), int(match[2])
    try:
        dt.date(2024, month, day)  # a leap year, so that '02-29' is accepted
    except ValueError:
        raise InvalidInputError(f"{text!r} is not a day of the year", field=field) from None
    return month, day


def _quiet_periods(value: object) -> tuple[tuple[str, str], ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError(
            "must be a sequence of ('MM-DD', 'MM-DD') pairs", field="quiet_periods"
        )
    periods = []
    for index, item in enumerate(value):
        field = f"quiet_periods[{index}]"
        if isinstance(item, str | bytes) or not isinstance(item, Iterable):
            raise InvalidInputError("must be a ('MM-DD', 'MM-DD') pair", field=field)
        pair = tuple(item)
        if len(pair) != 2:
            raise InvalidInputError("must be a ('MM-DD', 'MM-DD') pair", field=field)
        _month_day(pair[0], field)
        _month_day(pair[1], field)
        periods.append((str(pair[0]), str(pair[1])))
        if len(periods) > _MAX_QUIET:
            raise InvalidInputError(f"has more than {_MAX_QUIET} periods", field="quiet_periods")
    return tuple(periods)


def _blackout(value: object) -> tuple[dt.date, ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise InvalidInputError("must be a collection of dates", field="blackout_dates")
    days = set()
    for index, item in enumerate(value):
        if isinstance(item, str):
            with contextlib.suppress(ValueError):
                item = dt.date.fromisoformat(item)  # noqa: PLW2901
        if isinstance(item, dt.datetime) or not isinstance(item, dt.date):
            raise InvalidInputError(f"{item!r} is not a date", field=f"blackout_dates[{index}]")
        days.add(item)
        if len(days) > _MAX_BLACKOUT:
            raise InvalidInputError(f"has more than {_MAX_BLACKOUT} dates", field="blackout_dates")
    return tuple(sorted(days))


@attrs.frozen(kw_only=True)
class Policy:
    """The follow-up etiquette a timeline follows; every default encodes common practice.

    Business days are the recipient's: not a weekend day of their territory, not a public
    holiday of their territory and subdivision, not in a quiet period or a blackout date.

    Args:
        thank_you_delay: How long after the decision the thank-you and feedback request
            may go out at the earliest. Two hours: a reply within minutes reads as a
            reflex; within a day, while the conversation is fresh, reads as gracious. The
            message goes in the first send window after this delay, which is within 24
            hours of the decision whenever the next day is a business day.
        nudges: How many gentle nudges follow an unanswered feedback request: one by
            default; two at most, since a third reminder is pressure (more is an error).
        nudge_after_business_days: Business days between the request and a nudge (and
            between two nudges): five, a working week, the time a busy recruiter needs.
        connection_note: Whether to plan a LinkedIn connection note.
        connection_note_after_business_days: Business days after the thank-you for the
            connection note: two, so the invitation follows the e-mail instead of
            crowding it. An invitation is not an e-mail and does not count toward the
            gap between e-mails, but it never lands on the same day as another message.
        reflection_within_days: Days after the decision by which the private
            self-reflection is done: two, while the interview is still remembered.
        training_within_days: Days after feedback arrives by which training is chosen:
            seven, so that the feedback turns into action while it is fresh.
        feedback_acknowledgement_within_business_days: Business days within which
            feedback received is acknowledged: one. The acknowledgement answers the
            contact's message, so the minimum gap between e-mails does not hold it back.
        check_ins: Stay-connected check-ins: four, about a year of light contact; the
            first one carries the referral ask, once a relationship is re-established.
        check_in_interval_days: Days between check-ins, counted from the decision: 90,
            roughly once a quarter, often enough to be remembered and rare enough not to
            bother. Each check-in lands on the first open day on or after its date.
        engagement_tasks: Private reminders to engage with the company's content (read
            their news, like or comment on a post). ``None`` (the default): one before
            each check-in, opening ``task_window_days`` before it and closing when the
            check-in goes out, so that the check-in can mention something specific and
            the name is familiar when it arrives. A number asks for that many on a fixed
            cadence of ``engagement_interval_days`` from the decision instead (``12``
            with ``30`` days: monthly for a year); ``0`` plans none.
        engagement_interval_days: Days between engagement reminders when
            ``engagement_tasks`` is a number: 30 (monthly).
        task_window_days: Days a private engagement task stays open: seven (before a
            check-in, the week leading up to it).
        min_email_gap_business_days: Minimum business days between two e-mails to the
            same contact: five, so that no one receives two messages in one working week.
        send_window_start: Start of the send window, recipient's local wall-clock time:
            09:30, after the first hour of the day that goes to the inbox backlog.
        send_window_end: End of the send window (exclusive): 11:30, before lunch;
            messages read in the morning get the most replies.
        task_time: Local time (the candidate's zone) at which private tasks are due:
            18:00, after the working day.
        quiet_periods: Yearly periods without outreach, as ``("MM-DD", "MM-DD")`` pairs
            (inclusive; a period may wrap the year end): 24 December to 1 January, when
            offices are empty and inboxes overflow.
        blackout_dates: The candidate's own dates without outreach (travel, other
            interviews), as dates or ISO strings.
        alarm_minutes: Minutes before a step's due time that its calendar alarm fires: 15.

    Raises:
        InvalidInputError: If a value is out of range; the error names the field.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       ``engagement_tasks`` defaults to ``None``, one engagement task before each
       check-in, instead of twelve monthly ones (pass ``engagement_tasks=12`` for those).
    """

    thank_you_delay: dt.timedelta = attrs.field(default=dt.timedelta(hours=2), validator=_delay)
    nudges: int = attrs.field(default=1, validator=_nudges)
    nudge_after_business_days: int = attrs.field(default=5, validator=_positive(60))
    connection_note: bool = attrs.field(default=True, validator=_bool)
    connection_note_after_business_days: int = attrs.field(default=2, validator=_non_negative(60))
    reflection_within_days: int = attrs.field(default=2, validator=_positive(30))
    training_within_days: int = attrs.field(default=7, validator=_positive(90))
    feedback_acknowledgement_within_business_days: int = attrs.field(
        default=1, validator=_positive(10)
    )
    check_ins: int = attrs.field(default=4, validator=_non_negative(12))
    check_in_interval_days: int = attrs.field(default=90, validator=_positive(366))
    engagement_tasks: int | None = attrs.field(
        default=None, validator=attrs.validators.optional(_non_negative(36))
    )
    engagement_interval_days: int = attrs.field(default=30, validator=_positive(366))
    task_window_days: int = attrs.field(default=7, validator=_positive(90))
    min_email_gap_business_days: int = attrs.field(default=5, validator=_non_negative(60))
    send_window_start: dt.time = attrs.field(
        default=dt.time(9, 30), converter=_to_time, validator=_time
    )
    send_window_end: dt.time = attrs.field(
        default=dt.time(11, 30), converter=_to_time, validator=_time
    )
    task_time: dt.time = attrs.field(default=dt.time(18, 0), converter=_to_time, validator=_time)
    quiet_periods: tuple[tuple[str, str], ...] = attrs.field(
        default=(("12-24", "01-01"),), converter=_quiet_periods
    )
    blackout_dates: tuple[dt.date, ...] = attrs.field(default=(), converter=_blackout)
    alarm_minutes: int = attrs.field(default=15, validator=_non_negative(24 * 60))

    def __attrs_post_init__(self) -> None:
        if self.send_window_end <= self.send_window_start:
            raise InvalidInputError(
                f"{self.send_window_end.isoformat('minutes')} is not after send_window_start "
                f"{self.send_window_start.isoformat('minutes')}",
                field="send_window_end",
            )
        if (
            dt.datetime.combine(dt.date.min, self.send_window_end)
            - dt.datetime.combine(dt.date.min, self.send_window_start)
        ) < dt.timedelta(minutes=15):
            raise InvalidInputError("must be at least 15 minutes long", field="send_window_end")

    def quiet_ranges(self) -> tuple[tuple[tuple[int, int], tuple[int, int]], ...]:
        """Return the quiet periods as ((month, day), (month, day)) pairs."""
        return tuple(
            (_month_day(first, "quiet_periods"), _month_day(last, "quiet_periods"))
            for first, last in self.quiet_periods
        )

    def is_quiet(self, day: dt.date) -> bool:
        """Return whether *day* falls in one of the quiet periods.

        Args:
            day: The recipient's local date.

        Returns:
            ``True`` inside a period (both ends inclusive; a period may wrap the year end).
        """
        key = (day.month, day.day)
        return any(
            (start <= key <= end) if start <= end else (key >= start or key <= end)
            for start, end in self.quiet_ranges()
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the policy as JSON-ready data that :meth:`from_dict` reads back."""
        return {name: _encode(getattr(self, name)) for name in attrs.fields_dict(type(self))}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Policy:
        """Build a policy from :meth:`as_dict` data; missing keys take their defaults.

        Args:
            data: The mapping to read.

        Returns:
            The validated policy.

        Raises:
            InvalidInputError: If a key is unknown or a value is bad.
        """
        if not isinstance(data, Mapping):
            raise InvalidInputError(f"must be a mapping, not {type(data).__name__}", field="policy")
        known = attrs.fields_dict(cls)
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in known:
                raise InvalidInputError(
                    f"unknown field (expected one of: {', '.join(known)})", field=f"policy.{key}"
                )
            kwargs[key] = value
        if isinstance(kwargs.get("thank_you_delay"), int | float) and not isinstance(
            kwargs["thank_you_delay"], bool
        ):
            kwargs["thank_you_delay"] = dt.timedelta(seconds=kwargs["thank_you_delay"])
        try:
            return cls(**kwargs)
        except InvalidInputError as exc:
            raise exc.at("policy") from None


def _encode(value: object) -> object:
    if isinstance(value, dt.timedelta):
        return int(value.total_seconds())
    if isinstance(value, dt.time):
        return value.isoformat("minutes")
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
