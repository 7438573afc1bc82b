"""The feedback taxonomy and the per-locale phrase files, loaded and validated (not public).

``areas.toml`` holds the stable ids, kinds and descriptions; ``locales/<locale>.toml`` the
names, phrases and next steps of one locale; ``tools.toml`` the named technologies. Files are
read on first use and cached; any mistake is a :class:`~followkit.errors.RuleError` that
names the file and the field.
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

import attrs

from followkit.errors import RuleError, UnsupportedLocaleError

if TYPE_CHECKING:
    from collections.abc import Mapping

    import babel

__all__ = [
    "AREAS",
    "AREA_KINDS",
    "LOCALES",
    "STEP_KINDS",
    "Area",
    "AreaKind",
    "Constraint",
    "LocaleData",
    "NextStep",
    "StepKind",
    "area",
    "areas",
    "constraints",
    "load_locale",
    "resolve_locale",
    "taxonomy",
    "tools",
]

#: What an area is about.
AreaKind = Literal["technical", "communication", "experience", "preparation", "fit", "logistics"]
#: The kinds of area, in the taxonomy's order.
AREA_KINDS: Final[tuple[AreaKind, ...]] = get_args(AreaKind)
#: What a next step asks the candidate to do.
StepKind = Literal["practice", "course", "project", "mock-interview", "research"]
#: The kinds of next step.
STEP_KINDS: Final[tuple[StepKind, ...]] = get_args(StepKind)
#: The locales with phrase files.
LOCALES: Final = ("de", "en", "es", "fr")
#: The fewest next steps an area has in every locale.
MIN_STEPS: Final = 2


@attrs.frozen(kw_only=True)
class NextStep:
    """One concrete thing to do about an area.

    Attributes:
        kind: ``practice``, ``course`` (a kind of course, never a vendor), ``project`` (a
            project to build), ``mock-interview`` or ``research``.
        text: The step, in the locale asked for.

    .. versionadded:: 0.2.0
    """

    kind: StepKind
    text: str

    def as_dict(self) -> dict[str, str]:
        """Return the step as JSON-ready data."""
        return {"kind": self.kind, "text": self.text}


@attrs.frozen(kw_only=True)
class Area:
    """An improvement area of the taxonomy, with its name and next steps in one locale.

    Attributes:
        id: The stable id, such as ``system-design``.
        kind: What the area is about (one of :data:`~followkit.feedback.AREA_KINDS`).
        description: What feedback says about it (English, from the taxonomy).
        locale: The locale of ``name`` and ``next_steps``.
        name: The area's name in that locale.
        next_steps: Concrete steps (practice, a kind of course, a project, a mock
            interview, research), at least two.

    .. versionadded:: 0.2.0
    """

    id: str
    kind: AreaKind
    description: str
    locale: str
    name: str
    next_steps: tuple[NextStep, ...]

    def as_dict(self) -> dict[str, Any]:
        """Return the area as JSON-ready data."""
        return {
            "id": self.id,
            "kind": self.kind,
            "description": self.description,
            "locale": self.locale,
            "name": self.name,
            "next_steps": [step.as_dict() for step in self.next_steps],
        }


@attrs.frozen(kw_only=True)
class Constraint:
    """A reason for the decision that the candidate cannot change.

    Attributes:
        id: The stable id, such as ``internal-candidate``.
        description: What it means (English, from the taxonomy).
        locale: The locale of ``name``.
        name: Its name in that locale.

    .. versionadded:: 0.2.0
    """

    id: str
    description: str
    locale: str
    name: str

    def as_dict(self) -> dict[str, str]:
        """Return the constraint as JSON-ready data."""
        return attrs.asdict(self)


@attrs.frozen(kw_only=True)
class Taxonomy:
    """The ids, kinds and descriptions of ``areas.toml``, in file order."""

    kinds: Mapping[str, AreaKind]
    descriptions: Mapping[str, str]
    constraints: Mapping[str, str]


@attrs.frozen(kw_only=True)
class AreaPhrases:
    """One area's data in one locale."""

    name: str
    topic: tuple[str, ...]
    weak: tuple[str, ...]
    gap: tuple[str, ...]
    strength: tuple[str, ...]
    steps: tuple[NextStep, ...]


