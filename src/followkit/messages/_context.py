"""What a part sees when it writes its paragraph: :class:`Context` and the :class:`Part` type."""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING, Final, Literal, Protocol, get_args

import attrs

from followkit.errors import InvalidInputError
from followkit.messages import _i18n

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    import babel

    from followkit.messages._message import Channel
    from followkit.model import Application

__all__ = ["Context", "Length", "Part", "Register"]

#: How formal a message is: ``"formal"`` (the default) or ``"warm"``. German and French use
#: the formal Sie / vous in both; "warm" changes the greeting, phrasing and sign-off.
Register = Literal["formal", "warm"]
#: ``"brief"`` (at most 120 words) or ``"standard"`` (at most 220 words).
Length = Literal["brief", "standard"]

REGISTERS: Final[tuple[str, ...]] = get_args(Register)
LENGTHS: Final[tuple[str, ...]] = get_args(Length)
#: Word limit of each length, counted over the whole body.
WORD_LIMITS: Final[Mapping[str, int]] = {"brief": 120, "standard": 220}


def check_choice(value: object, field: str, choices: tuple[str, ...]) -> str:
    """Return *value* if it is one of *choices*, else raise a clear error."""
    if value not in choices:
        raise InvalidInputError(
            f"{value!r} is not one of {', '.join(repr(c) for c in choices)}", field=field
        )
    return str(value)


def check_variant(value: object) -> int:
    """Accept any integer (not a bool) as a variant."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInputError(f"must be an int, not {type(value).__name__}", field="variant")
    return value


@attrs.frozen(kw_only=True)
class Context:
    """Everything a part needs to write its paragraph, in the message's language.

    :func:`~followkit.messages.compose` builds one per message and passes it to every
    part. Write your own part as a function that takes a context and returns a paragraph
    (or ``None`` to leave it out).

    Attributes:
        application: The application the message is about.
        kind: The message's kind, such as ``"thank_you"``.
        channel: The channel it is written for.
        locale: The babel locale it is written in (regional locales keep their region
            for dates and lists).
        register: ``"formal"`` or ``"warm"``.
        length: ``"brief"`` or ``"standard"``.
        variant: Picks among equivalent phrasings; the same inputs give the same text.

    .. versionadded:: 0.1.0
    """

    application: Application
    kind: str
    channel: Channel
    locale: babel.Locale
    register: Register
    length: Length
    variant: int

    @property
    def language(self) -> str:
        """Return the language whose catalog the texts come from (``"de"`` for de_AT)."""
        return str(self.locale.language)

    def gettext(self, message: str) -> str:
        """Return *message* (an English catalog message id) in the message's language."""
        return _i18n.translations(self.language).gettext(message)

    def choose(self, name: str, phrasings: Sequence[str]) -> str:
        """Pick one of several equivalent *phrasings* for the part called *name*.

        The choice depends only on the variant and *name*, through a stable hash, so
        identical inputs give identical text while different parts rotate independently.
        """
        # Reduce first: str() of an int with over 4,300 digits raises ValueError.
        key = f"{self.variant % (1 << 64)}\x00{name}".encode()
        index = zlib.crc32(key) % len(phrasings)
        return phrasings[index]

    def fill(self, message: str, **values: str) -> str:
        """Translate *message* and substitute its ``%(name)s`` placeholders once.

        ``company`` and ``position`` are always available. Values are inserted after
        translation and never re-read, so a company called ``"%(position)s"`` appears
        literally.
        """
        mapping = {
            "company": self.application.company,
            "position": self.application.position,
            **values,
        }
        template = _i18n.elide(self.gettext(message), mapping, self.language)
        return template % mapping

    def phrase(self, name: str, table: Mapping[str, Sequence[str]], **values: str) -> str:
        """Choose a phrasing of the part *name* for the register, translate and fill it."""
        return self.fill(self.choose(name, table[self.register]), **values)

    def date(self, day: dt.date) -> str:
        """Format *day* for the text (the year is left out within the decision's year)."""
        return _i18n.format_date(day, self.locale, reference=self.application.decided_at.date())

    def names(self, names: Sequence[str]) -> str:
        """Join *names* as the locale lists them ("Sam Park and Robin Diaz")."""
        return _i18n.format_list(names, self.locale)


class Part(Protocol):
    """A piece of a message: takes a :class:`Context`, returns a paragraph or ``None``.

    .. versionadded:: 0.1.0
    """

    def __call__(self, ctx: Context, /) -> str | None:
        """Return the paragraph for *ctx*, or ``None`` when the part has nothing to say."""
