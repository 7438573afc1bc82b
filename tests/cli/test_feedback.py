"""``followkit feedback``: what each feedback file says, and what recurs across them."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

ACME = (
    "Thanks for your time. Your SQL was strong, but your system design answers lacked "
    "depth, and we need hands-on Kubernetes experience.\n"
)
GLOBEX = "Leider fehlte Ihren Antworten im Systemdesign die Tiefe.\n"
INITECH = "We went with a stronger candidate.\n"
HOOLI = "The role went to an internal candidate.\n"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    paths = []
    for name, text in (("acme.txt", ACME), ("globex.txt", GLOBEX), ("initech.txt", INITECH)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def test_one_file(run: Any, files: list[Path]) -> None:
    result = run("feedback", "--date", "2026-01-12", str(files[0]))
    assert result.code == 0
    assert result.err == ""
    assert result.out == (
        f"{files[0]} (en, 2026-01-12, --date)\n"
        "  areas to improve:\n"
        "    system-design (technical): “system design answers lacked”\n"
        "    technology (technical, Kubernetes): “need hands-on Kubernetes”\n"
        "  strengths:\n"
        "    sql-data (technical): “SQL was strong”\n"
        "  constraints (outside your control): none\n"
        "  vague: no\n"
    )


def test_several_files_summarize_what_recurs(run: Any, files: list[Path]) -> None:
    dates = ["--date", "2026-01-12", "--date", "2026-03-02", "--date", "2026-09-02"]
    result = run("feedback", *dates, *map(str, files))
    assert result.code == 0
    out = result.out
    assert f"{files[1]} (de, 2026-03-02, --date)" in out  # German, read from the text
    assert "  vague: yes; ask back: What skills or experience would have made me a " in out
    tail = out.split("across 3 pieces of feedback, 2026-01-12 to 2026-09-02:\n")[1]
    assert tail.startswith(
        "recurring areas to improve:\n  system-design: 2 of 3 — 2026-01-12, 2026-03-02\n"
        "named once: technology\n"
    )
    assert tail.endswith("vague: 1 of 3\n")


def test_dates_default_to_the_modification_day(run: Any, files: list[Path]) -> None:
    stamp = dt.datetime(2026, 5, 4, 12, 0).timestamp()
    os.utime(files[0], (stamp, stamp))
    data = json.loads(run("feedback", "--format", "json", str(files[0])).out)
    assert data["files"][0]["date"] == "2026-05-04"
    assert data["files"][0]["date_source"] == "modified"


def test_json(run: Any, files: list[Path]) -> None:
    result = run(
        "feedback",
        "--format",
        "json",
        "--date",
        "2026-01-12",
        "--date",
        "2026-09-02",
        str(files[0]),
        str(files[2]),
    )
    data = json.loads(result.out)
    first, second = data["files"]
    assert first["path"] == str(files[0])
    assert [a["area"] for a in first["areas"]] == ["system-design", "technology"]
    assert first["areas"][0]["span"] == [ACME.index("system design"), ACME.index(" depth")]
    assert second["vague"] is True
    assert second["question"] == "SKILLS_OR_EXPERIENCE"
    assert second["question_text"].endswith("stronger candidate?")
    assert data["summary"]["total"] == 2
    assert data["summary"]["vague"] == 1


def test_stdin_with_a_locale_and_constraints(run: Any) -> None:
    result = run("feedback", "--locale", "en", stdin=HOOLI.encode())
    assert result.code == 0
    assert result.out.startswith("<stdin> (en, no date)\n")
    assert "    internal-candidate: “internal candidate”\n" in result.out
    assert "areas to improve: none" in result.out


def test_output_file(run: Any, files: list[Path], tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    assert run("feedback", "--format", "json", "-o", str(target), str(files[0])).code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["files"][0]["locale"] == "en"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--date", "2026-13-01", "{acme}"], "--date: '2026-13-01' is not an ISO 8601 date"),
        (["--date", "2026-01-01", "{acme}", "{globex}"], "--date: give one date per file"),
        (["--locale", "it", "{acme}"], "--locale: "),
        (["{empty}"], "{empty}: is empty; there is no feedback to read"),
        (["{missing}"], "{missing}: "),
        (["-", "-"], "standard input ('-') can be read only once"),
        (["-o", "{acme}", "{acme}"], "{acme}"),
    ],
)
def test_errors_are_one_line_naming_the_file(
    run: Any, files: list[Path], tmp_path: Path, argv: list[str], message: str
) -> None:
    (tmp_path / "empty.txt").write_text(" \n\n", encoding="utf-8")
    names = {
        "acme": str(files[0]),
        "globex": str(files[1]),
        "empty": str(tmp_path / "empty.txt"),
        "missing": str(tmp_path / "missing.txt"),
    }
    result = run("feedback", *(arg.format(**names) for arg in argv))
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert message.format(**names) in result.err


def test_too_long_text_is_an_input_error(run: Any, tmp_path: Path) -> None:
    from followkit.feedback import MAX_FEEDBACK

    path = tmp_path / "huge.txt"
    path.write_text("a" * (MAX_FEEDBACK + 1), encoding="utf-8")
    result = run("feedback", "--locale", "en", str(path))
    assert result.code == 2
    assert result.err.startswith(f"followkit: error: {path}: ")


def test_reader_limits_name_the_file(
    run: Any, files: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("followkit.feedback._feedback.MAX_FEEDBACK", 10)
    result = run("feedback", "--locale", "en", str(files[0]))
    assert result.code == 2
    assert result.err.startswith(f"followkit: error: {files[0]}: is ")


def test_nothing_recurring_and_constraints_in_the_summary(run: Any, tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(HOOLI, encoding="utf-8")
    second.write_text(INITECH, encoding="utf-8")
    result = run("feedback", "--locale", "en", str(first), str(second))
    tail = result.out.split("across 2 pieces of feedback")[1]
    assert "recurring areas to improve: none\n" in tail
    assert "named once" not in tail
    assert "constraints (outside your control):\n  internal-candidate: 1 of 2 — " in tail


def test_long_quotes_are_shortened() -> None:
    from followkit.cli._feedback import QUOTE_WIDTH, _quote

    quoted = _quote("word " * 40)
    assert len(quoted) == QUOTE_WIDTH + 2
    assert quoted.endswith("…”")
    assert _quote("two\n  lines") == "“two lines”"
