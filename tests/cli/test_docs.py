"""Every ``console`` example in the docs runs and prints what the page shows.

An output of ``...`` stands for output too long to show: the command must succeed and
print something.
"""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from .conftest import APP, CSV_HEADER, CSV_ROWS

DOCS = Path(__file__).parent.parent.parent / "docs"
BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)

# The files the examples name, created in the folder they run in.
FILES = {
    "app.json": json.dumps(APP, indent=2),
    "tracker.csv": "\n".join([CSV_HEADER, *CSV_ROWS]) + "\n",
    "broken.csv": "\n".join([CSV_HEADER, CSV_ROWS[0], CSV_ROWS[1].replace(".example", "")]) + "\n",
    "rude.txt": "Hi Jordan,\n\nWHY WAS I NOT CHOSEN!!!\n",
    "polite.txt": "Dear Jordan,\n\nThank you for your time and for letting me know.\n",
    "followkit.toml": "[tone]\ndisable = ['message']\n",
    "brief.txt": (
        "Hallo Frau Schmidt,\n\nvielen Dank für Ihre Nachricht. Ich verlange eine Erklärung."
        "\n\nViele Grüße\nAlex\n"
    ),
}
FILES["export.csv"] = FILES["tracker.csv"]
# Feedback received from three applications (docs/cli.md, followkit feedback).
FILES["acme.txt"] = (
    "Thank you for your time. Your SQL was strong, but your system design answers lacked "
    "depth, and we need hands-on Kubernetes experience.\n"
)
FILES["globex.txt"] = "Leider fehlte Ihren Antworten im Systemdesign die Tiefe.\n"
FILES["initech.txt"] = "We went with a stronger candidate.\n"
FILES["empty.txt"] = "\n"


def examples(page: str) -> list[tuple[str, str]]:
    """Return (command, expected output) pairs of the page's console blocks."""
    pairs: list[tuple[str, str]] = []
    for block in BLOCK.findall((DOCS / page).read_text(encoding="utf-8")):
        command: str | None = None
        output: list[str] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    pairs.append((command, "\n".join(output)))
                command, output = line[2:], []
            else:
                output.append(line)
        if command is not None:
            pairs.append((command, "\n".join(output)))
    return pairs


EXAMPLES = [(page, *pair) for page in ("cli.md", "tracker.md") for pair in examples(page)]


def test_the_pages_have_examples() -> None:
    assert len(examples("cli.md")) >= 8
    assert len(examples("tracker.md")) >= 1


@pytest.mark.parametrize(
    ("page", "command", "output"), EXAMPLES, ids=[f"{p}: {c}" for p, c, _ in EXAMPLES]
)
def test_console_example(
    run: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    *,
    page: str,
    command: str,
    output: str,
) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(command)
    assert argv[0] == "followkit"
    result = run(*argv[1:])
    # As a terminal shows them: the command writes its notes before its report.
    shown = (result.err + result.out).rstrip("\n")
    if output.strip() == "...":
        assert shown
        assert result.code == 0
        return
    assert shown == output.rstrip("\n")
    if argv[1] == "check" and not shown:  # a report written to a file: any finding status
        assert result.code in {0, 1}
        return
    failing = re.search(r"\b[1-9]\d* (?:errors?|warnings?)\b", output)
    assert result.code == (2 if "error:" in output else 1 if failing else 0)
