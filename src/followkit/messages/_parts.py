"""The parts messages are composed of, and the English texts they say.

Each part is a small callable: given a :class:`~followkit.messages.Context` it returns one
paragraph in the message's language, or ``None`` when it has nothing to say (no highlight,
no other contacts). Parts that need a value from the caller (questions, an update, an
earlier message) are made by a function that takes the value and returns the part.

The texts live in :mod:`followkit.messages._texts`. Each part has two or three equivalent
phrasings per register; the context picks one by variant.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

from followkit import _validate as v
from followkit.errors import InvalidInputError
from followkit.messages import _i18n
from followkit.messages import _texts as texts
from followkit.messages._i18n import strip_reply_prefixes
from followkit.messages._questions import DEFAULT_QUESTIONS, Question, check_questions

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from followkit.feedback import Feedback
    from followkit.messages._context import Context, Part
    from followkit.messages._message import Message

__all__ = [
    "acknowledgement",
    "check_in",
    "closing",
    "connection_request",
    "continued_interest",
    "conversation",
    "feedback_easy_out",
    "feedback_point",
    "feedback_questions",
    "gratitude",
    "greeting",
    "next_step",
    "paragraph",
    "reference",
    "referral_ask",
    "reminder_easy_out",
    "sign_off",
    "team_thanks",
    "update",
]

_SENTENCE_END: Final = frozenset(".!?…\"')»“”’")


def _fragment(value: object, field: str) -> str:
    """Validate a user-supplied sentence and end it with a full stop if it has none."""
    text = v.clean_text(value, field, max_length=v.MAX_FRAGMENT)
    return text if text[-1] in _SENTENCE_END else f"{text}."


def greeting(ctx: Context) -> str:
    """Greet the primary contact by name in the locale's customary form.

    Formal: "Dear Jordan Lee," / "Guten Tag Jordan Lee," / "Bonjour Jordan Lee," /
    "Buenos días, Jordan Lee:". Warm: "Hi Jordan," / "Hallo Jordan Lee," /
    "Bonjour Jordan Lee," / "Hola, Jordan Lee:".

    .. versionadded:: 0.1.0
    """
    name = _i18n.addressed_name(
        ctx.application.contact.name, ctx.language, warm=ctx.register == "warm"
    )
    return ctx.fill(texts.GREETING[ctx.register], name=name)


def gratitude(ctx: Context) -> str:
    """Thank the contact for their time and consideration.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("gratitude", texts.GRATITUDE)


def conversation(ctx: Context) -> str | None:
    """Recall the interview: its date and what the candidate valued, when known.

    Uses the application's ``interviewed_on`` and ``highlight``; says nothing when neither
    is known.

    .. versionadded:: 0.1.0
    """
    app = ctx.application
    values = {"highlight": app.highlight or "", "date": ""}
    if app.interviewed_on is not None:
        values["date"] = ctx.date(app.interviewed_on)
    if app.interviewed_on and app.highlight:
        phrasings: Sequence[str] = texts.CONVERSATION_DATE_HIGHLIGHT
    elif app.highlight:
        phrasings = texts.CONVERSATION_HIGHLIGHT
    elif app.interviewed_on:
        phrasings = texts.CONVERSATION_DATE
    else:
        return None
    return ctx.fill(ctx.choose("conversation", phrasings), **values)


def team_thanks(ctx: Context) -> str | None:
    """Pass thanks on to the application's other contacts, if there are any.

    .. versionadded:: 0.1.0
    """
    others = [contact.name for contact in ctx.application.contacts[1:]]
    if not others:
        return None
    return ctx.phrase("team_thanks", texts.TEAM_THANKS, names=ctx.names(others))


def continued_interest(ctx: Context) -> str:
    """Express continued interest in future opportunities at the company.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("continued_interest", texts.CONTINUED_INTEREST)


def closing(ctx: Context) -> str:
    """Thank the contact once more and wish them well.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("closing", texts.CLOSING)


