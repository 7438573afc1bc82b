"""The words around a rule match, read by sentence, agree with a plain tokenisation."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit.tone import Checker
from followkit.tone import _engine as engine
from followkit.tone import _text as text_prep
from followkit.tone._phrases import BREAKS, TOKEN_RE

PIECES = st.sampled_from(
    ["a", "bc", "don't", "x'", "'", "é", "9", "_", " ", "  ", ".", "?", "!", ";", "\n", "\r", "?!"]
)


def plain_before(low: str, start: int, window: int) -> list[str]:
    words: list[str] = []
    for piece in TOKEN_RE.findall(low, max(0, start - window), start):
        if piece in BREAKS:
            words.clear()
        else:
            words.append(piece)
    return words


def plain_after(low: str, start: int, end: int) -> tuple[list[str], list[bool]]:
    words: list[str] = []
    questions: list[bool] = []
    last_end = -1
    for match in TOKEN_RE.finditer(low, start, end):
        if match.group() in BREAKS:
            if words and match.group() == "?":
                questions[-1] = True
            return words, questions
        words.append(match.group())
        questions.append(False)
        last_end = match.end()
    if last_end == end < len(low):
        words.pop()
        questions.pop()
    return words, questions


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=60), st.data())
def test_words_agree_with_plain_tokens(pieces: list[str], data: st.DataObject) -> None:
    low = "".join(pieces)
    start = data.draw(st.integers(0, len(low)))
    window = data.draw(st.integers(0, 40))
    end = data.draw(st.integers(start, len(low)))
    assert engine._words_before(low, start, window) == plain_before(low, start, window)
    assert engine._words(low, start, end) == plain_after(low, start, end)


def test_a_question_mark_flags_the_last_word() -> None:
    low = "could you tell me why? thanks"
    assert engine._words(low, 0, len(low)) == (
        ["could", "you", "tell", "me", "why"],
        [False, False, False, False, True],
    )
    assert engine._words(low, 0, 12) == (["could", "you"], [False, False])  # "tell" is cut
    assert engine._words_before(low, len(low)) == ["thanks"]


START_PIECES = st.sampled_from(
    [
        *("i", "my", "you", "so", "why", "great", "x", "don't", "i'm", "9", "é"),
        *("_", " ", "  ", ", ", ". ", "?", "!", ";", "\n", "\r\n", "\n\n", "'", "("),
    ]
)


def reference_starts(compiled: engine.Compiled, low: str) -> set[tuple[str, int, int]]:
    """Sentence openings found by one expression over the text, the plain way."""
    found = set()
    for key, words in compiled.starts.items():
        alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
        body = rf"[^\w.!?;\n\r]*+(?P<word>{alternatives})(?![^\W_])(?!'[^\W_])"
        name = engine.START_STRATEGIES[key]
        matches = [m for m in [re.match(body, low)] if m]
        matches += re.finditer(r"(?<=[.!?;\n\r])" + body, low)
        for match in matches:
            start, end = match.span("word")
            if key == "question_words":
                stop = re.compile(r"[.!?;\n\r]").search(low, end)
                if stop is None or stop.group() != "?":
                    continue
                end = stop.end()
            found.add((name, start, end))
    return found


def scanned_starts(compiled: engine.Compiled, low: str) -> set[tuple[str, int, int]]:
    hits = compiled.scan(text_prep.join_lines(low), low)
    return {
        (name, start, end)
        for payload, start, end in hits
        if compiled.entries[payload][0] == "start"
        for name in [compiled.strategy_names[payload]]
        if name is not None
    }


@settings(max_examples=300, deadline=None)
@given(st.lists(START_PIECES, max_size=40))
def test_sentence_openings_agree_with_an_expression(pieces: list[str]) -> None:
    compiled = Checker("en")._compiled
    low = "".join(pieces)
    assert scanned_starts(compiled, low) == reference_starts(compiled, low)


def test_sentence_openings_across_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled = Checker("en")._compiled
    low = "i think so. you know; my word\nwhy not? great! x i _i. (i'm here\n\n" * 40
    monkeypatch.setattr(engine, "CHUNK", 37)  # cut between sentences again and again
    assert len(engine._chunks(low)) > 20
    assert scanned_starts(compiled, low) == reference_starts(compiled, low)
