"""Plan the follow-ups after a rejection, export them to a calendar, and update the plan.

Run it with ``python examples/plan_followups.py [path.ics]``; it writes the calendar to
the path given (default: ``followups.ics`` in the current directory) and prints the agenda
in English and German.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import followkit

BERLIN = ZoneInfo("Europe/Berlin")


def main(argv: list[str]) -> None:
    target = Path(argv[1]) if len(argv) > 1 else Path("followups.ics")
    app = followkit.Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=followkit.Person(
            name="Alex Kim", email="alex@example.com", timezone="Europe/Berlin"
        ),
        contacts=[
            followkit.Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter")
        ],
        decided_at=dt.datetime(2026, 12, 24, 10, 0, tzinfo=BERLIN),
        territory="DE",
        subdivision="BY",
        highlight="the team's approach to experimentation",
    )
    # A decision on Christmas Eve in Munich: the quiet period, New Year and Epiphany
    # (a Bavarian holiday) push the messages into January.
    timeline = followkit.plan(app, followkit.Policy(engagement_tasks=2), now=app.decided_at)
    print(timeline.describe())
    print()
    print(timeline.describe("de"))

    # The thank-you went out; the recruiter answered with feedback a few days later.
    timeline = timeline.apply_all(
        [
            followkit.Sent("thank-you-and-feedback", dt.datetime(2027, 1, 4, 9, 41, tzinfo=BERLIN)),
            followkit.FeedbackReceived(
                dt.datetime(2027, 1, 7, 16, 5, tzinfo=BERLIN),
                text="Strong coding; practise system design at scale.",
            ),
        ]
    )
    print()
    print("After the feedback arrived:")
    for step in timeline:
        print(f"  {step.due:%Y-%m-%d %H:%M} {step.id:<26} {step.status.value}")

    target.write_bytes(timeline.to_ical())
    print(f"\nWrote {len(timeline)} calendar entries to {target}")
    ack = timeline.step("feedback-acknowledgement").message
    if ack is not None:
        print("\nThe acknowledgement to send:\n")
        print(ack)


if __name__ == "__main__":
    main(sys.argv)
