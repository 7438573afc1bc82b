"""Write every message builder's output to the corpus as courteous messages.

followkit's own drafts are what its users send most: the intent model must read them as
courteous. Run by ``make model``; the output is ``corpus/<locale>/followkit-builders.jsonl``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from followkit import Application, Contact, Person, messages

ROOT = Path(__file__).resolve().parents[1] / "corpus"
# Builder -> the corpus's kind of message.
KINDS = {
    "thank_you": "thank-you",
    "feedback_request": "feedback-request",
    "thank_you_and_feedback": "feedback-request",
    "referral_request": "referral-ask",
    "stay_connected": "check-in",
    "feedback_acknowledgement": "feedback-ack",
    "nudge": "nudge",
    "connection_note": "linkedin-note",
}
# Three applications with different people, companies and zones, so that the model learns
# the drafts' wording and not one set of names; the third has several interviewers and the
# candidate's phone and profile, so that every sentence of the templates is written.
PEOPLE = (
    ("Acme Analytics", "Data Engineer", "Alex Kim", ("Jordan Lee",), "Europe/Berlin", None),
    (
        "Northwind Health",
        "Product Designer",
        "Sam Rivera",
        ("Priya Natarajan",),
        "America/Chicago",
        "the team's approach to accessibility research",
    ),
    (
        "Larkspur Logistics",
        "Operations Analyst",
        "Mara Okafor",
        ("Lena Fischer", "Tomás Ruiz", "Chen Wei"),
        "Europe/Madrid",
        "the route-planning pilot",
    ),
)


def application(locale: str, index: int) -> Application:
    company, position, candidate, contacts, zone, highlight = PEOPLE[index]
    first, *others = contacts
    return Application(
        company=company,
        position=position,
        candidate=Person(
            name=candidate,
            email="candidate@example.com",
            phone="+34 600 123 456" if others else None,
            profile_url="https://example.com/profile" if others else None,
        ),
        contacts=[
            Contact(name=first, email="contact@example.com", role="Recruiter"),
            *(Contact(name=name) for name in others),
        ],
        decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo(zone)),
        interviewed_on=dt.date(2026, 11, 18),
        locale=locale,
        highlight=highlight,
        reply_subject="Your application" if others else None,
    )


def drafts(locale: str) -> list[tuple[str, str]]:
    """(kind, text) of every builder's output in *locale*."""
    result = []
    options = itertools.product(("formal", "warm"), ("brief", "standard"), (0, 1, 2))
    for index, (register, length, variant) in itertools.product(range(len(PEOPLE)), options):
        app = application(locale, index)
        chosen = {"register": register, "length": length, "variant": variant}
        result.extend(
            (kind, getattr(messages, name)(app, **chosen).body)
            for name, kind in KINDS.items()
            if name not in {"nudge", "connection_note"}  # these two take other arguments
        )
        first = messages.thank_you_and_feedback(app)
        result.append((KINDS["nudge"], messages.nudge(app, first, **chosen).body))
    result.extend(
        (KINDS["connection_note"], messages.connection_note(application(locale, index)).body)
        for index in range(len(PEOPLE))
    )
    return list(dict.fromkeys(result))


def main() -> None:
    for locale in ("en", "de", "fr", "es"):
        writer = "followkit-builders"
        lines = [
            json.dumps(
                {
                    "id": f"{locale}-{writer}-{number:04d}",
                    "writer": writer,
                    "locale": locale,
                    "kind": kind,
                    "label": "courteous",
                    "categories": [],
                    "devices": [],
                    "offending": [],
                    "text": text,
                },
                ensure_ascii=False,
            )
            for number, (kind, text) in enumerate(drafts(locale), start=1)
        ]
        path = ROOT / locale / f"{writer}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.relative_to(ROOT.parent)}: {len(lines)} drafts")


if __name__ == "__main__":
    main()
