"""Validation and normalisation shared by the model and the builders (not public)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from followkit.errors import (
    InvalidEmailError,
    InvalidInputError,
    InvalidTimezoneError,
    NaiveDatetimeError,
    UnsupportedLocaleError,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import babel

#: Longest name, role or company accepted; these end up in e-mail headers.
MAX_NAME = 200
#: Longest free-text sentence fragment (highlight, update, note) accepted.
MAX_FRAGMENT = 500
#: Most proper names a message lists for the tone checker (``Message.names``).
MAX_NAMES = 32
MAX_URL = 2048

# Bidirectional overrides and isolates: they let text display differently from what it
# is ("Trojan Source", CVE-2021-42574); never legitimate inside a name or a subject.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Categories that never belong in a one-line value: controls (includes CR, LF, NUL, TAB),
# lone surrogates, line and paragraph separators (U+2028/U+2029 end a line in many
# mail clients), and unassigned code points.
_BAD_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp", "Cn"})
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{2,30}")


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def clean_text(
    value: object,
    field: str,
    *,
    max_length: int = MAX_NAME,
    multiline: bool = False,
) -> str:
    """Return *value* stripped, or raise if it is not a clean, non-empty string.

    With ``multiline=True`` line feeds (and only those) are allowed; carriage returns are
    normalised away first.
    """
    if not isinstance(value, str):
        raise InvalidInputError(f"must be a string, not {type(value).__name__}", field=field)
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    text = value.strip()
    if not text:
        raise InvalidInputError("must not be empty", field=field)
    if len(text) > max_length:
        raise InvalidInputError(
            f"is {len(text)} characters long; at most {max_length} are allowed", field=field
        )
    for char in text:
        if multiline and char == "\n":
            continue
        if char in _BIDI_CONTROLS or unicodedata.category(char) in _BAD_CATEGORIES:
            raise InvalidInputError(
                f"contains the control or invisible character {_describe(char)}",
                field=field,
            )
    return text


def optional_text(
    value: object, field: str, *, max_length: int = MAX_NAME, multiline: bool = False
) -> str | None:
    """Like :func:`clean_text`, but ``None`` passes through."""
    if value is None:
        return None
    return clean_text(value, field, max_length=max_length, multiline=multiline)


def normalize_email(value: object, field: str) -> str | None:
    """Validate an e-mail address with email-validator and return its normalised form."""
    if value is None:
        return None
    text = clean_text(value, field, max_length=254)
    import email_validator  # noqa: PLC0415  (deferred: it is a slow import)

    try:
        result = email_validator.validate_email(text, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        raise InvalidEmailError(
            f"{text!r} is not a valid e-mail address: {exc}", field=field
        ) from None
    return str(result.normalized)


def check_url(value: object, field: str) -> str | None:
    """Accept an absolute http(s) URL without spaces or control characters."""
    if value is None:
        return None
    text = clean_text(value, field, max_length=MAX_URL)
    if any(char.isspace() for char in text):
        raise InvalidInputError("must not contain white space", field=field)
    try:
        parts = urlsplit(text)
    except ValueError as exc:
        raise InvalidInputError(f"is not a valid URL: {exc}", field=field) from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        raise InvalidInputError(
            f"{text!r} must be an absolute http:// or https:// URL", field=field
        )
    return text


def check_phone(value: object, field: str) -> str | None:
    """Accept a phone number made of digits, spaces and ``+ ( ) . / -``."""
    if value is None:
        return None
    text = clean_text(value, field, max_length=32)
    if not _PHONE.fullmatch(text):
        raise InvalidInputError(
            f"{text!r} is not a phone number (digits, spaces and + ( ) . / - only)",
            field=field,
        )
    return text


@lru_cache(maxsize=512)
def _zone(name: str) -> ZoneInfo:
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    return ZoneInfo(name)


def zone(value: object, field: str) -> ZoneInfo:
    """Return the :class:`~zoneinfo.ZoneInfo` for an IANA zone name (or a ZoneInfo)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # noqa: PLC0415

    if isinstance(value, ZoneInfo):
        return value
    if not isinstance(value, str) or not value.strip():
        raise InvalidTimezoneError(
            "must be an IANA time zone name such as 'Europe/Berlin'", field=field
        )
    name = value.strip()
    try:
        return _zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise InvalidTimezoneError(
            f"{name!r} is not a known IANA time zone (such as 'Europe/Berlin')", field=field
        ) from None


