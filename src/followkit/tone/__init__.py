"""The tone checker: catch what hurts a follow-up before it is sent.

:func:`check` lints a text or a message against the phrase rules of its locale (data in
``followkit/tone/rules/<locale>.toml``) and a few message-level rules written in code, and
returns a :class:`Report` with findings, a politeness-strategy profile and a courtesy score.
A learned intent model per locale reads each sentence as a whole and adds ``intent.*``
findings for the discourtesy no rule names.
A :class:`Checker` compiles a locale and configuration once for many checks.
With ``locale="auto"`` the checker reads the language from the text
(:func:`guess_language`); a text that confidently reads as another language than the one
it is checked in gets a warning in its report.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from followkit.tone._checker import AUTO, MAX_TEXT, Checkable, Checker, check
from followkit.tone._code import SCORE_WEIGHTS, SEVERITY_PENALTY
from followkit.tone._config import Config, Ignore
from followkit.tone._language import LANGUAGES, LanguageGuess, guess_language
from followkit.tone._report import Finding, LocaleSource, Part, Profile, Report, StrategyHit
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
    "AUTO",
    "CATEGORIES",
    "INTENT_CATEGORIES",
    "LANGUAGES",
    "MAX_TEXT",
    "SCORE_WEIGHTS",
    "SEVERITY_PENALTY",
    "Checkable",
    "Checker",
    "Config",
    "Finding",
    "Ignore",
    "LanguageGuess",
    "LocaleSource",
    "Part",
    "Profile",
    "Report",
    "Rule",
    "RuleFile",
    "Severity",
    "StrategyHit",
    "check",
    "guess_language",
    "load_rules",
    "resolve_locale",
    "supported_locales",
]
