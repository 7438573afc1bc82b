"""The feedback acknowledgement takes up what the feedback said, in every locale."""

from __future__ import annotations

import pytest
from tests.messages.helpers import LOCALES, build_app

from followkit import check, feedback
from followkit.errors import InvalidInputError
from followkit.messages import Message, feedback_acknowledgement, feedback_point

REGISTERS = ("formal", "warm")
LENGTHS = ("brief", "standard")


def _passes(message: Message, point: str) -> bool:
    """The default tone check passes, and finds nothing at all in the paragraph *point*."""
    report = check(message)
    start = message.body.index(point)
    end = start + len(point)
    inside = [f for f in report.findings if f.part == "body" and f.start < end and f.end > start]
    return report.ok and not inside


def _paragraph(body: str, needle: str) -> str:
    return next(part for part in body.split("\n\n") if needle in part)


def _gap(area_id: str, *, tool: str | None = None) -> feedback.Mention:
    kind = next(item.kind for item in feedback.areas() if item.id == area_id)
    return feedback.Mention(area=area_id, kind=kind, span=(0, 1), text="x", tool=tool)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_area_passes_the_tone_check(locale: str) -> None:
    app = build_app(locale)
    for index, item in enumerate(feedback.areas(locale)):
        note = feedback.Feedback(locale=locale, areas=(_gap(item.id),))
        for register in REGISTERS:
            for length in LENGTHS:
                message = feedback_acknowledgement(
                    app, feedback=note, register=register, length=length, variant=index
                )
                point = _paragraph(message.body, item.name)
                assert _passes(message, point), (item.id, register, length, message.body)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("question", list(feedback.read("Any text.").question.__class__))
def test_vague_feedback_asks_its_question_back(locale: str, question: object) -> None:
    app = build_app(locale)
    note = feedback.Feedback(locale=locale, question=question)  # type: ignore[arg-type]
    for register in REGISTERS:
        for variant in range(2):
            message = feedback_acknowledgement(
                app, feedback=note, register=register, variant=variant
            )
            assert message.body.count("?") == 1
            assert _passes(message, _paragraph(message.body, "?")), message.body


def test_english_names_the_point_as_the_issue_asks() -> None:
    note = feedback.read("Your answers on system design lacked depth.")
    body = feedback_acknowledgement(build_app("en"), feedback=note).body
    assert "Thank you in particular for the pointer on “System design”; I am working on it." in body


@pytest.mark.parametrize(
    ("locale", "quoted"),
    [
        ("de", "„Systemdesign“"),
        ("fr", "«\u00a0Conception de systèmes\u00a0»"),
        ("es", "«Diseño de sistemas»"),
    ],
)
def test_area_names_are_localised_and_quoted(locale: str, quoted: str) -> None:
    note = feedback.Feedback(locale="en", areas=(_gap("system-design"),))
    assert quoted in feedback_acknowledgement(build_app(locale), feedback=note).body


def test_two_areas_at_most_and_tools_by_name() -> None:
    note = feedback.Feedback(
        locale="en",
        areas=(_gap("technology", tool="Kubernetes"), _gap("system-design"), _gap("sql-data")),
    )
    body = feedback_acknowledgement(build_app("en"), feedback=note, length="brief").body
    assert "“Kubernetes” and “System design”" in body
    assert "SQL" not in body


def test_constraints_alone_add_nothing_to_contest() -> None:
    note = feedback.read("The role went to an internal candidate.")
    assert note.constraints
    assert not note.areas
    plain = feedback_acknowledgement(build_app("en"))
    assert feedback_acknowledgement(build_app("en"), feedback=note).body == plain.body


def test_summary_and_action_still_apply() -> None:
    note = feedback.read("System design lacked depth.")
    body = feedback_acknowledgement(
        build_app("en"), "Depth matters.", "I have started a course.", feedback=note
    ).body
    assert body.index("Depth matters.") < body.index("System design") < body.index("a course")


@pytest.mark.parametrize("value", ["System design lacked depth.", {"areas": []}, 3])
def test_feedback_must_be_read_first(value: object) -> None:
    with pytest.raises(InvalidInputError) as info:
        feedback_point(value)  # type: ignore[arg-type]
    assert info.value.field == "feedback"
