from __future__ import annotations

import datetime as dt
import subprocess
import sys
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followkit import (
    Application,
    Contact,
    FollowkitError,
    InvalidEmailError,
    InvalidInputError,
    InvalidTimezoneError,
    NaiveDatetimeError,
    Person,
    UnsupportedLocaleError,
)

BERLIN = ZoneInfo("Europe/Berlin")
DECIDED = dt.datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN)


def make(**changes: object) -> Application:
    fields: dict[str, object] = {
        "company": "Acme",
        "position": "Data Engineer",
        "candidate": Person(name="Alex Kim"),
        "contacts": [Contact(name="Jordan Lee")],
        "decided_at": DECIDED,
    }
    fields.update(changes)
    return Application(**fields)  # type: ignore[arg-type]


class TestText:
    @pytest.mark.parametrize("field", ["name"])
    def test_strips(self, field: str) -> None:
        assert Person(**{field: "  Alex Kim \t"}).name == "Alex Kim"

    @pytest.mark.parametrize(
        ("value", "reason"),
        [
            ("", "must not be empty"),
            ("   ", "must not be empty"),
            ("Jordan\r\nBcc: x@example.com", "U+000D"),
            ("Jordan\nLee", "U+000A"),
            ("Jordan\x00", "U+0000"),
            ("Jordan\u2028Lee", "U+2028"),
            ("Jordan\u202eeeL", "U+202E"),
            ("\ud800", "U+D800"),
            ("x" * 201, "201 characters"),
            (42, "must be a string, not int"),
        ],
    )
    def test_rejects(self, value: object, reason: str) -> None:
        with pytest.raises(InvalidInputError, match="^name: ") as info:
            Contact(name=value)  # type: ignore[arg-type]
        assert reason in str(info.value)
        assert info.value.field == "name"
        assert isinstance(info.value, ValueError)
        assert isinstance(info.value, FollowkitError)

    def test_exactly_200_characters_is_accepted(self) -> None:
        assert len(Contact(name="x" * 200).name) == 200

    @pytest.mark.parametrize("field", ["role", "company"])
    def test_optional_fields_are_checked(self, field: str) -> None:
        with pytest.raises(InvalidInputError, match=f"^{field}: "):
            Contact(name="Jordan", **{field: "a\rb"})

    @pytest.mark.parametrize("field", ["company", "position"])
    def test_application_names(self, field: str) -> None:
        with pytest.raises(InvalidInputError, match=f"^{field}: must not be empty"):
            make(**{field: " "})

    def test_unicode_names_are_kept(self) -> None:
        assert Contact(name="Zoë Ñúñez-Łukasz 李").name == "Zoë Ñúñez-Łukasz 李"


class TestEmail:
    def test_normalised(self) -> None:
        assert Person(name="A", email="alex@EXAMPLE.com").email == "alex@example.com"

    @pytest.mark.parametrize(
        "value", ["alex", "alex@@example.com", "alex@example", "a b@example.com", "x@-bad-.com"]
    )
    def test_invalid(self, value: str) -> None:
        with pytest.raises(InvalidEmailError, match="^email: .* is not a valid e-mail address: "):
            Contact(name="Jordan", email=value)

    def test_header_injection_rejected(self) -> None:
        with pytest.raises(InvalidInputError, match="^email: "):
            Contact(name="Jordan", email="jordan@acme.example\r\nBcc: x@evil.example")


class TestOtherFields:
    @pytest.mark.parametrize(
        "url", ["ftp://example.com", "example.com/alex", "https://", "https://ex ample.com"]
    )
    def test_bad_profile_url(self, url: str) -> None:
        with pytest.raises(InvalidInputError, match="^profile_url: "):
            Person(name="A", profile_url=url)

    def test_profile_url(self) -> None:
        url = "https://www.linkedin.com/in/alex-kim"
        assert Person(name="A", profile_url=url).profile_url == url

    def test_phone(self) -> None:
        assert Person(name="A", phone=" +49 (89) 123-456 ").phone == "+49 (89) 123-456"
        with pytest.raises(InvalidInputError, match="^phone: "):
            Person(name="A", phone="call me")

    def test_person_timezone(self) -> None:
        assert Person(name="A", timezone=ZoneInfo("Asia/Tokyo")).timezone == "Asia/Tokyo"
        with pytest.raises(InvalidTimezoneError, match="^timezone: 'Mars/Olympus'"):
            Person(name="A", timezone="Mars/Olympus")


