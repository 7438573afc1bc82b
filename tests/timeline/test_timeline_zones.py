"""Time zones in the agenda: labels on times in another zone, the candidate's own time."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit import Application, Contact, Person, Policy, plan
from followkit.timeline._describe import zone_label

if TYPE_CHECKING:
    from followkit import Timeline

TOKYO = ZoneInfo("Asia/Tokyo")
DECIDED = dt.datetime(2026, 12, 30, 16, 0, tzinfo=TOKYO)
POLICY = Policy(check_ins=1, engagement_tasks=1)


def tokyo_plan(candidate_zone: str | None, recipient_zone: str = "Asia/Tokyo") -> Timeline:
    app = Application(
        company="Acme",
        position="Analyst",
        candidate=Person(name="Alex Kim", timezone=candidate_zone),
        contacts=[Contact(name="Kate Sato", email="kate@acme.example")],
        decided_at=DECIDED,
        timezone=recipient_zone,
    )
    return plan(app, POLICY, now=DECIDED, drafts=False)


def lines_of(timeline: Timeline, locale: str = "en_GB") -> dict[str, str]:
    """Map each step id to its agenda line (the steps are listed in order)."""
    lines = timeline.describe(locale).splitlines()
    return dict(zip((step.id for step in timeline), lines[-len(timeline) :], strict=True))


@pytest.mark.parametrize(
    ("locale", "line"),
    [
        (
            "en",
            (
                "Monday, January 4, 2027, 9:30\u202fAM Japan Standard Time (Sun, January 3,"
                " 7:30\u202fPM your time) — thank Kate Sato and ask for feedback"
            ),
        ),
        (
            "en_GB",
            (
                "Monday, 4 January 2027, 09:30 Japan Standard Time (Sunday 3 January, 19:30 your"
                " time) — thank Kate Sato and ask for feedback"
            ),
        ),
        (
            "de",
            (
                "Montag, 4. Januar 2027, 09:30 Japanische Normalzeit (bei Ihnen So., 3. Januar,"
                " 19:30) — Kate Sato danken und um Feedback bitten"
            ),
        ),
        (
            "fr",
            (
                "lundi 4 janvier 2027, 09:30 heure normale du Japon (chez vous : dim. 3 janvier,"
                " 19:30) — remercier Kate Sato et demander un retour"
            ),
        ),
        (
            "es",
            (
                "lunes, 4 de enero de 2027, 9:30 hora estándar de Japón (su hora: dom, 3 de enero,"
                " 19:30) — agradecer a Kate Sato y pedir comentarios"
            ),
        ),
    ],
)
def test_a_send_time_in_another_zone_shows_the_candidates_own(locale: str, line: str) -> None:
    lines = lines_of(tokyo_plan("America/New_York"), locale)
    assert lines["thank-you-and-feedback"] == line


def test_only_times_in_another_zone_are_labelled() -> None:
    timeline = tokyo_plan("America/New_York")
    text = timeline.describe("en_GB")
    assert "not known" not in text
    for step_id, line in lines_of(timeline).items():
        if timeline.step(step_id).is_outreach:
            assert "Japan Standard Time (" in line
            assert " your time) — " in line
        else:  # the candidate's own tasks, on their own clock
            assert "Time" not in line.split(" — ")[0]
            assert "your time" not in line


def test_the_same_zone_needs_no_label() -> None:
    timeline = tokyo_plan("Asia/Tokyo")
    text = timeline.describe("en_GB")
    assert len(text.splitlines()) == len(timeline) + 1
    assert "Japan Standard Time" not in text
    assert "your time" not in text


def test_an_unknown_candidate_zone_is_said_and_every_time_labelled() -> None:
    timeline = tokyo_plan(None)
    for locale, note in [
        ("en", "All times are in the recipient's time zone; yours is not known."),
        ("de", "Alle Zeiten in der Zeitzone der Kontaktperson; Ihre ist nicht bekannt."),
        ("fr", "Toutes les heures sont dans le fuseau horaire du destinataire ; le vôtre"),
        ("es", "Todas las horas están en la zona horaria del destinatario; la suya no"),
    ]:
        assert timeline.describe(locale).splitlines()[1].startswith(note)
    for line in lines_of(timeline).values():
        assert " Japan Standard Time — " in line


def test_another_zone_with_the_same_clock_is_labelled_without_a_second_time() -> None:
    timeline = tokyo_plan("Europe/Paris", recipient_zone="Europe/Berlin")
    line = lines_of(timeline)["thank-you-and-feedback"]
    assert " CET — thank Kate Sato" in line
    assert "your time" not in line


def test_the_candidates_time_on_the_same_day_has_no_date() -> None:
    timeline = tokyo_plan("Europe/London", recipient_zone="Europe/Berlin")
    line = lines_of(timeline)["thank-you-and-feedback"]
    assert line.endswith(" 09:30 CET (08:30 your time) — thank Kate Sato and ask for feedback")


@pytest.mark.parametrize(
    ("zone", "locale", "label"),
    [
        ("Asia/Tokyo", "en", "Japan Standard Time"),  # no abbreviation: the long name
        ("America/New_York", "en", "EST"),
        ("Europe/Berlin", "de", "MEZ"),
        ("Europe/Berlin", "en_GB", "CET"),
        ("Europe/Berlin", "fr", "heure normale d’Europe centrale"),
        ("Europe/London", "en_GB", "GMT"),
        ("Etc/UTC", "fr", "TU"),
        ("Etc/GMT+5", "en", "GMT-05:00"),
    ],
)
def test_zone_labels_come_from_babel(zone: str, locale: str, label: str) -> None:
    import babel

    moment = dt.datetime(2027, 1, 4, 9, 30, tzinfo=ZoneInfo(zone))
    assert zone_label(moment, babel.Locale.parse(locale)) == label


def test_a_label_names_summer_time_in_summer() -> None:
    import babel

    moment = dt.datetime(2027, 7, 5, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    assert zone_label(moment, babel.Locale.parse("en")) == "EDT"


ZONES = ["Asia/Tokyo", "America/New_York", "Europe/Berlin", "Europe/London", "Etc/UTC"]


@settings(max_examples=25, deadline=None)
@given(candidate=st.sampled_from([*ZONES, None]), recipient=st.sampled_from(ZONES))
def test_labels_follow_the_zones(candidate: str | None, recipient: str) -> None:
    timeline = tokyo_plan(candidate, recipient_zone=recipient)
    import babel

    loc = babel.Locale.parse("en_GB")
    for step_id, line in lines_of(timeline).items():
        step = timeline.step(step_id)
        when = line.split(" — ")[0]
        labelled = f" {zone_label(step.due, loc)}" in when
        assert labelled == (candidate is None or step.due.tzinfo != ZoneInfo(candidate))
        if "your time" in when:
            assert candidate is not None
            local = step.due.astimezone(ZoneInfo(candidate))
            assert f"{local:%H:%M} your time)" in when
