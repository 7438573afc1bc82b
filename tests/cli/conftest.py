from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pathlib import Path

APP: dict[str, Any] = {
    "company": "Acme Analytics",
    "position": "Data Engineer",
    "candidate": {"name": "Alex Kim", "email": "alex@example.com"},
    "contacts": [{"name": "Jordan Lee", "email": "jordan@acme.example", "role": "Recruiter"}],
    "decided_at": "2026-11-20T15:00:00+01:00",
    "interviewed_on": "2026-11-18",
    "locale": "en",
    "timezone": "Europe/Berlin",
    "territory": "DE",
    "subdivision": "BY",
    "highlight": "the team's approach to experimentation",
}

CSV_HEADER = (
    "company,position,candidate_name,candidate_email,contact_name,contact_email,"
    "contact_role,decided_at,timezone,locale,territory,subdivision,highlight"
)
CSV_ROWS = [
    (
        "Acme Analytics,Data Engineer,Alex Kim,alex@example.com,Jordan Lee,jordan@acme.example,"
        "Recruiter,2026-11-20 15:00,Europe/Berlin,en,DE,BY,the team's approach to experimentation"
    ),
    (
        "Globex,Data Analyst,Alex Kim,alex@example.com,Sam Roe,sam@globex.example,"
        "Hiring Manager,2026-11-19T10:30,America/New_York,en,US,NY,"
    ),
]


@pytest.fixture
def app_data() -> dict[str, Any]:
    return json.loads(json.dumps(APP))


@pytest.fixture
def app_json(tmp_path: Path) -> Path:
    path = tmp_path / "app.json"
    path.write_text(json.dumps(APP), encoding="utf-8")
    return path


@pytest.fixture
def apps_csv(tmp_path: Path) -> Path:
    path = tmp_path / "apps.csv"
    path.write_text("\n".join([CSV_HEADER, *CSV_ROWS]) + "\n", encoding="utf-8")
    return path


class Result:
    def __init__(self, code: int, out: str, err: str, raw: bytes) -> None:
        self.code, self.out, self.err, self.raw = code, out, err, raw


@pytest.fixture
def run(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> Any:
    """Run ``main(argv)`` in process; return the exit status and what it printed."""
    import io
    import sys

    from followkit.cli import main

    def invoke(*argv: str, stdin: str | bytes = b"") -> Result:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        code = main(list(argv))
        captured = capsysbinary.readouterr()
        return Result(
            code,
            captured.out.decode("utf-8"),
            captured.err.decode("utf-8"),
            captured.out,
        )

    return invoke
