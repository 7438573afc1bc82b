"""``followkit plan``: one application or many, text, JSON and iCalendar."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import icalendar
import pytest

from followkit import Application
from followkit.timeline import Timeline, plan

from .conftest import APP, CSV_HEADER, CSV_ROWS

if TYPE_CHECKING:
    from pathlib import Path

NOW = "2026-11-20T16:00:00+01:00"


def planned(data: dict[str, Any] | None = None) -> Timeline:
    return plan(Application.from_dict(data or APP), now=dt.datetime.fromisoformat(NOW))


def test_text(run: Any, app_json: Path) -> None:
    result = run("plan", "--from", str(app_json), "--now", NOW)
    assert (result.code, result.err) == (0, "")
    assert result.out == planned().describe() + "\n"


def test_text_in_another_locale(run: Any, app_json: Path) -> None:
    result = run("plan", "--from", str(app_json), "--now", NOW, "--locale", "de")
    assert result.out == planned().describe("de") + "\n"


def test_json_round_trips(run: Any, app_json: Path) -> None:
    result = run("plan", "--from", str(app_json), "--now", NOW, "--format", "json")
    document = json.loads(result.out)
    assert document == json.loads(json.dumps(planned().as_dict()))
    assert Timeline.from_dict(document) == planned()


def test_ics(run: Any, app_json: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    result = run(
        "plan", "--from", str(app_json), "--now", NOW, "--format", "ics", "-o", str(target)
    )
    assert (result.code, result.out) == (0, "")
    assert target.read_bytes() == planned().to_ical()


def test_bulk_csv(run: Any, apps_csv: Path) -> None:
    result = run("plan", "--from", str(apps_csv), "--now", NOW, "--format", "json")
    document = json.loads(result.out)
    assert [t["application"]["company"] for t in document] == ["Acme Analytics", "Globex"]
    text = run("plan", "--from", str(apps_csv), "--now", NOW).out
    assert "Acme Analytics" in text
    assert "Globex" in text
    assert "\n\n" in text  # one agenda per application


def test_bulk_json_list(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "apps.json"
    other = {**APP, "company": "Globex", "timezone": "America/New_York", "territory": "US"}
    other.pop("subdivision")
    path.write_text(json.dumps([APP, other]), encoding="utf-8")
    document = json.loads(run("plan", "--from", str(path), "--now", NOW, "--format", "json").out)
    assert [t["application"]["company"] for t in document] == ["Acme Analytics", "Globex"]


def test_bulk_ics_is_one_calendar(run: Any, apps_csv: Path) -> None:
    result = run("plan", "--from", str(apps_csv), "--now", NOW, "--format", "ics")
    calendar = icalendar.Calendar.from_ical(result.raw)
    names = [component.name for component in calendar.subcomponents]
    zones = [str(c["TZID"]) for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    assert sorted(zones) == sorted(set(zones))
    assert set(zones) >= {"Europe/Berlin", "America/New_York"}
    entries = [c for c in calendar.subcomponents if c.name in {"VEVENT", "VTODO"}]
    uids = [str(c["UID"]) for c in entries]
    assert len(uids) == len(set(uids))
    singles = [
        icalendar.Calendar.from_ical(t.to_ical())
        for t in (planned({**APP, "decided_at": "2026-11-20T15:00", "interviewed_on": None}),)
    ]
    first_uids = {str(c["UID"]) for c in singles[0].subcomponents if c.name in {"VEVENT", "VTODO"}}
    assert first_uids <= set(uids)
    assert names.count("VCALENDAR") == 0
    assert str(calendar["VERSION"]) == "2.0"


def test_stdin(run: Any) -> None:
    result = run("plan", "--from", "-", "--now", NOW, stdin=json.dumps(APP))
    assert result.out == planned().describe() + "\n"
    csv = "\n".join([CSV_HEADER, *CSV_ROWS])
    result = run("plan", "--from", "-", "--input-format", "csv", "--now", NOW, stdin=csv)
    assert result.code == 0


def test_now_defaults_to_the_clock(run: Any, app_json: Path) -> None:
    document = json.loads(run("plan", "--from", str(app_json), "--format", "json").out)
    now = dt.datetime.fromisoformat(document["now"])
    assert abs(now - dt.datetime.now(dt.UTC)) < dt.timedelta(hours=1)


@pytest.mark.parametrize(
    ("now", "message"),
    [
        ("tomorrow", "--now: 'tomorrow' is not an ISO 8601 date-time"),
        ("2026-11-20T16:00", "--now: '2026-11-20T16:00' has no UTC offset"),
    ],
)
def test_bad_now(run: Any, app_json: Path, now: str, message: str) -> None:
    result = run("plan", "--from", str(app_json), "--now", now)
    assert result.code == 2
    assert message in result.err


def test_bad_locale(run: Any, app_json: Path) -> None:
    result = run("plan", "--from", str(app_json), "--locale", "xx")
    assert result.code == 2
    assert result.err.startswith("followkit: error: --locale: 'xx' is not a locale")


def test_a_locale_without_agenda_phrases_names_the_flag(run: Any, app_json: Path) -> None:
    # babel knows Japanese, but the agenda has no Japanese phrases: still the flag's error,
    # before any planning.
    result = run("plan", "--from", str(app_json), "--now", NOW, "--locale", "ja")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "followkit: error: --locale: ja is not supported by the timeline"
        " (supported: en, de, fr, es)\n"
    )


def test_a_bad_row_is_named(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    bad = CSV_ROWS[1].replace("sam@globex.example", "sam@globex")
    path.write_text("\n".join([CSV_HEADER, CSV_ROWS[0], bad]) + "\n", encoding="utf-8")
    result = run("plan", "--from", str(path))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"followkit: error: {path}: row 3: contact_email: 'sam@globex'")


def test_a_planning_error_is_named_by_row(run: Any, tmp_path: Path) -> None:
    # The subdivision's shape is valid, but DE has no "ZZ": reading the row finds out.
    path = tmp_path / "apps.csv"
    bad = CSV_ROWS[0].replace(",DE,BY,", ",DE,ZZ,")
    path.write_text("\n".join([CSV_HEADER, CSV_ROWS[1], bad]) + "\n", encoding="utf-8")
    result = run("plan", "--from", str(path), "--now", NOW)
    assert result.code == 2
    assert result.err.startswith(f"followkit: error: {path}: row 3: subdivision: ")
    assert result.err.count("\n") == 1


def test_an_edited_row_is_the_same_application_in_a_calendar(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    edited = CSV_ROWS[0].replace("jordan@", "j.lee@")
    assert edited != CSV_ROWS[0]
    path.write_text("\n".join([CSV_HEADER, *CSV_ROWS, edited]) + "\n", encoding="utf-8")
    result = run("plan", "--from", str(path), "--now", NOW, "--format", "ics")
    assert (result.code, result.out) == (2, "")
    assert "row 4: is the same application as row 2" in result.err


def test_a_row_exported_twice_is_named_in_a_calendar(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    path.write_text("\n".join([CSV_HEADER, *CSV_ROWS, CSV_ROWS[0]]) + "\n", encoding="utf-8")
    result = run("plan", "--from", str(path), "--now", NOW, "--format", "ics")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        f"followkit: error: {path}: row 4: is the same application as row 2;"
        " a calendar holds each application once\n"
    )


def test_nothing_is_written_on_error(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "apps.csv"
    path.write_text("\n".join([CSV_HEADER, CSV_ROWS[0], "x,y"]) + "\n", encoding="utf-8")
    target = tmp_path / "plan.ics"
    target.write_bytes(b"previous")
    result = run("plan", "--from", str(path), "--format", "ics", "-o", str(target))
    assert result.code == 2
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["apps.csv", "plan.ics"]


def test_unknown_columns(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        "\n".join([CSV_HEADER + ",status", CSV_ROWS[0] + ",rejected"]) + "\n", encoding="utf-8"
    )
    result = run("plan", "--from", str(path), "--now", NOW)
    assert result.code == 2
    assert f"{path}: row 1: status: is not a followkit column" in result.err
    result = run("plan", "--from", str(path), "--now", NOW, "--ignore-unknown-columns")
    assert result.code == 0