def zone_name(value: object, field: str) -> str | None:
    """Validate an optional time zone and return its IANA key."""
    if value is None:
        return None
    return zone(value, field).key


def aware_datetime(value: object, field: str) -> dt.datetime:
    """Return *value* if it is a timezone-aware :class:`~datetime.datetime`."""
    if not isinstance(value, dt.datetime):
        raise InvalidInputError(f"must be a datetime, not {type(value).__name__}", field=field)
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            "must be timezone-aware (naive datetimes are ambiguous); "
            "attach a zone, e.g. datetime(..., tzinfo=ZoneInfo('Europe/Berlin'))",
            field=field,
        )
    return value


def wall_clock(value: dt.datetime) -> dt.datetime:
    """Return *value* moved off a wall-clock time that its zone skips.

    ``datetime(2026, 3, 29, 2, 30, tzinfo=ZoneInfo("Europe/Berlin"))`` names a time that
    never shows on a Berlin clock (the clocks jump from 02:00 to 03:00). Python keeps such a
    value, but it would not survive a round trip through its UTC offset. Going through UTC
    and back gives the real wall-clock time of the same instant (03:30 here); existing
    times, including the repeated hour in autumn (told apart by ``fold``), are unchanged.
    """
    tzinfo = value.tzinfo
    return value.astimezone(dt.UTC).astimezone(tzinfo)


@lru_cache(maxsize=256)
def _parse_locale(identifier: str) -> babel.Locale:
    import babel  # noqa: PLC0415

    return babel.Locale.parse(identifier, sep="_" if "_" in identifier else "-")


def locale(value: object, field: str = "locale") -> babel.Locale:
    """Parse a locale identifier (``de``, ``de_AT``, ``de-AT``) or accept a babel Locale."""
    import babel  # noqa: PLC0415

    if isinstance(value, babel.Locale):
        return value
    if not isinstance(value, str) or not value.strip():
        raise UnsupportedLocaleError(
            "must be a locale identifier such as 'en', 'de_AT' or 'fr-CA'",
            field=field,
            locale=repr(value),
        )
    text = value.strip()
    try:
        parsed = _parse_locale(text)
    except (ValueError, TypeError, babel.UnknownLocaleError):
        raise UnsupportedLocaleError(
            f"{text!r} is not a locale known to babel", field=field, locale=text
        ) from None
    if parsed.language == "root":  # CLDR's base of all locales, not a language to write in
        raise UnsupportedLocaleError(
            f"{text!r} is CLDR's root, not a language; give one such as 'en' or 'de_AT'",
            field=field,
            locale=text,
        )
    return parsed


def _region_name(code: str) -> str:
    import babel  # noqa: PLC0415

    return str(babel.Locale("en").territories.get(code, code))


@lru_cache(maxsize=512)
def is_country(code: str) -> bool:
    """Return whether CLDR knows *code* as a country or territory of its own.

    CLDR's territory names also cover codes that are no place to write to: the unknown
    region ``ZZ``, groupings (``EU``, ``EZ``, ``UN``, ``QO``), pseudo-regions for testing
    (``XA``, ``XB``) and numeric areas (``001``, ``419``). CLDR lists the languages spoken
    in every country and territory, down to uninhabited ones (``AQ``, ``BV``), and in none
    of those other codes: that list tells them apart without a list of exceptions here.
    """
    from babel.core import get_global  # noqa: PLC0415

    return bool(get_global("territory_languages").get(code))


def likely_territory(loc: babel.Locale) -> str | None:
    """Return the locale's country, or babel's likely country for its language.

    Returns ``None`` when the locale names a region rather than a country (``es_419``,
    ``en_001``) or its language belongs to no country (``eo``).
    """
    if loc.territory:
        territory = str(loc.territory)
        return territory if is_country(territory) else None
    from babel.core import get_global  # noqa: PLC0415

    likely = get_global("likely_subtags").get(loc.language)
    if likely:
        territory = str(likely).split("_")[-1]
        if is_country(territory):
            return territory
    return None


