"""Every message builder's output, in every locale, checks without warning or error."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from followkit import Application, Contact, Person
from followkit.tone import check

messages = pytest.importorskip("followkit.messages")

BUILDERS = [
    "thank_you",
    "feedback_request",
    "thank_you_and_feedback",
    "referral_request",
    "stay_connected",
    "feedback_acknowledgement",
    "nudge",
]


def application(locale: str) -> Application:
    return Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=Person(name="Alex Kim", email="alex@example.com"),
        contacts=[Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter")],
        decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        interviewed_on=dt.date(2026, 11, 18),
        locale=locale,
        highlight="the team's approach to experimentation",
    )


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
@pytest.mark.parametrize("name", BUILDERS)
@pytest.mark.parametrize("register", ["formal", "warm"])
@pytest.mark.parametrize("length", ["brief", "standard"])
@pytest.mark.parametrize("variant", [0, 1, 2])
def test_builder_output_is_courteous(
    locale: str, name: str, register: str, length: str, variant: int
) -> None:
    app = application(locale)
    builder = getattr(messages, name)
    options = {"register": register, "length": length, "variant": variant}
    if name == "nudge":
        message = builder(app, messages.thank_you_and_feedback(app), **options)
    else:
        message = builder(app, **options)
    report = check(message)
    assert report.ok, report.format()
    assert report.score > 50, report.format()


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
def test_connection_note_is_courteous(locale: str) -> None:
    report = check(messages.connection_note(application(locale)))
    assert report.ok, report.format()
