"""Shared test data for the message builders."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from followkit import Application, Contact, Person

BERLIN = ZoneInfo("Europe/Berlin")
LOCALES = ("en", "de", "fr", "es")

# What the candidate valued, written to fit each language's frame (see _texts.py).
HIGHLIGHTS = {
    "en": "the team's approach to experimentation",
    "de": "den Ansatz des Teams beim Experimentieren",
    "fr": "l’approche de l’équipe en matière d’expérimentation",
    "es": "el enfoque del equipo sobre la experimentación",
}

MakeApp = Callable[..., Application]

# Bidirectional overrides and isolates, which the model refuses in any text.
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def clean_characters(*, also_not: str = "") -> st.SearchStrategy[str]:
    """Characters the model accepts in a text: no controls, line separators or bidi marks."""
    return st.characters(
        blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cn"), blacklist_characters=BIDI + also_not
    )


def build_app(locale: str = "en", **changes: object) -> Application:
    fields: dict[str, object] = {
        "company": "Acme Analytics",
        "position": "Data Engineer",
        "candidate": Person(
            name="Alex Kim",
            email="alex@example.com",
            profile_url="https://example.com/alex",
            phone="+49 30 1234567",
        ),
        "contacts": [
            Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter"),
            Contact(name="Sam Park"),
            Contact(name="Robin Diaz"),
        ],
        "decided_at": dt.datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN),
        "interviewed_on": dt.date(2026, 11, 18),
        "locale": locale,
        "highlight": HIGHLIGHTS.get(locale[:2]),
        "reply_subject": "Your application for Data Engineer",
    }
    fields.update(changes)
    return Application(**fields)  # type: ignore[arg-type]