class TestApplication:
    def test_defaults(self) -> None:
        app = make()
        assert app.timezone == "Europe/Berlin"
        assert app.locale == "en"
        assert app.territory == "DE"  # the country of Europe/Berlin
        assert app.territory_source == "time-zone"
        assert app.contact.name == "Jordan Lee"
        assert app.zone == BERLIN
        assert app.candidate_zone == BERLIN

    @pytest.mark.parametrize(
        ("locale", "territory"),
        [("de", "DE"), ("fr", "FR"), ("es", "ES"), ("en", "US"), ("de_AT", "AT"), ("es-MX", "MX")],
    )
    def test_likely_territory(self, locale: str, territory: str) -> None:
        # A zone of no country: the locale's region, else its language's likely country.
        app = make(locale=locale, timezone="Etc/UTC")
        assert app.territory == territory
        assert app.territory_source == ("locale" if len(locale) > 2 else "language")

    def test_locale_object_and_normalisation(self) -> None:
        import babel

        assert make(locale=babel.Locale("fr", "CA")).locale == "fr_CA"
        assert make(locale="en-GB").babel_locale == babel.Locale("en", "GB")

    @pytest.mark.parametrize("locale", ["xx", "klingon", "", None, 3, "root", "ROOT"])
    def test_unknown_locale(self, locale: object) -> None:
        with pytest.raises(UnsupportedLocaleError, match="^locale: "):
            make(locale=locale)

    def test_naive_datetime(self) -> None:
        with pytest.raises(NaiveDatetimeError, match="^decided_at: must be timezone-aware"):
            make(decided_at=dt.datetime(2026, 11, 20, 15, 0))

    def test_decided_at_type(self) -> None:
        with pytest.raises(InvalidInputError, match="^decided_at: must be a datetime"):
            make(decided_at="2026-11-20")

    def test_fixed_offset_needs_timezone(self) -> None:
        fixed = dt.datetime(2026, 11, 20, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))
        with pytest.raises(InvalidInputError, match="^timezone: is required"):
            make(decided_at=fixed)
        assert make(decided_at=fixed, timezone="Europe/Paris").timezone == "Europe/Paris"

    @pytest.mark.parametrize("zone", ["Europe/Berln", "../../etc/passwd", "", "UTC+1"])
    def test_bad_timezone(self, zone: str) -> None:
        with pytest.raises(InvalidTimezoneError, match="^timezone: "):
            make(timezone=zone)

    @pytest.mark.parametrize("territory", ["Germany", "D", "XX", "1"])
    def test_bad_territory(self, territory: str) -> None:
        with pytest.raises(InvalidInputError, match="^territory: "):
            make(territory=territory)

    def test_territory_normalised(self) -> None:
        assert make(territory=" sa ").territory == "SA"

    @pytest.mark.parametrize(
        ("code", "name"),
        [
            ("ZZ", "Unknown Region"),
            ("EU", "European Union"),
            ("EZ", "Eurozone"),
            ("UN", "United Nations"),
            ("QO", "Outlying Oceania"),
            ("XA", "Pseudo-Accents"),
            ("xb", "Pseudo-Bidi"),
        ],
    )
    def test_regions_that_are_not_a_country_are_refused(self, code: str, name: str) -> None:
        # CLDR knows these codes as regions, but they have no weekend or holidays of their own.
        with pytest.raises(InvalidInputError) as info:
            make(territory=code)
        assert info.value.field == "territory"
        assert str(info.value) == (
            f"territory: {code.upper()!r} ({name}) is not a country or territory but a"
            " grouping or placeholder; give the recipient's country, such as 'DE'"
        )

    @pytest.mark.parametrize("code", ["001", "150", "419", "EUR"])
    def test_numeric_regions_are_refused(self, code: str) -> None:
        with pytest.raises(InvalidInputError, match="^territory: .* two-letter ISO 3166-1"):
            make(territory=code)

    @pytest.mark.parametrize("code", ["AC", "AQ", "XK", "HK", "PR"])
    def test_territories_that_are_not_states_are_accepted(self, code: str) -> None:
        assert make(territory=code).territory == code

    @pytest.mark.parametrize(
        ("locale", "region"), [("es_419", "Latin America"), ("en_001", "world")]
    )
    def test_a_locale_for_a_region_needs_a_territory(self, locale: str, region: str) -> None:
        with pytest.raises(InvalidInputError) as info:
            make(locale=locale, timezone="UTC")
        assert info.value.field == "territory"
        assert str(info.value) == (
            f"territory: is required: the locale {locale} names a region ({region}), not a"
            " country; give the recipient's country, such as 'DE'"
        )
        assert make(locale=locale, territory="MX").territory == "MX"
        assert make(locale=locale, timezone="America/Mexico_City").territory == "MX"

    def test_a_language_without_a_country_needs_a_territory(self) -> None:
        # Esperanto's likely region is the world (001): no weekend or holidays to take.
        with pytest.raises(InvalidInputError, match="^territory: is required: the locale eo"):
            make(locale="eo", timezone="Etc/GMT-1")
        assert make(locale="eo", territory="PL").territory == "PL"

    def test_subdivision(self) -> None:
        assert make(territory="DE", subdivision="de-by").subdivision == "BY"
        assert make(territory="US", subdivision="CA").subdivision == "CA"
        assert make(territory="MY", subdivision="02").subdivision == "02"
        with pytest.raises(InvalidInputError, match="^subdivision: FR-BY is a subdivision of FR"):
            make(territory="DE", subdivision="FR-BY")
        with pytest.raises(InvalidInputError, match="^subdivision: "):
            make(subdivision="Bavaria!")

    def test_unknown_subdivision_is_refused_when_built(self) -> None:
        with pytest.raises(InvalidInputError) as info:
            make(territory="DE", subdivision="XX")
        assert info.value.field == "subdivision"
        assert str(info.value) == (
            "subdivision: 'XX' is not one of DE's subdivisions (BB, BE, BW, BY, HB, HE, HH, MV,"
            " NI, NW, RP, SH, SL, SN, ST, TH)"
        )
        with pytest.raises(InvalidInputError, match="^subdivision: 'DE-XX' is not one of DE's"):
            make(territory="DE", subdivision="de-xx")
        with pytest.raises(InvalidInputError, match="^subdivision: 'BY' is not one of US's"):
            make(subdivision="BY", timezone="UTC")  # the likely territory of English

    def test_subdivision_of_a_territory_without_holiday_data(self) -> None:
        with pytest.raises(
            InvalidInputError, match="^subdivision: 'X' cannot be checked: there is no holiday"
        ):
            make(territory="AC", subdivision="X")

    def test_subdivision_of_a_territory_without_subdivisions(self) -> None:
        with pytest.raises(
            InvalidInputError,
            match="^subdivision: 'X' is not needed: BE has no subdivisions with holidays",
        ):
            make(territory="BE", subdivision="X")

    def test_unknown_subdivision_from_data_is_named(self) -> None:
        data = make(territory="DE").as_dict() | {"subdivision": "ZZ"}
        with pytest.raises(InvalidInputError, match="^subdivision: 'ZZ' is not one of DE's"):
            Application.from_dict(data)

    def test_only_a_subdivision_loads_holiday_data(self) -> None:
        code = (
            "import sys, datetime as dt, followkit\n"
            "from zoneinfo import ZoneInfo\n"
            "app = followkit.Application(company='A', position='B',\n"
            "    candidate=followkit.Person(name='C'), contacts=[followkit.Contact(name='D')],\n"
            "    decided_at=dt.datetime(2026, 11, 20, tzinfo=ZoneInfo('UTC')), territory='DE')\n"
            "print('holidays' in sys.modules)\n"
            "followkit.Application.from_dict(app.as_dict() | {'subdivision': 'BY'})\n"
            "print('holidays' in sys.modules)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert result.stdout.split() == ["False", "True"]

    def test_contacts(self) -> None:
        one = Contact(name="Jordan")
        assert make(contacts=one).contacts == (one,)
        with pytest.raises(InvalidInputError, match="^contacts: needs at least one"):
            make(contacts=[])
        with pytest.raises(InvalidInputError, match=r"^contacts\[1\]: must be a Contact"):
            make(contacts=[one, "Sam"])
        with pytest.raises(InvalidInputError, match="^contacts: must be a Contact or"):
            make(contacts="Jordan")
        with pytest.raises(InvalidInputError, match="^contacts: has 21 contacts"):
            make(contacts=[one] * 21)

    def test_candidate_type(self) -> None:
        with pytest.raises(InvalidInputError, match="^candidate: must be a Person"):
            make(candidate="Alex")

    def test_interviewed_on(self) -> None:
        assert make(interviewed_on=dt.datetime(2026, 11, 18, 10, tzinfo=BERLIN)).interviewed_on == (
            dt.date(2026, 11, 18)
        )
        with pytest.raises(InvalidInputError, match="^interviewed_on: 2026-11-21 is after"):
            make(interviewed_on=dt.date(2026, 11, 21))
        with pytest.raises(InvalidInputError, match="^interviewed_on: must be a date"):
            make(interviewed_on="yesterday")

    def test_highlight_and_subject(self) -> None:
        app = make(highlight=" the data platform ", reply_subject="Your application")
        assert app.highlight == "the data platform"
        with pytest.raises(InvalidInputError, match="^reply_subject: "):
            make(reply_subject="Hi\r\nBcc: x@evil.example")
        with pytest.raises(InvalidInputError, match="^highlight: is 501 characters"):
            make(highlight="x" * 501)

    def test_frozen_and_evolve_revalidates(self) -> None:
        app = make()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            app.company = "Other"  # type: ignore[misc]
        changed = attrs.evolve(app, locale="fr", timezone="Europe/Paris")
        # The territory was resolved already, and evolve passes it on with its source.
        assert (changed.territory, changed.territory_source) == ("DE", "time-zone")
        with pytest.raises(InvalidInputError, match="^company: "):
            attrs.evolve(app, company="")

    def test_candidate_zone(self) -> None:
        app = make(candidate=Person(name="A", timezone="America/New_York"))
        assert app.candidate_zone == ZoneInfo("America/New_York")


class TestDicts:
    def test_round_trip(self, application: Application) -> None:
        data = application.as_dict()
        assert data["decided_at"] == "2026-11-20T15:00:00+01:00"
        assert data["interviewed_on"] == "2026-11-18"
        assert "reply_subject" not in data
        assert Application.from_dict(data) == application
        assert Application.from_dict(data).decided_at.tzinfo == BERLIN

    def test_single_contact_and_naive_with_zone(self) -> None:
        app = Application.from_dict(
            {
                "company": "Acme",
                "position": "Analyst",
                "candidate": {"name": "Alex"},
                "contact": {"name": "Jordan", "email": "jordan@acme.example"},
                "decided_at": "2026-03-29T02:30",
                "timezone": "Europe/Berlin",
            }
        )
        # 02:30 does not exist in Berlin that night; it is read as the instant 03:30 shows.
        assert (
            app.decided_at.timestamp() == dt.datetime(2026, 3, 29, 3, 30, tzinfo=BERLIN).timestamp()
        )
        assert app.decided_at.hour == 3

    @pytest.mark.parametrize(
        ("change", "match"),
        [
            ({"companny": "x"}, r"^companny: unknown field \(expected one of: "),
            ({"company": None}, "^company: is required"),
            ({"contacts": [{"name": "J", "email": "bad"}]}, r"^contacts\[0\]\.email: "),
            ({"contacts": [{"email": "j@acme.example"}]}, r"^contacts\[0\]: is missing name"),
            ({"contacts": [{"name": "J", "phone": "1"}]}, r"^contacts\[0\]\.phone: unknown"),
            ({"contacts": {"name": "J"}}, "^contacts: must be a list"),
            ({"contacts": ["J"]}, r"^contacts\[0\]: must be a mapping"),
            ({"candidate": {"name": "A", "email": "x"}}, r"^candidate\.email: "),
            ({"decided_at": "yesterday"}, "^decided_at: 'yesterday' is not an ISO 8601"),
            ({"decided_at": 5}, "^decided_at: must be an ISO 8601"),
            ({"decided_at": "2026-11-20T15:00"}, "^decided_at: has no UTC offset"),
            ({"interviewed_on": "18.11.2026"}, "^interviewed_on: '18.11.2026' is not"),
            ({"contact": {"name": "J"}}, "give either 'contact' or 'contacts'"),
        ],
    )
    def test_errors_name_the_field(self, change: dict[str, object], match: str) -> None:
        data: dict[str, object] = {
            "company": "Acme",
            "position": "Analyst",
            "candidate": {"name": "Alex"},
            "contacts": [{"name": "Jordan"}],
            "decided_at": "2026-11-20T15:00:00+01:00",
            "timezone": "Europe/Berlin",
        }
        data.update(change)
        if "decided_at" in change and "offset" in match:
            del data["timezone"]
        with pytest.raises(InvalidInputError, match=match):
            Application.from_dict(data)

    def test_not_a_mapping(self) -> None:
        with pytest.raises(InvalidInputError, match="must be a mapping"):
            Application.from_dict(["x"])  # type: ignore[arg-type]

    def test_objects_accepted(self) -> None:
        person = Person(name="Alex")
        app = Application.from_dict(
            {
                "company": "Acme",
                "position": "Analyst",
                "candidate": person,
                "contacts": (Contact(name="J"),),
                "decided_at": DECIDED,
                "interviewed_on": dt.date(2026, 11, 2),
            }
        )
        assert app.candidate is person

    def test_person_and_contact_dicts(self) -> None:
        person = Person(name="Alex", email="alex@example.com", timezone="Asia/Tokyo")
        assert Person.from_dict(person.as_dict()) == person
        contact = Contact(name="Jordan", role="Recruiter")
        assert contact.as_dict() == {"name": "Jordan", "role": "Recruiter"}
        assert Contact.from_dict(contact.as_dict()) == contact


_text = st.text(max_size=300)


@given(name=_text, email=st.one_of(st.none(), _text))
def test_contact_accepts_or_raises_own_error(name: str, email: str | None) -> None:
    try:
        contact = Contact(name=name, email=email)
    except FollowkitError as exc:
        assert str(exc)
    else:
        assert contact.name == contact.name.strip()
        assert "\r" not in contact.name
        assert "\n" not in contact.name
        assert 0 < len(contact.name) <= 200


@given(data=st.dictionaries(st.text(max_size=20), st.text(max_size=40) | st.none(), max_size=8))
def test_from_dict_only_raises_own_errors(data: dict[str, str | None]) -> None:
    with pytest.raises(FollowkitError):
        Application.from_dict(data)


@pytest.mark.parametrize("cls", [Person, Contact])
def test_person_and_contact_from_dict_need_a_mapping(cls: type[Person] | type[Contact]) -> None:
    with pytest.raises(InvalidInputError, match="^who: must be a mapping, not str"):
        cls.from_dict("Alex", path="who")  # type: ignore[arg-type]


def test_a_skipped_wall_clock_time_moves_to_the_real_one() -> None:
    skipped = dt.datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN)  # clocks jump 02:00 -> 03:00
    app = make(decided_at=skipped)
    assert app.decided_at.timestamp() == skipped.timestamp()  # the same instant ...
    assert (app.decided_at.hour, app.decided_at.minute) == (3, 30)  # ... as the clock shows it
    assert Application.from_dict(app.as_dict()).decided_at.hour == 3


@pytest.mark.parametrize("fold", [0, 1])
def test_the_repeated_autumn_hour_keeps_its_fold(fold: int) -> None:
    repeated = dt.datetime(2026, 10, 25, 2, 30, fold=fold, tzinfo=BERLIN)
    app = make(decided_at=repeated)
    assert app.decided_at.utcoffset() == repeated.utcoffset()
    assert Application.from_dict(app.as_dict()) == app
