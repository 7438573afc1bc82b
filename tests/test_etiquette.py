"""Every builder's output, in every locale, register, length and variant, checks clean.

The message builders and the tone checker encode the same etiquette from two sides: what
followkit writes must never be what followkit warns about.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from zoneinfo import ZoneInfo

import attrs
import pytest

from followkit import Application, Contact, Message, Person, messages, tone

LOCALES = ["en", "de", "fr", "es"]
REGISTERS = ["formal", "warm"]
LENGTHS = ["brief", "standard"]
VARIANTS = range(4)


def _application(locale: str) -> Application:
    return Application(
        company="Acme Analytics",
        position="Data Engineer",
        candidate=Person(
            name="Alex Kim",
            email="alex@example.com",
            profile_url="https://www.linkedin.com/in/alex-kim",
        ),
        contacts=[Contact(name="Jordan Lee", email="jordan@acme.example", role="Recruiter")],
        decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
        interviewed_on=dt.date(2026, 11, 18),
        locale=locale,
        highlight="the team's approach to experimentation",
        reply_subject="Your application for Data Engineer",
    )


#: What the user writes into a draft, in the draft's language (update, feedback, action).
WRITTEN = {
    "en": (
        "I have since completed a course on stream processing",
        "more depth in system design",
        "I am working through a system design course",
    ),
    "de": (
        "Ich habe inzwischen einen Kurs zu Stream Processing abgeschlossen",
        "mehr Tiefe beim Systementwurf",
        "Ich arbeite gerade einen Kurs zum Systementwurf durch",
    ),
    "fr": (
        "J'ai depuis suivi une formation sur le traitement de flux",
        "plus de profondeur en conception de systèmes",
        "Je suis une formation en conception de systèmes",
    ),
    "es": (
        "Desde entonces he completado un curso de procesamiento de flujos",
        "más profundidad en el diseño de sistemas",
        "Estoy haciendo un curso de diseño de sistemas",
    ),
}


def _builders(app: Application) -> dict[str, Callable[..., Message]]:
    previous = messages.feedback_request(app)
    update, summary, action = WRITTEN[app.locale[:2]]
    return {
        "thank_you": messages.thank_you,
        "feedback_request": messages.feedback_request,
        "thank_you_and_feedback": messages.thank_you_and_feedback,
        "referral_request": messages.referral_request,
        "stay_connected": lambda a, **kw: messages.stay_connected(a, update=update, **kw),
        "stay_connected_plain": messages.stay_connected,
        "feedback_acknowledgement": lambda a, **kw: messages.feedback_acknowledgement(
            a,
            feedback_summary=summary,
            action=action,
            **kw,
        ),
        "feedback_acknowledgement_plain": messages.feedback_acknowledgement,
        "nudge": lambda a, **kw: messages.nudge(a, previous, sent_on=dt.date(2026, 11, 21), **kw),
    }


CASES = list(itertools.product(LOCALES, REGISTERS, LENGTHS))


@pytest.mark.parametrize(("locale", "register", "length"), CASES)
def test_every_builder_output_checks_clean(locale: str, register: str, length: str) -> None:
    app = _application(locale)
    checker = tone.Checker(locale)
    problems = []
    for name, builder in _builders(app).items():
        for variant in VARIANTS:
            message = builder(app, register=register, length=length, variant=variant)
            report = checker.check(message)
            if not report.ok:
                problems.append(f"{name} variant {variant}:\n{report.format()}")
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize(("locale", "register"), list(itertools.product(LOCALES, REGISTERS)))
def test_connection_notes_check_clean(locale: str, register: str) -> None:
    app = _application(locale)
    for variant in VARIANTS:
        for chosen in (app, attrs.evolve(app, highlight=None)):
            note = messages.connection_note(chosen, register=register, variant=variant)
            report = tone.check(note)
            assert report.ok, report.format()


def test_checker_sees_the_message_locale() -> None:
    note = messages.thank_you(_application("de"))
    assert note.locale.startswith("de")
    assert tone.check(note, locale="de").ok


@pytest.mark.parametrize("locale", LOCALES)
def test_names_in_capitals_are_not_shouting(locale: str) -> None:
    app = attrs.evolve(
        _application(locale),
        company="BNP PARIBAS",
        position="SENIOR DATA ENGINEER",
        contacts=[Contact(name="Jordan LEE-SMITH", email="jordan@bnp.example")],
    )
    for name, builder in _builders(app).items():
        message = builder(app)
        assert "BNP PARIBAS" in message.names or "BNP PARIBAS" not in message.body, name
        report = tone.check(message)
        assert report.ok, f"{name}:\n{report.format()}"