def feedback_questions(questions: Iterable[Question] = DEFAULT_QUESTIONS) -> Part:
    """Return a part that asks for feedback with 1-3 specific questions, one per line.

    Args:
        questions: Which :class:`~followkit.messages.Question` to ask, in order.

    Returns:
        The part.

    Raises:
        InvalidInputError: If there are no questions, more than three, or duplicates.

    .. versionadded:: 0.1.0
    """
    chosen = check_questions(questions)

    def feedback_questions(ctx: Context) -> str:
        lines = [ctx.phrase("feedback_questions", texts.FEEDBACK_LEAD)]
        lines.extend(f"- {ctx.gettext(question.text)}" for question in chosen)
        return "\n".join(lines)

    return feedback_questions


def feedback_easy_out(ctx: Context) -> str:
    """Make clear that answering a feedback request is optional.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("feedback_easy_out", texts.FEEDBACK_EASY_OUT)


def referral_ask(ctx: Context) -> str:
    """Ask about other roles, teams or companies that may fit better, with an easy out.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("referral_ask", texts.REFERRAL_ASK)


def check_in(ctx: Context) -> str:
    """Open a periodic check-in: hope all is well, staying in touch.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("check_in", texts.CHECK_IN)


def update(text: str | None) -> Part:
    """Return a part that shares a short update written by the candidate.

    Args:
        text: One or two sentences in the message's language, such as "I have since
            completed a course in cloud data engineering." A full stop is added if the
            text has no final punctuation. ``None`` makes a part that says nothing.

    Returns:
        The part.

    Raises:
        InvalidInputError: If the text is empty, longer than 500 characters or contains
            line breaks or control characters.

    .. versionadded:: 0.1.0
    """
    news = None if text is None else _fragment(text, "update")

    def update(ctx: Context) -> str | None:
        return None if news is None else ctx.phrase("update", texts.UPDATE, update=news)

    return update


def acknowledgement(summary: str | None = None) -> Part:
    """Return a part that thanks for feedback received and takes it constructively.

    Args:
        summary: What was most useful, in the candidate's words, such as "Deeper
            experience with streaming systems would have made the difference."

    Returns:
        The part.

    Raises:
        InvalidInputError: If the summary is empty, too long or has line breaks.

    .. versionadded:: 0.1.0
    """
    point = None if summary is None else _fragment(summary, "feedback_summary")

    def acknowledgement(ctx: Context) -> str:
        text = ctx.phrase("acknowledgement", texts.ACKNOWLEDGEMENT)
        if point is None:
            return text
        return f"{text} {ctx.phrase('feedback_summary', texts.FEEDBACK_SUMMARY, summary=point)}"

    return acknowledgement


#: How many areas the acknowledgement names: the specific point, not the whole list.
MAX_POINTS: Final = 2


def feedback_point(feedback: Feedback) -> Part:
    """Return a part that takes up what a piece of feedback said, without arguing.

    When the feedback names areas to improve, the part thanks the contact for the
    pointer on the first one or two (by the area's name in the message's language, or
    the tool named for ``technology``) and says the candidate is working on it. When it
    is vague, the part asks back its one specific question (the feedback's
    ``question``). Feedback that names only
    constraints (reasons outside the candidate's control) leaves the part silent: there
    is nothing to work on, and nothing to contest.

    Args:
        feedback: What :func:`followkit.feedback.read` found in the feedback.

    Returns:
        The part.

    Raises:
        InvalidInputError: If *feedback* is not a :class:`~followkit.feedback.Feedback`.

    .. versionadded:: 0.2.0
    """
    from followkit import feedback as reading  # noqa: PLC0415  (it imports this package)

    if not isinstance(feedback, reading.Feedback):
        raise InvalidInputError(
            f"must be a followkit.feedback.Feedback (from followkit.feedback.read), not "
            f"{type(feedback).__name__}",
            field="feedback",
        )
    mentions = feedback.areas
    question = feedback.question

    def feedback_point(ctx: Context) -> str | None:
        if mentions:
            language = ctx.language if ctx.language in reading.LOCALES else "en"
            labels = dict.fromkeys(
                mention.tool or reading.area(mention.area, locale=language).name
                for mention in mentions
            )
            quoted = [ctx.fill(texts.AREA_QUOTE, name=name) for name in labels]
            return ctx.phrase(
                "feedback_point", texts.FEEDBACK_POINT, areas=ctx.names(quoted[:MAX_POINTS])
            )
        if question is not None:
            return ctx.phrase(
                "feedback_follow_up", texts.FEEDBACK_FOLLOW_UP, question=ctx.gettext(question.text)
            )
        return None

    return feedback_point


def next_step(action: str | None) -> Part:
    """Return a part that says what the candidate is doing about the feedback.

    Args:
        action: A sentence such as "I have enrolled in a course on distributed systems."
            ``None`` makes a part that says nothing.

    Returns:
        The part.

    Raises:
        InvalidInputError: If the action is empty, too long or has line breaks.

    .. versionadded:: 0.1.0
    """
    step = None if action is None else _fragment(action, "action")

    def next_step(ctx: Context) -> str | None:
        return None if step is None else ctx.phrase("next_step", texts.NEXT_STEP, action=step)

    return next_step


def reference(previous: Message, *, sent_on: dt.date | None = None) -> Part:
    """Return a part that refers to an earlier, unanswered message.

    Args:
        previous: The earlier message; its subject is quoted when it has one.
        sent_on: When it was sent, if known.

    Returns:
        The part.

    Raises:
        InvalidInputError: If ``sent_on`` is not a date.

    .. versionadded:: 0.1.0
    """
    if sent_on is not None and not isinstance(sent_on, dt.date):
        raise InvalidInputError(f"must be a date, not {type(sent_on).__name__}", field="sent_on")
    day = sent_on.date() if isinstance(sent_on, dt.datetime) else sent_on
    # Quote the subject as the earlier message was about it, without "Re:" prefixes.
    subject = None if previous.subject is None else strip_reply_prefixes(previous.subject)

    def reference(ctx: Context) -> str:
        values = {"subject": subject or "", "date": "" if day is None else ctx.date(day)}
        if day is not None and subject:
            table = texts.REFERENCE_DATE_SUBJECT
        elif subject:
            table = texts.REFERENCE_SUBJECT
        elif day is not None:
            table = texts.REFERENCE_DATE
        else:
            table = texts.REFERENCE
        return ctx.phrase("reference", table, **values)

    return reference


def reminder_easy_out(ctx: Context) -> str:
    """Make clear that a reminder puts no pressure on the contact.

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("reminder_easy_out", texts.REMINDER_EASY_OUT)


def connection_request(ctx: Context) -> str:
    """Say why the candidate would like to connect (for a LinkedIn invitation).

    .. versionadded:: 0.1.0
    """
    return ctx.phrase("connection_request", texts.CONNECTION)


def sign_off(ctx: Context) -> str:
    """Sign with the register's closing formula and the candidate's name.

    E-mails add the candidate's profile URL and phone number on their own lines when
    known; a LinkedIn connection note signs with the name alone (the profile is a click
    away there).

    .. versionadded:: 0.1.0
    """
    candidate = ctx.application.candidate
    if ctx.channel == "linkedin_note":
        return candidate.name
    lines = [ctx.gettext(texts.SIGN_OFF[ctx.register]), candidate.name]
    if ctx.channel == "email":
        lines.extend(line for line in (candidate.profile_url, candidate.phone) if line)
    return "\n".join(lines)


def paragraph(text: str) -> Part:
    """Return a part that adds *text*, as written, in every language.

    In German, a paragraph right after the greeting's comma continues in lower case when
    it starts with a word such as "Ich" or "Herzlichen" (DIN 5008); nouns and the polite
    "Sie" keep their capital.

    Args:
        text: The paragraph (line breaks allowed, at most 2,000 characters).

    Returns:
        The part.

    Raises:
        InvalidInputError: If the text is empty, too long or contains control characters.

    .. versionadded:: 0.1.0
    """
    fixed = v.clean_text(text, "paragraph", max_length=2000, multiline=True)

    def paragraph(ctx: Context) -> str:
        return fixed

    return paragraph
