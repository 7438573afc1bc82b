"""The plan: :func:`plan` and :class:`Timeline`."""

from __future__ import annotations

import datetime
import datetime as dt
import warnings
from typing import TYPE_CHECKING, Any

import attrs

from followkit import _validate as v
from followkit.errors import InvalidInputError, UnknownStepError
from followkit.model import Application
from followkit.timeline import _planner
from followkit.timeline._events import (
    Event,
    Sent,
    Skipped,
    event_as_dict,
    is_event,
)
from followkit.timeline._policy import Policy, Status
from followkit.timeline._step import Step, canonical_id

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    import babel


__all__ = ["Timeline", "plan"]

#: Version of the :meth:`Timeline.as_dict` format.
FORMAT = 1
_NO_TIME = dt.timedelta(0)
_MAX_ID = 64
#: The farthest :meth:`Timeline.due` looks ahead.
_MAX_WITHIN = dt.timedelta(days=366)


def _check_policy(value: object) -> Policy:
    if not isinstance(value, Policy):
        raise InvalidInputError(f"must be a Policy, not {type(value).__name__}", field="policy")
    return value


def _instance(cls: type, field: str) -> Any:
    def check(instance: object, attribute: object, value: object) -> None:
        if not isinstance(value, cls):
            raise InvalidInputError(
                f"must be a {cls.__name__}, not {type(value).__name__}", field=field
            )

    return check


def _aware(
    instance: object, attribute: attrs.Attribute[datetime.datetime], value: datetime.datetime
) -> None:
    v.aware_datetime(value, "now")


def _step_key(value: object) -> str:
    return value if isinstance(value, str) else repr(value)


def _look_ahead(value: object) -> dt.timedelta:
    if not isinstance(value, dt.timedelta) or not _NO_TIME <= value <= _MAX_WITHIN:
        raise InvalidInputError(
            f"must be a timedelta from 0 to {_MAX_WITHIN.days} days", field="within"
        )
    return value


def _steps(value: object) -> tuple[Step, ...]:
    items = tuple(value) if isinstance(value, list | tuple) else None
    if items is None or not all(isinstance(item, Step) for item in items):
        raise InvalidInputError("must be a sequence of Step", field="steps")
    return items


def _events(value: object) -> tuple[Event, ...]:
    items = tuple(value) if isinstance(value, list | tuple) else None
    if items is None or not all(is_event(item) for item in items):
        raise InvalidInputError("must be a sequence of timeline events", field="events")
    return items


