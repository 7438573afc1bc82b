"""Every rule of every locale file flags its `flag` examples and passes its `pass` examples."""

from __future__ import annotations

import re

import pytest

from followkit.tone import Checker, Rule, load_rules, supported_locales

CASES: list[tuple[str, Rule]] = [
    (locale, rule) for locale in supported_locales() for rule in load_rules(locale).rules
]


@pytest.fixture(scope="module", params=supported_locales())
def checker(request: pytest.FixtureRequest) -> Checker:
    return Checker(request.param)


_CHECKERS: dict[str, Checker] = {}


def _checker(locale: str) -> Checker:
    if locale not in _CHECKERS:
        _CHECKERS[locale] = Checker(locale)
    return _CHECKERS[locale]


@pytest.mark.parametrize(("locale", "rule"), CASES, ids=[f"{loc}:{r.id}" for loc, r in CASES])
def test_rule_examples(locale: str, rule: Rule) -> None:
    assert rule.flag, f"{rule.id} needs at least one example to flag"
    assert rule.passes, f"{rule.id} needs at least one example to pass"
    checker = _checker(locale)
    for example in rule.flag:
        ids = [f.rule_id for f in checker.check(example).findings]
        assert rule.id in ids, f"{rule.id} should flag {example!r}; found {ids}"
    for example in rule.passes:
        ids = [f.rule_id for f in checker.check(example).findings]
        assert rule.id not in ids, f"{rule.id} should pass {example!r}"


@pytest.mark.parametrize(("locale", "rule"), [c for c in CASES if c[1].fix], ids=str)
def test_fixed_examples_check_clean(locale: str, rule: Rule) -> None:
    """A drop-in fix removes what it fixes: the rewritten text is clean for that rule."""
    checker = _checker(locale)
    for example in rule.flag:
        fixed = checker.check(example).fixed()
        assert fixed != example
        assert rule.id not in [f.rule_id for f in checker.check(fixed).findings], fixed
        # A drop-in reads as text: no doubled or stranded punctuation, no article or word
        # left in front of a rewrite that starts a sentence.
        assert not _BROKEN.search(fixed), f"{rule.id}: {example!r} -> {fixed!r}"


_BROKEN = re.compile(r",,|(?<!\.)\.\.(?!\.)|\s[,.;:!?]|\b(?i:a|an|the) I\b|[.!?] [a-zà-ÿ]")


def test_neighbouring_fixes_do_not_repeat_themselves() -> None:
    report = _checker("en").check("Please respond immediately ASAP.")
    assert report.fixed() == "Please get back to me when you have a moment."


def test_locales_have_rules(checker: Checker) -> None:
    assert checker.rule_ids
