"""Plan every follow-up in a job tracker's export: drafts, a tone check and one calendar.

A job tracker (or a spreadsheet) exports the applications that ended without an offer as
CSV, one row per application (``examples/data/applications.csv``; the columns are
documented in docs/file-formats.md). This example reads the export, plans each
application's follow-ups in the recipient's business days and time zone, checks the tone
of every draft, writes each e-mail draft as an ``.eml`` file that mail programs open (and
the LinkedIn note as text), and writes one ``.ics`` calendar with every step.

Run it with ``python examples/tracker_integration.py [OUTPUT_FOLDER]``; without a folder
it writes into a new temporary folder. The command line does the same in one line:
``followkit plan --from examples/data/applications.csv --format ics -o followups.ics``.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
from pathlib import Path

import followkit

DATA = Path(__file__).parent / "data" / "applications.csv"
# A fixed "now" keeps the output reproducible; a tracker passes the current time (or
# leaves `now` out, and followkit reads the clock once).
NOW = dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC)


def slug(text: str) -> str:
    """Return a file-name-safe form of *text* ("Acme Analytics" -> "acme-analytics")."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "application"


def write_drafts(timeline: followkit.Timeline, folder: Path) -> tuple[int, int]:
    """Write the draft of every outreach step; return (drafts written, tone findings)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = findings = 0
    for step in timeline.outreach:
        message = step.message
        if message is None:
            continue
        report = followkit.check(message)  # the tracker shows these before sending
        findings += sum(f.severity in {"error", "warning"} for f in report.findings)
        name = f"{step.due:%Y-%m-%d}-{step.id}"
        if message.channel == "email":
            (folder / f"{name}.eml").write_bytes(message.to_email().as_bytes())
        else:
            (folder / f"{name}.txt").write_text(str(message) + "\n", encoding="utf-8")
        written += 1
    return written, findings


def main(argv: list[str]) -> None:
    output = Path(argv[1]) if len(argv) > 1 else Path(tempfile.mkdtemp(prefix="followkit-"))
    output.mkdir(parents=True, exist_ok=True)

    applications = followkit.load_applications(DATA)
    timelines = [followkit.plan(app, now=NOW) for app in applications]
    print(f"Planned {len(timelines)} applications from {DATA.name} (now: {NOW:%Y-%m-%d %H:%M} UTC)")

    drafts = problems = 0
    for timeline in timelines:
        app = timeline.application
        written, findings = write_drafts(timeline, output / slug(app.company))
        drafts += written
        problems += findings
        print(f"\n{app.company} — {app.position} ({app.contact.name}, {app.timezone})")
        private = len(timeline) - len(timeline.outreach)
        print(f"  {len(timeline.outreach)} messages and {private} private tasks planned")
        # The tracker's day: what is due by the end of today, overdue first.
        for step in timeline.due(NOW, within=dt.timedelta(hours=16)):
            state = "overdue" if step.is_overdue(NOW) else "due"
            print(f"  {state}: {step.due:%a %d %b %Y %H:%M} {step.id}")
        upcoming = timeline.next_outreach()
        if upcoming is not None:
            print(f"  next message: {upcoming.due:%a %d %b %Y %H:%M} {upcoming.id}")
        first_mail = next(s for s in timeline.outreach if s.message is not None)
        print(f"  first draft: {first_mail.message.subject if first_mail.message else ''}")

    calendar = output / "followups.ics"
    calendar.write_bytes(followkit.calendar(timelines, name="Follow-ups"))
    entries = sum(len(t) for t in timelines)
    tone = "every draft checks clean" if problems == 0 else f"{problems} tone problems to review"
    print(f"\nWrote {drafts} drafts ({tone}) and {calendar.name} with {entries} entries")
    print(f"to {output}")


if __name__ == "__main__":
    main(sys.argv)