def missing_territory(loc: babel.Locale, field: str = "territory") -> InvalidInputError:
    """Return the error for a locale that gives no country to take the territory from."""
    region = f" ({_region_name(str(loc.territory))})" if loc.territory else ""
    return InvalidInputError(
        f"is required: the locale {loc} names a region{region}, not a country; "
        "give the recipient's country, such as 'DE'",
        field=field,
    )


def territory(value: object, field: str = "territory") -> str | None:
    """Validate an ISO 3166-1 alpha-2 code that babel knows as a country or territory.

    ``DE`` and ``us`` pass (as ``DE`` and ``US``), and so do territories that are not
    states (``HK``, ``PR``, ``AC``); CLDR's regions that are no country (``EU``, ``ZZ``,
    see :func:`is_country`) do not.
    """
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
        raise InvalidInputError(
            f"{value!r} is not a two-letter ISO 3166-1 territory code such as 'DE'",
            field=field,
        )
    code = value.strip().upper()
    import babel  # noqa: PLC0415

    if code not in babel.Locale("en").territories:
        raise InvalidInputError(f"{code!r} is not a known territory code", field=field)
    if not is_country(code):
        raise InvalidInputError(
            f"{code!r} ({_region_name(code)}) is not a country or territory but a grouping"
            " or placeholder; give the recipient's country, such as 'DE'",
            field=field,
        )
    return code


def subdivision(value: object, field: str = "subdivision") -> str | None:
    """Validate the shape of an ISO 3166-2 subdivision code (``BY``, ``DE-BY``, ``CA``).

    Whether it exists for the territory is checked by :func:`known_subdivision`.
    """
    if value is None:
        return None
    if not isinstance(value, str) or not re.fullmatch(
        r"(?:[A-Za-z]{2}-)?[A-Za-z0-9]{1,3}", value.strip()
    ):
        raise InvalidInputError(
            f"{value!r} is not an ISO 3166-2 subdivision code such as 'BY' or 'DE-BY'",
            field=field,
        )
    return value.strip().upper()


@lru_cache(maxsize=1)
def holiday_countries() -> frozenset[str]:
    """Return the territory codes the ``holidays`` package has data for."""
    # The registry lists the country codes without importing the ~500 country modules
    # (``holidays.list_supported_countries()`` imports them all, a fifth of a second).
    from holidays.registry import EntityLoader  # noqa: PLC0415

    return frozenset(EntityLoader.get_country_codes(include_aliases=True))


@lru_cache(maxsize=512)
def subdivisions(territory: str) -> tuple[str, ...]:
    """Return the ISO 3166-2 subdivision codes the ``holidays`` package knows for *territory*."""
    if territory not in holiday_countries():
        return ()
    import holidays  # noqa: PLC0415

    codes = getattr(holidays, territory).subdivisions
    return tuple(sorted(c for c in codes if c.isalnum() and c.upper() == c and len(c) <= 3))


def known_subdivision(
    code: str | None, territory: str, field: str = "subdivision", *, shown: str | None = None
) -> None:
    """Raise :class:`InvalidInputError` unless *code* is a subdivision of *territory*.

    The subdivisions are those the ``holidays`` package has holidays for, so the check
    loads it (once, about a tenth of a second); nothing else in the model does. *shown*
    is the code as the error should quote it (``"DE-XX"`` when that was given).
    """
    if code is None:
        return
    quoted = repr(shown or code)
    if territory not in holiday_countries():
        raise InvalidInputError(
            f"{quoted} cannot be checked: there is no holiday data for {territory} "
            "(leave the subdivision out; weekends still apply)",
            field=field,
        )
    valid = subdivisions(territory)
    if code not in valid:
        if not valid:
            reason = f"{territory} has no subdivisions with holidays of their own"
            raise InvalidInputError(f"{quoted} is not needed: {reason}", field=field)
        raise InvalidInputError(
            f"{quoted} is not one of {territory}'s subdivisions ({', '.join(valid)})",
            field=field,
        )