@attrs.frozen(kw_only=True)
class Timeline:
    """The follow-up plan of one application: ordered steps, updated by events.

    Build one with :func:`plan`; every change returns a new timeline and leaves this one as
    it was. Iterating yields the steps in order of their due time.

    Args:
        application: The application planned for.
        policy: The etiquette followed.
        now: When the plan was made or last updated (the iCalendar ``DTSTAMP``).
        steps: The steps, ordered by due time.
        events: The events applied, in order.
        drafts: Whether outreach steps carry draft messages.

    .. versionadded:: 0.1.0
    """

    application: Application = attrs.field(validator=_instance(Application, "application"))
    policy: Policy = attrs.field(validator=_instance(Policy, "policy"))
    # Spelled out (not dt.datetime): attrs' __init__ annotations reach the docs.
    now: datetime.datetime = attrs.field(validator=_aware)
    steps: tuple[Step, ...] = attrs.field(converter=_steps)
    events: tuple[Event, ...] = attrs.field(default=(), converter=_events)
    drafts: bool = attrs.field(default=True, validator=_instance(bool, "drafts"))

    def __iter__(self) -> Iterator[Step]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def step(self, step_id: str) -> Step:
        """Return the step with id *step_id*.

        Args:
            step_id: The step's id, such as ``"thank-you-and-feedback"`` or ``"nudge-1"``
                (see :class:`Step`). The ids of the first release (``"thank-you"``,
                ``"check-in-N"``) are still found, with a :class:`DeprecationWarning`.

        Returns:
            The step.

        Raises:
            UnknownStepError: If there is no such step; the message lists the ids there
                are. It is also a :class:`KeyError`.

        .. versionchanged:: 0.2.0
           Raises :class:`~followkit.errors.UnknownStepError` (a :class:`KeyError`)
           listing the valid ids, rather than a bare :class:`KeyError`.
        """
        wanted = _step_key(step_id)
        # Ids are at most 64 characters (see Sent); a longer one names no step.
        current, legacy = canonical_id(wanted) if len(wanted) <= _MAX_ID else (wanted, False)
        if legacy:
            warnings.warn(
                f"step id {wanted!r} is deprecated; use {current!r}",
                DeprecationWarning,
                stacklevel=2,
            )
        for item in self.steps:
            if item.id == current:
                return item
        raise UnknownStepError(wanted, valid=tuple(item.id for item in self.steps))

    @property
    def pending(self) -> tuple[Step, ...]:
        """Return the steps still planned."""
        return tuple(item for item in self.steps if item.status is Status.PLANNED)

    @property
    def outreach(self) -> tuple[Step, ...]:
        """Return the steps that write to a contact (e-mails and the LinkedIn note)."""
        return tuple(item for item in self.steps if item.is_outreach)

    def next_step(self) -> Step | None:
        """Return the first planned step, or ``None`` when nothing is left to do."""
        pending = self.pending
        return pending[0] if pending else None

    def next_outreach(self) -> Step | None:
        """Return the next message to send: the first planned outreach step, or ``None``.

        Private tasks are left out; a message whose send window has already closed is
        still the next one (see :meth:`due` for what is overdue).

        .. versionadded:: 0.2.0
        """
        return next((item for item in self.steps if item.is_pending and item.is_outreach), None)

    def due(
        self, now: dt.datetime | None = None, *, within: dt.timedelta = _NO_TIME
    ) -> tuple[Step, ...]:
        """Return what should happen now: the planned steps whose time has come.

        A planned step is *due* once its ``due`` time is reached (``step.due <= now``),
        and stays due until it is sent, done, skipped or cancelled by an event. It is
        *overdue* once its window has closed (``step.window_end <= now``): the send
        window for a message, the deadline for a private task (see
        :meth:`Step.is_overdue`). Overdue steps come first, then the others, each group
        by due time, so a tracker can show the list as it is. Messages and private tasks
        are both included; filter on :attr:`Step.is_outreach` for one kind.

        Times compare as instants, so *now* may be in any zone (the candidate's, UTC).

        Args:
            now: The current time (aware); defaults to the system clock, read once.
            within: Look ahead: also return the steps due at or before ``now + within``
                (for "today" or "this week" lists); at most 366 days.

        Returns:
            The due steps, overdue first; empty when nothing is due.

        Raises:
            NaiveDatetimeError: If *now* has no time zone.
            InvalidInputError: If *within* is not a timedelta from 0 to 366 days.

        .. versionadded:: 0.2.0
        """
        now = dt.datetime.now(dt.UTC) if now is None else v.aware_datetime(now, "now")
        horizon = now + _look_ahead(within)
        due = [item for item in self.steps if item.is_pending and item.due <= horizon]
        # A stable sort: steps due at the same time keep the plan's order.
        return tuple(sorted(due, key=lambda item: (not item.is_overdue(now), item.due)))

    def apply(self, event: Event) -> Timeline:
        """Return a new timeline with *event* applied; this one is left unchanged.

        Applying an event that was already applied returns the timeline unchanged, so a
        retried webhook or a double click does no harm. Steps that change (moved,
        cancelled, done) get a higher ``sequence``. ``now`` advances to the
        event's time when that is later.

        Args:
            event: A :class:`Reply`, :class:`FeedbackReceived`, :class:`Sent`,
                :class:`Skipped` or :class:`DoNotContact`.

        Returns:
            The updated timeline.

        Raises:
            EventError: If the event is dated before the decision (or more than ten years
                after it), names an unknown step, marks a step that is no longer planned,
                or announces an absence of more than a year.
            InvalidInputError: If *event* is not an event.
        """
        if not is_event(event):
            raise InvalidInputError(
                f"must be a timeline event, not {type(event).__name__}", field="event"
            )
        if event in self.events:
            return self
        steps = {item.id: item for item in self.steps}
        _planner.check_event(event, self.application, steps)
        if isinstance(event, Sent | Skipped):
            old = steps[event.step_id]
            done = isinstance(event, Sent)
            steps[event.step_id] = attrs.evolve(
                old,
                status=Status.DONE if done else Status.SKIPPED,
                done_at=event.at if done else None,
                sequence=old.sequence + 1,
            )
        now = max(self.now, event.at)
        events = (*self.events, event)
        new_steps = _planner.build(
            self.application, self.policy, now, events, steps, drafts=self.drafts
        )
        return attrs.evolve(self, now=now, steps=new_steps, events=events)

    def apply_all(self, events: Iterator[Event] | tuple[Event, ...] | list[Event]) -> Timeline:
        """Return a new timeline with each of *events* applied in order.

        Raises:
            EventError: As :meth:`apply`.
        """
        timeline = self
        for event in events:
            timeline = timeline.apply(event)
        return timeline

    def to_ical(self) -> bytes:
        """Return the timeline as an iCalendar (RFC 5545) file.

        Outreach steps are events in the recipient's send window, private tasks are to-dos,
        each with an alarm ``policy.alarm_minutes`` before it is due. UIDs derive from what
        identifies the application (company, position, candidate's name and the day of the
        decision) and the step id, so a calendar application that imports the file again
        updates its entries, also after the application was edited (a contact's e-mail
        added, a typo fixed) and planned again; ``DTSTAMP`` is ``now``; cancelled and
        skipped steps carry ``STATUS:CANCELLED`` and a raised ``SEQUENCE``. Each check-in
        is its own dated entry (a recurrence rule would ignore holidays). Identical
        timelines give identical bytes.

        Returns:
            The ``.ics`` content.
        """
        from followkit.timeline._ical import to_ical  # noqa: PLC0415

        return to_ical(self)

    def describe(self, locale: str | babel.Locale | None = None) -> str:
        """Return the plan as a localized agenda, one line per step.

        Dates and times are formatted by babel for the locale, each in its step's zone.
        The reader is the candidate: a time in a zone other than theirs
        (``Person.timezone``) carries the zone's name, and a send time also their own time
        beside it; when their zone is not given, every time carries the recipient's zone.

        Args:
            locale: The language to describe in (en, de, fr or es, with any region);
                defaults to the application's locale.

        Returns:
            A title line, a line saying so when the candidate's zone is not known, then
            one line per step of the agenda, such as "Tuesday, 1 December 2026, 09:30 —
            thank Jordan Lee and ask for feedback".

        Raises:
            UnsupportedLocaleError: If the locale is not one of the supported languages.
        """
        from followkit.timeline._describe import describe  # noqa: PLC0415

        return describe(self, locale)

    def as_dict(self) -> dict[str, Any]:
        """Return the timeline as JSON-ready data; :meth:`from_dict` reads it back.

        Returns:
            A mapping with the format version, application, policy, ``now``, events and
            steps (each with its draft message as data).
        """
        return {
            "format": FORMAT,
            "application": self.application.as_dict(),
            "policy": self.policy.as_dict(),
            "now": self.now.isoformat(),
            "drafts": self.drafts,
            "events": [event_as_dict(event) for event in self.events],
            "steps": [item.as_dict() for item in self.steps],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Timeline:
        """Read a timeline written by :meth:`as_dict` (for example after a JSON round trip).

        Steps, statuses, times, sequences and draft messages are read as stored (and
        validated), so a plan saved before a holiday-data update reads back unchanged.
        Step ids and actions of earlier releases (``thank-you``, ``check-in-N``,
        ``check-in``) are read as today's, without a warning.

        Args:
            data: The mapping to read.

        Returns:
            The timeline, equal to the one that was written.

        Raises:
            InvalidInputError: If the data is malformed; the error names the field.
        """
        from followkit.timeline._codec import timeline_from_dict  # noqa: PLC0415

        return timeline_from_dict(cls, data)


def plan(
    application: Application,
    policy: Policy | None = None,
    *,
    now: dt.datetime | None = None,
    drafts: bool = True,
) -> Timeline:
    """Plan the follow-ups of an application.

    Outreach lands on the recipient's business days (their territory's weekend and public
    holidays, the policy's quiet periods and blackout dates), inside the send window in the
    recipient's time zone, and two e-mails are always at least the minimum gap apart.
    Planning late (``now`` after the ideal time) moves each step to the next valid slot
    and keeps the natural order: no engagement task before the thank-you, each check-in's
    engagement task before it. Check-ins missed altogether (the next one's day has come
    too), with their engagement tasks, and engagement tasks on a cadence whose window has
    passed are marked skipped instead of crowding the weeks ahead.

    Args:
        application: The application to plan for.
        policy: The etiquette to follow; the defaults encode common practice.
        now: The current time (aware); defaults to the system clock, read once.
        drafts: Whether to draft the message of each outreach step (turn it off when
            planning many applications at once and drafting later).

    Returns:
        The timeline.

    Raises:
        InvalidInputError: If the application's subdivision is unknown for its territory
            (the error lists the valid codes), the decision is outside 1970-2199, ``now``
            is more than ten years from it, or an argument is not acceptable.
        NaiveDatetimeError: If ``now`` has no time zone.
        UnsupportedLocaleError: If the application's locale is not supported.

    .. versionadded:: 0.1.0
    """
    if not isinstance(application, Application):
        raise InvalidInputError(
            f"must be an Application, not {type(application).__name__}", field="application"
        )
    policy = Policy() if policy is None else _check_policy(policy)
    if now is None:
        now = dt.datetime.now(dt.UTC)
    now = v.aware_datetime(now, "now")
    if not isinstance(drafts, bool):
        raise InvalidInputError("must be a bool", field="drafts")
    _planner.check_span(application, now)
    steps = _planner.build(application, policy, now, (), {}, drafts=drafts)
    return Timeline(application=application, policy=policy, now=now, steps=steps, drafts=drafts)


def calendar(timelines: Iterable[Timeline], *, name: str | None = None) -> bytes:
    """Return one iCalendar file holding the steps of many timelines.

    A job tracker plans every application it follows and hands the candidate a single
    calendar to import. Each step keeps the UID, sequence and status that
    :meth:`Timeline.to_ical` gives it, so re-importing an updated file updates the entries
    already in the calendar; each time zone is written once.

    Args:
        timelines: The timelines to merge, in the order their entries should appear.
        name: The calendar's display name; defaults to the single plan's title, or
            ``"Follow-ups (N applications)"``.

    Returns:
        The ``.ics`` bytes (RFC 5545).

    Raises:
        InvalidInputError: If an item is not a :class:`Timeline`, or plans the same
            application as an earlier one: the same company, position, candidate and day
            of the decision, whatever else differs (their entries would share UIDs).

    .. versionadded:: 0.1.0
    """
    from followkit.timeline._describe import summary  # noqa: PLC0415
    from followkit.timeline._ical import calendar_of, identity  # noqa: PLC0415

    items = list(timelines)
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, Timeline):
            raise InvalidInputError(
                f"must be a Timeline, not {type(item).__name__}", field=f"timelines[{index}]"
            )
        first = seen.setdefault(identity(item.application), index)
        if first != index:
            raise InvalidInputError(
                f"plans the same application as timelines[{first}]; a calendar holds each"
                " application once (their entries would share UIDs)",
                field=f"timelines[{index}]",
            )
    if name is None:
        name = (
            summary(items[0], None, title=True)
            if len(items) == 1
            else f"Follow-ups ({len(items)} applications)"
        )
    else:
        name = v.clean_text(name, "name")
    return calendar_of(items, name)
