"""The taxonomy and the phrase files: complete in every locale, validated on load."""

from __future__ import annotations

import tomllib
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import pytest

from followkit.errors import InvalidInputError, RuleError, UnsupportedLocaleError
from followkit.feedback import AREA_KINDS, AREAS, LOCALES, STEP_KINDS, area, areas, constraints
from followkit.feedback._reader import Matcher
from followkit.feedback._taxonomy import load_locale, parse_locale, taxonomy, tools

if TYPE_CHECKING:
    from collections.abc import Callable

CONSTRAINT_IDS = ["internal-candidate", "role-closed", "budget", "seniority-mismatch"]


def test_taxonomy_is_the_fixed_one() -> None:
    known = taxonomy()
    assert len(known.kinds) == 37
    assert list(known.constraints) == CONSTRAINT_IDS
    assert set(known.kinds.values()) == set(AREA_KINDS)
    assert known.kinds["system-design"] == "technical"
    assert known.kinds["interview-setup"] == "logistics"
    assert list(AREAS) == list(known.kinds)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_area_has_a_name_and_steps(locale: str) -> None:
    listed = areas(locale)
    assert [item.id for item in listed] == list(taxonomy().kinds)
    for item in listed:
        assert item.locale == locale
        assert item.name
        assert len(item.next_steps) >= 2
        assert {step.kind for step in item.next_steps} <= set(STEP_KINDS)
        assert len({step.kind for step in item.next_steps}) >= 1
        assert item.as_dict()["next_steps"][0]["text"] == item.next_steps[0].text
    assert [c.id for c in constraints(locale)] == CONSTRAINT_IDS


def test_steps_are_translated() -> None:
    texts = {locale: area("system-design", locale=locale).next_steps[0].text for locale in LOCALES}
    assert len(set(texts.values())) == len(LOCALES)


def test_area_lookup() -> None:
    assert area("sql-data", locale="fr_CA").name == "SQL et analyse de données"
    with pytest.raises(InvalidInputError, match="'nope' is not an area"):
        area("nope")
    with pytest.raises(UnsupportedLocaleError):
        areas("ja")
    assert constraints("de")[0].as_dict()["name"] == "Interne Besetzung"


@pytest.mark.parametrize("locale", LOCALES)
def test_phrases_compile(locale: str) -> None:
    matcher = Matcher(load_locale(locale), tools())
    assert matcher.trie.size > 500


def _data(locale: str = "en") -> dict[str, Any]:
    text = (files("followkit.feedback") / "locales" / f"{locale}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _set(path: tuple[str, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        data[path[-1]] = value

    return change


def _drop(path: tuple[str, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        for key in path[:-1]:
            data = data[key]
        del data[path[-1]]

    return change


def _one_step(data: dict[str, Any]) -> None:
    data["areas"]["portfolio"]["steps"] = data["areas"]["portfolio"]["steps"][:1]


def _bad_kind(data: dict[str, Any]) -> None:
    data["areas"]["portfolio"]["steps"][0]["kind"] = "nap"


CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "unknown key": _set(("extra",), 1),
    "wrong locale": _set(("locale",), "de"),
    "missing area": _drop(("areas", "portfolio")),
    "few steps": _one_step,
    "bad step kind": _bad_kind,
    "no phrases": _set(("areas", "portfolio", "topic"), []),
    "phrases not strings": _set(("cues", "gap"), [1]),
    "bad flag": _set(("elision",), "yes"),
    "empty name": _set(("areas", "portfolio", "name"), " "),
    "unknown question": _set(("questions", "WHY"), ["why"]),
    "missing constraint": _drop(("constraints", "budget")),
    "empty constraint": _set(("constraints", "budget", "patterns"), []),
    "area not a table": _set(("areas", "portfolio"), "x"),
}


def _broken(change: str) -> dict[str, Any]:
    data = _data()
    CHANGES[change](data)
    return data


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ("unknown key", "file"),
        ("wrong locale", "locale"),
        ("missing area", "areas"),
        ("few steps", "areas.portfolio.steps"),
        ("bad step kind", "areas.portfolio.steps[0].kind"),
        ("no phrases", "areas.portfolio"),
        ("phrases not strings", "cues.gap"),
        ("bad flag", "elision"),
        ("empty name", "areas.portfolio.name"),
        ("unknown question", "questions"),
        ("missing constraint", "constraints"),
        ("empty constraint", "constraints.budget.patterns"),
        ("area not a table", "areas.portfolio"),
    ],
)
def test_malformed_phrase_file(change: str, field: str) -> None:
    with pytest.raises(RuleError) as info:
        parse_locale(_broken(change), "en.toml", "en")
    assert info.value.field == field
    assert "en.toml" in str(info.value)


def test_bad_phrase_syntax_names_the_field() -> None:
    data = _data()
    data["areas"]["portfolio"]["topic"] = ["(unclosed"]
    parsed = parse_locale(data, "en.toml", "en")
    with pytest.raises(RuleError, match="areas.portfolio.topic"):
        Matcher(parsed, tools())
