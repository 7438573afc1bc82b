"""Configuration of the tone checker.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

import attrs

from followkit.errors import ConfigError, RuleError
from followkit.tone._phrases import expand
from followkit.tone._rules import (
    CATEGORIES,
    INTENT_CATEGORIES,
    SEVERITIES,
    RuleFile,
    Severity,
    parse_rule_file,
    read_toml,
)

__all__ = ["Config", "Ignore"]


@attrs.frozen(kw_only=True)
class Ignore:
    """One finding to leave out: its rule id and exact span.

    Args:
        rule_id: The rule id of the finding.
        start: The finding's start offset.
        end: The finding's end offset.

    .. versionadded:: 0.1.0
    """

    rule_id: str
    start: int
    end: int


def _selectors(value: object, field: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, Iterable):
        raise ConfigError("must be a list of rule ids or categories", field=field)
    items = tuple(value)
    for item in items:
        if not isinstance(item, str) or not item.strip() or any(c.isspace() for c in item):
            raise ConfigError(
                f"{item!r} is not a rule id or category (such as 'pressure')", field=field
            )
        # Every rule, built in or added, belongs to one of the categories: a selector outside
        # them is a typo that would silently select nothing.
        root, _dot, rest = item.partition(".")
        if root not in CATEGORIES and root != "intent":
            raise ConfigError(
                f"{item!r} names no rule: a selector starts with a category, one of "
                f"{', '.join(CATEGORIES)}, or with 'intent'",
                field=field,
            )
        if root == "intent" and rest and rest.split(".", 1)[0] not in INTENT_CATEGORIES:
            raise ConfigError(
                f"{item!r} names no intent finding: after 'intent.' comes one of "
                f"{', '.join(INTENT_CATEGORIES)}",
                field=field,
            )
    return tuple(sorted(set(items)))


def _enable(value: object) -> tuple[str, ...]:
    return _selectors(value, "enable")


def _disable(value: object) -> tuple[str, ...]:
    return _selectors(value, "disable")


def _severities(value: object) -> tuple[tuple[str, Severity], ...]:
    if isinstance(value, (tuple, list)):
        try:
            value = dict(value)
        except (TypeError, ValueError):
            raise ConfigError(
                "must map rule ids or categories to severities", field="severity"
            ) from None
    if not isinstance(value, Mapping):
        raise ConfigError("must map rule ids or categories to severities", field="severity")
    for key, severity in value.items():
        _selectors([key], f"severity.{key}")
        if severity not in SEVERITIES:
            raise ConfigError("must be 'error', 'warning' or 'info'", field=f"severity.{key}")
    return tuple(sorted(cast("dict[str, Severity]", dict(value)).items()))


def _phrases(value: object) -> tuple[str, ...]:
    if not isinstance(value, (str, Iterable)):
        raise ConfigError("must be a list of phrases", field="allow")
    items = (value,) if isinstance(value, str) else tuple(value)
    phrases = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise ConfigError(
                f"must be a phrase, not {type(item).__name__}", field=f"allow[{index}]"
            )
        # Composed like the texts they are matched in (macOS writes names decomposed).
        phrase = unicodedata.normalize("NFC", item)
        try:
            expand(phrase, field="allow")
        except RuleError as exc:
            raise ConfigError(exc.reason, field=f"allow[{index}]") from None
        phrases.append(phrase)
    return tuple(phrases)


def _ignores(value: object) -> tuple[Ignore, ...]:
    if not isinstance(value, Iterable):
        raise ConfigError("must be a list of tables", field="ignore")
    result = []
    for index, item in enumerate(value):
        if isinstance(item, Ignore):
            result.append(item)
            continue
        field = f"ignore[{index}]"
        if not isinstance(item, Mapping) or set(item) != {"rule", "start", "end"}:
            raise ConfigError("must be a table with 'rule', 'start' and 'end'", field=field)
        rule, start, end = item["rule"], item["start"], item["end"]
        if not isinstance(rule, str) or not all(
            isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (start, end)
        ):
            raise ConfigError("needs a rule id and two offsets >= 0", field=field)
        result.append(Ignore(rule_id=rule, start=start, end=end))
    return tuple(result)


def _positive(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError("must be a whole number >= 1", field=attribute.name)


def _boolean(_instance: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ConfigError(f"must be true or false, not {value!r}", field=attribute.name)


def _load_extra(path: str | os.PathLike[str]) -> RuleFile:
    origin = os.fspath(path)
    try:
        text = Path(origin).read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read the rules file: {exc.strerror}", source=origin) from None
    return parse_rule_file(read_toml(text, origin), origin)


def _extra(value: object) -> tuple[RuleFile, ...]:
    if isinstance(value, (str, os.PathLike, RuleFile)):
        value = [value]
    if not isinstance(value, Iterable):
        raise ConfigError("must be a list of rule files", field="extra_rules")
    result = []
    for item in value:
        if isinstance(item, RuleFile):
            result.append(item)
        elif isinstance(item, (str, os.PathLike)):
            result.append(_load_extra(item))
        else:
            raise ConfigError("must be a list of file paths", field="extra_rules")
    return tuple(result)


@attrs.frozen(kw_only=True)
class Config:
    """How the tone checker runs: which rules, how severe, what to skip.

    Selectors in *enable*, *disable* and *severity* are rule ids (``pressure.asap``) or
    category prefixes (``pressure``, or any dotted prefix of ids). The most specific
    selector wins, so ``disable=["pressure"], enable=["pressure.asap"]`` keeps only that
    rule of its category.

    Args:
        enable: Selectors switched on (every rule is on unless disabled).
        disable: Selectors switched off.
        severity: Selector -> severity overrides.
        allow: Phrases (rule phrase syntax): nothing that lies inside one of their matches is
            reported, by any rule.
        extra_rules: Rule files (paths, or parsed :class:`RuleFile` values) added to the
            locale's rules, validated like the built-in ones.
        ignore: Individual findings to leave out, by rule id and span.
        skip_quoted: Skip quoted reply lines (``>``) and ``On ... wrote:`` blocks.
        skip_signature: Skip everything after a signature separator line (two dashes and a
            space).
        max_words: Word count over which ``message.too-long`` fires.
        max_questions: Question count over which ``message.too-many-questions`` fires.
        min_message_words: Texts shorter than this are fragments: the greeting, thanks and
            sign-off rules do not apply to them (a message's body always gets them).

    Raises:
        ConfigError: If a value is not acceptable; the error names the field.
        RuleError: If an extra rules file is malformed; the error names file, rule and field.

    .. versionadded:: 0.1.0
    """

    enable: tuple[str, ...] = attrs.field(default=(), converter=_enable)
    disable: tuple[str, ...] = attrs.field(default=(), converter=_disable)
    severity: tuple[tuple[str, Severity], ...] = attrs.field(default=(), converter=_severities)
    allow: tuple[str, ...] = attrs.field(default=(), converter=_phrases)
    extra_rules: tuple[RuleFile, ...] = attrs.field(default=(), converter=_extra)
    ignore: tuple[Ignore, ...] = attrs.field(default=(), converter=_ignores)
    skip_quoted: bool = attrs.field(default=True, validator=_boolean)
    skip_signature: bool = attrs.field(default=True, validator=_boolean)
    max_words: int = attrs.field(default=300, validator=_positive)
    max_questions: int = attrs.field(default=3, validator=_positive)
    min_message_words: int = attrs.field(default=30, validator=_positive)

    def enabled(self, rule_id: str) -> bool:
        """Return whether *rule_id* is switched on."""
        best = (-1, True)
        for selectors, value in ((self.disable, False), (self.enable, True)):
            for selector in selectors:
                if _covers(selector, rule_id) and len(selector) >= best[0]:
                    best = (len(selector), value)
        return best[1]

    def severity_of(self, rule_id: str, default: Severity) -> Severity:
        """Return the severity of *rule_id*, after the most specific override."""
        best: tuple[int, Severity] = (-1, default)
        for selector, severity in self.severity:
            if _covers(selector, rule_id) and len(selector) > best[0]:
                best = (len(selector), severity)
        return best[1]

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, source: str | None = None) -> Config:
        """Build a configuration from plain data (the ``[tone]`` table of a TOML file).

        Args:
            data: Keys as the constructor's arguments; ``extra_rules`` paths are taken
                relative to *source*'s folder when *source* is given.
            source: The file the data came from, named in errors.

        Returns:
            The configuration.

        Raises:
            ConfigError: For an unknown key or a bad value, naming *source* and the field.
        """
        if not isinstance(data, Mapping):
            raise ConfigError("must be a table", source=source)
        fields = {field.name for field in attrs.fields(cls)}
        unknown = sorted(set(data) - fields)
        if unknown:
            raise ConfigError(
                f"unknown key; expected one of {', '.join(sorted(fields))}",
                source=source,
                field=unknown[0],
            )
        values = dict(data)
        if source is not None and "extra_rules" in values:
            folder = Path(source).parent
            extra = values["extra_rules"]
            values["extra_rules"] = [
                folder / item if isinstance(item, str) else item
                for item in ([extra] if isinstance(extra, str) else extra)
            ]
        try:
            return cls(**values)
        except ConfigError as exc:
            if exc.source is None and source is not None:
                raise ConfigError(exc.reason, source=source, field=exc.field) from None
            raise
        except RuleError:
            raise
        except (TypeError, ValueError) as exc:  # a wrong type deep inside a value
            raise ConfigError(str(exc), source=source) from None

    @classmethod
    def from_toml(cls, path: str | os.PathLike[str]) -> Config:
        """Read a configuration file: its ``[tone]`` table, or the whole file without one.

        Args:
            path: The TOML file.

        Returns:
            The configuration.

        Raises:
            ConfigError: If the file cannot be read or a value is not acceptable.
        """
        origin = os.fspath(path)
        try:
            text = Path(origin).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(f"cannot read the file: {exc.strerror}", source=origin) from None
        data = read_toml(text, origin, ConfigError)
        table = data.get("tone", data)
        return cls.from_dict(table, source=origin)


def _covers(selector: str, rule_id: str) -> bool:
    return rule_id == selector or rule_id.startswith(selector + ".")