@attrs.frozen(kw_only=True)
class LocaleData:
    """A validated locale file."""

    locale: str
    origin: str
    elision: bool
    capitalised_nouns: bool
    fold_accents: bool
    negations: tuple[str, ...]
    tool_openers: tuple[str, ...]
    contrast: tuple[str, ...]
    cues: Mapping[str, tuple[str, ...]]
    questions: Mapping[str, tuple[str, ...]]
    areas: Mapping[str, AreaPhrases]
    constraints: Mapping[str, tuple[str, tuple[str, ...]]]


#: The cue tables of a locale file.
CUE_KEYS: Final = ("gap", "strength", "neutral", "heading_gap", "heading_strength")


def _read(name: str) -> tuple[dict[str, Any], str]:
    """Parse one of the package's TOML files."""
    from followkit.tone._rules import read_toml  # noqa: PLC0415  (deferred: cheap import)

    origin = f"followkit/feedback/{name}"
    path = os.path.join(os.path.dirname(__file__), *name.split("/"))  # noqa: PTH118, PTH120
    with open(path, encoding="utf-8") as file:  # noqa: PTH123
        return read_toml(file.read(), origin), origin


def _strings(value: object, origin: str, field: str, *, empty: bool = True) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleError("must be a list of strings", source=origin, field=field)
    if not value and not empty:
        raise RuleError("must not be empty", source=origin, field=field)
    return tuple(value)


