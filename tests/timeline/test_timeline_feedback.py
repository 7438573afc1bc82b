"""Feedback received is read for the plan: training, reflection, acknowledgement."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from tests.timeline.conftest import BERLIN, MakeApp

from followkit import FeedbackReceived, Timeline, check, plan
from followkit import feedback as fb
from followkit.errors import InvalidInputError, UnsupportedLocaleError

DECIDED = dt.datetime(2026, 11, 20, 15, 0, tzinfo=BERLIN)
ARRIVED = dt.datetime(2026, 11, 23, 11, 0, tzinfo=BERLIN)
TEXT = (
    "Thanks for your time. Your SQL was strong, but your system design answers lacked "
    "depth, and we need hands-on Kubernetes experience."
)


def _after(make_app: MakeApp, event: FeedbackReceived, locale: str = "en") -> Timeline:
    app = make_app(DECIDED, locale=locale)
    return plan(app, now=DECIDED).apply(event)


def test_training_lists_each_area_with_its_next_steps(make_app: MakeApp) -> None:
    timeline = _after(make_app, FeedbackReceived(ARRIVED, TEXT))
    items = timeline.step("training").checklist
    steps = fb.area("system-design").next_steps
    for step in steps:
        assert f"System design: {step.text}" in items
    assert any(item.startswith("Kubernetes: ") for item in items)
    assert not any("SQL" in item for item in items)  # a strength, not a gap
    assert {step.kind for step in steps} <= set(fb.STEP_KINDS)
    assert items[0] == "re-read the feedback"


def test_reflection_asks_about_the_areas(make_app: MakeApp) -> None:
    items = _after(make_app, FeedbackReceived(ARRIVED, TEXT)).step("reflection").checklist
    assert (
        "recall where the feedback's points showed in the interview: System design and Kubernetes"
        in items
    )
    assert "list the areas to improve" not in items


def test_acknowledgement_names_the_point(make_app: MakeApp) -> None:
    step = _after(make_app, FeedbackReceived(ARRIVED, TEXT)).step("feedback-acknowledgement")
    assert step.message is not None
    assert (
        "the pointer on “System design” and “Kubernetes”; I am working on it." in step.message.body
    )
    assert check(step.message).ok


def test_constraints_get_no_training(make_app: MakeApp) -> None:
    event = FeedbackReceived(ARRIVED, "The role went to an internal candidate.")
    timeline = _after(make_app, event)
    assert "training" not in {step.id for step in timeline.steps}
    reflection = timeline.step("reflection").checklist
    assert reflection[-1] == "let go of what was outside your control: Internal candidate"
    ack = timeline.step("feedback-acknowledgement").message
    assert ack is not None
    assert "internal" not in ack.body.lower()


def test_areas_and_constraints_train_only_the_areas(make_app: MakeApp) -> None:
    text = "System design lacked depth; also, the budget for the role was cut."
    timeline = _after(make_app, FeedbackReceived(ARRIVED, text))
    items = timeline.step("training").checklist
    assert any(item.startswith("System design: ") for item in items)
    assert not any("udget" in item for item in items)


def test_vague_feedback_gets_the_question_to_ask_back(make_app: MakeApp) -> None:
    event = FeedbackReceived(ARRIVED, "We decided to move forward with a stronger candidate.")
    timeline = _after(make_app, event)
    question = "What skills or experience would have made me a stronger candidate?"
    assert timeline.step("training").checklist == (
        "re-read the feedback",
        f"ask Jordan Lee back: {question}",
    )
    ack = timeline.step("feedback-acknowledgement").message
    assert ack is not None
    assert question in ack.body


def test_without_text_the_general_checklists_stand(make_app: MakeApp) -> None:
    before = plan(make_app(DECIDED), now=DECIDED)
    timeline = before.apply(FeedbackReceived(ARRIVED))
    assert timeline.step("training").checklist[1] == "list the areas it names"
    assert timeline.step("reflection").checklist == before.step("reflection").checklist


@pytest.mark.parametrize(
    ("locale", "text", "name", "reflection_word"),
    [
        ("de", "Ihr Systemdesign war zu oberflächlich.", "Systemdesign", "Gespräch"),
        (
            "fr",
            "Vos réponses en conception de systèmes manquaient de profondeur.",
            "Conception de systèmes",
            "entretien",
        ),
        (
            "es",
            "A sus respuestas de diseño de sistemas les faltó profundidad.",
            "Diseño de sistemas",
            "entrevista",
        ),
    ],
)
def test_checklists_in_the_application_language(
    make_app: MakeApp, locale: str, text: str, name: str, reflection_word: str
) -> None:
    timeline = _after(make_app, FeedbackReceived(ARRIVED, text), locale=locale)
    steps = fb.area("system-design", locale=locale).next_steps
    sep = " : " if locale == "fr" else ": "
    assert f"{name}{sep}{steps[0].text}" in timeline.step("training").checklist
    assert any(
        reflection_word in item and name in item for item in timeline.step("reflection").checklist
    )
    message = timeline.step("feedback-acknowledgement").message
    assert message is not None
    assert name in message.body


def test_the_event_may_name_the_feedback_language(make_app: MakeApp) -> None:
    german = "Ihr Systemdesign war zu oberflächlich."
    event = FeedbackReceived(ARRIVED, german, locale="de")
    timeline = _after(make_app, event)  # an English application
    assert any(item.startswith("System design: ") for item in timeline.step("training").checklist)
    assert FeedbackReceived(ARRIVED, german, locale="auto").read().locale == "de"  # type: ignore[union-attr]
    assert "system-design" in FeedbackReceived(ARRIVED, german).read("de").area_ids  # type: ignore[union-attr]


def test_read_is_dated_and_none_without_text() -> None:
    assert FeedbackReceived(ARRIVED).read() is None
    note = FeedbackReceived(ARRIVED, TEXT).read("en")
    assert note is not None
    assert note.date == dt.date(2026, 11, 23)


@pytest.mark.parametrize(
    ("value", "error"),
    [("it", UnsupportedLocaleError), ("xx!", InvalidInputError), (5, InvalidInputError)],
)
def test_bad_event_locale(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        FeedbackReceived(ARRIVED, TEXT, locale=value)  # type: ignore[arg-type]
    assert info.value.field == "locale"  # type: ignore[attr-defined]


def test_json_round_trip_keeps_the_locale_and_reads_old_events(make_app: MakeApp) -> None:
    timeline = _after(make_app, FeedbackReceived(ARRIVED, TEXT, locale="en_GB"))
    data = json.loads(json.dumps(timeline.as_dict()))
    assert data["events"][0] == {
        "type": "feedback",
        "at": ARRIVED.isoformat(),
        "text": TEXT,
        "locale": "en_GB",
    }
    assert Timeline.from_dict(data) == timeline
    # A file written before events had a locale: the text is read the same way.
    del data["events"][0]["locale"]
    again = Timeline.from_dict(data)
    assert again.events[0] == FeedbackReceived(ARRIVED, TEXT)
    assert again.step("training").checklist == timeline.step("training").checklist


def test_describe_lists_the_training(make_app: MakeApp) -> None:
    text = _after(make_app, FeedbackReceived(ARRIVED, TEXT)).describe()
    assert "System design: Work through one classic design problem" in text
    assert "., " not in text


def test_describe_in_another_language_uses_the_general_checklist(make_app: MakeApp) -> None:
    text = _after(make_app, FeedbackReceived(ARRIVED, TEXT)).describe("de")
    assert "die genannten Bereiche auflisten" in text
    assert "System design" not in text
