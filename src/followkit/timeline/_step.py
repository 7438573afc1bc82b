"""One planned follow-up: :class:`~followkit.Step`."""

from __future__ import annotations

import datetime  # noqa: TC003  (attrs' __init__ annotations, resolved by the docs)
from typing import TYPE_CHECKING, Any

import attrs

from followkit import _validate as v
from followkit.timeline._policy import Action, Condition, Status

if TYPE_CHECKING:
    from followkit.messages import Message
    from followkit.model import Contact, Person

__all__ = ["Step", "canonical_id", "legacy_id"]

_LEGACY_PREFIX = "check-in-"
_PREFIX = "stay-connected-"


def canonical_id(step_id: str) -> tuple[str, bool]:
    """Return the current spelling of *step_id* and whether it was an earlier one.

    Earlier releases named the feedback request ``thank-you`` and the check-ins
    ``check-in-N``; they are ``thank-you-and-feedback`` and ``stay-connected-N`` now, the
    names of their actions and messages.
    """
    if step_id == "thank-you":
        return "thank-you-and-feedback", True
    if step_id.startswith(_LEGACY_PREFIX) and step_id[len(_LEGACY_PREFIX) :].isdigit():
        return _PREFIX + step_id[len(_LEGACY_PREFIX) :], True
    return step_id, False


def legacy_id(step_id: str) -> str:
    """Return the id *step_id* had in the first release (for calendar UIDs that last)."""
    if step_id == "thank-you-and-feedback":
        return "thank-you"
    if step_id.startswith(_PREFIX) and step_id[len(_PREFIX) :].isdigit():
        return _LEGACY_PREFIX + step_id[len(_PREFIX) :]
    return step_id


@attrs.frozen(kw_only=True)
class Step:
    """One follow-up in a :class:`Timeline`: what to do, for whom, and when.

    Args:
        id: A stable identifier, the same for the same application and policy, used by
            events and calendar UIDs: the action's value, numbered when the plan has a
            series of them (``"thank-you-and-feedback"``, ``"nudge-1"``,
            ``"connection-note"``, ``"stay-connected-2"``, ``"engage-2"``,
            ``"reflection"``, ``"feedback-acknowledgement"``, ``"training"``). The
            check-ins are one series, ``stay-connected-N``, whose first one sent carries
            the referral ask (action ``referral-request``); ``engage-N`` prepares
            ``stay-connected-N``.
        action: What to do.
        audience: Whom it is for: the contact for outreach, the candidate themself for
            private tasks.
        due: When to do it: the start of a send slot in the recipient's zone for outreach,
            a time in the candidate's zone for private tasks.
        window_end: The end of the step's window (the send window's end for outreach, the
            deadline for a private task).
        condition: When the step applies.
        status: Where it stands.
        message: The draft message for outreach (``None`` for private tasks, for a
            check-in skipped as missed when it was first planned, or when the timeline
            was planned with ``drafts=False``).
        checklist: What a private task involves, in the application's language.
        sequence: How often the step changed (moved, cancelled, done); calendar
            applications use it to replace an entry they already have.
        done_at: When the step was sent or done (see :class:`Sent`).

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The feedback request's id is ``thank-you-and-feedback`` (was ``thank-you``) and
       the check-ins' ids are ``stay-connected-N`` (were ``check-in-N``), so that an id
       names its action and the message ``followkit draft`` writes for it. The earlier
       ids are still read from files and events, and still accepted, with a
       :class:`DeprecationWarning`, by :meth:`Timeline.step`, :class:`Sent` and
       :class:`Skipped`.
    """

    id: str
    action: Action
    audience: Contact | Person
    due: datetime.datetime
    window_end: datetime.datetime
    condition: Condition = Condition.ALWAYS
    status: Status = Status.PLANNED
    message: Message | None = None
    checklist: tuple[str, ...] = ()
    sequence: int = 0
    done_at: datetime.datetime | None = None

    @property
    def is_outreach(self) -> bool:
        """Return whether the step writes to a contact (e-mail or LinkedIn)."""
        return self.action.is_outreach

    @property
    def channel(self) -> str:
        """Return ``"email"``, ``"linkedin"`` or ``"private"``."""
        return self.action.channel

    @property
    def is_pending(self) -> bool:
        """Return whether the step is still planned."""
        return self.status is Status.PLANNED

    def is_overdue(self, now: datetime.datetime) -> bool:
        """Return whether the step is still planned and its window closed at or before *now*.

        For outreach the window is the send window (a message sent later reaches the
        recipient at a worse time); for a private task it is the deadline.

        Args:
            now: The current time (aware, in any zone).

        Raises:
            NaiveDatetimeError: If *now* has no time zone.

        .. versionadded:: 0.2.0
        """
        return self.is_pending and v.aware_datetime(now, "now") >= self.window_end

    def as_dict(self) -> dict[str, Any]:
        """Return the step as JSON-ready data (datetimes as ISO 8601 with their zone)."""
        data: dict[str, Any] = {
            "id": self.id,
            "action": self.action.value,
            "audience": "contact" if self.is_outreach else "candidate",
            "due": self.due.isoformat(),
            "window_end": self.window_end.isoformat(),
            "timezone": getattr(self.due.tzinfo, "key", None),
            "condition": self.condition.value,
            "status": self.status.value,
            "sequence": self.sequence,
        }
        if self.done_at is not None:
            data["done_at"] = self.done_at.isoformat()
        if self.checklist:
            data["checklist"] = list(self.checklist)
        if self.message is not None:
            data["message"] = self.message.as_dict()
        return data
