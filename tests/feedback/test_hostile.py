"""Hostile input: spans stay inside the text, huge or odd text stays linear."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit.errors import InvalidInputError
from followkit.feedback import LOCALES, MAX_FEEDBACK, read

WORDS = st.sampled_from(
    [
        "system design",
        "SQL",
        "strong",
        "but",
        "not",
        "no",
        "lacked",
        "depth",
        "Kubernetes",
        "l'architecture",
        "n'a",
        "pas",
        "keine",
        "Bedenken",
        "pero",
        "sin",
        "experiencia",
        "\n",
        ":",
        ",",
        ".",
        "?",
        "\u2019",
        "\u0130",
        "\x00",
        "\u202e",
        "areas to improve",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(WORDS, st.text(max_size=8)), max_size=40), st.sampled_from(LOCALES))
def test_spans_inside_the_text(parts: list[str], locale: str) -> None:
    text = " ".join(parts)
    feedback = read(text, locale=locale)
    for mention in (*feedback.areas, *feedback.strengths, *feedback.constraints):
        start, end = mention.span
        assert 0 <= start < end <= len(text)
        assert text[start:end] == mention.text
    assert feedback.vague == (not feedback.areas and not feedback.constraints)


HOSTILE = {
    "no spaces": "a" * 1_000_000,
    "breaks": "." * 1_000_000,
    "one sentence": "system design lacked depth but SQL was strong " * 22_000,
    "cues only": "not strong " * 90_000,
    "colons": "areas to improve:\n" * 55_000,
    "control": "\x00\u202e\r" * 330_000,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_one_megabyte_is_quick(name: str) -> None:
    started = time.perf_counter()
    read(HOSTILE[name])
    assert time.perf_counter() - started < 20


def test_time_grows_linearly() -> None:
    unit = "Your SQL was strong, but system design lacked depth and Kafka was new to you. "

    def timed(copies: int) -> float:
        started = time.perf_counter()
        read(unit * copies)
        return time.perf_counter() - started

    timed(200)  # compile and warm up
    small, large = min(timed(1_000) for _ in range(2)), min(timed(8_000) for _ in range(2))
    assert large < small * 8 * 3


def test_too_long() -> None:
    with pytest.raises(InvalidInputError, match="at most"):
        read("a" * (MAX_FEEDBACK + 1))
