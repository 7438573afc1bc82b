"""Every ``console`` example in docs/cli.md runs and prints what the page shows."""

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
}


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


CLI_EXAMPLES = examples("cli.md")


def test_the_page_has_examples() -> None:
    assert len(CLI_EXAMPLES) >= 5


@pytest.mark.parametrize(("command", "output"), CLI_EXAMPLES, ids=[c for c, _ in CLI_EXAMPLES])
def test_cli_page(
    run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, output: str
) -> None:
    for name, text in FILES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(command)
    assert argv[0] == "followkit"
    result = run(*argv[1:])
    shown = (result.out + result.err).rstrip("\n")
    assert shown == output.rstrip("\n")
    assert result.code == (2 if "error:" in output else 1 if "warning" in output else 0)
