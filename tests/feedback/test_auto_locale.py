"""read(..., locale="auto"): the language the tone checker guesses, reported on the result."""

from __future__ import annotations

import pytest

from followkit.errors import InvalidInputError
from followkit.feedback import MAX_FEEDBACK, read


@pytest.mark.parametrize(
    ("text", "expected", "area"),
    [
        ("Unfortunately your system design answers lacked depth.", "en", "system-design"),
        ("Leider fehlte Ihren Antworten im Systemdesign die nötige Tiefe.", "de", "system-design"),
        (
            "Malheureusement, vos réponses en conception de systèmes manquaient de profondeur.",
            "fr",
            "system-design",
        ),
        (
            "Lamentablemente, a sus respuestas de diseño de sistemas les faltó profundidad.",
            "es",
            "system-design",
        ),
    ],
)
def test_auto_reads_in_the_guessed_language(text: str, expected: str, area: str) -> None:
    feedback = read(text, locale="auto")
    assert feedback.locale == expected
    assert area in feedback.area_ids


def test_auto_without_evidence_reads_english() -> None:
    feedback = read("!!! 42 ???", locale="auto")
    assert feedback.locale == "en"
    assert feedback.vague


def test_auto_keeps_the_input_checks() -> None:
    with pytest.raises(InvalidInputError) as info:
        read(b"bytes", locale="auto")  # type: ignore[arg-type]
    assert info.value.field == "text"
    with pytest.raises(InvalidInputError):
        read("a" * (MAX_FEEDBACK + 1), locale="auto")
