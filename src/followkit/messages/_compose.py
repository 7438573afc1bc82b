"""Join parts into a :class:`Message`: subject line, paragraphs and channel limits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

from followkit import _validate as v
from followkit.errors import ChannelLimitError, InvalidInputError
from followkit.messages import _i18n
from followkit.messages import _texts as texts
from followkit.messages._context import (
    LENGTHS,
    REGISTERS,
    WORD_LIMITS,
    Context,
    check_choice,
    check_variant,
)
from followkit.messages._message import (
    CHANNELS,
    MAX_NOTE,
    MAX_SUBJECT,
    SUBJECTLESS,
    Message,
    check_limit,
    check_message_id,
    count_words,
)
from followkit.model import Application

if TYPE_CHECKING:
    import babel

    from followkit.messages._context import Length, Part, Register
    from followkit.messages._message import Channel

__all__ = ["compose"]

#: Kinds that start a new thread even when the application has a reply subject: they are
#: sent weeks later, or (nudges) reply to the candidate's own message instead.
NEW_THREAD_KINDS: Final = frozenset(
    {"referral_request", "stay_connected", "nudge", "connection_note"}
)


def reply_subject(subject: str) -> str:
    """Return ``"Re: "`` + *subject* without the reply prefixes it already has."""
    text = _i18n.strip_reply_prefixes(subject)
    return f"Re: {text}" if text else "Re:"


def _subject(
    ctx: Context, *, replying_to: str | None, candidates: Iterable[str]
) -> tuple[str, ...]:
    """Return the subject lines to try, in order of preference."""
    options: list[str] = []
    if replying_to:
        options.append(reply_subject(replying_to))
    name = ctx.application.candidate.name
    options.extend(ctx.fill(template, candidate=name) for template in candidates)
    return tuple(options)


def _pick_subject(options: tuple[str, ...]) -> str:
    for option in options:
        if len(option) <= MAX_SUBJECT:
            return option
    shortest = min(options, key=len)
    raise ChannelLimitError(
        f"even the shortest subject ({shortest!r}) has {len(shortest)} characters; at most "
        f"{MAX_SUBJECT} fit (shorten the position or company name, or give a subject)",
        field="subject",
        limit=MAX_SUBJECT,
        count=len(shortest),
        unit="characters",
    )


def _parts(value: object) -> tuple[Part, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise InvalidInputError("must be a sequence of parts (callables)", field="parts")
    parts = tuple(value)
    for index, part in enumerate(parts):
        if not callable(part):
            raise InvalidInputError(
                f"{part!r} is not a part (a callable taking a Context)", field=f"parts[{index}]"
            )
    return parts


def _join(ctx: Context, parts: tuple[Part, ...]) -> str:
    paragraphs: list[str] = []
    for index, part in enumerate(parts):
        text = part(ctx)
        if text is None:
            continue
        if not isinstance(text, str):
            raise InvalidInputError(
                f"returned {type(text).__name__}, not a paragraph (str or None)",
                field=f"parts[{index}]",
            )
        if text.strip():
            paragraphs.append(text.strip())
    if len(paragraphs) > 1 and paragraphs[0].endswith(","):
        paragraphs[1] = _i18n.continue_after_greeting(paragraphs[1], ctx.language)
    if not paragraphs:
        raise InvalidInputError("the parts produced no text", field="parts")
    return "\n\n".join(paragraphs)


def _check_length(body: str, channel: str, length: str) -> None:
    if channel == "linkedin_note":
        check_limit(body, "body", MAX_NOTE, what="a LinkedIn connection note")
        return
    words, limit = count_words(body), WORD_LIMITS[length]
    if words > limit:
        raise ChannelLimitError(
            f"a {length} message has at most {limit} words; this one has {words} "
            "(shorten the user-supplied text, or use length='standard')",
            field="body",
            limit=limit,
            count=words,
            unit="words",
        )


def compose(  # noqa: PLR0913  (the common options of every builder, keyword-only)
    application: Application,
    parts: Iterable[Part],
    *,
    kind: str,
    channel: Channel = "email",
    locale: babel.Locale | str | None = None,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    subject: str | None = None,
    in_reply_to: str | None = None,
) -> Message:
    """Compose a message from *parts*, in order, one paragraph each.

    Parts that return ``None`` are left out. E-mails get a subject: *subject* if given;
    otherwise ``Re:`` and the application's
    ``reply_subject`` when there is one (except for kinds that
    start a new thread: referral requests, check-ins, nudges), otherwise a localized subject
    built from the position and company, shortened if it would exceed 70 characters.

    Args:
        application: The application the message is about.
        parts: The parts, such as ``[greeting, gratitude, sign_off]``.
        kind: What the message is for (``"thank_you"``, or your own name such as
            ``"congratulations"``: lower-case letters, digits and ``_``).
        channel: ``"email"``, ``"linkedin_note"`` or ``"linkedin_message"``.
        locale: The locale to write in; defaults to the application's.
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` (at most 120 words) or ``"standard"`` (at most 220 words).
        variant: Picks among equivalent phrasings; equal inputs give equal text.
        subject: An explicit subject line (e-mail only).
        in_reply_to: The Message-ID this e-mail replies to, such as ``"<a1@mail.example>"``.

    Returns:
        The message.

    Raises:
        UnsupportedLocaleError: If the locale's language has no catalog (the error names
            the supported ones).
        ChannelLimitError: If the message exceeds its channel's limit (words, a LinkedIn
            note's 300 characters, a 70-character subject); it is never cut silently.
        InvalidInputError: If an option or part is not acceptable.

    .. versionadded:: 0.1.0
    """
    return compose_message(
        application,
        parts,
        kind=kind,
        channel=channel,
        locale=locale,
        register=register,
        length=length,
        variant=variant,
        subject=subject,
        in_reply_to=in_reply_to,
    )


def compose_message(  # noqa: PLR0913
    application: Application,
    parts: Iterable[Part],
    *,
    kind: str,
    channel: Channel = "email",
    locale: babel.Locale | str | None = None,
    register: Register = "formal",
    length: Length = "standard",
    variant: int = 0,
    subject: str | None = None,
    in_reply_to: str | None = None,
    replying_to: str | None = None,
) -> Message:
    """Compose like :func:`compose`; builders may name the subject being replied to."""
    if not isinstance(application, Application):
        raise InvalidInputError(
            f"must be an Application, not {type(application).__name__}", field="application"
        )
    channel = check_choice(channel, "channel", CHANNELS)  # type: ignore[assignment]
    ctx = Context(
        application=application,
        kind=kind,
        channel=channel,
        locale=_i18n.resolve(application.locale if locale is None else locale),
        register=check_choice(register, "register", REGISTERS),  # type: ignore[arg-type]
        length=check_choice(length, "length", LENGTHS),  # type: ignore[arg-type]
        variant=check_variant(variant),
    )
    in_reply_to = check_message_id(in_reply_to)
    line: str | None = None
    if channel in SUBJECTLESS:
        if subject is not None:
            raise InvalidInputError(f"a {channel} has no subject", field="subject")
    elif subject is not None:
        line = v.clean_text(subject, "subject", max_length=v.MAX_FRAGMENT)
        check_limit(line, "subject", MAX_SUBJECT)
    else:
        if replying_to is None and kind not in NEW_THREAD_KINDS:
            replying_to = application.reply_subject
        candidates = texts.SUBJECTS.get(kind, texts.OTHER_SUBJECTS)
        line = _pick_subject(_subject(ctx, replying_to=replying_to, candidates=candidates))
    body = _join(ctx, _parts(parts))
    _check_length(body, channel, ctx.length)
    return Message(
        kind=kind,
        channel=channel,
        locale=str(ctx.locale),
        sender=application.candidate,
        to=application.contact,
        subject=line,
        body=body,
        in_reply_to=in_reply_to,
        names=_names(application, body if line is None else f"{line}\n{body}"),
    )


def _names(application: Application, body: str) -> tuple[str, ...]:
    """The proper names of the application that the message mentions, longest first."""
    contact = application.contact
    values = [
        application.company,
        application.position,
        application.candidate.name,
        contact.name,
        contact.company,
        contact.role,
    ]
    found = {value for value in values if value and value in body}
    return tuple(sorted(found, key=lambda value: (-len(value), value)))
