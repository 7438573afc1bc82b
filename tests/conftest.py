from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from zoneinfo import ZoneInfo

import pytest

from followkit import Application, Contact, Person


def pytest_configure(config: pytest.Config) -> None:
    """Keep the tone checker's compiled-rules cache out of the real home (subprocesses too)."""
    if "FOLLOWKIT_CACHE_DIR" not in os.environ:
        folder = tempfile.mkdtemp(prefix="followkit-test-cache-")
        os.environ["FOLLOWKIT_CACHE_DIR"] = folder
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))


@pytest.fixture
def candidate() -> Person:
    return Person(name="Alex Kim", email="alex@example.com", profile_url="https://example.com/alex")


@pytest.fixture
def contact() -> Contact:
    return Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter")


@pytest.fixture
def application(candidate: Person, contact: Contact) -> Application:
    return Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=candidate,
        contacts=[contact],
        decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        interviewed_on=dt.date(2026, 11, 18),
        locale="en",
        territory="DE",
        subdivision="BY",
        highlight="the team's approach to experimentation",
    )
