"""The builders: named compositions of parts for the follow-ups a candidate sends.

Every builder takes the application positionally and its options by keyword, and has the
same common options: ``register``, ``length``, ``variant``, ``locale`` and, where it makes
sense, ``channel`` and ``in_reply_to``. See :func:`~followkit.messages.compose` for what
they mean.
"""

from __future__ import annotations

import datetime as dt  # noqa: TC003  (at run time, so that autodoc resolves annotations)
from typing import TYPE_CHECKING, Literal

from followkit.errors import InvalidInputError
from followkit.messages._compose import compose_message
from followkit.messages._message import Message
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
    reference,
    referral_ask,
    reminder_easy_out,
    sign_off,
    team_thanks,
)
from followkit.messages._parts import update as update_part
from followkit.messages._questions import DEFAULT_QUESTIONS

if TYPE_CHECKING:
    from collections.abc import Iterable

    import babel

    from followkit.feedback import Feedback
    from followkit.messages._context import Length, Part, Register
    from followkit.messages._questions import Question
    from followkit.model import Application

__all__ = [
    "MessageChannel",
    "connection_note",
    "feedback_acknowledgement",
    "feedback_request",
    "nudge",
    "referral_request",
    "stay_connected",
    "thank_you",
    "thank_you_and_feedback",
]

#: The channels of builders that write a full message: ``"email"`` or
#: ``"linkedin_message"`` (a connection note has its own builder).
MessageChannel = Literal["email", "linkedin_message"]


def _channel(value: object) -> MessageChannel:
    if value not in ("email", "linkedin_message"):
        raise InvalidInputError(
            f"{value!r} is not a channel for this message; use 'email' or 'linkedin_message'",
            field="channel",
        )
    return value


