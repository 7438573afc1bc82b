"""The tone checker: catch what hurts a follow-up before it is sent.

:func:`check` lints a text or a message against the phrase rules of its locale (data in
``followkit/tone/rules/<locale>.toml``) and a few message-level rules written in code, and
returns a :class:`Report` with findings, a politeness-strategy profile and a courtesy score.
A learned intent model per locale reads each sentence as a whole and adds ``intent.*``
findings for the discourtesy no rule names.
A :class:`Checker` compiles a locale and configuration once for many checks.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from followkit.tone._checker import MAX_TEXT, Checkable, Checker, check
from followkit.tone._code import SCORE_WEIGHTS, SEVERITY_PENALTY
from followkit.tone._config import Config, Ignore
from followkit.tone._report import Finding, Part, Profile, Report, StrategyHit
from followkit.tone._rules import (
    CATEGORIES,
    INTENT_CATEGORIES,
    Rule,
    RuleFile,
    Severity,
    load_rules,
    resolve_locale,
    supported_locales,
)

__all__ = [
    "CATEGORIES",
    "INTENT_CATEGORIES",
    "MAX_TEXT",
    "SCORE_WEIGHTS",
    "SEVERITY_PENALTY",
    "Checkable",
    "Checker",
    "Config",
    "Finding",
    "Ignore",
    "Part",
    "Profile",
    "Report",
    "Rule",
    "RuleFile",
    "Severity",
    "StrategyHit",
    "check",
    "load_rules",
    "resolve_locale",
    "supported_locales",
]
