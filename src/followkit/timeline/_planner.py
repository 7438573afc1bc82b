"""The planner: from an application, a policy, ``now`` and events to ordered steps.

A timeline is a pure function of (application, policy, now, events): :func:`build`
computes every step from the state the events describe. Steps that are no longer planned
(done, cancelled, skipped) are kept exactly as they were; planned steps are placed again,
so that a reply, a late message or an out-of-office notice re-spaces what follows.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from followkit.errors import EventError, InvalidInputError
from followkit.timeline._calendar import Calendar, resolve
from followkit.timeline._drafts import draft
from followkit.timeline._events import (
    DoNotContact,
    Event,
    FeedbackReceived,
    Reply,
    Sent,
    Skipped,
)
from followkit.timeline._improve import reflection_checklist, training_checklist
from followkit.timeline._phrases import checklist, language
from followkit.timeline._policy import Action, Condition, Policy, Status
from followkit.timeline._step import Step

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from zoneinfo import ZoneInfo

    from followkit.feedback import Feedback
    from followkit.messages import Message
    from followkit.model import Application

__all__ = ["MAX_SPAN", "build", "check_event", "check_span"]

_MIDNIGHT = dt.time(0, 0)
#: How far after the decision events and ``now`` may lie: ten years is far beyond any
#: follow-up plan, and keeps every date computation inside the calendar.
MAX_SPAN = dt.timedelta(days=3660)
#: The longest out-of-office absence an automatic reply may announce.
MAX_ABSENCE = dt.timedelta(days=366)
#: Decisions are planned between these years (holiday data and time-zone rules exist).
YEARS = (1970, 2199)


def check_span(app: Application, now: dt.datetime) -> None:
    """Raise :class:`InvalidInputError` when the decision or ``now`` is out of range."""
    if not YEARS[0] <= app.decided_at.year <= YEARS[1]:
        raise InvalidInputError(
            f"the planner supports decisions from {YEARS[0]} to {YEARS[1]}, "
            f"not {app.decided_at.year}",
            field="decided_at",
        )
    if not app.decided_at - MAX_SPAN <= now <= app.decided_at + MAX_SPAN:
        raise InvalidInputError(
            f"{now.isoformat()} is more than {MAX_SPAN.days} days from the decision",
            field="now",
        )


@attrs.frozen
class _State:
    replied: bool
    do_not_contact: bool
    not_before: dt.date | None
    feedback: tuple[FeedbackReceived, ...]
    skipped: frozenset[str]  # the steps the candidate left out (Skipped events)


def _state(events: Iterable[Event]) -> _State:
    replied = dnc = False
    not_before: dt.date | None = None
    feedback: list[FeedbackReceived] = []
    skipped: set[str] = set()
    for event in events:
        if isinstance(event, Skipped):
            skipped.add(event.step_id)
        elif isinstance(event, Reply):
            if event.kind == "real":
                replied = True
            elif event.returns_on is not None:
                not_before = max(not_before or event.returns_on, event.returns_on)
        elif isinstance(event, FeedbackReceived):
            replied = True
            feedback.append(event)
        elif isinstance(event, DoNotContact):
            dnc = True
    return _State(replied, dnc, not_before, tuple(feedback), frozenset(skipped))


def _ceil_minute(moment: dt.datetime) -> dt.datetime:
    if moment.second or moment.microsecond:
        moment = moment.replace(second=0, microsecond=0) + dt.timedelta(minutes=1)
    return moment


def _numbered(base: str, index: int) -> str:
    return base if index == 1 else f"{base}-{index}"


class _Planner:
    """One planning pass; holds the places already taken while steps are placed."""

    def __init__(  # noqa: PLR0913  (the pure inputs of one pass)
        self,
        app: Application,
        policy: Policy,
        now: dt.datetime,
        events: tuple[Event, ...],
        previous: Mapping[str, Step],
        *,
        drafts: bool,
    ) -> None:
        self.app = app
        self.policy = policy
        self.now = now
        self.state = _state(events)
        self.lang, self.loc = language(app.locale)
        # What each piece of feedback says, read in the application's language unless the
        # event names its own.
        self.notes: tuple[Feedback | None, ...] = tuple(
            event.read(self.lang) for event in self.state.feedback
        )
        self.previous = previous
        self.drafts = drafts
        self.zone: ZoneInfo = app.zone
        self.candidate_zone: ZoneInfo = app.candidate_zone
        self.calendar = Calendar(app.territory, app.subdivision, self.zone, policy)
        self.steps: list[Step] = []
        self.last_message: Message | None = None
        self.last_sent: dt.datetime | None = None
        self.thanked: dt.datetime | None = None
        # Local dates of e-mails (spaced by the minimum gap) and of all outreach.
        self.emails: set[dt.date] = set()
        self.outreach: set[dt.date] = set()
        for step in previous.values():
            if step.status is Status.DONE and step.action.is_outreach:
                self._take(step, step.done_at or step.due)

    # ------------------------------------------------------------------ helpers
    def _take(self, step: Step, moment: dt.datetime) -> None:
        day = moment.astimezone(self.zone).date()
        self.outreach.add(day)
        if step.action.channel == "email":
            self.emails.add(day)

    def _floor(self, moment: dt.datetime) -> dt.datetime:
        """Return the earliest time outreach may take: not before now or a return date."""
        moment = max(moment, self.now)
        if self.state.not_before is not None:
            moment = max(moment, resolve(self.state.not_before, _MIDNIGHT, self.zone))
        return moment

    def _too_close(self, day: dt.date, other: dt.date) -> bool:
        if day == other:
            return True
        first, second = min(day, other), max(day, other)
        gap = self.policy.min_email_gap_business_days
        return second < self.calendar.add_business_days(first, gap)

    def _place_email(self, earliest: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
        moment = self._floor(earliest)
        while True:
            due, end = self.calendar.slot(moment, not_on=frozenset(self.outreach - self.emails))
            day = due.date()
            clashes = [other for other in self.emails if self._too_close(day, other)]
            if not clashes:
                return due, end
            after = self.calendar.add_business_days(
                max(clashes), max(self.policy.min_email_gap_business_days, 1)
            )
            moment = max(moment, resolve(after, _MIDNIGHT, self.zone))

    def _start_of(self, day: dt.date) -> dt.datetime:
        return resolve(day, self.policy.send_window_start, self.zone)

    def _task_time(self, day: dt.date) -> dt.datetime:
        return resolve(day, self.policy.task_time, self.candidate_zone)

    def _add(  # noqa: PLR0913  (every part of a step)
        self,
        step_id: str,
        action: Action,
        condition: Condition,
        due: dt.datetime,
        window_end: dt.datetime,
        *,
        status: Status = Status.PLANNED,
        items: tuple[str, ...] = (),
        feedback: Feedback | None = None,
    ) -> Step:
        old = self.previous.get(step_id)
        if status is not Status.PLANNED and old is not None:
            due, window_end = old.due, old.window_end
        message = old.message if old is not None else None
        if status is Status.PLANNED and self.drafts and action.is_outreach:
            # Drafts of planned steps are written again on every pass: a nudge refers to
            # the date its request really went out.
            message = draft(
                self.app,
                action,
                previous=self.last_message,
                sent_on=self.last_sent.astimezone(self.zone).date() if self.last_sent else None,
                feedback=feedback,
            )
        if message is not None and action.channel == "email":
            self.last_message = message
        audience = self.app.candidate if action.channel == "private" else self.app.contact
        step = Step(
            id=step_id,
            action=action,
            audience=audience,
            due=due,
            window_end=window_end,
            condition=condition,
            status=status,
            message=message,
            checklist=items,
            sequence=0,
        )
        if old is not None:
            changed = (old.due, old.window_end, old.status, old.action) != (
                due,
                window_end,
                status,
                action,
            )
            step = attrs.evolve(step, sequence=old.sequence + int(changed))
        if status is Status.PLANNED and action.is_outreach:
            self._take(step, due)
        self.steps.append(step)
        return step

    def _fixed(self, step_id: str) -> Step | None:
        old = self.previous.get(step_id)
        if old is not None and old.status is not Status.PLANNED:
            self.steps.append(old)
            if old.message is not None and old.action.channel == "email":
                self.last_message = old.message
            return old
        return None

    def _outreach_status(self, condition: Condition, *, request: bool = False) -> Status:
        if self.state.do_not_contact:
            return Status.CANCELLED
        if request and self.state.feedback:
            # Feedback came before the request went out: the acknowledgement thanks them.
            return Status.CANCELLED
        if condition is Condition.NO_REPLY and self.state.replied:
            return Status.CANCELLED
        return Status.PLANNED

    @staticmethod
    def _sent_on(step: Step | None) -> dt.datetime | None:
        if step is None or step.status is Status.CANCELLED or step.status is Status.SKIPPED:
            return None
        return step.done_at or step.due

    # ------------------------------------------------------------------ steps
    def plan(self) -> tuple[Step, ...]:
        request = self._thank_you()
        last = self._sent_on(request)
        # Private tasks that follow the conversation never come before the reply that
        # opens it, also when the plan is made late and everything moves up to now.
        self.thanked = last
        for index in range(1, self.policy.nudges + 1):
            self.last_sent = last
            nudge = self._nudge(index, last)
            last = self._sent_on(nudge) or last
        for index, (event, note) in enumerate(
            zip(self.state.feedback, self.notes, strict=True), start=1
        ):
            self._acknowledgement(index, event, note)
        if self.policy.connection_note:
            self._connection_note(self._sent_on(request))
        self._check_ins()
        self._private_tasks()
        order = {step.id: index for index, step in enumerate(self.steps)}
        return tuple(sorted(self.steps, key=lambda s: (s.due, order[s.id])))

    def _thank_you(self) -> Step:
        step_id = Action.THANK_YOU_AND_FEEDBACK.value
        fixed = self._fixed(step_id)
        if fixed is not None:
            return fixed
        due, end = self._place_email(self.app.decided_at + self.policy.thank_you_delay)
        return self._add(
            step_id,
            Action.THANK_YOU_AND_FEEDBACK,
            Condition.ALWAYS,
            due,
            end,
            status=self._outreach_status(Condition.ALWAYS, request=True),
        )

    def _nudge(self, index: int, last: dt.datetime | None) -> Step:
        step_id = f"{Action.NUDGE}-{index}"
        fixed = self._fixed(step_id)
        if fixed is not None:
            return fixed
        anchor = last or self.app.decided_at
        day = anchor.astimezone(self.zone).date()
        after = self.calendar.add_business_days(day, self.policy.nudge_after_business_days)
        due, end = self._place_email(self._start_of(after))
        return self._add(
            step_id,
            Action.NUDGE,
            Condition.NO_REPLY,
            due,
            end,
            status=self._outreach_status(Condition.NO_REPLY),
        )

    def _acknowledgement(self, index: int, event: FeedbackReceived, note: Feedback | None) -> None:
        step_id = _numbered(Action.FEEDBACK_ACKNOWLEDGEMENT.value, index)
        if self._fixed(step_id) is None:
            # A reply to the contact's message: the gap between e-mails does not hold it
            # back, and an out-of-office date does not apply (they just wrote). Another
            # acknowledgement's day is taken, though: two messages never share a day.
            taken = frozenset(
                (step.done_at or step.due).astimezone(self.zone).date()
                for step in self.steps
                if step.action is Action.FEEDBACK_ACKNOWLEDGEMENT
                and step.status in {Status.PLANNED, Status.DONE}
            )
            due, end = self.calendar.slot(max(event.at, self.now), not_on=taken)
            received = event.at.astimezone(self.zone).date()
            deadline = self.calendar.add_business_days(
                received, self.policy.feedback_acknowledgement_within_business_days
            )
            end = max(end, self.calendar.window(deadline)[1])
            self._add(
                step_id,
                Action.FEEDBACK_ACKNOWLEDGEMENT,
                Condition.AFTER_FEEDBACK,
                due,
                end,
                status=self._outreach_status(Condition.AFTER_FEEDBACK),
                feedback=note,
            )
        step_id = _numbered(Action.TRAINING.value, index)
        if self._fixed(step_id) is None:
            items = training_checklist(self.app, self.lang, note)
            if items is None:
                return  # only reasons outside the candidate's control: nothing to train
            day = event.at.astimezone(self.candidate_zone).date()
            self._task(
                step_id,
                Action.TRAINING,
                Condition.AFTER_FEEDBACK,
                self._task_time(day + dt.timedelta(days=1)),
                self._task_time(day + dt.timedelta(days=self.policy.training_within_days)),
                items=items,
            )

    def _connection_note(self, thanked: dt.datetime | None) -> None:
        step_id = Action.CONNECTION_NOTE.value
        if self._fixed(step_id) is not None:
            return
        anchor = (thanked or self.app.decided_at).astimezone(self.zone).date()
        day = self.calendar.add_business_days(
            anchor, self.policy.connection_note_after_business_days
        )
        # An invitation, not an e-mail: outside the e-mail gap, but never on a day that
        # already carries a message.
        due, end = self.calendar.slot(
            self._floor(self._start_of(day)), not_on=frozenset(self.outreach)
        )
        self._add(
            step_id,
            Action.CONNECTION_NOTE,
            Condition.ALWAYS,
            due,
            end,
            status=self._outreach_status(Condition.ALWAYS),
        )

    def _check_ins(self) -> None:
        """Place the check-ins; skip those missed while the plan was late.

        A check-in is missed when the earliest time it could still go out (``now``, or the
        contact's return date) has reached the next check-in's day: sending both would
        put two check-ins one e-mail gap apart. A missed check-in is skipped where it was
        due, and only the latest one due is sent. The referral ask goes with the first
        check-in that is not missed (one the candidate skipped keeps it, as they chose).
        Unless the policy asks for an engagement cadence, each check-in has its
        engagement task just before it.
        """
        decided = self.app.decided_at.astimezone(self.zone).date()
        count = self.policy.check_ins
        starts = [
            self._start_of(decided + dt.timedelta(days=index * self.policy.check_in_interval_days))
            for index in range(1, count + 1)
        ]
        referral_asked = False
        prepare = self.policy.engagement_tasks is None
        for index, start in enumerate(starts, start=1):
            step_id = f"{Action.STAY_CONNECTED}-{index}"
            fixed = self._fixed(step_id)
            if fixed is not None:
                # Only a check-in missed by a late plan leaves the referral ask to the next.
                missed = fixed.status is Status.SKIPPED and step_id not in self.state.skipped
                referral_asked = referral_asked or not missed
                if prepare:
                    self._prepare(index, fixed)
                continue
            status = self._outreach_status(Condition.ALWAYS)
            if status is Status.PLANNED and index < count and self._floor(start) >= starts[index]:
                # Missed: it keeps the action it was planned with, where it was due.
                action = Action.REFERRAL_REQUEST if index == 1 else Action.STAY_CONNECTED
                due, end = self.calendar.slot(start)
                step = self._add(step_id, action, Condition.ALWAYS, due, end, status=Status.SKIPPED)
            else:
                action = Action.STAY_CONNECTED if referral_asked else Action.REFERRAL_REQUEST
                due, end = self._place_email(start)
                step = self._add(step_id, action, Condition.ALWAYS, due, end, status=status)
                referral_asked = True
            if prepare:
                self._prepare(index, step)

    def _prepare(self, index: int, check_in: Step) -> None:
        """Place ``engage-N``, the engagement task that prepares check-in N.

        It opens ``task_window_days`` before the check-in and closes when the check-in
        goes out. Planned late, it opens now, but never before the thank-you and never
        after its check-in; a check-in that will not go out (skipped) needs no
        preparation, so its task is skipped too.
        """
        step_id = f"{Action.ENGAGE}-{index}"
        if self._fixed(step_id) is not None:
            return
        sent = (check_in.done_at or check_in.due).astimezone(self.candidate_zone)
        old = self.previous.get(step_id)
        if old is not None:
            due = min(old.due, sent)
        else:
            opens = self._task_time(sent.date() - dt.timedelta(days=self.policy.task_window_days))
            due = min(self._task_floor(opens), sent)
        status = Status.SKIPPED if check_in.status is Status.SKIPPED else Status.PLANNED
        self._add(
            step_id,
            Action.ENGAGE,
            Condition.ALWAYS,
            due,
            sent,
            status=status,
            items=checklist(self.app, Action.ENGAGE),
        )
        # Listed before its check-in, also when both fall on the same minute.
        self.steps.insert(self.steps.index(check_in), self.steps.pop())

    def _task_floor(self, due: dt.datetime, *, after_thanks: bool = True) -> dt.datetime:
        """Return *due* moved up to now (and past the thank-you), in the candidate's zone."""
        due = max(due, _ceil_minute(self.now))
        if after_thanks and self.thanked is not None:
            due = max(due, self.thanked)
        return due.astimezone(self.candidate_zone)

    def _task(  # noqa: PLR0913
        self,
        step_id: str,
        action: Action,
        condition: Condition,
        due: dt.datetime,
        end: dt.datetime,
        *,
        skip_when_past: bool = False,
        after_thanks: bool = False,
        items: tuple[str, ...] | None = None,
    ) -> None:
        old = self.previous.get(step_id)
        status = Status.PLANNED
        if old is not None:
            # A private task is placed once, when planned: an overdue to-do stays overdue
            # in the candidate's task list rather than jumping to each event's time.
            due, end = old.due, old.window_end
        elif skip_when_past and end < self.now:
            status = Status.SKIPPED
        else:
            moved = self._task_floor(due, after_thanks=after_thanks)
            if end <= moved:
                # Planned after its deadline: the task keeps the time it was given
                # rather than being overdue the moment it is planned.
                end = moved + (end - due)
            due = moved
        self._add(
            step_id,
            action,
            condition,
            due,
            end,
            status=status,
            items=checklist(self.app, action) if items is None else items,
        )

    def _private_tasks(self) -> None:
        decided = self.app.decided_at.astimezone(self.candidate_zone).date()
        if self._fixed("reflection") is None:
            self._task(
                "reflection",
                Action.REFLECTION,
                Condition.ALWAYS,
                self._task_time(decided + dt.timedelta(days=1)),
                self._task_time(decided + dt.timedelta(days=self.policy.reflection_within_days)),
                items=reflection_checklist(
                    self.app, self.lang, self.loc, [note for note in self.notes if note]
                ),
            )
        # The engagement cadence a policy may ask for instead of one task per check-in.
        window = dt.timedelta(days=self.policy.task_window_days)
        for index in range(1, (self.policy.engagement_tasks or 0) + 1):
            step_id = f"{Action.ENGAGE}-{index}"
            if self._fixed(step_id) is not None:
                continue
            day = decided + dt.timedelta(days=index * self.policy.engagement_interval_days)
            self._task(
                step_id,
                Action.ENGAGE,
                Condition.ALWAYS,
                self._task_time(day),
                self._task_time(day + window),
                skip_when_past=True,
                after_thanks=True,
            )


def build(  # noqa: PLR0913  (the pure inputs of a timeline)
    app: Application,
    policy: Policy,
    now: dt.datetime,
    events: tuple[Event, ...],
    previous: Mapping[str, Step],
    *,
    drafts: bool,
) -> tuple[Step, ...]:
    """Return the ordered steps for the given inputs (see the module notes)."""
    return _Planner(app, policy, now, events, previous, drafts=drafts).plan()


def check_event(event: Event, app: Application, steps: Mapping[str, Step]) -> None:
    """Raise :class:`EventError` when *event* makes no sense for the timeline."""
    name = type(event).__name__
    if event.at < app.decided_at:
        raise EventError(
            f"{name} at {event.at.isoformat()} is before the decision "
            f"({app.decided_at.isoformat()})",
            field="at",
        )
    if event.at > app.decided_at + MAX_SPAN:
        raise EventError(
            f"{name} at {event.at.isoformat()} is more than {MAX_SPAN.days} days after the "
            "decision; a follow-up plan does not reach that far",
            field="at",
        )
    if (
        isinstance(event, Reply)
        and event.returns_on is not None
        and event.returns_on > event.at.date() + MAX_ABSENCE
    ):
        raise EventError(
            f"return date {event.returns_on.isoformat()} is more than "
            f"{MAX_ABSENCE.days} days after the reply",
            field="returns_on",
        )
    if isinstance(event, Sent | Skipped):
        step = steps.get(event.step_id)
        if step is None:
            raise EventError(
                f"no step {event.step_id!r} in this timeline (steps: {', '.join(steps)})",
                field="step_id",
            )
        if step.status is not Status.PLANNED:
            raise EventError(
                f"step {event.step_id!r} is already {step.status.value}", field="step_id"
            )
