"""Every locale translates the rules written in code, and a check reports the translation."""

from __future__ import annotations

import re

import pytest

from followkit.tone import Checker, Config, load_rules, supported_locales
from followkit.tone._code import CODE_RULES, CodeRule
from followkit.tone._rules import CODE_RULE_IDS

#: The language the code rules are written in; every other locale must translate them.
SOURCE_LOCALE = "en"
TRANSLATED = tuple(locale for locale in supported_locales() if locale != SOURCE_LOCALE)
CASES = [(locale, rule) for locale in TRANSLATED for rule in CODE_RULES]

#: One text per locale that sets off every rule written in code under :data:`CONFIG`: words in
#: capitals, "!!!", "?!", no greeting, no thanks, no sign-off, more than 20 words, a vague ask
#: for feedback and more than two questions.
ANGRY = {
    "de": (
        "Ich warte seit drei Wochen auf eine ANTWORT VON IHNEN!!! Warum meldet sich niemand?! "
        "Haben Sie meine Unterlagen überhaupt gelesen? Gibt es Feedback? "
        "Wann höre ich endlich etwas von Ihnen? Ich bin wirklich enttäuscht von diesem Verfahren."
    ),
    "fr": (
        "J'attends depuis trois semaines une RÉPONSE DE VOTRE PART\u202f!!! "
        "Pourquoi personne ne répond\u202f?! Avez-vous seulement lu mon dossier\u202f? "
        "Un retour\u202f? Quand aurai-je enfin des nouvelles\u202f? "
        "Je suis vraiment déçu par ce processus."
    ),
    "es": (
        "¡¡¡Llevo tres semanas esperando una RESPUESTA DE USTEDES!!! ¿¡Por qué nadie contesta?! "
        "¿Han leído siquiera mi currículum? ¿Algún comentario? ¿Cuándo tendré noticias? "
        "Estoy muy decepcionado con este proceso."
    ),
}
CONFIG = Config(max_words=20, max_questions=2, min_message_words=10)
#: A word of each locale's shouting.exclamations message that only that language uses.
EXCLAMATION_WORDING = {
    "de": "Ausrufezeichen",
    "fr": "points d’exclamation",
    "es": "signos de exclamación",
}


def test_code_rule_ids_agree() -> None:
    """The ids a rule file may translate are exactly the rules the checker runs in code."""
    assert sorted(CODE_RULE_IDS) == sorted(rule.id for rule in CODE_RULES)


def test_every_language_but_the_source_is_translated() -> None:
    assert SOURCE_LOCALE in supported_locales()
    assert {"de", "fr", "es"} <= set(TRANSLATED)
    assert set(ANGRY) == set(TRANSLATED) == set(EXCLAMATION_WORDING)


@pytest.mark.parametrize(("locale", "rule"), CASES, ids=[f"{loc}:{r.id}" for loc, r in CASES])
def test_locale_translates_code_rule(locale: str, rule: CodeRule) -> None:
    messages = load_rules(locale).messages
    assert rule.id in messages, f"{locale}.toml has no [messages.{rule.id!r}]"
    message, suggestion = messages[rule.id]
    assert message.strip()
    assert message != rule.message, "the message is left in English"
    if rule.suggestion is None:
        assert suggestion is None
    else:
        assert suggestion is not None, f"{locale}.toml: {rule.id} has no suggestion"
        assert suggestion.strip()
        assert suggestion != rule.suggestion, "the suggestion is left in English"


@pytest.mark.parametrize("locale", TRANSLATED)
def test_translations_are_distinct(locale: str) -> None:
    """No two code rules share a wording (a copy-paste slip would)."""
    messages = load_rules(locale).messages
    texts = [text for pair in messages.values() for text in pair if text is not None]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("locale", TRANSLATED)
def test_check_reports_every_code_rule_in_the_locale_language(locale: str) -> None:
    report = Checker(locale, CONFIG).check(ANGRY[locale])
    found = {f.rule_id: f for f in report.findings if f.rule_id in CODE_RULE_IDS}
    assert sorted(found) == sorted(CODE_RULE_IDS)
    messages = load_rules(locale).messages
    english = {rule.id: rule for rule in CODE_RULES}
    for rule_id, finding in found.items():
        assert (finding.message, finding.suggestion) == messages[rule_id]
        assert finding.message != english[rule_id].message


@pytest.mark.parametrize("locale", TRANSLATED)
def test_exclamations_are_reported_in_the_locale_language(locale: str) -> None:
    findings = [
        f
        for f in Checker(locale).check(ANGRY[locale]).findings
        if f.rule_id == "shouting.exclamations"
    ]
    assert len(findings) == 1
    assert findings[0].text == "!!!"
    assert EXCLAMATION_WORDING[locale] in findings[0].message
    for other, wording in EXCLAMATION_WORDING.items():
        if other != locale:
            assert wording not in findings[0].message


def test_source_locale_reports_the_code_wording() -> None:
    finding = next(
        f
        for f in Checker(SOURCE_LOCALE).check("Thank you!!!").findings
        if f.rule_id == "shouting.exclamations"
    )
    rule = next(rule for rule in CODE_RULES if rule.id == "shouting.exclamations")
    assert (finding.message, finding.suggestion) == (rule.message, rule.suggestion)


def test_regional_locale_uses_its_language_translation() -> None:
    finding = next(
        f
        for f in Checker("de_AT").check("Danke!!!").findings
        if f.rule_id == "shouting.exclamations"
    )
    assert finding.message == load_rules("de").messages["shouting.exclamations"][0]


# French typography: a no-break space (U+00A0) or a narrow one (U+202F) before ; : ! ? and
# inside « », a mark may follow another (« ?! »), and the typographic apostrophe. German quotes
# „…“, Spanish ¿…? and ¡…!.
_FRENCH_BAD_SPACE = re.compile(r"[^\u00a0\u202f;:!?«]([;:!?])|«[^\u00a0]|[^\u00a0]»")


def _code_texts(locale: str) -> list[str]:
    return [
        text for pair in load_rules(locale).messages.values() for text in pair if text is not None
    ]


def _all_texts(locale: str) -> list[str]:
    """The messages and suggestions of the code rules and of every phrase rule."""
    rules = load_rules(locale).rules
    return _code_texts(locale) + [
        text for rule in rules for text in (rule.message, rule.suggestion) if text is not None
    ]


def test_french_typography() -> None:
    for text in _all_texts("fr"):
        assert not _FRENCH_BAD_SPACE.search(text), text
        assert "'" not in text, text


def test_german_quotes() -> None:
    for text in _all_texts("de"):
        assert '"' not in text, text
        assert "«" not in text, text
        assert text.count("„") == text.count("“"), text


def test_spanish_opening_marks() -> None:
    for text in _code_texts("es"):
        assert text.count("¿") == text.count("?") - text.count("«?»"), text
        assert text.count("¡") == text.count("!") - text.count("«!»"), text
