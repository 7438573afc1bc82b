"""The phrase syntax, rule-file validation, and linear work on hostile input."""

from __future__ import annotations

import functools
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit.errors import RuleError
from followkit.tone import Checker, check, supported_locales
from followkit.tone import _engine as engine
from followkit.tone._phrases import BREAKS, TOKEN_RE, Trie, expand, normalize
from followkit.tone._rules import load_rules, parse_rule_file


def words(pattern: str) -> list[str]:
    sequences, _question = expand(pattern)
    return sorted(
        " ".join(word + ("*" if kind == "p" else "") for kind, word in seq) for seq in sequences
    )


def test_expansion() -> None:
    assert words("(a|b c) [d|e f] ggg*") == sorted(
        ["a ggg*", "a d ggg*", "a e f ggg*", "b c ggg*", "b c d ggg*", "b c e f ggg*"]
    )
    assert expand("any feedback?") == ([(("w", "any"), ("w", "feedback"))], True)
    assert words("don’t _ me") == ["don't  me"]
    assert words("((a|b) c|d)") == ["a c", "b c", "d"]


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [
        ("", "is empty"),
        ("   ", "is empty"),
        ("(a|)", "empty group"),
        ("()", "empty group"),
        ("[]", "empty group"),
        ("[a]", "can match nothing"),
        ("(a", "misses a closing"),
        ("a)", "unexpected ')'"),
        ("(a]", "unexpected ']'"),
        ("a.*b", "is not a word"),
        ("a+", "is not a word"),
        ("ab*", "shorter than 3"),
        ("_ a", "may not start or end"),
        ("a _", "may not start or end"),
        ("((((a))))", "deeper than 3"),
        ("a b c d e f g h i j k l m", "longer than 12"),
        (" ".join(["(a|b|c|d)"] * 7), "more than 4096"),
        ("what?ever", "is not a word"),
    ],
)
def test_invalid_patterns(pattern: str, reason: str) -> None:
    with pytest.raises(RuleError, match=re.escape(reason)) as info:
        expand(pattern, source="x.toml", rule="pressure.x", field="patterns")
    assert str(info.value).startswith("x.toml: rule 'pressure.x': field 'patterns': pattern")


def test_pattern_must_be_a_string() -> None:
    with pytest.raises(RuleError, match="must be a string"):
        expand(3)


def test_normalize_keeps_length() -> None:
    text = "İSTANBUL Don’t"
    assert len(normalize(text)) == len(text)
    assert normalize(text).endswith("don't")


def test_trie_walk_and_scan() -> None:
    trie = Trie()
    trie.add(expand("thank*")[0], 1, question=False)
    trie.add(expand("feedback?")[0], 2, question=True)
    trie.add(expand("a _ c")[0], 3, question=False)
    trie.add(expand("a bee*")[0], 4, question=False)
    assert trie.scan(["thanks", "a", "beer", "c"], [False] * 4) == [
        (1, 0, 1),
        (4, 1, 3),
        (3, 1, 4),
    ]
    assert trie.scan(["feedback"], [True]) == [(2, 0, 1)]
    assert trie.scan(["feedback"], [False]) == []


RULE: dict[str, Any] = {
    "id": "pressure.x",
    "category": "pressure",
    "severity": "warning",
    "patterns": ["a b"],
    "message": "m",
    "examples": {"flag": ["a b"], "pass": ["b a"]},
}


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        ({"colour": 1}, "colour", "unknown key"),
        ({"category": "rude"}, "category", "must be one of"),
        ({"id": "demanding.x"}, "id", "start with the category"),
        ({"id": "pressure"}, "id", "start with the category"),
        ({"id": "pressure..x"}, "id", "start with the category"),
        ({"id": "shouting.capitals", "category": "shouting"}, "id", "reserved"),
        ({"id": "message.x", "category": "message"}, "id", "reserved"),
        ({"severity": "fatal"}, "severity", "'error', 'warning' or 'info'"),
        ({"patterns": []}, "patterns", "at least one"),
        ({"patterns": "a (b"}, "patterns", "misses a closing"),
        ({"patterns": [1]}, "patterns", "list of strings"),
        ({"message": ""}, "message", "non-empty string"),
        ({"fix": "yes"}, "fix", "true or false"),
        ({"fix": True}, "fix", "needs a suggestion"),
        ({"examples": {"flag": [], "other": []}}, "examples", "'flag' and 'pass'"),
        ({"examples": {"flag": [1]}}, "examples.flag", "list of strings"),
        ({"context": ["irony"]}, "context", "is not one of"),
        ({"unless": ["(x"]}, "unless", "misses a closing"),
    ],
)
def test_rule_validation(change: dict[str, Any], field: str, reason: str) -> None:
    with pytest.raises(RuleError, match=reason) as info:
        parse_rule_file({"rule": [{**RULE, **change}]}, "x.toml")
    assert info.value.source == "x.toml"
    assert info.value.field == field


