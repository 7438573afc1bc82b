"""Type-checked under mypy --strict: the README example keeps its promised types."""

from __future__ import annotations

import datetime as dt
from typing import Any, assert_type
from zoneinfo import ZoneInfo

import followkit

app = followkit.Application(
    company="Acme Analytics",
    position="Data Engineer",
    candidate=followkit.Person(name="Alex Kim", email="alex@example.com"),
    contacts=[followkit.Contact(name="Jordan Lee", email="jordan@acme.example")],
    decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
    locale="de",
)
assert_type(app.territory, str)
assert_type(app.timezone, str)
assert_type(app.contact, followkit.Contact)
assert_type(app.contacts, tuple[followkit.Contact, ...])
assert_type(app.subdivision, str | None)
assert_type(app.decided_at, dt.datetime)
assert_type(app.zone, ZoneInfo)
assert_type(app.as_dict(), dict[str, Any])
assert_type(followkit.Application.from_dict(app.as_dict()), followkit.Application)
