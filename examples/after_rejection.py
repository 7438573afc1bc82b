"""From a rejection e-mail to a validated application: the flagship followkit example.

Run it with ``make demo`` or ``python examples/after_rejection.py``.
"""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import followkit

REJECTION = """\
Subject: Your application for Data Engineer at Acme Analytics

Dear Alex, thank you for your time. After careful consideration we have decided
to move forward with another candidate. Best wishes, Jordan Lee, Recruiter
"""


def main() -> None:
    app = followkit.Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=followkit.Person(
            name="Alex Kim",
            email="alex@example.com",
            profile_url="https://www.linkedin.com/in/alex-kim",
        ),
        contacts=[
            followkit.Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter")
        ],
        decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        interviewed_on=dt.date(2026, 11, 18),
        locale="en",
        territory="DE",
        subdivision="BY",
        highlight="the team's approach to experimentation",
        reply_subject="Your application for Data Engineer at Acme Analytics",
    )
    print("The rejection e-mail:")
    print(REJECTION)
    print("The application, as followkit sees it:")
    print(json.dumps(app.as_dict(), indent=2, ensure_ascii=False))

    try:
        followkit.Contact(name="Jordan\r\nBcc: everyone@acme.example")
    except followkit.InvalidInputError as error:
        print(f"\nBad input is refused with a clear error: {error}")


if __name__ == "__main__":
    main()
