"""When to follow up: a plan in the recipient's working days and time zone, with events.

:func:`plan` turns an :class:`~followkit.Application` and a :class:`Policy` into a
:class:`Timeline` of :class:`Step` objects: the thank-you and feedback request, a gentle
nudge, the LinkedIn connection note, stay-connected check-ins (the first with the referral
ask), and the candidate's private tasks. Events (:class:`Reply`,
:class:`FeedbackReceived`, :class:`Sent`, :class:`Skipped`, :class:`DoNotContact`)
return updated timelines. Export with :meth:`Timeline.to_ical`, :meth:`Timeline.as_dict`
and :meth:`Timeline.describe`.

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
from followkit.timeline._timeline import Timeline, plan

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
    "plan",
]
