"""One planned follow-up: :class:`~followkit.Step`."""

from __future__ import annotations

import datetime  # noqa: TC003  (attrs' __init__ annotations, resolved by the docs)
from typing import TYPE_CHECKING, Any

import attrs

from followkit.timeline._policy import Action, Condition, Status

if TYPE_CHECKING:
    from followkit.messages import Message
    from followkit.model import Contact, Person

__all__ = ["Step"]


@attrs.frozen(kw_only=True)
class Step:
    """One follow-up in a :class:`Timeline`: what to do, for whom, and when.

    Args:
        id: A stable identifier (``"thank-you"``, ``"nudge-1"``, ``"check-in-2"``), the
            same for the same application and policy, used by events and calendar UIDs.
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
