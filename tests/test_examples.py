"""Every example runs in a fresh process and prints what it promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).parent.parent / "examples"

# Text each example must print (a few lines that show it did its job).
EXPECTED: dict[str, list[str]] = {
    "check_tone.py": [
        "[passive-aggressive.per-my-last-email]",
        "    ^^^^^^^^^^^^^^^^^",
        "0 error(s), 8 warning(s), 2 note(s); courtesy score 0/100",
        "After the safe rewrites:\n0 error(s), 5 warning(s)",
        "Revised draft: ok=True, score 100/100",
        "With a team configuration: [('message.no-thanks', 'info'), ('passive-aggressive",
    ],
    "tracker_integration.py": [
        "Planned 4 applications from applications.csv",
        "Initech — Ingénieur données (Camille Martin, Europe/Paris)",
        "first draft: Vielen Dank und eine Frage nach Feedback – Datenanalyst bei Umbrella",
        "  due: Tue 24 Nov 2026 09:00 reflection",
        "  next message: Tue 24 Nov 2026 09:30 thank-you-and-feedback",
        "Wrote 28 drafts (every draft checks clean) and followups.ics with 48 entries",
    ],
    "after_rejection.py": [
        "error: “I demand an explanation” is an ultimatum",
        "[pressure.asap]",
        "Subject: Re: Your application for Data Engineer at Acme Analytics",
        "Tone check of the draft: ok=True",
        (
            "Monday, November 23, 2026, 9:30\u202fAM Central European Standard Time"
            " (3:30\u202fAM your time) — thank Jordan Lee and ask for feedback"
        ),
        "Thursday, February 11, 2027, 6:00\u202fPM — engage with Acme Analytics's content",
        "overdue  reflection               Sat 21 Nov 18:00 your time",
        "overdue  thank-you-and-feedback   Mon 23 Nov 03:30 your time",
        "Once it is sent, the next message is connection-note on Wed 25 Nov.",
        "followups.ics (12 steps) and out/reply.eml.",
        "Bad input is refused with a clear error: name: contains the control",
    ],
    "draft_messages.py": [
        "Dear Jordan Lee,",
        "Hallo Jordan Lee,\n\nvielen Dank",
        "Buenos días, Jordan Lee:",
        "(170 of 300 characters)",
        "mon message du 21 novembre, «\u00a0Your application for Data Engineer\u00a0».",
        "In-Reply-To: <rejection.42@mail.acme.example>",
        "Asking too much is refused: questions: asks more than 3 questions",
    ],
    "plan_followups.py": [
        "Monday, January 4, 2027, 9:30\u202fAM — thank Jordan Lee and ask for feedback",
        "Donnerstag, 7. Januar 2027, 09:30 — Jordan Lee auf LinkedIn eine Kontaktanfrage senden",
        "nudge-1                    cancelled",
        "Wrote 12 calendar entries to followups.ics",
    ],
}


def test_every_example_is_checked() -> None:
    assert sorted(path.name for path in EXAMPLES.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for text in EXPECTED[name]:
        assert text in result.stdout