def _text(value: object, origin: str, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise RuleError("must be a non-empty string", source=origin, field=field)
    return value


def _flag(value: object, origin: str, field: str) -> bool:
    if not isinstance(value, bool):
        raise RuleError("must be true or false", source=origin, field=field)
    return value


def _keys(data: Mapping[str, Any], allowed: set[str], origin: str, field: str) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise RuleError(f"unknown key(s) {', '.join(unknown)}", source=origin, field=field)


def _table(value: object, origin: str, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise RuleError("must be a table", source=origin, field=field)
    return value


@functools.cache
def taxonomy() -> Taxonomy:
    """Return the ids, kinds and descriptions of ``areas.toml``."""
    data, origin = _read("areas.toml")
    kinds: dict[str, AreaKind] = {}
    descriptions: dict[str, str] = {}
    for index, item in enumerate(data.get("area", [])):
        entry = _table(item, origin, f"area[{index}]")
        key = _text(entry.get("id"), origin, f"area[{index}].id")
        kind = entry.get("kind")
        if kind not in AREA_KINDS:
            raise RuleError(f"{kind!r} is not an area kind", source=origin, field=f"{key}.kind")
        if key in kinds:
            raise RuleError("is defined twice", source=origin, field=key)
        kinds[key] = kind
        descriptions[key] = _text(entry.get("description"), origin, f"{key}.description")
    limits = {
        _text(item.get("id"), origin, "constraint.id"): _text(
            item.get("description"), origin, "constraint.description"
        )
        for item in data.get("constraint", [])
    }
    return Taxonomy(kinds=kinds, descriptions=descriptions, constraints=limits)


def _area(value: object, origin: str, key: str) -> AreaPhrases:
    entry = _table(value, origin, f"areas.{key}")
    _keys(entry, {"name", "topic", "weak", "gap", "strength", "steps"}, origin, f"areas.{key}")
    topic = _strings(entry.get("topic", []), origin, f"areas.{key}.topic")
    gap = _strings(entry.get("gap", []), origin, f"areas.{key}.gap")
    if not topic and not gap and key != "technology":
        raise RuleError("needs 'topic' or 'gap' phrases", source=origin, field=f"areas.{key}")
    steps = []
    raw = entry.get("steps", [])
    if not isinstance(raw, list) or len(raw) < MIN_STEPS:
        raise RuleError(
            f"must list at least {MIN_STEPS} steps", source=origin, field=f"areas.{key}.steps"
        )
    for index, item in enumerate(raw):
        where = f"areas.{key}.steps[{index}]"
        step = _table(item, origin, where)
        _keys(step, {"kind", "text"}, origin, where)
        kind = step.get("kind")
        if kind not in STEP_KINDS:
            raise RuleError(f"{kind!r} is not a step kind", source=origin, field=f"{where}.kind")
        steps.append(NextStep(kind=kind, text=_text(step.get("text"), origin, f"{where}.text")))
    return AreaPhrases(
        name=_text(entry.get("name"), origin, f"areas.{key}.name"),
        topic=topic,
        weak=_strings(entry.get("weak", []), origin, f"areas.{key}.weak"),
        gap=gap,
        strength=_strings(entry.get("strength", []), origin, f"areas.{key}.strength"),
        steps=tuple(steps),
    )


def parse_locale(data: Mapping[str, Any], origin: str, locale: str) -> LocaleData:
    """Validate a locale file's data against the taxonomy.

    Raises:
        RuleError: If a key is unknown or missing, or an area or constraint of the taxonomy
            is missing (or one that is not in it is present).
    """
    _keys(
        data,
        {
            "locale",
            "elision",
            "capitalised_nouns",
            "fold_accents",
            "negations",
            "tool_openers",
            "contrast",
            "cues",
            "questions",
            "areas",
            "constraints",
        },
        origin,
        "file",
    )
    if data.get("locale") != locale:
        raise RuleError(f"must be {locale!r}", source=origin, field="locale")
    known = taxonomy()
    cues = _table(data.get("cues", {}), origin, "cues")
    _keys(cues, set(CUE_KEYS), origin, "cues")
    questions = _table(data.get("questions", {}), origin, "questions")
    from followkit.messages._questions import Question  # noqa: PLC0415

    _keys(questions, set(Question.__members__), origin, "questions")
    table = _table(data.get("areas", {}), origin, "areas")
    if set(table) != set(known.kinds):
        missing = sorted(set(known.kinds) - set(table))
        extra = sorted(set(table) - set(known.kinds))
        raise RuleError(f"missing {missing}, unknown {extra}", source=origin, field="areas")
    limits = _table(data.get("constraints", {}), origin, "constraints")
    if set(limits) != set(known.constraints):
        raise RuleError(
            f"must hold exactly {sorted(known.constraints)}", source=origin, field="constraints"
        )
    parsed_limits = {}
    for key, value in limits.items():
        entry = _table(value, origin, f"constraints.{key}")
        _keys(entry, {"name", "patterns"}, origin, f"constraints.{key}")
        parsed_limits[key] = (
            _text(entry.get("name"), origin, f"constraints.{key}.name"),
            _strings(entry.get("patterns"), origin, f"constraints.{key}.patterns", empty=False),
        )
    return LocaleData(
        locale=locale,
        origin=origin,
        elision=_flag(data.get("elision", False), origin, "elision"),
        capitalised_nouns=_flag(data.get("capitalised_nouns", False), origin, "capitalised_nouns"),
        fold_accents=_flag(data.get("fold_accents", False), origin, "fold_accents"),
        negations=_strings(data.get("negations", []), origin, "negations"),
        tool_openers=_strings(data.get("tool_openers", []), origin, "tool_openers"),
        contrast=_strings(data.get("contrast", []), origin, "contrast"),
        cues={key: _strings(cues.get(key, []), origin, f"cues.{key}") for key in CUE_KEYS},
        questions={
            key: _strings(value, origin, f"questions.{key}") for key, value in questions.items()
        },
        areas={key: _area(table[key], origin, key) for key in known.kinds},
        constraints={key: parsed_limits[key] for key in known.constraints},
    )


def resolve_locale(locale: str | babel.Locale) -> str:
    """Return the phrase-file locale for *locale*, following babel's parent chain.

    Raises:
        UnsupportedLocaleError: If no locale of the chain has a phrase file.
    """
    if isinstance(locale, str) and locale in LOCALES:
        return locale
    from babel.core import get_global  # noqa: PLC0415

    from followkit import _validate  # noqa: PLC0415

    try:
        parsed = _validate.locale(locale)
    except UnsupportedLocaleError as exc:
        raise UnsupportedLocaleError(
            f"{exc.reason}; feedback can be read in {', '.join(LOCALES)}",
            field="locale",
            locale=exc.locale,
            supported=LOCALES,
        ) from None
    name = str(parsed)
    exceptions = get_global("parent_exceptions")
    while name and name != "root":
        if name in LOCALES:
            return name
        name = exceptions.get(name) or name.rpartition("_")[0]
    raise UnsupportedLocaleError(
        f"feedback in {str(parsed)!r} cannot be read yet; supported locales: {', '.join(LOCALES)}",
        field="locale",
        locale=str(parsed),
        supported=LOCALES,
    )


@functools.cache
def load_locale(locale: str) -> LocaleData:
    """Return the validated phrase file of a supported *locale*, cached."""
    data, origin = _read(f"locales/{locale}.toml")
    return parse_locale(data, origin, locale)


@functools.cache
def tools() -> dict[str, tuple[str, ...]]:
    """Return the named technologies: display name -> phrases."""
    data, origin = _read("tools.toml")
    table = _table(data.get("tools"), origin, "tools")
    return {
        name: _strings(value, origin, f"tools.{name}", empty=False) for name, value in table.items()
    }


#: The ids of the taxonomy's areas, in its order (read from ``areas.toml``).
AREAS: Final[tuple[str, ...]] = tuple(taxonomy().kinds)


def areas(locale: str | babel.Locale = "en") -> tuple[Area, ...]:
    """Return every area of the taxonomy, named in *locale*, in the taxonomy's order.

    Args:
        locale: ``en``, ``de``, ``fr``, ``es`` (or a regional variant such as ``de_AT``).

    Raises:
        UnsupportedLocaleError: If the locale has no phrase file.

    .. versionadded:: 0.2.0
    """
    return _areas(resolve_locale(locale))


@functools.cache
def _areas(locale: str) -> tuple[Area, ...]:
    known, data = taxonomy(), load_locale(locale)
    return tuple(
        Area(
            id=key,
            kind=kind,
            description=known.descriptions[key],
            locale=locale,
            name=data.areas[key].name,
            next_steps=data.areas[key].steps,
        )
        for key, kind in known.kinds.items()
    )


def area(area_id: str, *, locale: str | babel.Locale = "en") -> Area:
    """Return one area by its id, named in *locale*, with its next steps.

    Raises:
        InvalidInputError: If *area_id* is not an area of the taxonomy.
        UnsupportedLocaleError: If the locale has no phrase file.

    .. versionadded:: 0.2.0
    """
    from followkit.errors import InvalidInputError  # noqa: PLC0415

    for item in areas(locale):
        if item.id == area_id:
            return item
    raise InvalidInputError(f"{area_id!r} is not an area of the feedback taxonomy", field="area_id")


def constraints(locale: str | babel.Locale = "en") -> tuple[Constraint, ...]:
    """Return the constraints (reasons the candidate cannot change), named in *locale*.

    Raises:
        UnsupportedLocaleError: If the locale has no phrase file.

    .. versionadded:: 0.2.0
    """
    name = resolve_locale(locale)
    known, data = taxonomy(), load_locale(name)
    return tuple(
        Constraint(id=key, description=text, locale=name, name=data.constraints[key][0])
        for key, text in known.constraints.items()
    )
