"""Draft the follow-ups after a rejection, in the recruiter's language, and hand them over.

Run it with ``python examples/draft_messages.py``. It drafts the reply to the rejection in
English and German, a LinkedIn note in Spanish, a gentle nudge in French, and shows the
standard-library e-mail and the ``mailto:`` link a mail program would open.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from zoneinfo import ZoneInfo

import attrs

import followkit
from followkit.messages import Question


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
            followkit.Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter"),
            followkit.Contact(name="Sam Park", role="Engineering Manager"),
        ],
        decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        interviewed_on=dt.date(2026, 11, 18),
        highlight="the team's approach to experimentation",
        reply_subject="Your application for Data Engineer",
    )

    print("== The reply to the rejection (English, formal) ==\n")
    reply = followkit.thank_you_and_feedback(
        app,
        questions=[Question.AREAS_TO_IMPROVE, Question.RESOURCES],
        in_reply_to="<rejection.42@mail.acme.example>",
    )
    print(reply, end="\n\n")

    print("== The same reply in German, warm and brief ==\n")
    german = attrs.evolve(app, locale="de", highlight="den Ansatz des Teams beim Experimentieren")
    print(followkit.thank_you_and_feedback(german, register="warm", length="brief"), end="\n\n")

    print("== A LinkedIn invitation in Spanish ==\n")
    note = followkit.connection_note(app, locale="es")
    print(note.body)
    print(f"({len(note.body)} of 300 characters)\n")

    print("== One gentle nudge, in French ==\n")
    french = attrs.evolve(app, locale="fr", highlight=None)
    first = followkit.thank_you_and_feedback(french)
    print(followkit.nudge(french, first, sent_on=dt.date(2026, 11, 21), length="brief"), end="\n\n")

    print("== Handing the reply over ==\n")
    raw = reply.to_email().as_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    for header in ("From", "To", "Subject", "In-Reply-To"):
        print(f"{header}: {parsed[header]}")
    print(f"E-mail: {len(raw)} bytes, {reply.words} words in the body")
    print(f"mailto: {reply.to_mailto()[:80]}...")

    try:
        followkit.feedback_request(app, questions=list(Question)[:4])
    except followkit.InvalidInputError as error:
        print(f"\nAsking too much is refused: {error}")


if __name__ == "__main__":
    main()
