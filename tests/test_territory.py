"""Where an application's territory comes from: given, time zone, locale, language.

The zone tables of the IANA time zone database (tzdata's ``zone.tab`` and
``zone1970.tab``, shipped by the ``tzdata`` package that icalendar depends on) are an
independent check of CLDR's zone-to-country table, which followkit reads through babel.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import zoneinfo
from zoneinfo import ZoneInfo

import pytest

from followkit import Application, Contact, InvalidInputError, Person, plan
from followkit.model import zone_territory


def _table(name: str) -> dict[str, tuple[str, ...]]:
    """Read a tzdata zone table: zone name -> the countries it keeps the time of."""
    text = importlib.resources.files("tzdata").joinpath("zoneinfo", name).read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line and not line.startswith("#"))
    return {cells[2]: tuple(cells[0].split(",")) for cells in rows}


ZONE_TAB = _table("zone.tab")  # one (principal) country per zone
ZONE1970_TAB = _table("zone1970.tab")  # every country that has kept the zone's time since 1970
SINGLE_COUNTRY = sorted(
    {zone: codes[0] for zone, codes in ZONE1970_TAB.items() if len(codes) == 1}.items()
    | {zone: codes[0] for zone, codes in ZONE_TAB.items() if zone not in ZONE1970_TAB}.items()
)
SHARED = sorted(zone for zone, codes in ZONE1970_TAB.items() if len(codes) > 1)
#: Zones of the tables that CLDR assigns to no country (the Norwegian research station
#: Troll is "001", the world, in CLDR and AQ, Antarctica, in zone.tab).
UNRESOLVED = {"Antarctica/Troll"}
#: Zones of no country outside the tables: offsets, UTC's names, POSIX-style rules.
NO_COUNTRY = {
    "Factory",
    "GMT",
    "GMT+0",
    "GMT-0",
    "GMT0",
    "Greenwich",
    "UCT",
    "UTC",
    "Universal",
    "Zulu",
    "EST5EDT",
    "CST6CDT",
    "MST7MDT",
    "PST8PDT",
    "localtime",
}


def make(zone: str, **changes: object) -> Application:
    fields: dict[str, object] = {
        "company": "Acme",
        "position": "Analyst",
        "candidate": Person(name="Alex Kim"),
        "contacts": [Contact(name="Kate Sato", email="kate@acme.example")],
        "decided_at": dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("UTC")),
        "timezone": zone,
    }
    fields.update(changes)
    return Application(**fields)  # type: ignore[arg-type]


def test_the_tables_are_read() -> None:
    assert len(ZONE_TAB) > 400
    assert len(SINGLE_COUNTRY) + len(SHARED) >= len(ZONE_TAB)
    assert ZONE1970_TAB["Europe/Zurich"] == ("CH", "DE", "LI")


@pytest.mark.parametrize(("zone", "country"), SINGLE_COUNTRY)
def test_every_single_country_zone_gives_its_country(zone: str, country: str) -> None:
    app = make(zone)
    if zone in UNRESOLVED:
        assert zone_territory(zone) is None
        assert (app.territory, app.territory_source) == ("US", "language")
    else:
        assert (app.territory, app.territory_source) == (country, "time-zone")


@pytest.mark.parametrize("zone", SHARED)
def test_a_shared_zone_gives_its_principal_country(zone: str) -> None:
    territory = make(zone).territory
    assert territory in ZONE1970_TAB[zone]
    assert territory == ZONE_TAB.get(zone, (territory,))[0]


def test_zurich_is_switzerland_not_busingen() -> None:
    assert make("Europe/Zurich").territory == "CH"
    assert make("Europe/Busingen").territory == "DE"


@pytest.mark.parametrize(
    ("zone", "country"),
    [("Asia/Calcutta", "IN"), ("US/Eastern", "US"), ("Europe/Kiev", "UA"), ("GB", "GB")],
)
def test_old_names_resolve_through_their_aliases(zone: str, country: str) -> None:
    assert make(zone).territory == country


def test_every_zone_resolves_or_has_no_country() -> None:
    unresolved = {zone for zone in zoneinfo.available_timezones() if zone_territory(zone) is None}
    assert {zone for zone in unresolved if not zone.startswith("Etc/")} <= NO_COUNTRY | UNRESOLVED
    assert unresolved & set(ZONE_TAB) == UNRESOLVED


@pytest.mark.parametrize("zone", ["UTC", "Etc/UTC", "Etc/GMT+5", "Etc/GMT-14", "EST5EDT"])
def test_a_zone_of_no_country_falls_back_to_the_locale(zone: str) -> None:
    assert (make(zone, locale="en_GB").territory, make(zone).territory_source) == (
        "GB",
        "language",
    )
    assert make(zone, locale="en_GB").territory_source == "locale"
    assert (make(zone, locale="de").territory, make(zone, locale="de").territory_source) == (
        "DE",
        "language",
    )
    with pytest.raises(InvalidInputError, match="^territory: is required: the locale es_419"):
        make(zone, locale="es_419")


def test_the_zone_wins_over_the_locale_and_a_given_territory_over_both() -> None:
    assert make("Asia/Tokyo", locale="en_GB").territory == "JP"
    app = make("Asia/Tokyo", locale="en_GB", territory="gb")
    assert (app.territory, app.territory_source) == ("GB", "given")


def test_the_source_is_recorded_and_read_back() -> None:
    app = make("Europe/London")
    data = app.as_dict()
    assert (data["territory"], data["territory_source"]) == ("GB", "time-zone")
    assert Application.from_dict(data) == app
    given = make("Europe/London", territory="US")
    assert given.as_dict()["territory_source"] == "given"
    assert Application.from_dict({**data, "territory_source": None}).territory_source == "given"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"territory_source": "time-zone"}, "give it together with territory"),
        ({"territory": "GB", "territory_source": "guess"}, "'guess' is not one of 'given'"),
        ({"territory": "GB", "territory_source": 3}, "3 is not one of"),
    ],
)
def test_a_bad_source_is_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInputError, match=f"^territory_source: .*{message}"):
        make("Europe/London", **changes)


def _outreach(zone: str, decided: dt.datetime, **changes: object) -> dict[str, dt.date]:
    app = make(zone, decided_at=decided, **changes)
    return {step.id: step.due.date() for step in plan(app, now=decided, drafts=False).outreach}


LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")


def test_london_is_planned_on_uk_working_days() -> None:
    thanksgiving = dt.date(2026, 11, 26)
    before = dt.datetime(2026, 11, 25, 16, 0, tzinfo=LONDON)
    assert _outreach("Europe/London", before)["thank-you-and-feedback"] == thanksgiving
    assert (
        _outreach("Europe/London", before, territory="US")["thank-you-and-feedback"] > thanksgiving
    )
    good_friday = dt.date(2027, 3, 26)
    before = dt.datetime(2027, 3, 25, 16, 0, tzinfo=LONDON)
    assert (
        _outreach("Europe/London", before, territory="US")["thank-you-and-feedback"] == good_friday
    )
    assert _outreach("Europe/London", before)["thank-you-and-feedback"] > good_friday


def test_tokyo_is_planned_around_golden_week() -> None:
    before = dt.datetime(2027, 4, 28, 16, 0, tzinfo=TOKYO)
    american = _outreach("Asia/Tokyo", before, territory="US")
    assert (american["thank-you-and-feedback"], american["connection-note"]) == (
        dt.date(2027, 4, 29),  # Shōwa Day
        dt.date(2027, 5, 3),  # Constitution Day
    )
    japanese = _outreach("Asia/Tokyo", before)
    golden_week = {dt.date(2027, 4, 29), *(dt.date(2027, 5, day) for day in (3, 4, 5))}
    assert not golden_week & set(japanese.values())
    assert japanese["thank-you-and-feedback"] == dt.date(2027, 4, 30)
