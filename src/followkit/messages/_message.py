"""The :class:`Message` value and its conversions to e-mail, ``mailto:`` and plain data."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from followkit import _validate as v
from followkit.errors import ChannelLimitError, InvalidInputError
from followkit.model import Contact, Person

if TYPE_CHECKING:
    from email.message import EmailMessage

__all__ = ["Channel", "Message"]

#: Where a message is sent. A LinkedIn connection note has at most 300 characters; LinkedIn
#: notes and messages have no subject.
Channel = Literal["email", "linkedin_note", "linkedin_message"]
CHANNELS: Final[tuple[str, ...]] = get_args(Channel)
SUBJECTLESS: Final = frozenset({"linkedin_note", "linkedin_message"})

#: Longest subject line: longer ones are cut off in most mail clients' message lists.
MAX_SUBJECT: Final = 70
#: Longest LinkedIn connection note LinkedIn accepts.
MAX_NOTE: Final = 300
#: Longest body accepted at all (a safety net; the builders enforce word limits).
MAX_BODY: Final = 20_000

# A Message-ID as RFC 5322 writes it: "<" id-left "@" id-right ">", printable ASCII only.
_MESSAGE_ID: Final = re.compile(r"<[!-;=?-~]{1,500}@[!-;=?-~]{1,500}>")
_KIND: Final = re.compile(r"[a-z][a-z0-9_]{0,49}")
_FIELDS: Final = frozenset(
    {"kind", "channel", "locale", "sender", "to", "subject", "body", "in_reply_to", "names"}
)
_REQUIRED: Final = ("kind", "channel", "locale", "sender", "to", "body")


def check_message_id(value: object, field: str = "in_reply_to") -> str | None:
    """Accept ``None`` or a Message-ID such as ``<abc.123@mail.example>``."""
    if value is None:
        return None
    if not isinstance(value, str) or not _MESSAGE_ID.fullmatch(value.strip()):
        raise InvalidInputError(
            f"{value!r} is not a Message-ID such as '<abc.123@mail.example>' "
            "(printable ASCII between angle brackets, with an '@', no spaces or line breaks)",
            field=field,
        )
    return value.strip()


def check_limit(text: str, field: str, limit: int, *, what: str = "") -> None:
    """Raise :class:`ChannelLimitError` if *text* has more than *limit* characters."""
    if len(text) > limit:
        raise ChannelLimitError(
            f"{what or 'the ' + field} has {len(text)} characters; at most {limit} fit",
            field=field,
            limit=limit,
            count=len(text),
            unit="characters",
        )


def _to_idna(domain: str) -> str:
    return domain.encode("idna").decode("ascii")


def _ascii_address(address: str, field: str) -> str:
    """Return *address* with an IDNA domain; refuse a non-ASCII local part.

    The standard library's :mod:`email` package rejects non-ASCII local parts (RFC 6531
    addresses) outright, so that is a clear error here rather than a crash there.
    """
    local, _, domain = address.rpartition("@")
    if not local.isascii():
        raise InvalidInputError(
            f"{address!r} has a non-ASCII local part, which Python's email package cannot "
            "write; use to_mailto() or an ASCII address",
            field=field,
        )
    if domain.isascii():
        return address
    try:
        return f"{local}@{_to_idna(domain)}"
    except UnicodeError:
        raise InvalidInputError(
            f"the domain of {address!r} has no ASCII (IDNA) form", field=field
        ) from None


def count_words(text: str) -> int:
    """Count words as a person would: runs of characters between white space."""
    return len(text.split())


def _channel(value: object) -> str:
    if value not in CHANNELS:
        raise InvalidInputError(
            f"{value!r} is not a channel; use one of {', '.join(CHANNELS)}", field="channel"
        )
    return str(value)


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Sequence):
        raise InvalidInputError(
            f"must be a list of names, not {type(value).__name__}", field="names"
        )
    if len(value) > v.MAX_NAMES:
        raise InvalidInputError(f"lists {len(value)} names; at most {v.MAX_NAMES}", field="names")
    return tuple(
        v.clean_text(name, f"names[{index}]", max_length=v.MAX_FRAGMENT)
        for index, name in enumerate(value)
    )


def _kind(value: object) -> str:
    if not isinstance(value, str) or not _KIND.fullmatch(value):
        raise InvalidInputError(
            f"{value!r} is not a message kind (lower-case letters, digits and '_', "
            "such as 'thank_you')",
            field="kind",
        )
    return value


@attrs.frozen(kw_only=True, init=False)
class Message:
    """A drafted follow-up, ready to be reviewed and sent by the candidate.

    Build one with a builder such as :func:`~followkit.messages.thank_you` or with
    :func:`~followkit.messages.compose`; the constructor validates values given directly.

    Args:
        kind: What the message is for, such as ``"thank_you"`` or ``"nudge"``.
        channel: ``"email"``, ``"linkedin_note"`` or ``"linkedin_message"``.
        locale: The locale it is written in, such as ``"de_AT"``.
        sender: The candidate.
        to: The recipient.
        subject: The subject line; ``None`` (and only ``None``) for LinkedIn channels.
        body: The text, from greeting to signature; lines end with a line feed.
        in_reply_to: The Message-ID of the e-mail this one answers, such as
            ``"<abc.123@mail.example>"``.
        names: Proper names the text mentions as they are written in it (the company, the
            position, people), at most 32. The tone checker reads them as names: capitals in
            ``"BNP PARIBAS"`` are not shouting, and a company called ``"Demand Media"``
            makes no demand. The builders fill them in.

    Raises:
        InvalidInputError: If a field is not acceptable; the error names the field.

    .. versionadded:: 0.1.0
    """

    kind: str
    channel: Channel
    locale: str
    sender: Person
    to: Contact
    subject: str | None
    body: str
    in_reply_to: str | None
    names: tuple[str, ...]

    def __init__(  # noqa: PLR0913  (one keyword per documented field)
        self,
        *,
        kind: str,
        channel: Channel,
        locale: str,
        sender: Person,
        to: Contact,
        subject: str | None,
        body: str,
        in_reply_to: str | None = None,
        names: Sequence[str] = (),
    ) -> None:
        channel_ = _channel(channel)
        if not isinstance(sender, Person):
            raise InvalidInputError(
                f"must be a Person, not {type(sender).__name__}", field="sender"
            )
        if not isinstance(to, Contact):
            raise InvalidInputError(f"must be a Contact, not {type(to).__name__}", field="to")
        if channel_ in SUBJECTLESS:
            if subject is not None:
                raise InvalidInputError(f"a {channel_} has no subject", field="subject")
        else:
            subject = v.clean_text(subject, "subject", max_length=v.MAX_FRAGMENT)
            check_limit(subject, "subject", MAX_SUBJECT)
        body = v.clean_text(body, "body", max_length=MAX_BODY, multiline=True)
        if channel_ == "linkedin_note":
            check_limit(body, "body", MAX_NOTE, what="a LinkedIn connection note")
        self.__attrs_init__(
            kind=_kind(kind),
            channel=channel_,  # type: ignore[arg-type]
            locale=str(v.locale(locale, "locale")),
            sender=sender,
            to=to,
            subject=subject,
            body=body,
            in_reply_to=check_message_id(in_reply_to),
            names=_names(names),
        )

    @property
    def words(self) -> int:
        """Return the number of words in the body."""
        return count_words(self.body)

    def _require_email(self) -> tuple[str, str]:
        if self.channel != "email":
            raise InvalidInputError(
                f"a {self.channel} is not an e-mail; only 'email' messages convert",
                field="channel",
            )
        if self.sender.email is None:
            raise InvalidInputError("the candidate has no e-mail address", field="sender.email")
        if self.to.email is None:
            raise InvalidInputError(
                f"the recipient {self.to.name!r} has no e-mail address", field="to.email"
            )
        return self.sender.email, self.to.email

    def to_email(self, *, html: bool = True) -> EmailMessage:
        """Return the message as a standard-library e-mail, ready for :mod:`smtplib`.

        From and To carry the display names. The body comes twice, as mail programs expect
        (``multipart/alternative``): first as UTF-8 ``text/plain`` wrapped for mail
        (RFC 3676 ``format=flowed; delsp=no``: lines of at most 72 characters whose soft
        breaks mail programs join again, so paragraphs reflow to the window), then as a
        small HTML document with the same paragraphs and lists, the message's language in
        its ``lang`` attribute, and no styles, scripts, images or links to load. Spaces at
        the end of a line are not sent. When the message replies to another,
        ``In-Reply-To`` and ``References`` name it. No ``Message-ID`` is invented: the
        sending mail system adds one.

        Args:
            html: ``False`` for a plain-text e-mail (only the ``format=flowed`` part).

        Returns:
            An :class:`email.message.EmailMessage` using the SMTP policy (CRLF line ends).
            An internationalised domain is written in its ASCII (IDNA) form. Read the text
            back with ``mail.get_body(preferencelist=("plain",))``.

        Raises:
            InvalidInputError: If the message is not an e-mail, or an address is missing or
                has a non-ASCII local part, which the standard library cannot write (the
                error names ``sender.email`` or ``to.email``; use :meth:`to_mailto`).

        .. versionadded:: 0.1.0
        """
        import email.policy  # noqa: PLC0415  (only e-mail conversion needs it)
        from email.headerregistry import Address  # noqa: PLC0415
        from email.message import EmailMessage  # noqa: PLC0415

        from followkit.messages._mail import (  # noqa: PLC0415
            flowed,
            html_document,
            transfer_encoding,
        )

        sender, recipient = self._require_email()
        mail = EmailMessage(policy=email.policy.SMTP)
        mail["From"] = Address(
            display_name=self.sender.name, addr_spec=_ascii_address(sender, "sender.email")
        )
        mail["To"] = Address(
            display_name=self.to.name, addr_spec=_ascii_address(recipient, "to.email")
        )
        mail["Subject"] = self.subject or ""
        if self.in_reply_to:
            mail["In-Reply-To"] = self.in_reply_to
            mail["References"] = self.in_reply_to
        plain = flowed(self.body)
        mail.set_content(
            plain,
            subtype="plain",
            charset="utf-8",
            cte=transfer_encoding(plain),
            params={"format": "flowed", "delsp": "no"},
        )
        if html:
            document = html_document(
                self.body, lang=self.locale.replace("_", "-"), title=self.subject or ""
            )
            part = EmailMessage(policy=mail.policy)
            part.set_content(
                document, subtype="html", charset="utf-8", cte=transfer_encoding(document)
            )
            del part["MIME-Version"]  # it belongs on the whole message only
            mail.make_alternative()
            mail.attach(part)
        return mail

    def to_mailto(self) -> str:
        """Return an RFC 6068 ``mailto:`` URI that opens this draft in a mail program.

        Every character of the subject and body that is not unreserved is percent-encoded
        (UTF-8), and line breaks become ``%0D%0A``, so no value can add a header or a
        recipient.

        Returns:
            The URI, such as ``mailto:jordan@acme.example?subject=...&body=...``.

        Raises:
            InvalidInputError: If the message is not an e-mail or the recipient has no
                address.

        .. versionadded:: 0.1.0
        """
        from urllib.parse import quote  # noqa: PLC0415

        _, recipient = self._require_email()
        body = self.body.replace("\n", "\r\n")
        return (
            f"mailto:{quote(recipient, safe='@')}"
            f"?subject={quote(self.subject or '', safe='')}&body={quote(body, safe='')}"
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the message as JSON-ready data (fields that are ``None`` are left out).

        .. versionadded:: 0.1.0
        """
        data: dict[str, Any] = {
            "kind": self.kind,
            "channel": self.channel,
            "locale": self.locale,
            "sender": self.sender.as_dict(),
            "to": self.to.as_dict(),
            "subject": self.subject,
            "body": self.body,
            "in_reply_to": self.in_reply_to,
            "names": list(self.names) or None,
        }
        return {key: value for key, value in data.items() if value is not None}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "message") -> Message:
        """Build a message from :meth:`as_dict` data, naming any bad field by its path.

        Args:
            data: The mapping to read, such as JSON loaded from a file.
            path: Where the data sits in a larger document, for error messages.

        Returns:
            The validated message.

        Raises:
            InvalidInputError: If a key is unknown or missing, or a value is bad; the error
                names the field by its path, such as ``message.to.email``.

        .. versionadded:: 0.1.0
        """
        if not isinstance(data, Mapping):
            raise InvalidInputError(f"must be a mapping, not {type(data).__name__}", field=path)
        for key in data:
            if key not in _FIELDS:
                raise InvalidInputError(
                    f"unknown field (expected one of: {', '.join(sorted(_FIELDS))})",
                    field=f"{path}.{key}",
                )
        missing = [name for name in _REQUIRED if data.get(name) is None]
        if missing:
            raise InvalidInputError(f"is missing {', '.join(missing)}", field=path)
        for name in ("sender", "to"):
            if not isinstance(data[name], Mapping):
                raise InvalidInputError(
                    f"must be a mapping, not {type(data[name]).__name__}", field=f"{path}.{name}"
                )
        try:
            return cls(
                kind=data["kind"],
                channel=data["channel"],
                locale=data["locale"],
                sender=Person.from_dict(data["sender"], path="sender"),
                to=Contact.from_dict(data["to"], path="to"),
                subject=data.get("subject"),
                body=data["body"],
                in_reply_to=data.get("in_reply_to"),
                names=data.get("names") or (),
            )
        except InvalidInputError as exc:
            raise exc.at(path) from None

    def __str__(self) -> str:
        """Return what the candidate would send: the subject line (if any) and the body."""
        if self.subject is None:
            return self.body
        return f"Subject: {self.subject}\n\n{self.body}"
