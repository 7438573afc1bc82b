"""The three capabilities speak the same languages, completely."""

from __future__ import annotations

import pytest

from followkit.messages import SUPPORTED_LOCALES
from followkit.timeline._phrases import PHRASES
from followkit.timeline._phrases import SUPPORTED as TIMELINE_LOCALES
from followkit.tone import supported_locales


def test_every_capability_supports_the_same_languages() -> None:
    assert sorted(SUPPORTED_LOCALES) == sorted(supported_locales()) == sorted(TIMELINE_LOCALES)


@pytest.mark.parametrize("language", sorted(PHRASES))
def test_agenda_phrases_are_complete(language: str) -> None:
    assert set(PHRASES[language]) == set(PHRASES["en"])
    for key, text in PHRASES[language].items():
        placeholders = {part.split("}")[0] for part in text.split("{")[1:]}
        english = {part.split("}")[0] for part in PHRASES["en"][key].split("{")[1:]}
        assert placeholders == english, (language, key)
