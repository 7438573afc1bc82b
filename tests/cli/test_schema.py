"""The shipped JSON Schema and followkit agree on the application file format.

The schema states structure (fields, types, lengths, shapes); reading a file
(``parse_applications``, which uses ``Application.from_dict``) checks that too, and
additionally what a schema cannot (that zones, locales and territories exist, that e-mail
addresses are valid, that dates are real calendar dates, that the interview is not after
the decision). So:

- every document followkit writes (``as_dict``) is valid under the schema;
- every document the schema rejects, followkit rejects too;
- a document the schema accepts is accepted by followkit, or rejected only for one of
  those semantic reasons, never for a structural one.
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from typing import Any
from zoneinfo import ZoneInfo

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followkit import Application, Contact, InvalidInputError, Person
from followkit.files import DATE_PATTERN, DATETIME_PATTERN, application_schema, parse_applications

from .conftest import APP

SCHEMA = application_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Fields whose values the schema can only shape-check; from_dict may still refuse them.
SEMANTIC = (
    "email",
    "timezone",
    "locale",
    "territory",
    "subdivision",
    "interviewed_on",
    "decided_at",
)

ZONES = ["Europe/Berlin", "America/New_York", "Asia/Riyadh", "Asia/Kolkata", "UTC", "Etc/GMT+5"]
LOCALES = ["en", "de", "fr", "es", "de_AT", "en_GB", "es_MX", "fr_CA"]
SAFE_TEXT = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cn", "Co"),
            blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        ),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)
EMAILS = st.builds(
    "{}@{}.example".format,
    st.from_regex(r"[a-z][a-z0-9.]{0,10}[a-z0-9]", fullmatch=True).filter(
        lambda local: ".." not in local
    ),
    st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True),
)


def is_valid(document: object) -> bool:
    return VALIDATOR.is_valid(document)


def from_dict_error(document: Any) -> InvalidInputError | None:
    """Read *document* as a followkit application file would be read; return the error."""
    try:
        parse_applications(json.dumps(document), file_format="json", source="doc.json")
    except InvalidInputError as exc:
        return exc
    return None


@st.composite
def applications(draw: st.DrawFn) -> Application:
    zone = draw(st.sampled_from(ZONES))
    decided = draw(
        st.datetimes(
            min_value=dt.datetime(1990, 1, 1),
            max_value=dt.datetime(2100, 1, 1),
            timezones=st.just(ZoneInfo(zone)),
        )
    )
    contacts = draw(
        st.lists(
            st.builds(
                Contact,
                name=SAFE_TEXT,
                email=st.none() | EMAILS,
                role=st.none() | SAFE_TEXT,
                company=st.none() | SAFE_TEXT,
                profile_url=st.none() | st.just("https://example.com/in/someone"),
            ),
            min_size=1,
            max_size=3,
        )
    )
    return Application(
        company=draw(SAFE_TEXT),
        position=draw(SAFE_TEXT),
        candidate=Person(
            name=draw(SAFE_TEXT),
            email=draw(st.none() | EMAILS),
            phone=draw(st.none() | st.just("+49 (30) 123-456")),
            timezone=draw(st.none() | st.sampled_from(ZONES)),
        ),
        contacts=contacts,
        decided_at=decided,
        interviewed_on=draw(st.none() | st.dates(max_value=decided.date())),
        locale=draw(st.sampled_from(LOCALES)),
        territory=draw(st.none() | st.sampled_from(["DE", "US", "FR", "IN", "SA"])),
        highlight=draw(st.none() | SAFE_TEXT),
        reply_subject=draw(st.none() | SAFE_TEXT),
    )


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_a_fresh_copy_every_time() -> None:
    schema = application_schema()
    schema["title"] = "changed"
    assert application_schema()["title"] == "followkit application"


def test_the_schema_names_every_model_field() -> None:
    import attrs

    assert set(SCHEMA["properties"]) - {"contact"} == {f.name for f in attrs.fields(Application)}
    assert set(SCHEMA["$defs"]["person"]["properties"]) == {f.name for f in attrs.fields(Person)}
    assert set(SCHEMA["$defs"]["contact"]["properties"]) == {f.name for f in attrs.fields(Contact)}


def test_the_date_forms_are_the_schemas() -> None:
    properties = SCHEMA["properties"]
    assert properties["decided_at"]["pattern"] == DATETIME_PATTERN
    assert properties["interviewed_on"]["pattern"] == DATE_PATTERN


def test_the_example_document_is_valid() -> None:
    assert is_valid(APP)
    assert from_dict_error(APP) is None


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(applications())
def test_everything_followkit_writes_is_valid(app: Application) -> None:
    document = json.loads(json.dumps(app.as_dict()))
    errors = [error.message for error in VALIDATOR.iter_errors(document)]
    assert errors == []
    again = Application.from_dict(document)
    # The same instant; the wall-clock text may differ for a time inside a DST gap,
    # which from_dict() reads as the moment it denotes.
    assert again.decided_at.timestamp() == app.decided_at.timestamp()
    assert {**again.as_dict(), "decided_at": None} == {**document, "decided_at": None}


def without(key: str) -> dict[str, Any]:
    return {k: v for k, v in APP.items() if k != key}


INVALID: list[tuple[str, Any]] = [
    ("not an object", "Acme Analytics"),
    ("a list of non-objects", [1, 2]),
    ("missing company", without("company")),
    ("missing position", without("position")),
    ("missing candidate", without("candidate")),
    ("missing contacts", without("contacts")),
    ("missing decided_at", without("decided_at")),
    ("missing timezone", without("timezone")),
    ("null company", {**APP, "company": None}),
    ("null decided_at", {**APP, "decided_at": None}),
    ("unknown key", {**APP, "compnay": "Acme"}),
    ("contact and contacts", {**APP, "contact": {"name": "Sam"}}),
    ("empty company", {**APP, "company": ""}),
    ("blank company", {**APP, "company": "   "}),
    ("long company", {**APP, "company": "x" * 201}),
    ("numeric company", {**APP, "company": 42}),
    ("CR/LF in position", {**APP, "position": "Data\r\nBcc: x@evil.example"}),
    ("NUL in position", {**APP, "position": "Data\x00Engineer"}),
    ("bidi override", {**APP, "position": "Data\u202eEngineer"}),
    ("lone surrogate", {**APP, "position": "Data\ud800"}),
    ("line separator", {**APP, "position": "Data\u2028Engineer"}),
    ("long highlight", {**APP, "highlight": "x" * 501}),
    ("candidate not an object", {**APP, "candidate": "Alex"}),
    ("candidate without name", {**APP, "candidate": {"email": "alex@example.com"}}),
    ("candidate unknown key", {**APP, "candidate": {"name": "Alex", "mail": "a@b.example"}}),
    ("contacts not a list", {**APP, "contacts": {"name": "Jordan"}}),
    ("contacts empty", {**APP, "contacts": []}),
    ("contacts too many", {**APP, "contacts": [{"name": f"C{i}"} for i in range(21)]}),
    ("contact without name", {**APP, "contacts": [{"role": "Recruiter"}]}),
    ("contact unknown key", {**APP, "contacts": [{"name": "J", "title": "Recruiter"}]}),
    ("email without @", {**APP, "candidate": {"name": "Alex", "email": "alex.example.com"}}),
    ("profile url not http", {**APP, "candidate": {"name": "A", "profile_url": "ftp://x.org"}}),
    ("profile url with space", {**APP, "candidate": {"name": "A", "profile_url": "https://x y"}}),
    ("phone with letters", {**APP, "candidate": {"name": "A", "phone": "call me"}}),
    ("decided_at a date", {**APP, "decided_at": "20 November 2026"}),
    ("decided_at a number", {**APP, "decided_at": 1763647200}),
    ("decided_at without time", {**APP, "decided_at": "2026-11-20"}),
    ("decided_at compact", {**APP, "decided_at": "20261120T1500"}),
    ("decided_at padded", {**APP, "decided_at": " 2026-11-20T15:00"}),
    ("interviewed_on compact", {**APP, "interviewed_on": "20261118"}),
    ("interviewed_on a datetime", {**APP, "interviewed_on": "18/11/2026"}),
    ("territory three letters", {**APP, "territory": "DEU"}),
    ("subdivision shape", {**APP, "subdivision": "Bavaria"}),
    ("locale shape", {**APP, "locale": "english please"}),
    ("timezone shape", {**APP, "timezone": "Europe/Berlin time"}),
]


@pytest.mark.parametrize(("case", "document"), INVALID, ids=[case for case, _ in INVALID])
def test_both_reject(case: str, document: Any) -> None:
    assert not is_valid(document), case
    assert from_dict_error(document) is not None, case


SEMANTIC_ONLY: list[tuple[str, Any]] = [
    ("undeliverable-looking e-mail", {**APP, "contacts": [{"name": "J", "email": "j@localhost"}]}),
    ("unknown zone", {**APP, "timezone": "Mars/Olympus_Mons"}),
    ("unknown locale", {**APP, "locale": "xx_YY"}),
    ("unknown territory", {**APP, "territory": "QQ"}),
    ("subdivision of another country", {**APP, "subdivision": "US-CA"}),
    ("interview after decision", {**APP, "interviewed_on": "2026-12-01"}),
    ("no such day", {**APP, "decided_at": "2026-02-30T10:00"}),
    ("no such hour", {**APP, "decided_at": "2026-11-20T25:00"}),
]


@pytest.mark.parametrize(
    ("case", "document"), SEMANTIC_ONLY, ids=[case for case, _ in SEMANTIC_ONLY]
)
def test_only_followkit_can_tell(case: str, document: Any) -> None:
    assert is_valid(document), case
    error = from_dict_error(document)
    assert error is not None, case
    assert error.field is not None
    assert error.field.rsplit(".", 1)[-1] in SEMANTIC


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
PATHS = (
    [
        (key,)
        for key in (
            "company",
            "position",
            "decided_at",
            "interviewed_on",
            "locale",
            "timezone",
            "territory",
            "subdivision",
            "highlight",
            "reply_subject",
            "contacts",
            "candidate",
            "unknown",
        )
    ]
    + [("candidate", key) for key in ("name", "email", "phone", "profile_url", "timezone", "x")]
    + [("contacts", 0, key) for key in ("name", "email", "role", "company", "profile_url", "x")]
)


def has_unassigned(value: Any) -> bool:
    if isinstance(value, str):
        return any(unicodedata.category(char) == "Cn" for char in value)
    if isinstance(value, dict):
        return any(has_unassigned(k) or has_unassigned(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_unassigned(item) for item in value)
    return False


def mutate(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    document = json.loads(json.dumps(APP))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PATHS), JSON_VALUES | SAFE_TEXT)
def test_schema_and_from_dict_agree_on_structure(path: tuple[Any, ...], value: Any) -> None:
    document = mutate(path, value)
    error = from_dict_error(document)
    if not is_valid(document):
        # Whatever the schema rejects, followkit rejects.
        assert error is not None, (path, value)
    elif error is not None and not has_unassigned(value):
        # Whatever the schema accepts, followkit refuses only for a semantic reason.
        # (Unassigned code points are one: which they are depends on the Unicode version.)
        assert error.field is not None, (path, value, error)
        assert error.field.rsplit(".", 1)[-1] in SEMANTIC, (path, value, error)


def to_csv_row(data: dict[str, Any]) -> dict[str, str]:
    """Flatten as_dict() data into the documented CSV columns."""
    row = {key: str(value) for key, value in data.items() if isinstance(value, str)}
    row |= {f"candidate_{key}": value for key, value in data["candidate"].items()}
    for index, contact in enumerate(data["contacts"]):
        prefix = "contact" if index == 0 else f"contact{index + 1}"
        row |= {f"{prefix}_{key}": value for key, value in contact.items()}
    return row


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(applications())
def test_every_application_round_trips_through_csv(app: Application) -> None:
    import csv
    import io

    row = to_csv_row(app.as_dict())
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=sorted(row))
    writer.writeheader()
    writer.writerow(row)
    [again] = parse_applications(buffer.getvalue(), file_format="csv", source="rt.csv")
    assert again.decided_at.timestamp() == app.decided_at.timestamp()
    assert {**again.as_dict(), "decided_at": None} == {**app.as_dict(), "decided_at": None}
