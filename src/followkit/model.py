"""The shared vocabulary: the candidate, the people they write to, and the application.

Every value is a frozen attrs class validated at construction, so the message builders, the
tone checker and the planner can trust what they are given. Change a value with
:func:`attrs.evolve`, which validates again.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar, get_args

import attrs

from followkit import _validate as v
from followkit.errors import InvalidInputError, NaiveDatetimeError

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import babel

__all__ = ["Application", "Contact", "Person", "TerritorySource", "zone_territory"]

T = TypeVar("T")

#: Where ``Application.territory`` came from: given by the caller, the country of the
#: recipient's time zone, the locale's region (``en_GB``), or the likely country of the
#: locale's language (``en`` gives ``US``). See :func:`zone_territory`.
TerritorySource = Literal["given", "time-zone", "locale", "language"]
_TERRITORY_SOURCES: tuple[str, ...] = get_args(TerritorySource)

#: Most contacts one application may name; more is almost certainly a data error.
MAX_CONTACTS = 20


def _bad_type(expected: str, value: object, field: str) -> InvalidInputError:
    return InvalidInputError(f"must be {expected}, not {type(value).__name__}", field=field)


@attrs.frozen(kw_only=True, init=False)
class Person:
    """The candidate: the person who interviewed and writes the follow-ups.

    Args:
        name: The name they sign with (stripped; 1-200 characters, no control characters).
        email: Their address, validated and normalised by email-validator.
        profile_url: A public profile (LinkedIn, portfolio) to add under the signature.
        phone: A phone number for the signature.
        timezone: Their IANA time zone, used for private tasks; defaults to the
            application's zone.

    Raises:
        InvalidInputError: If a field is not acceptable; the error names the field.

    .. versionadded:: 0.1.0
    """

    name: str
    email: str | None
    profile_url: str | None
    phone: str | None
    timezone: str | None

    def __init__(
        self,
        *,
        name: str,
        email: str | None = None,
        profile_url: str | None = None,
        phone: str | None = None,
        timezone: str | ZoneInfo | None = None,
    ) -> None:
        self.__attrs_init__(
            name=v.clean_text(name, "name"),
            email=v.normalize_email(email, "email"),
            profile_url=v.check_url(profile_url, "profile_url"),
            phone=v.check_phone(phone, "phone"),
            timezone=v.zone_name(timezone, "timezone"),
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the person as JSON-ready data (fields that are ``None`` are left out)."""
        return _drop_none(attrs.asdict(self))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "candidate") -> Person:
        """Build a person from :meth:`as_dict` data, naming any bad field by its path.

        Raises:
            InvalidInputError: If the data has unknown keys or a bad value.
        """
        return _from_mapping(cls, data, path)


