"""From a rejection e-mail to drafted replies, a clean tone report and a calendar file.

The flagship followkit example. It reads the rejection e-mail with the standard library,
describes the application, drafts the reply (threaded to the rejection), checks a hasty
first draft and the followkit draft with the tone checker, plans every follow-up in the
recipient's working days, shows what is due on the first working morning and writes the
plan to an iCalendar file.

Run it with ``make demo`` or ``python examples/after_rejection.py [OUTPUT_DIR]``
(default ``out/``).
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import followkit

REJECTION = b"""\
From: Jordan Lee <jordan@acme.example>
To: Alex Kim <alex@example.com>
Subject: Your application for Data Engineer at Acme Analytics
Date: Fri, 20 Nov 2026 15:02:00 +0100
Message-ID: <decision-4711@acme.example>
Content-Type: text/plain; charset=utf-8

Dear Alex,

thank you for your time and the conversations with our team. After careful
consideration we have decided to move forward with another candidate.

Best wishes,
Jordan Lee
Recruiter, Acme Analytics
"""

HASTY_DRAFT = """\
Jordan,

Per my last email, I demand an explanation. I spent hours preparing for this!!!
Why didn't you hire me? Please reply ASAP.
"""


def read_rejection(raw: bytes) -> followkit.Application:
    """Describe the application from the rejection e-mail's headers."""
    rejection = email.message_from_bytes(raw, policy=email.policy.default)
    sender = rejection["From"].addresses[0]
    received = email.utils.parsedate_to_datetime(str(rejection["Date"]))
    berlin = ZoneInfo("Europe/Berlin")
    return followkit.Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=followkit.Person(
            name="Alex Kim",
            email="alex@example.com",
            profile_url="https://www.linkedin.com/in/alex-kim",
            # Alex has moved to New York; the recruiter is in Munich.
            timezone=ZoneInfo("America/New_York"),
        ),
        contacts=[
            followkit.Contact(name=sender.display_name, email=sender.addr_spec, role="Recruiter")
        ],
        decided_at=received.astimezone(berlin),
        interviewed_on=dt.date(2026, 11, 18),
        territory="DE",
        subdivision="BY",
        highlight="the team's approach to experimentation",
        reply_subject=str(rejection["Subject"]),
    )


def main(output: Path) -> None:
    rejection = email.message_from_bytes(REJECTION, policy=email.policy.default)
    app = read_rejection(REJECTION)
    now = app.decided_at + dt.timedelta(hours=1)

    print("1. A hasty first draft, checked before it is sent")
    print(followkit.check(HASTY_DRAFT).format())

    print("\n2. The reply followkit drafts, threaded to the rejection e-mail")
    reply = followkit.thank_you_and_feedback(app, in_reply_to=str(rejection["Message-ID"]))
    print(reply)
    report = followkit.check(reply)
    print(f"\nTone check of the draft: ok={report.ok}, courtesy score {report.score}/100")

    print("\n3. The follow-up plan, in the recipient's working days")
    timeline = followkit.plan(app, now=now)
    print(timeline.describe())

    print("\n4. What the tracker shows on Monday morning, in the candidate's zone")
    monday = dt.datetime(2026, 11, 23, 9, 45, tzinfo=app.candidate_zone)
    for step in timeline.due(monday):
        label = "overdue" if step.is_overdue(monday) else "due now"
        due = step.due.astimezone(app.candidate_zone)
        print(f"{label:<8} {step.id:<24} {due:%a %d %b %H:%M} your time")
    upcoming = timeline.apply(followkit.Sent("thank-you-and-feedback", monday)).next_outreach()
    if upcoming is not None:
        print(f"Once it is sent, the next message is {upcoming.id} on {upcoming.due:%a %d %b}.")

    output.mkdir(parents=True, exist_ok=True)
    calendar = output / "followups.ics"
    calendar.write_bytes(timeline.to_ical())
    draft = output / "reply.eml"
    draft.write_bytes(reply.to_email().as_bytes())
    print(f"\nWrote {calendar} ({len(timeline)} steps) and {draft}.")

    try:
        followkit.Contact(name="Jordan\r\nBcc: everyone@acme.example")
    except followkit.InvalidInputError as error:
        print(f"\nBad input is refused with a clear error: {error}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("out"))
