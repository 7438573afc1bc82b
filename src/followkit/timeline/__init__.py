"""When to follow up: a plan in the recipient's working days and time zone, with events.

:func:`~followkit.plan` turns an :class:`~followkit.Application` and a
:class:`~followkit.Policy` into a :class:`~followkit.Timeline` of :class:`~followkit.Step`
objects: the thank-you and feedback request, a gentle nudge, the LinkedIn connection note,
stay-connected check-ins (the first with the referral ask), and the candidate's private
tasks (the reflection, and an engagement task before each check-in).
:meth:`~followkit.Timeline.due` lists what should happen now. Events
(:class:`~followkit.Reply`, :class:`~followkit.FeedbackReceived`,
:class:`~followkit.Sent`, :class:`~followkit.Skipped`, :class:`~followkit.DoNotContact`)
return updated timelines. Export with :meth:`~followkit.Timeline.to_ical`,
:meth:`~followkit.Timeline.as_dict` and :meth:`~followkit.Timeline.describe`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from followkit.timeline._events import (
    DoNotContact,
    Event,
    FeedbackReceived,
    Reply,
    Sent,
    Skipped,
)
from followkit.timeline._policy import Action, Condition, Policy, Status
from followkit.timeline._step import Step
from followkit.timeline._timeline import Timeline, calendar, plan

__all__ = [
    "Action",
    "Condition",
    "DoNotContact",
    "Event",
    "FeedbackReceived",
    "Policy",
    "Reply",
    "Sent",
    "Skipped",
    "Status",
    "Step",
    "Timeline",
    "calendar",
    "plan",
]