@pytest.mark.parametrize(
    ("data", "field", "reason"),
    [
        ({"colour": 1}, "colour", "unknown top-level key"),
        ({"locale": 1}, "locale", "must be a string"),
        ({"rule": {}}, "rule", "array of tables"),
        ({"rule": [1]}, "rule[0]", "must be a table"),
        ({"rule": [{"category": "pressure"}]}, "rule[0].id", "needs a string 'id'"),
        ({"rule": [RULE, RULE]}, "id", "defined twice"),
        ({"lexicon": []}, "lexicon", "must be a table"),
        ({"lexicon": {"hellos": ["hi"]}}, "lexicon.hellos", "unknown key"),
        ({"strategies": {"please": ["(x"]}}, "strategies.please", "misses a closing"),
        ({"negations": [["no"]]}, "negations", "list of strings"),
    ],
)
def test_file_validation(data: dict[str, Any], field: str, reason: str) -> None:
    with pytest.raises(RuleError, match=reason) as info:
        parse_rule_file(data, "x.toml")
    assert info.value.field == field


# ---------------------------------------------------------------- linear work


def count_steps(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count trie steps, walks and sentence-break checks: the Python work of a scan."""
    counter = [0]
    original_step, original_walk = engine.step, engine.Compiled._walk
    original_break = engine._first_break
    original_candidates = engine.Compiled._candidates

    def counting_step(*args: Any) -> Any:
        counter[0] += 1
        return original_step(*args)

    def counting_break(*args: Any) -> Any:
        counter[0] += 1
        return original_break(*args)

    def counting_walk(self: engine.Compiled, *args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        return original_walk(self, *args, **kwargs)

    def counting_candidates(self: engine.Compiled, *args: Any) -> Any:
        found = original_candidates(self, *args)
        counter[0] += len(found)
        return found

    monkeypatch.setattr(engine.Compiled, "_candidates", counting_candidates)
    monkeypatch.setattr(engine, "step", counting_step)
    monkeypatch.setattr(engine, "_first_break", counting_break)
    monkeypatch.setattr(engine.Compiled, "_walk", counting_walk)
    return counter


@pytest.mark.parametrize(
    "unit",
    [
        "per my last email i demand an explanation why didn't you hire me thank you ",
        "could you please would you ",
        "i i i you you ",
    ],
)
def test_work_grows_linearly(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    checker = Checker("en")
    counter = count_steps(monkeypatch)
    checker.check(unit * 2000)
    small = counter[0]
    counter[0] = 0
    checker.check(unit * 8000)
    assert small > 0
    assert counter[0] <= 4 * small * 1.01


@pytest.mark.parametrize(
    "text",
    [
        "a" * 10_000_000,
        "!" * 1_000_000,
        "A" * 1_000_000,
        "DEMAND " * 150_000,
        "?!" * 500_000,
        "wrote:" * 200_000,
        ">" * 1_000_000,
        "-- \n" * 200_000,
        "x'" * 500_000,
        "".join(chr(c) for c in range(0x20, 0x3000)) * 40,
    ],
    ids=[
        "no-spaces",
        "bangs",
        "capitals",
        "caps-words",
        "interrobangs",
        "wrote",
        "quotes",
        "signatures",
        "apostrophes",
        "unicode",
    ],
)
def test_hostile_input_finishes(text: str) -> None:
    report = check(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in report.findings)


def test_huge_text_is_scanned_in_blocks() -> None:
    sentence = "I demand an explanation. "
    text = sentence * (engine.CHUNK // len(sentence) * 3)
    report = check(text)
    count = sum(f.rule_id == "demanding.ultimatum" for f in report.findings)
    assert count == text.count("I demand an explanation")
    one_sentence = "word " * (engine.CHUNK // 4) + "I demand an explanation"
    assert "demanding.ultimatum" in [f.rule_id for f in check(one_sentence).findings]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_findings_inside_it(text: str) -> None:
    report = check(text)
    for finding in report.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.text == text[finding.start : finding.end]
        assert finding.line >= 1
        assert finding.column >= 1
    assert 0 <= report.score <= 100
    for hit in report.profile.hits:
        assert text[hit.start : hit.end] == hit.text


FIXABLE = [
    "please reply ASAP",
    "Per my last email",
    "as per my previous message",
    "Let me know right away",
    "reply at the earliest",
    "In my defense",
    "Awaiting your prompt reply",
]
FILLER = ["Thanks.", "I enjoyed the interview", "and", ",", "Best regards", "\n", "Hi Jordan"]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(FIXABLE + FILLER), min_size=1, max_size=12))
def test_fixed_text_checks_clean_for_the_fixed_rules(parts: list[str]) -> None:
    text = " ".join(parts)
    report = check(text)
    fixed_rules = {f.rule_id for f in report.findings if f.fixable}
    after = {f.rule_id for f in check(report.fixed()).findings}
    assert not fixed_rules & after


def test_prefix_matches_count_once() -> None:
    trie = Trie()
    trie.add(expand("thank*")[0], 1, question=False)
    trie.add(expand("thanksgiving*")[0], 2, question=False)
    trie.add(expand("good (thank*|thanksgiving*)")[0], 3, question=False)
    assert trie.single("thank") == [1]
    assert trie.single("thanksgivings") == [1, 2]
    assert trie.scan(["good", "thank"], [False, False]) == [(3, 0, 2), (1, 1, 2)]
    counts = check("Thank you, thanks again!").profile.counts
    assert counts["gratitude"] == 2


def reference_scan(compiled: engine.Compiled, low: str) -> set[tuple[int, int, int]]:
    """The plain algorithm the fast scan must agree with: the trie from every word."""
    found: set[tuple[int, int, int]] = set()
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    questions: list[bool] = []

    def flush() -> None:
        for payload, first, last in compiled.trie.scan(words, questions):
            found.add((payload, spans[first][0], spans[last - 1][1]))
        words.clear()
        spans.clear()
        questions.clear()

    for match in TOKEN_RE.finditer(low):
        piece = match.group()
        if piece in BREAKS:
            if piece == "?" and questions:
                questions[-1] = True
            flush()
        else:
            words.append(piece)
            spans.append(match.span())
            questions.append(False)
    flush()
    return found


@functools.cache
def english() -> Checker:
    return Checker("en")


VOCABULARY = sorted(
    {
        word
        for rule in load_rules("en").rules[::3]
        for pattern in rule.patterns
        for word in pattern.replace("(", " ").replace(")", " ").replace("|", " ").split()
        if word.isalpha()
    }
)


EXAMPLES = sorted({example for rule in load_rules("en").rules for example in rule.flag})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(VOCABULARY),
            st.sampled_from([",", ".", "?", "!", "\n", "...", "'s", "thanks", "feedback?"]),
            st.sampled_from(EXAMPLES),
        ),
        max_size=40,
    )
)
def test_fast_scan_agrees_with_the_plain_algorithm(tokens: list[str]) -> None:
    compiled = english()._compiled
    low = normalize(" ".join(tokens))
    assert set(compiled.scan(low)) == reference_scan(compiled, low)


@pytest.mark.parametrize("locale", supported_locales())
def test_fast_scan_agrees_on_every_example(locale: str) -> None:
    compiled = Checker(locale)._compiled
    rules = load_rules(locale).rules
    text = " ".join(example for rule in rules for example in (*rule.flag, *rule.passes))
    for low in (normalize(text), normalize(text.replace(".", " "))):
        found = set(compiled.scan(low))
        assert found == reference_scan(compiled, low)
        assert len(found) > len(rules)


def test_word_memo_stays_bounded_and_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Per my last email, I demand an answer. Thanks for nothing!",
        "Could you please share feedback? I apologise for the delay; I'd appreciate it.",
        "Sorry to bother you again, but why didn't you hire me? I would really like to know.",
    ] * 3
    expected = [Checker("en").check(text) for text in texts]
    monkeypatch.setattr(engine, "_MEMO_SIZE", 8)
    checker = Checker("en")
    for text, report in zip(texts, expected, strict=True):
        assert checker.check(text) == report
        # Full tables start afresh with the words of the text at hand.
        words = set(engine.WORD_RE.findall(text.lower()))
        assert len(checker._compiled._memo.seen) <= max(8, len(words))