def thank_you(  # noqa: PLR0913  (common options, keyword-only)
    application: Application,
    *,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel = "email",
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Thank the contact for their time and consideration; say you remain interested.

    The standard length also recalls the interview (its date and the application's
    highlight, when known) and thanks the other contacts by name.

    Args:
        application: The application.
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        in_reply_to: The Message-ID of the e-mail being answered.

    Returns:
        The message.

    Raises:
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.
        InvalidInputError: If an option is not acceptable.

    .. versionadded:: 0.1.0
    """
    parts: list[Part] = [greeting, gratitude]
    if length == "standard":
        parts += [conversation, team_thanks, continued_interest, closing]
    else:
        parts += [continued_interest]
    return compose_message(
        application,
        [*parts, sign_off],
        kind="thank_you",
        channel=_channel(channel),
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
    )


def feedback_request(  # noqa: PLR0913
    application: Application,
    *,
    questions: Iterable[Question] = DEFAULT_QUESTIONS,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel = "email",
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Express appreciation, then ask 1-3 specific feedback questions with an easy out.

    Args:
        application: The application.
        questions: Which :class:`~followkit.messages.Question` to ask (default: areas to
            improve, and the skills or experience that would have made a stronger
            candidate). More than three is an error: asking too much is discourteous.
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        in_reply_to: The Message-ID of the e-mail being answered.

    Returns:
        The message.

    Raises:
        InvalidInputError: If the questions or an option are not acceptable.
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.

    .. versionadded:: 0.1.0
    """
    parts: list[Part] = [greeting, gratitude]
    if length == "standard":
        parts.append(conversation)
    parts += [feedback_questions(questions), feedback_easy_out]
    if length == "standard":
        parts.append(closing)
    return compose_message(
        application,
        [*parts, sign_off],
        kind="feedback_request",
        channel=_channel(channel),
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
    )


def thank_you_and_feedback(  # noqa: PLR0913
    application: Application,
    *,
    questions: Iterable[Question] = DEFAULT_QUESTIONS,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel = "email",
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Write the usual single reply to a rejection: thanks, interest, and a feedback request.

    Args:
        application: The application.
        questions: Which :class:`~followkit.messages.Question` to ask (1-3).
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        in_reply_to: The Message-ID of the rejection e-mail.

    Returns:
        The message.

    Raises:
        InvalidInputError: If the questions or an option are not acceptable.
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.

    .. versionadded:: 0.1.0
    """
    parts: list[Part] = [greeting, gratitude]
    if length == "standard":
        parts += [conversation, team_thanks]
    parts += [continued_interest, feedback_questions(questions)]
    if length == "standard":
        # A brief message leaves this out: the request itself already says "if you
        # have a moment", and three questions need the room.
        parts += [feedback_easy_out, closing]
    return compose_message(
        application,
        [*parts, sign_off],
        kind="thank_you_and_feedback",
        channel=_channel(channel),
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
    )


def referral_request(  # noqa: PLR0913
    application: Application,
    *,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel = "email",
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Ask about other roles, teams or companies that may fit better, with an easy out.

    Args:
        application: The application.
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        in_reply_to: The Message-ID of an e-mail being answered.

    Returns:
        The message.

    Raises:
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.
        InvalidInputError: If an option is not acceptable.

    .. versionadded:: 0.1.0
    """
    parts: list[Part] = [greeting, check_in, referral_ask]
    if length == "standard":
        parts.append(continued_interest)
    parts.append(closing)
    return compose_message(
        application,
        [*parts, sign_off],
        kind="referral_request",
        channel=_channel(channel),
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
    )


def stay_connected(  # noqa: PLR0913
    application: Application,
    update: str | None = None,
    *,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel = "email",
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Check in periodically, optionally with a short update from the candidate.

    Args:
        application: The application.
        update: One or two sentences of news, in the message's language, such as
            "I have since completed a course in cloud data engineering." (at most 500
            characters, no line breaks).
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        in_reply_to: The Message-ID of an e-mail being answered.

    Returns:
        The message.

    Raises:
        InvalidInputError: If the update or an option is not acceptable.
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.

    .. versionadded:: 0.1.0
    """
    parts: list[Part] = [greeting, check_in, update_part(update)]
    if length == "standard":
        parts.append(continued_interest)
    parts.append(closing)
    return compose_message(
        application,
        [*parts, sign_off],
        kind="stay_connected",
        channel=_channel(channel),
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
    )


def feedback_acknowledgement(  # noqa: PLR0913
    application: Application,
    feedback_summary: str | None = None,
    action: str | None = None,
    *,
    feedback: Feedback | None = None,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel = "email",
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Thank the contact for feedback received, take it constructively, say what is next.

    Args:
        application: The application.
        feedback_summary: The point the candidate found most useful, in a sentence.
        action: What the candidate is doing about it, in a sentence.
        feedback: The feedback as :func:`followkit.feedback.read` found it: the message
            then thanks the contact for the pointer on the areas it names, by their names
            in the message's language, or, for vague feedback, asks back its one
            specific question (see :func:`feedback_point`).
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        in_reply_to: The Message-ID of the e-mail with the feedback.

    Returns:
        The message.

    Raises:
        InvalidInputError: If a fragment (at most 500 characters, no line breaks) or an
            option is not acceptable.
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The *feedback* option.
    """
    parts: list[Part] = [greeting, acknowledgement(feedback_summary)]
    if feedback is not None:
        parts.append(feedback_point(feedback))
    parts.append(next_step(action))
    if length == "standard":
        parts += [continued_interest, closing]
    return compose_message(
        application,
        [*parts, sign_off],
        kind="feedback_acknowledgement",
        channel=_channel(channel),
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
    )


def nudge(  # noqa: PLR0913
    application: Application,
    previous: Message,
    *,
    sent_on: dt.date | None = None,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    channel: MessageChannel | None = None,
    locale: babel.Locale | str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Send one gentle reminder about an unanswered earlier message, referring to it.

    An e-mail nudge replies to the earlier message's subject (``Re: ...``); pass the
    earlier message's Message-ID as *in_reply_to* to keep the thread.

    Args:
        application: The application.
        previous: The unanswered message.
        sent_on: When it was sent, if known; the nudge mentions the date.
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings.
        channel: ``"email"`` or ``"linkedin_message"``; defaults to the earlier message's
            channel (a LinkedIn message after a connection note).
        locale: The locale to write in; defaults to the earlier message's.
        in_reply_to: The Message-ID of the earlier message.

    Returns:
        The message.

    Raises:
        InvalidInputError: If *previous* is not a Message or an option is not acceptable.
        ChannelLimitError: If long user-supplied values push it over a limit.
        UnsupportedLocaleError: If the locale is not supported.

    .. versionadded:: 0.1.0
    """
    if not isinstance(previous, Message):
        raise InvalidInputError(
            f"must be a Message, not {type(previous).__name__}", field="previous"
        )
    if channel is None:
        channel = "email" if previous.channel == "email" else "linkedin_message"
    parts: list[Part] = [greeting, reference(previous, sent_on=sent_on), reminder_easy_out]
    if length == "standard":
        parts.append(continued_interest)
    parts.append(closing)
    return compose_message(
        application,
        [*parts, sign_off],
        kind="nudge",
        channel=_channel(channel),
        locale=previous.locale if locale is None else locale,
        register=register,
        length=length,
        variant=variant,
        in_reply_to=in_reply_to,
        replying_to=previous.subject,
    )


def connection_note(
    application: Application,
    *,
    register: Register = "formal",
    variant: int = 0,
    locale: babel.Locale | str | None = None,
) -> Message:
    """Write a LinkedIn invitation note (at most 300 characters, no subject).

    Args:
        application: The application.
        register: ``"formal"`` or ``"warm"``.
        variant: Picks among equivalent phrasings.
        locale: The locale to write in; defaults to the application's.

    Returns:
        The message, on the ``"linkedin_note"`` channel.

    Raises:
        ChannelLimitError: If long names push the note over 300 characters.
        UnsupportedLocaleError: If the locale is not supported.
        InvalidInputError: If an option is not acceptable.

    .. versionadded:: 0.1.0
    """
    return compose_message(
        application,
        [greeting, connection_request, sign_off],
        kind="connection_note",
        channel="linkedin_note",
        locale=locale,
        register=register,
        length="brief",
        variant=variant,
    )
