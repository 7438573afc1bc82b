from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followkit import Application, Contact, Person

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
RIYADH = ZoneInfo("Asia/Riyadh")

MakeApp = Callable[..., Application]


def make_application(
    decided_at: dt.datetime,
    *,
    territory: str = "DE",
    subdivision: str | None = None,
    timezone: str | None = None,
    locale: str = "en",
    **extra: Any,
) -> Application:
    return Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=Person(name="Alex Kim", email="alex@example.com", **extra.pop("person", {})),
        contacts=[Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter")],
        decided_at=decided_at,
        locale=locale,
        territory=territory,
        subdivision=subdivision,
        timezone=timezone,
        **extra,
    )


@pytest.fixture
def make_app() -> MakeApp:
    return make_application


@pytest.fixture
def bavaria_app() -> Application:
    """A decision on Friday 20 November 2026, 15:00 in Munich."""
    return make_application(dt.datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN), subdivision="BY")
