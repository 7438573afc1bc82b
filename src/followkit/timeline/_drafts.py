"""Drafting: the one place where the planner calls the message builders."""

from __future__ import annotations

from typing import TYPE_CHECKING

from followkit.timeline._policy import Action

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Callable

    from followkit.feedback import Feedback
    from followkit.messages import Message
    from followkit.model import Application

__all__ = ["draft"]


def draft(
    app: Application,
    action: Action,
    *,
    previous: Message | None = None,
    sent_on: dt.date | None = None,
    feedback: Feedback | None = None,
) -> Message | None:
    """Return the draft message for an outreach *action* (``None`` for private tasks).

    A nudge refers to the *previous* message (sent on *sent_on*); without one (drafting a
    nudge whose request was never drafted) there is nothing to refer to and ``None`` is
    returned. An acknowledgement takes up what the *feedback* said, when it is known.
    """
    from followkit import messages  # noqa: PLC0415  (deferred: babel catalogs load on use)

    if action is Action.NUDGE:
        return None if previous is None else messages.nudge(app, previous, sent_on=sent_on)
    if action is Action.FEEDBACK_ACKNOWLEDGEMENT:
        return messages.feedback_acknowledgement(app, feedback=feedback)
    builders: dict[Action, Callable[[Application], Message]] = {
        Action.THANK_YOU_AND_FEEDBACK: messages.thank_you_and_feedback,
        Action.CONNECTION_NOTE: messages.connection_note,
        Action.REFERRAL_REQUEST: messages.referral_request,
        Action.STAY_CONNECTED: messages.stay_connected,
    }
    builder = builders.get(action)
    return None if builder is None else builder(app)
