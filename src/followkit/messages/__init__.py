"""Courteous follow-up messages, composed from parts, in English, German, French and Spanish.

Builders such as :func:`thank_you` and :func:`feedback_request` are named compositions of
small *parts* (:func:`greeting`, :func:`gratitude`, :func:`sign_off`, ...);
:func:`compose` joins any parts, including your own, into a :class:`Message`, which
converts to an :class:`email.message.EmailMessage`, a ``mailto:`` URI or plain data.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from followkit.messages._builders import (
    MessageChannel,
    connection_note,
    feedback_acknowledgement,
    feedback_request,
    nudge,
    referral_request,
    stay_connected,
    thank_you,
    thank_you_and_feedback,
)
from followkit.messages._compose import compose
from followkit.messages._context import Context, Length, Part, Register
from followkit.messages._i18n import SUPPORTED as SUPPORTED_LOCALES
from followkit.messages._message import Channel, Message
from followkit.messages._parts import (
    acknowledgement,
    check_in,
    closing,
    connection_request,
    continued_interest,
    conversation,
    feedback_easy_out,
    feedback_point,
    feedback_questions,
    gratitude,
    greeting,
    next_step,
    paragraph,
    reference,
    referral_ask,
    reminder_easy_out,
    sign_off,
    team_thanks,
    update,
)
from followkit.messages._questions import Question

__all__ = [
    "SUPPORTED_LOCALES",
    "Channel",
    "Context",
    "Length",
    "Message",
    "MessageChannel",
    "Part",
    "Question",
    "Register",
    "acknowledgement",
    "check_in",
    "closing",
    "compose",
    "connection_note",
    "connection_request",
    "continued_interest",
    "conversation",
    "feedback_acknowledgement",
    "feedback_easy_out",
    "feedback_point",
    "feedback_questions",
    "feedback_request",
    "gratitude",
    "greeting",
    "next_step",
    "nudge",
    "paragraph",
    "reference",
    "referral_ask",
    "referral_request",
    "reminder_easy_out",
    "sign_off",
    "stay_connected",
    "team_thanks",
    "thank_you",
    "thank_you_and_feedback",
    "update",
]