@attrs.frozen(kw_only=True, init=False)
class Contact:
    """Someone the candidate writes to: a recruiter, hiring manager or interviewer.

    Args:
        name: How the contact is addressed, e.g. ``"Jordan Lee"``.
        email: Their address, validated and normalised by email-validator.
        role: Their role, e.g. ``"Engineering Manager"``.
        company: Their company, when it differs from the application's.
        profile_url: Their public profile, used for connection notes.

    Raises:
        InvalidInputError: If a field is not acceptable; the error names the field.

    .. versionadded:: 0.1.0
    """

    name: str
    email: str | None
    role: str | None
    company: str | None
    profile_url: str | None

    def __init__(
        self,
        *,
        name: str,
        email: str | None = None,
        role: str | None = None,
        company: str | None = None,
        profile_url: str | None = None,
    ) -> None:
        self.__attrs_init__(
            name=v.clean_text(name, "name"),
            email=v.normalize_email(email, "email"),
            role=v.optional_text(role, "role"),
            company=v.optional_text(company, "company"),
            profile_url=v.check_url(profile_url, "profile_url"),
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the contact as JSON-ready data (fields that are ``None`` are left out)."""
        return _drop_none(attrs.asdict(self))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, path: str = "contact") -> Contact:
        """Build a contact from :meth:`as_dict` data, naming any bad field by its path.

        Raises:
            InvalidInputError: If the data has unknown keys or a bad value.
        """
        return _from_mapping(cls, data, path)


def _contacts(value: object) -> tuple[Contact, ...]:
    if isinstance(value, Contact):
        return (value,)
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise _bad_type("a Contact or a sequence of Contact", value, "contacts")
    contacts = tuple(value)
    if not contacts:
        raise InvalidInputError(
            "needs at least one Contact (the first is the primary recipient)", field="contacts"
        )
    if len(contacts) > MAX_CONTACTS:
        raise InvalidInputError(
            f"has {len(contacts)} contacts; at most {MAX_CONTACTS} are allowed", field="contacts"
        )
    for index, item in enumerate(contacts):
        if not isinstance(item, Contact):
            raise _bad_type("a Contact", item, f"contacts[{index}]")
    return contacts


def _interviewed_on(value: object, decided_at: dt.datetime) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        raise _bad_type("a date", value, "interviewed_on")
    if value > decided_at.date():
        raise InvalidInputError(
            f"{value.isoformat()} is after the decision ({decided_at.date().isoformat()})",
            field="interviewed_on",
        )
    return value


def _timezone(value: object, decided_at: dt.datetime) -> str:
    if value is not None:
        return v.zone(value, "timezone").key
    from zoneinfo import ZoneInfo  # noqa: PLC0415

    if isinstance(decided_at.tzinfo, ZoneInfo):
        return decided_at.tzinfo.key
    raise InvalidInputError(
        "is required when decided_at does not carry a ZoneInfo zone "
        "(give the recipient's IANA zone, such as 'Europe/Berlin')",
        field="timezone",
    )


def _subdivision(value: object, territory: str) -> str | None:
    given = code = v.subdivision(value, "subdivision")
    if code is not None and "-" in code:
        country, _, code = code.partition("-")
        if country != territory:
            raise InvalidInputError(
                f"{country}-{code} is a subdivision of {country}, but the territory is {territory}",
                field="subdivision",
            )
    v.known_subdivision(code, territory, "subdivision", shown=given)
    return code


@lru_cache(maxsize=1024)
def zone_territory(zone: str) -> str | None:
    """Return the country of an IANA time zone, from CLDR's zone table as babel ships it.

    CLDR names one country per zone, the zone's principal one where the zone covers
    several (``Europe/Zurich`` is Switzerland, though it also keeps the time of
    Liechtenstein and Büsingen in Germany); a zone's old names are read through CLDR's
    aliases (``Asia/Calcutta`` is ``Asia/Kolkata``, India). Zones of no country give
    ``None``: ``UTC`` and the ``Etc/*`` offsets, the POSIX-style ``EST5EDT`` family,
    ``Factory`` and the research station ``Antarctica/Troll``.

    Args:
        zone: An IANA zone name, such as ``"Europe/London"``.

    Returns:
        The ISO 3166-1 code (``"GB"``), or ``None``.

    .. versionadded:: 0.2.0
    """
    from babel.core import get_global  # noqa: PLC0415

    territories = get_global("zone_territories")
    code = territories.get(zone) or territories.get(get_global("zone_aliases").get(zone, ""))
    return str(code) if code and v.is_country(str(code)) else None


def _territory(
    value: object, source: object, loc: babel.Locale, zone: str
) -> tuple[str, TerritorySource]:
    """Return the territory and where it came from: given, time zone, locale, language."""
    given = v.territory(value, "territory")
    if source is not None:
        if source not in _TERRITORY_SOURCES:
            raise InvalidInputError(
                f"{source!r} is not one of {', '.join(map(repr, _TERRITORY_SOURCES))}",
                field="territory_source",
            )
        if given is None:
            raise InvalidInputError(
                "records where a territory came from; give it together with territory",
                field="territory_source",
            )
    if given is not None:
        return given, source or "given"  # type: ignore[return-value]
    country = zone_territory(zone)
    if country is not None:
        return country, "time-zone"
    country = v.likely_territory(loc)
    if country is None:
        raise v.missing_territory(loc)
    return country, "locale" if loc.territory else "language"


@attrs.frozen(kw_only=True, init=False)
class Application:
    """One interview process that ended without an offer.

    Args:
        company: The company that interviewed the candidate.
        position: The position applied for.
        candidate: The candidate, who signs every message.
        contacts: One or more contacts; the first is the primary recipient. A single
            :class:`Contact` is accepted too.
        decided_at: When the decision reached the candidate (aware datetime).
        interviewed_on: The (last) interview's date, if known; not after the decision.
        locale: The language and region to write in (``"en"``, ``"de_AT"``, a
            :class:`babel.Locale`); stored as babel's identifier.
        timezone: The recipient's IANA zone. Defaults to ``decided_at``'s zone when that
            is a :class:`~zoneinfo.ZoneInfo`; otherwise it is required.
        territory: The recipient's ISO 3166-1 country, for weekends and public holidays:
            a code babel knows as a country or territory (``"DE"``, ``"HK"``), not one of
            CLDR's groupings or placeholders (``"EU"``, ``"UN"``, ``"ZZ"``). When it is
            left out, it is the country of the recipient's time zone (``Europe/London``
            gives ``"GB"``, see :func:`followkit.model.zone_territory`); for a zone of no country
            (``UTC``, ``Etc/GMT+5``) the locale's region (``en_GB`` gives ``"GB"``), else
            babel's likely territory for its language (``"de"`` gives ``"DE"``, ``"en"``
            gives ``"US"``). It is then required when the locale names a region rather
            than a country (``"es_419"``) or a language of no country (``"eo"``).
            ``territory_source`` records which of these it came from.
        territory_source: Where a given territory came from, as :meth:`as_dict` records
            it (``"given"``, ``"time-zone"``, ``"locale"`` or ``"language"``), so that
            :meth:`from_dict` reads an application back unchanged. Only with
            ``territory``; left out, a given territory is ``"given"``.
        subdivision: The recipient's ISO 3166-2 subdivision (``"BY"`` or ``"DE-BY"``),
            for regional holidays: one the ``holidays`` package knows for the territory
            (checking it loads that package).
        highlight: Something specific the candidate valued in the interview, written to
            follow "I especially enjoyed ...", e.g. ``"the team's approach to
            experimentation"``.
        reply_subject: The subject of the message being replied to (usually the
            rejection e-mail), so that replies keep the thread.

    Raises:
        InvalidInputError: If a field is not acceptable; the error names the field.
        NaiveDatetimeError: If ``decided_at`` has no time zone.
        UnsupportedLocaleError: If babel does not know the locale.
        InvalidTimezoneError: If the zone is not a known IANA zone.

    .. versionadded:: 0.1.0
    """

    company: str
    position: str
    candidate: Person
    contacts: tuple[Contact, ...]
    decided_at: dt.datetime
    interviewed_on: dt.date | None
    locale: str
    timezone: str
    territory: str
    territory_source: TerritorySource
    subdivision: str | None
    highlight: str | None
    reply_subject: str | None

    def __init__(  # noqa: PLR0913  (one keyword per documented field)
        self,
        *,
        company: str,
        position: str,
        candidate: Person,
        contacts: Contact | Iterable[Contact],
        decided_at: dt.datetime,
        interviewed_on: dt.date | None = None,
        locale: str | babel.Locale = "en",
        timezone: str | ZoneInfo | None = None,
        territory: str | None = None,
        territory_source: TerritorySource | None = None,
        subdivision: str | None = None,
        highlight: str | None = None,
        reply_subject: str | None = None,
    ) -> None:
        if not isinstance(candidate, Person):
            raise _bad_type("a Person", candidate, "candidate")
        decided = v.wall_clock(v.aware_datetime(decided_at, "decided_at"))
        loc = v.locale(locale, "locale")
        zone = _timezone(timezone, decided)
        country, source = _territory(territory, territory_source, loc, zone)
        self.__attrs_init__(
            company=v.clean_text(company, "company"),
            position=v.clean_text(position, "position"),
            candidate=candidate,
            contacts=_contacts(contacts),
            decided_at=decided,
            interviewed_on=_interviewed_on(interviewed_on, decided),
            locale=str(loc),
            timezone=zone,
            territory=country,
            territory_source=source,
            subdivision=_subdivision(subdivision, country),
            highlight=v.optional_text(highlight, "highlight", max_length=v.MAX_FRAGMENT),
            reply_subject=v.optional_text(
                reply_subject, "reply_subject", max_length=v.MAX_FRAGMENT
            ),
        )

    @property
    def contact(self) -> Contact:
        """Return the primary recipient (the first contact)."""
        return self.contacts[0]

    @property
    def zone(self) -> ZoneInfo:
        """Return the recipient's time zone as a :class:`~zoneinfo.ZoneInfo`."""
        return v.zone(self.timezone, "timezone")

    @property
    def candidate_zone(self) -> ZoneInfo:
        """Return the candidate's time zone (their own if given, else the application's)."""
        return v.zone(self.candidate.timezone or self.timezone, "timezone")

    @property
    def babel_locale(self) -> babel.Locale:
        """Return the locale as a :class:`babel.Locale`."""
        return v.locale(self.locale)

    def as_dict(self) -> dict[str, Any]:
        """Return the application as JSON-ready data.

        Datetimes and dates become ISO 8601 strings; fields that are ``None`` are left out.
        :meth:`from_dict` reads the result back to an equal application.
        """
        data: dict[str, Any] = {
            "company": self.company,
            "position": self.position,
            "candidate": self.candidate.as_dict(),
            "contacts": [contact.as_dict() for contact in self.contacts],
            "decided_at": self.decided_at.isoformat(),
            "interviewed_on": self.interviewed_on.isoformat() if self.interviewed_on else None,
            "locale": self.locale,
            "timezone": self.timezone,
            "territory": self.territory,
            "territory_source": self.territory_source,
            "subdivision": self.subdivision,
            "highlight": self.highlight,
            "reply_subject": self.reply_subject,
        }
        return _drop_none(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Application:
        """Build an application from plain data, as read from JSON, TOML or a form.

        ``decided_at`` is an ISO 8601 string; one without an offset is read as wall-clock
        time in ``timezone`` (which is then required). ``interviewed_on`` is an ISO date.
        ``contacts`` is a list of contact mappings; a single ``contact`` mapping is accepted
        instead. Unknown keys are an error, so that typos do not pass silently.

        Args:
            data: The mapping to read.

        Returns:
            The validated application.

        Raises:
            InvalidInputError: If a key is unknown or a value is bad; the error names the
                field by its path, such as ``contacts[1].email``.

        .. versionadded:: 0.1.0
        """
        if not isinstance(data, Mapping):
            raise InvalidInputError(f"an application must be a mapping, not {type(data).__name__}")
        fields = dict(data)
        if "contact" in fields:
            if "contacts" in fields:
                raise InvalidInputError("give either 'contact' or 'contacts', not both")
            fields["contacts"] = [fields.pop("contact")]
        _check_keys(cls, fields, "")
        for key in ("company", "position", "candidate", "contacts", "decided_at"):
            if fields.get(key) is None:
                raise InvalidInputError("is required", field=key)
        fields["candidate"] = _nested(Person, fields["candidate"], "candidate")
        raw_contacts = fields["contacts"]
        if isinstance(raw_contacts, str | bytes | Mapping) or not isinstance(
            raw_contacts, list | tuple
        ):
            raise InvalidInputError("must be a list of contacts", field="contacts")
        fields["contacts"] = [
            _nested(Contact, item, f"contacts[{index}]") for index, item in enumerate(raw_contacts)
        ]
        fields["decided_at"] = _parse_datetime(fields["decided_at"], fields.get("timezone"))
        if fields.get("interviewed_on") is not None:
            fields["interviewed_on"] = _parse_date(fields["interviewed_on"], "interviewed_on")
        return cls(**fields)


_REQUIRED = {
    "Person": ("name",),
    "Contact": ("name",),
}


def _drop_none(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value is not None}


def _check_keys(cls: type[Any], data: Mapping[str, Any], path: str) -> None:
    known = {field.name for field in attrs.fields(cls)}
    for key in data:
        if key not in known:
            where = f"{path}.{key}" if path else str(key)
            raise InvalidInputError(
                f"unknown field (expected one of: {', '.join(sorted(known))})", field=where
            )


def _nested(cls: type[T], data: object, path: str) -> T:
    if isinstance(data, cls):
        return data
    if not isinstance(data, Mapping):
        raise InvalidInputError(f"must be a mapping, not {type(data).__name__}", field=path)
    return _from_mapping(cls, data, path)


def _from_mapping(cls: type[T], data: Mapping[str, Any], path: str) -> T:
    if not isinstance(data, Mapping):
        raise InvalidInputError(f"must be a mapping, not {type(data).__name__}", field=path)
    _check_keys(cls, data, path)
    missing = [name for name in _REQUIRED[cls.__name__] if data.get(name) is None]
    if missing:
        raise InvalidInputError(f"is missing {', '.join(missing)}", field=path)
    try:
        return cls(**data)
    except InvalidInputError as exc:
        raise exc.at(path) from None


def _parse_datetime(value: object, timezone: object) -> dt.datetime:
    if isinstance(value, dt.datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidInputError(
                f"{value!r} is not an ISO 8601 date-time such as '2026-11-20T15:00+01:00'",
                field="decided_at",
            ) from None
    else:
        raise InvalidInputError(
            f"must be an ISO 8601 date-time string, not {type(value).__name__}",
            field="decided_at",
        )
    if timezone is None:
        if parsed.tzinfo is None:
            raise NaiveDatetimeError(
                "has no UTC offset; add one (e.g. '+01:00') or give 'timezone'",
                field="decided_at",
            )
        return parsed
    zone = v.zone(timezone, "timezone")
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone)
    return parsed.astimezone(zone)


def _parse_date(value: object, field: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InvalidInputError(f"{value!r} is not an ISO 8601 date such as '2026-11-18'", field=field)
