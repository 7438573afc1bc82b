"""Greetings and sign-offs matched only where the message rules read them.

The reference is the former behaviour: every greeting and sign-off over the whole text, found
by the plain algorithm, handed to the same rules.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit.tone import Checker, load_rules, supported_locales
from followkit.tone import _code as code
from followkit.tone import _engine as engine
from followkit.tone import _text as text_prep
from followkit.tone._phrases import Trie, expand, normalize

from .test_phrases import reference_scan

if TYPE_CHECKING:
    from followkit.tone._code import Context

PLACED_RULES = {"message.no-greeting": code._no_greeting, "message.no-signoff": code._no_signoff}


@functools.cache
def checker(locale: str) -> Checker:
    return Checker(locale)


@functools.cache
def everywhere(locale: str) -> engine.Compiled:
    """A matcher of the locale's greetings and sign-offs, as the whole-text scan had them."""
    lexicon = load_rules(locale).lexicon
    trie = Trie()
    for index, key in enumerate(engine.PLACED):
        for pattern in lexicon.get(key, ()):
            sequences, question = expand(pattern, source=None, rule=None, field="lexicon")
            trie.add(sequences, index, question=question)
    return engine.Compiled.matcher(trie)


def reference(locale: str, text: str) -> set[tuple[str, int, int]]:
    """The spans of the two rules with greetings and sign-offs found over the whole text."""
    config = checker(locale).config
    low = text_prep.normalise_text(text, config)
    flat = text_prep.join_lines(low)
    lexicon: dict[str, list[tuple[int, int]]] = {
        key: [] for key in load_rules(locale).lexicon if key in engine.PLACED
    }
    for payload, start, end in reference_scan(everywhere(locale), flat):
        lexicon[engine.PLACED[payload]].append((start, end))
    context: Context = code.Context(
        text=text, low=low, config=config, message=True, lexicon=lexicon, gratitude=False
    )
    return {(rule_id, s, e) for rule_id, rule in PLACED_RULES.items() for s, e in rule(context)}


def actual(locale: str, text: str) -> set[tuple[str, int, int]]:
    class Message:
        subject = None
        body = text
        locale = None

    report = checker(locale).check(Message())
    return {
        (finding.rule_id, finding.start, finding.end)
        for finding in report.findings
        if finding.rule_id in PLACED_RULES
    }


WORDS = sorted(
    {
        word
        for key in engine.PLACED
        for pattern in load_rules("en").lexicon[key]
        for word in pattern.replace("(", " ").replace(")", " ").replace("|", " ").split()
    }
    | {"thank", "you", "for", "your", "time", "jordan", "feedback", "role", "the"}
)
PIECES = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from([",", ".", "?", "!", "\n", "\n\n", "\r\n", "  \n", "\t", " ", "> ", "-- "]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40), st.sampled_from(["", " ", "\n"]))
def test_random_texts_give_the_former_findings(pieces: list[str], glue: str) -> None:
    text = glue.join(pieces)
    assert actual("en", text) == reference("en", text)


REALISTIC = [
    "Dear Ms. Lee,\n\nThank you for your time.\nI would welcome feedback.\n\nBest regards,\nSam",
    "Hi Jordan,\nthanks again for the call.\n\nBest\n\nSam Taylor\nData engineer",
    "Good morning Alex, I hope\nyou are well.\n\nCould you share feedback?\n\nWarm regards, Sam",
    "  \n\n  Hello there!\nNo sign-off here at all, just a long line of text without an end",
    "I am writing to follow up. Regards are owed\nto the team.\nKind\nregards\n",
    "Dear\r\nMs. Lee,\r\n\r\nthanks.\r\n\r\nBest wishes,\r\nSam\r\n-- \r\nSam Taylor",
    "> Dear Sam,\n> thanks\nHi Lee, thanks for the note. Talk to you soon?\n",
    "hey! how are you\n\n\nall the best. sam",
    "Greetings, to whom it may concern. " * 40 + "\nCheers",
]


@pytest.mark.parametrize("locale", supported_locales())
def test_realistic_texts_give_the_former_findings(locale: str) -> None:
    rules = load_rules(locale)
    examples = [example for rule in rules.rules for example in (*rule.flag, *rule.passes)]
    texts = [*REALISTIC, "\n".join(examples[:40]), "\n\n".join(examples[-40:])]
    texts += [
        f"{a}\n{b}\n\n{c}" for a, b, c in zip(examples, examples[1:], examples[2:], strict=False)
    ][:60]
    for text in texts:
        assert actual(locale, text) == reference(locale, text), text


@pytest.mark.parametrize("locale", supported_locales())
def test_region_scan_agrees_with_the_whole_text(locale: str) -> None:
    placed = checker(locale)._compiled.placed
    examples = [example for rule in load_rules(locale).rules for example in rule.flag]
    low = text_prep.join_lines(normalize("\n".join([*REALISTIC, *examples])))
    whole = set(placed.scan(low))
    starts = [0] + [k + 1 for k, char in enumerate(low) if char in "\n\r"]
    for start in starts[::7]:
        for stop in (start + 1, start + 25, len(low)):
            expected = {hit for hit in whole if start <= hit[1] < stop}
            assert set(placed.scan_lines(low, start, stop)) == expected
