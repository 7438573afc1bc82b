"""Tone rule files: reading, validating and caching them per locale.

A locale's rules live in ``followkit/tone/rules/<locale>.toml`` (the format is described in
``docs/tone-rules-format.md``). Files are read on first use with :mod:`importlib.resources`
and :mod:`tomllib`, validated completely, and cached per locale, like babel's locale data.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Literal, cast, get_args

import attrs

from followkit import _validate
from followkit.errors import RuleError, UnsupportedLocaleError
from followkit.tone._phrases import expand

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "CATEGORIES",
    "INTENT_CATEGORIES",
    "LEXICON_KEYS",
    "STRATEGY_KEYS",
    "Rule",
    "RuleFile",
    "Severity",
    "load_rules",
    "parse_rule_file",
    "read_data",
    "resolve_locale",
    "supported_locales",
]

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)

#: The closed set of categories; a rule's id starts with its category.
CATEGORIES = (
    "demanding",
    "pressure",
    "blame",
    "entitlement",
    "sarcasm",
    "passive-aggressive",
    "defensive",
    "guilt",
    "interrogation",
    "pleading",
    "hostile",
    "shouting",
    "message",
)
#: What the learned intent layer can read a sentence as: the rule categories that are about
#: tone, three that only a reading of the whole sentence tells, and "discourteous" when no
#: category stands out. Its findings are ``intent.<category>``.
INTENT_CATEGORIES = (
    *[category for category in CATEGORIES if category != "message"],
    "threat",
    "condescension",
    "curt",
    "discourteous",
)
#: Rule ids that belong to checks written in code; a rule file may not define them.
CODE_RULES = frozenset({"shouting.capitals", "shouting.exclamations", "shouting.interrobang"})
#: Optional contexts a rule may require around its match (``context = ["quotes"]``).
CONTEXTS = ("quotes", "ellipsis")
LEXICON_KEYS = ("greetings", "thanks", "signoffs", "vague_feedback", "specific_feedback")
#: Phrase-based strategies after Danescu-Niculescu-Mizil et al. (2013).
STRATEGY_KEYS = (
    "gratitude",
    "deference",
    "greeting",
    "apologizing",
    "please",
    "hedges",
    "factuality",
    "indirect",
    "counterfactual",
    "indicative",
    "positive",
    "negative",
)
#: Optional word lists that drive the sentence-start strategies (code, not phrases).
START_KEYS = ("direct_start", "question_words", "first_person", "second_person", "deference")

_RULE_KEYS = frozenset(
    {
        "id",
        "category",
        "severity",
        "patterns",
        "message",
        "suggestion",
        "fix",
        "unless",
        "negatable",
        "source",
        "examples",
        "context",
    }
)
_FILE_KEYS = frozenset(
    {"locale", "negations", "infinitive", "lexicon", "strategies", "starts", "messages", "rule"}
)
#: The ``[infinitive]`` table: the words that mark an infinitive ("to"), and the words that,
#: right before such a marker, make the infinitive a directive ("you", "want", "need").
INFINITIVE_KEYS = ("markers", "directive")
#: The rules written in code, whose message and suggestion a rule file may translate.
CODE_RULE_IDS = (
    *sorted(CODE_RULES),
    "message.no-greeting",
    "message.no-thanks",
    "message.no-signoff",
    "message.too-long",
    "message.vague-feedback",
    "message.too-many-questions",
)


@attrs.frozen(kw_only=True)
class Rule:
    """One phrase rule, as read from a rule file.

    Attributes:
        id: Stable dotted id; its first segment is the category.
        category: One of the closed set of categories.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        patterns: Phrases in the restricted phrase syntax.
        message: Why the phrase hurts a follow-up; ``{match}`` is replaced by the match.
        suggestion: A courteous rewrite, or ``None``.
        fix: Whether the suggestion is a safe drop-in replacement for the match.
        unless: Mitigating phrases that silence the rule anywhere in the same sentence.
        negatable: Whether a negation within three words before the match silences it.
        context: If not empty, the rule fires only when the match is in one of these
            contexts: ``"quotes"`` (inside quotation marks) or ``"ellipsis"`` (followed by
            ``...``); used for sarcasm, which a phrase alone does not show.
        source: Where the rule comes from, or ``None``.
        flag: Examples that must produce a finding of this rule.
        passes: Examples that must not.
        origin: The file the rule was read from.

    .. versionadded:: 0.1.0
    """

    id: str
    category: str
    severity: Literal["error", "warning", "info"]
    patterns: tuple[str, ...]
    message: str
    suggestion: str | None = None
    fix: bool = False
    unless: tuple[str, ...] = ()
    negatable: bool = True
    context: tuple[str, ...] = ()
    source: str | None = None
    flag: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    origin: str = ""


@attrs.frozen(kw_only=True)
class RuleFile:
    """The validated content of one rule file.

    .. versionadded:: 0.1.0
    """

    locale: str | None
    origin: str
    negations: tuple[str, ...] = ()
    infinitive: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    lexicon: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    strategies: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    starts: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    messages: Mapping[str, tuple[str, str | None]] = attrs.field(factory=dict)
    rules: tuple[Rule, ...] = ()


def _strings(
    value: object, where: dict[str, str | None], *, phrases: bool = True
) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RuleError("must be a list of strings", **where)
    if phrases:
        for item in value:
            expand(item, **where)
    return tuple(cast("list[str]", value))


def _text(value: object, where: dict[str, str | None], *, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip():
        raise RuleError("must be a non-empty string", **where)
    return value


def _flag(value: object, where: dict[str, str | None], *, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RuleError("must be true or false", **where)
    return value


def _table(
    data: Mapping[str, Any], key: str, allowed: tuple[str, ...], origin: str
) -> dict[str, tuple[str, ...]]:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise RuleError("must be a table", source=origin, field=key)
    result: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        field = f"{key}.{name}"
        if name not in allowed:
            raise RuleError(
                f"unknown key; expected one of {', '.join(allowed)}", source=origin, field=field
            )
        result[name] = _strings(value, {"source": origin, "rule": None, "field": field})
    return result


def _context(value: object, where: dict[str, str | None]) -> tuple[str, ...]:
    names = _strings(value, where, phrases=False)
    for name in names:
        if name not in CONTEXTS:
            raise RuleError(f"{name!r} is not one of {', '.join(CONTEXTS)}", **where)
    return names


def _rule(data: object, origin: str, index: int) -> Rule:
    if not isinstance(data, dict):
        raise RuleError("must be a table", source=origin, field=f"rule[{index}]")
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not rule_id:
        raise RuleError("needs a string 'id'", source=origin, field=f"rule[{index}].id")

    def where(field: str) -> dict[str, str | None]:
        return {"source": origin, "rule": rule_id, "field": field}

    unknown = sorted(set(data) - _RULE_KEYS)
    if unknown:
        raise RuleError(f"unknown key {unknown[0]!r}", **where(unknown[0]))
    category = data.get("category")
    if category not in CATEGORIES:
        raise RuleError(f"must be one of {', '.join(CATEGORIES)}", **where("category"))
    segments = rule_id.split(".")
    if segments[0] != category or len(segments) < 2 or not all(segments):
        raise RuleError(
            f"must be dotted and start with the category ({category}.<name>)", **where("id")
        )
    if category == "message" or rule_id in CODE_RULES:
        raise RuleError("is reserved for the message-level rules written in code", **where("id"))
    severity = data.get("severity")
    if severity not in SEVERITIES:
        raise RuleError("must be 'error', 'warning' or 'info'", **where("severity"))
    patterns = _strings(data.get("patterns"), where("patterns"))
    if not patterns:
        raise RuleError("needs at least one pattern", **where("patterns"))
    examples = data.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"flag", "pass"}:
        raise RuleError("must be a table with 'flag' and 'pass' lists", **where("examples"))
    flag = _strings(examples.get("flag", []), where("examples.flag"), phrases=False)
    passes = _strings(examples.get("pass", []), where("examples.pass"), phrases=False)
    fix = _flag(data.get("fix"), where("fix"), default=False)
    suggestion = _text(data.get("suggestion"), where("suggestion"), optional=True)
    if fix and suggestion is None:
        raise RuleError("fix = true needs a suggestion", **where("fix"))
    return Rule(
        id=rule_id,
        category=category,
        severity=severity,
        patterns=patterns,
        message=cast("str", _text(data.get("message"), where("message"))),
        suggestion=suggestion,
        fix=fix,
        unless=_strings(data.get("unless", []), where("unless")),
        negatable=_flag(data.get("negatable"), where("negatable"), default=True),
        context=_context(data.get("context", []), where("context")),
        source=_text(data.get("source"), where("source"), optional=True),
        flag=flag,
        passes=passes,
        origin=origin,
    )


def _messages(data: Mapping[str, Any], origin: str) -> dict[str, tuple[str, str | None]]:
    table = data.get("messages", {})
    if not isinstance(table, dict):
        raise RuleError("must be a table", source=origin, field="messages")
    result: dict[str, tuple[str, str | None]] = {}
    for rule_id, entry in table.items():
        where: dict[str, str | None] = {"source": origin, "rule": rule_id, "field": "messages"}
        if rule_id not in CODE_RULE_IDS:
            raise RuleError(f"is not a rule written in code ({', '.join(CODE_RULE_IDS)})", **where)
        if not isinstance(entry, dict) or set(entry) - {"message", "suggestion"}:
            raise RuleError("must be a table with 'message' and 'suggestion'", **where)
        result[rule_id] = (
            cast("str", _text(entry.get("message"), where)),
            _text(entry.get("suggestion"), where, optional=True),
        )
    return result


def parse_rule_file(data: Mapping[str, Any], origin: str) -> RuleFile:
    """Validate parsed TOML *data* of a rule file read from *origin*.

    Raises:
        RuleError: If anything is malformed; the error names the file, rule and field.
    """
    unknown = sorted(set(data) - _FILE_KEYS)
    if unknown:
        raise RuleError(f"unknown top-level key {unknown[0]!r}", source=origin, field=unknown[0])
    locale = data.get("locale")
    if locale is not None and not isinstance(locale, str):
        raise RuleError("must be a string", source=origin, field="locale")
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list):
        raise RuleError("must be an array of tables ([[rule]])", source=origin, field="rule")
    rules = tuple(_rule(item, origin, index) for index, item in enumerate(raw_rules))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError("is defined twice", source=origin, rule=rule.id, field="id")
        seen.add(rule.id)
    return RuleFile(
        locale=locale,
        origin=origin,
        negations=_strings(
            data.get("negations", []), {"source": origin, "rule": None, "field": "negations"}
        ),
        infinitive=_table(data, "infinitive", INFINITIVE_KEYS, origin),
        lexicon=_table(data, "lexicon", LEXICON_KEYS, origin),
        strategies=_table(data, "strategies", STRATEGY_KEYS, origin),
        starts=_table(data, "starts", START_KEYS, origin),
        messages=_messages(data, origin),
        rules=rules,
    )


#: Largest rule or configuration file accepted; the English rules, the biggest, are ~100 KB.
MAX_TOML_CHARACTERS = 4_000_000


def read_toml(text: str, origin: str, error: type[RuleError] = RuleError) -> dict[str, Any]:
    """Parse TOML *text*, turning syntax errors into *error* naming *origin*."""
    import tomllib  # noqa: PLC0415  (deferred: import followkit stays cheap)

    if len(text) > MAX_TOML_CHARACTERS:
        raise error(
            f"is {len(text):,} characters long; a rule or configuration file may have at most "
            f"{MAX_TOML_CHARACTERS:,}",
            source=origin,
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"is not valid TOML: {exc}", source=origin) from None
    except RecursionError:
        # tomllib parses nested arrays and inline tables recursively.
        raise error(
            "is nested too deeply to be a rule or configuration file", source=origin
        ) from None


def read_data(folder: str, name: str) -> bytes:
    """Read one of the tone package's data files, such as ``intent/en.model.json``.

    The files beside this module are read directly, which is cheaper than
    :mod:`importlib.resources`; an installation as a zip file is asked through it.

    Raises:
        FileNotFoundError: If there is no such file.
    """
    import os  # noqa: PLC0415

    try:
        with open(os.path.join(os.path.dirname(__file__), folder, name), "rb") as file:  # noqa: PTH118, PTH120, PTH123
            return file.read()
    except FileNotFoundError:
        raise
    except OSError:  # pragma: no cover - installed as a zip: ask importlib.resources
        from importlib.resources import files  # noqa: PLC0415

        return (files("followkit.tone") / folder / name).read_bytes()


def supported_locales() -> tuple[str, ...]:
    """Return the locales that have a rule file, sorted.

    .. versionadded:: 0.1.0
    """
    return _supported()


@functools.cache
def _supported() -> tuple[str, ...]:
    import os  # noqa: PLC0415

    try:  # the rule files beside this module: cheaper than importlib.resources
        names = os.listdir(os.path.join(os.path.dirname(__file__), "rules"))  # noqa: PTH118, PTH120, PTH208
    except OSError:  # pragma: no cover - installed as a zip: ask importlib.resources
        from importlib.resources import files  # noqa: PLC0415

        names = [entry.name for entry in (files("followkit.tone") / "rules").iterdir()]
    return tuple(sorted(name.removesuffix(".toml") for name in names if name.endswith(".toml")))


def resolve_locale(locale: object) -> str:
    """Return the rule-file locale for *locale*, following babel's parent chain.

    ``en_GB`` falls back to ``en`` (through CLDR's ``en_001``), ``de-AT`` to ``de``.

    Raises:
        UnsupportedLocaleError: If no locale in the chain has rules; the error lists the
            supported ones.

    .. versionadded:: 0.1.0
    """
    supported = supported_locales()
    if isinstance(locale, str) and locale in supported:
        return locale  # a rule file's own name: babel has nothing to add
    from babel.core import get_global  # noqa: PLC0415

    try:
        parsed = _validate.locale(locale)
    except UnsupportedLocaleError as exc:
        raise UnsupportedLocaleError(
            f"{exc.reason}; supported locales: {', '.join(supported)}",
            field="locale",
            locale=exc.locale,
            supported=supported,
        ) from None
    name = str(parsed)
    exceptions = get_global("parent_exceptions")
    while name and name != "root":
        if name in supported:
            return name
        parent = exceptions.get(name)
        name = parent if parent else name.rpartition("_")[0]
    raise UnsupportedLocaleError(
        f"{str(parsed)!r} has no tone rules; supported locales: {', '.join(supported)}",
        field="locale",
        locale=str(parsed),
        supported=supported,
    )


@functools.lru_cache(maxsize=16)
def load_rules(locale: str) -> RuleFile:
    """Return the validated rule file of a supported *locale* (such as ``"en"``), cached.

    Raises:
        UnsupportedLocaleError: If *locale* has no rule file.
        RuleError: If the file is malformed.

    .. versionadded:: 0.1.0
    """
    name = resolve_locale(locale)
    origin = f"followkit/tone/rules/{name}.toml"
    data = read_toml(read_data("rules", f"{name}.toml").decode("utf-8"), origin)
    parsed = parse_rule_file(data, origin)
    if parsed.locale != name:
        raise RuleError(f"must be {name!r}", source=origin, field="locale")
    return parsed
