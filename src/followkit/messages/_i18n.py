"""Locales, gettext catalogs and babel formatting for the message builders (not public).

Catalogs are compiled gettext ``.mo`` files shipped inside the package under
``followkit/locale/<language>/LC_MESSAGES/followkit.mo``. They are read with
:class:`gettext.GNUTranslations` through :mod:`importlib.resources` and cached per language,
so a process reads each catalog at most once and no "active language" is ever switched.
"""

from __future__ import annotations

import gettext
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Final

from followkit import _validate as v
from followkit.errors import FollowkitError, UnsupportedLocaleError

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    import babel

#: Languages with a message catalog, in sorted order.
SUPPORTED: Final = ("de", "en", "es", "fr")

DOMAIN: Final = "followkit"


def N_(message: str) -> str:  # noqa: N802  (the conventional gettext marker name)
    """Mark *message* for extraction by ``pybabel extract``; translation happens later."""
    return message


def resolve(value: object, field: str = "locale") -> babel.Locale:
    """Return the babel locale for *value* if its language has a catalog.

    A regional locale (``de_AT``, ``es_MX``, ``en_GB``) falls back to its language's
    catalog and keeps its region for dates and lists.

    Raises:
        UnsupportedLocaleError: If babel does not know the locale or followkit has no
            catalog for its language; the error names the supported languages.
    """
    try:
        loc = v.locale(value, field)
    except UnsupportedLocaleError as exc:
        raise UnsupportedLocaleError(
            f"{exc.reason}; followkit writes messages in {', '.join(SUPPORTED)}",
            field=field,
            locale=exc.locale,
            supported=SUPPORTED,
        ) from None
    if loc.language not in SUPPORTED:
        raise UnsupportedLocaleError(
            f"{str(loc)!r} is not supported; followkit writes messages in "
            f"{', '.join(SUPPORTED)} (and their regional variants such as de_AT)",
            field=field,
            locale=str(loc),
            supported=SUPPORTED,
        )
    return loc


@lru_cache(maxsize=len(SUPPORTED))
def translations(language: str) -> gettext.GNUTranslations:
    """Return the compiled catalog of *language* (one of :data:`SUPPORTED`).

    Raises:
        FollowkitError: If the compiled catalog is missing (a source checkout whose
            catalogs were not compiled yet).
    """
    path = resources.files("followkit").joinpath("locale", language, "LC_MESSAGES", f"{DOMAIN}.mo")
    try:
        with path.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    except FileNotFoundError:
        raise FollowkitError(
            f"the compiled message catalog for {language!r} is missing ({path}); "
            "run `make catalogs` (or reinstall followkit) to compile the .po files"
        ) from None


def format_date(day: dt.date, loc: babel.Locale, *, reference: dt.date | None = None) -> str:
    """Format *day* as a person writes it in a message ("November 18", "18. November").

    The year is left out when it is the same as *reference*'s year.
    """
    from babel.dates import format_date as babel_date  # noqa: PLC0415
    from babel.dates import format_skeleton  # noqa: PLC0415

    if reference is not None and day.year == reference.year:
        return format_skeleton("MMMMd", day, locale=loc)
    return babel_date(day, format="long", locale=loc)


def format_list(items: Sequence[str], loc: babel.Locale) -> str:
    """Join *items* the way the locale lists things ("A, B and C", "A, B und C")."""
    from babel.lists import format_list as babel_list  # noqa: PLC0415

    return babel_list(list(items), style="standard", locale=loc)


# Languages whose informal ("warm") greeting uses the given name alone ("Hi Jordan,").
# German, French and Spanish warm greetings keep the full name, which stays polite with
# the formal Sie / vous / usted the catalogs use.
_WARM_GIVEN_NAME: Final = frozenset({"en"})


def addressed_name(full_name: str, language: str, *, warm: bool) -> str:
    """Return how the greeting names the contact.

    The given name is taken to be the first word of the name unless that word is a title
    ("Dr.", "Prof.") or the name is a single word; then the full name is used.
    """
    if not warm or language not in _WARM_GIVEN_NAME:
        return full_name
    first, _, rest = full_name.partition(" ")
    if not rest or first.endswith("."):
        return full_name
    return first


# German letters (DIN 5008): after the salutation's comma the text continues in lower case,
# unless the first word is a noun or the polite "Sie"/"Ihr". Only these words, which open
# our German paragraphs, are lowered; anything else is left as it is.
_DE_LOWER_AFTER_GREETING: Final = frozenset(
    {"vielen", "herzlichen", "ich", "nochmals", "es", "seit", "haben", "danke", "gerne", "falls"}
)


def continue_after_greeting(text: str, language: str) -> str:
    """Adjust the paragraph that follows the greeting to the language's letter conventions."""
    if language != "de":
        return text
    first = text.split(" ", 1)[0]
    if first.lower() in _DE_LOWER_AFTER_GREETING and first[:1].isupper():
        return text[:1].lower() + text[1:]
    return text


# One reply prefix ("Re:", "RE[2]:", "AW:", "Antw:", "SV:"); stripped repeatedly, so that
# replies never stack "Re: Re:". Bounded quantifiers only: linear on any input.
_REPLY_PREFIX: Final = re.compile(r"(?:re|aw|antw|sv)(?:\[\d{1,4}\])?[ \t]{0,8}:[ \t]*", re.I)


def strip_reply_prefixes(subject: str) -> str:
    """Return *subject* without its leading reply prefixes ("Re: AW: x" gives "x")."""
    text = subject.strip()
    while match := _REPLY_PREFIX.match(text):
        text = text[match.end() :].lstrip()
    return text


# French elision before a value that starts with a vowel: "l'équipe de Acme" must read
# "l'équipe d'Acme", "que Irène" reads "qu'Irène". An initial "h" is left alone: whether
# it elides depends on the word (h muet or aspiré), and "de Hachette" is never wrong to
# a reader the way "de Acme" is.
_FR_ELIDE: Final = re.compile(r"\b(de|que) %\((\w{1,40})\)s")
_FR_VOWELS: Final = frozenset("aeiouyàâäéèêëîïôöùûüÿæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÆŒ")


def elide(template: str, values: dict[str, str], language: str) -> str:
    """Apply the language's elision to *template* before *values* are substituted."""
    if language != "fr":
        return template

    def replace(match: re.Match[str]) -> str:
        word, name = match.groups()
        if values.get(name, "")[:1] in _FR_VOWELS:
            return f"{word[:-1]}’%({name})s"
        return match.group(0)

    return _FR_ELIDE.sub(replace, template)
