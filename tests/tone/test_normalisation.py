"""Text as people's systems write it: decomposed accents and hard-wrapped lines."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit.tone import Checker, Report, check, load_rules, supported_locales
from followkit.tone._text import compose, join_lines


def spans_slice_the_text(report: Report) -> None:
    for finding in report.findings:
        assert report.text[finding.start : finding.end] == finding.text
    for hit in report.profile.hits:
        assert report.text[hit.start : hit.end] == hit.text


# ---------------------------------------------------------------- Unicode NFC


def test_compose_keeps_composed_text_as_it_is() -> None:
    for text in ("", "plain ASCII", "déjà composé", "日本語"):
        assert compose(text) == (text, None)


def test_compose_maps_offsets_back() -> None:
    original = "Cafe\u0301 and re\u0301sume\u0301!"
    composed, offsets = compose(original)
    assert composed == unicodedata.normalize("NFC", original) == "Café and résumé!"
    assert offsets is not None
    # "Café" is 4 composed characters and 5 original ones; "résumé" 6 and 8.
    assert offsets.span(0, 4) == (0, 5)
    assert offsets.span(9, 15) == (10, 18)
    assert offsets.span(3, 4) == (3, 5)  # the composed "é" is "e" and the accent
    assert offsets.span(4, 4) == (5, 5)
    assert offsets.span(15, 16) == (18, 19)


def decomposed_examples(locale: str) -> list[tuple[str, str]]:
    found = []
    for rule in load_rules(locale).rules:
        for example in rule.flag:
            decomposed = unicodedata.normalize("NFD", example)
            if decomposed != example:
                found.append((rule.id, decomposed))
    return found


@pytest.mark.parametrize("locale", supported_locales())
def test_decomposed_accents_match_the_same_rules(locale: str) -> None:
    checker = Checker(locale)
    examples = decomposed_examples(locale)
    if locale != "en":
        assert examples, "every other locale has accented rule examples"
    for rule_id, text in examples:
        report = checker.check(text)
        composed = checker.check(unicodedata.normalize("NFC", text))
        assert rule_id in {f.rule_id for f in report.findings}, text
        assert [f.rule_id for f in report.findings] == [f.rule_id for f in composed.findings]
        assert report.score == composed.score
        spans_slice_the_text(report)
        for finding, twin in zip(report.findings, composed.findings, strict=True):
            assert unicodedata.normalize("NFC", finding.text) == twin.text


def test_decomposed_finding_positions() -> None:
    text = "Merci.\nJ'exige une re\u0301ponse imme\u0301diatement."
    report = check(text, locale="fr")
    assert report.findings
    spans_slice_the_text(report)
    for finding in report.findings:
        line_start = text.rfind("\n", 0, finding.start) + 1
        assert finding.column == finding.start - line_start + 1


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Thank you",
                "I demand an answer",
                "per my last email",
                "e\u0301",
                "\u0301",
                "a\u0308\u0301",
                "\u1100\u1161",
                "Ǆ",
                "İ",
                "ﬁ",
                " ",
                "\n",
                "\r\n",
                ".",
                "!!!",
                "PLEASE RESPOND",
            ]
        ),
        max_size=30,
    )
)
def test_spans_always_slice_the_original(pieces: list[str]) -> None:
    text = "".join(pieces)
    spans_slice_the_text(check(text))


# ---------------------------------------------------------------- hard-wrapped lines


@pytest.mark.parametrize(
    "text", ["Per my last\nemail, here it is.", "Per my last\r\nemail.", "Per my  \n  last email"]
)
def test_a_single_line_break_does_not_end_a_phrase(text: str) -> None:
    report = check(text)
    [finding] = [f for f in report.findings if f.rule_id == "passive-aggressive.per-my-last-email"]
    assert finding.text == text[finding.start : finding.end]
    assert finding.text.startswith("Per my")
    assert finding.text.endswith("email")


@pytest.mark.parametrize(
    "text",
    [
        "Per my last\n\nemail, here it is.",
        "Per my last\r\n\r\nemail.",
        "Per my last\n   \nemail.",
        "Per my last.\nEmail.",
    ],
)
def test_a_blank_line_or_punctuation_still_ends_a_sentence(text: str) -> None:
    assert "passive-aggressive.per-my-last-email" not in {f.rule_id for f in check(text).findings}


def test_negation_reads_across_a_wrapped_line() -> None:
    assert "demanding.expect-reply" in {f.rule_id for f in check("I expect a reply.").findings}
    wrapped = check("I don't\nexpect a reply by then, no worries.")
    assert "demanding.expect-reply" not in {f.rule_id for f in wrapped.findings}


def test_line_and_column_stay_those_of_the_original() -> None:
    text = "Hello Jordan,\nper my last\nemail, I demand an explanation."
    report = check(text)
    finding = next(f for f in report.findings if f.rule_id.endswith("per-my-last-email"))
    assert (finding.line, finding.column) == (2, 1)


def test_join_lines_keeps_length_and_paragraphs() -> None:
    low = "a\nb\n\nc\r\nd\r\n\r\ne\n"
    joined = join_lines(low)
    assert len(joined) == len(low)
    # Of a blank line's two breaks the first stays: one break ends the sentence.
    assert joined == "a b\n c  d\r\n  e\n"
    assert join_lines("no breaks") == "no breaks"
