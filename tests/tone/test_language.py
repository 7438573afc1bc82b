"""The text's language: guess_language() and the checker's locale="auto"."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followkit
from followkit.errors import UnsupportedLocaleError
from followkit.tone import AUTO, LANGUAGES, Checker, check, guess_language
from followkit.tone._language import MAX_CHARS, MIN_MARGIN, MIN_RATIO

SAMPLES = {
    "en": "Dear Jordan, thank you for letting me know. Could you share what I could improve?",
    "de": "Liebe Frau Schmidt, vielen Dank für Ihre Nachricht. Ich würde mich über ein "
    "kurzes Feedback freuen, wenn Sie Zeit haben.",
    "fr": "Bonjour Madame Morel, merci pour votre réponse. Je serais ravie d'avoir un "
    "retour sur ce que je pourrais améliorer.",
    "es": "Estimada Sra. García, muchas gracias por su respuesta. Me gustaría saber qué "
    "podría mejorar para la próxima vez.",
}
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@attrs.frozen
class Note:
    """A message-like value: subject, body, locale."""

    subject: str | None
    body: str
    locale: str


class TestGuess:
    @pytest.mark.parametrize(("language", "text"), SAMPLES.items())
    def test_each_language(self, language: str, text: str) -> None:
        guess = guess_language(text)
        assert guess.language == language
        assert guess.confident
        assert guess.name is not None
        assert max(guess.evidence, key=guess.evidence.__getitem__) == language

    @pytest.mark.parametrize("text", ["", "   ", "12345 !!!", "\x00\x01\x02"])
    def test_no_words_no_language(self, text: str) -> None:
        guess = guess_language(text)
        assert guess.language is None
        assert guess.name is None
        assert not guess.confident
        assert set(guess.evidence) == set(LANGUAGES)

    @pytest.mark.parametrize("text", ["Danke!", "Merci.", "Hi", "¡Hola, Ana!"])
    def test_a_short_text_is_not_confident(self, text: str) -> None:
        assert not guess_language(text).confident

    def test_french_elisions_and_english_contractions(self) -> None:
        assert guess_language("J'ai reçu l'offre qu'il m'a envoyée").language == "fr"
        assert guess_language("I'm sure it's fine, don't worry, we'll talk").language == "en"
        # An apostrophe in a name is neither.
        assert guess_language("O'Brien O'Neil").language is None

    def test_only_the_start_is_read(self) -> None:
        text = "x " * (MAX_CHARS // 2) + SAMPLES["de"]
        assert guess_language(text).language is None
        assert guess_language(SAMPLES["de"] + "x " * MAX_CHARS).language == "de"

    def test_counts_repeated_words(self) -> None:
        guess = guess_language("der der der der l'offre l'offre")
        assert guess.words == 6
        assert guess.evidence["de"] == 4.0
        assert guess.evidence["fr"] == 2.0

    def test_the_same_guess_whatever_the_hash_seed(self) -> None:
        """At a threshold, the guess must not depend on the order words are summed in."""
        import subprocess
        import sys

        text = "Hi Jordan, WHY DID YOU REJECT ME!!! Reply now. Alex"  # margin exactly 3
        code = f"from followkit.tone import guess_language; print(guess_language({text!r}))"
        outputs = {
            subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                env={**os.environ, "PYTHONHASHSEED": str(seed)},
            ).stdout
            for seed in range(8)
        }
        assert len(outputs) == 1
        assert "confident=True" in outputs.pop()

    def test_a_mixed_text_is_not_confident(self) -> None:
        text = SAMPLES["en"] + " " + SAMPLES["de"]
        assert not guess_language(text).confident

    def test_confidence_needs_margin_and_ratio(self) -> None:
        guess = guess_language(SAMPLES["es"])
        best, second = sorted(guess.evidence.values(), reverse=True)[:2]
        assert best - second >= MIN_MARGIN
        assert best >= MIN_RATIO * second

    @pytest.mark.parametrize(
        "text",
        [
            "a" * 1_000_000,
            "\x00\x07\x1b" * 400_000,
            "l'" * 500_000,
            "a'" * 500_000,
            "der " * 300_000,
            "é" * 1_000_000,
            "und der die das " + " " * 1_000_000,
        ],
    )
    def test_hostile_text_costs_little(self, text: str) -> None:
        start = time.perf_counter()
        guess = guess_language(text)
        assert time.perf_counter() - start < 0.5
        assert guess.words <= MAX_CHARS

    @settings(max_examples=200)
    @given(st.text(max_size=400))
    def test_any_text(self, text: str) -> None:
        guess = guess_language(text)
        assert guess.words <= len(text)
        assert all(value >= 0 for value in guess.evidence.values())
        assert guess.language in (None, *LANGUAGES)
        assert not (guess.confident and guess.language is None)


def test_the_corpus_messages_of_20_words_or_more() -> None:
    """At least 99 % right per locale (benchmarks/bench_language.py prints the figures)."""
    right: dict[str, list[int]] = {}
    for path in sorted(CORPUS.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            message = json.loads(line)
            if len(message["text"].split()) < 20:
                continue
            guess = guess_language(message["text"])
            resolved = guess.language if guess.confident else "en"
            counts = right.setdefault(message["locale"], [0, 0])
            counts[0] += 1
            counts[1] += resolved == message["locale"]
            # A confident guess is never wrong: it would give a wrong warning.
            assert not guess.confident or guess.language == message["locale"], message["id"]
    assert set(right) == set(LANGUAGES)
    for locale, (total, good) in right.items():
        assert good / total >= 0.99, locale


class TestAuto:
    @pytest.mark.parametrize(("language", "text"), SAMPLES.items())
    def test_auto_uses_the_text_language(self, language: str, text: str) -> None:
        report = check(text, locale=AUTO)
        assert report.locale == language
        assert report.locale_source == "detected"
        assert report.warnings == ()

    def test_the_german_rules_find_what_the_english_ones_miss(self) -> None:
        text = SAMPLES["de"] + " Ich erwarte eine Begründung für diese Entscheidung."
        assert any(f.rule_id.startswith("demanding.") for f in check(text, locale="auto").findings)
        english = check(text, locale="en")
        assert not english.findings
        assert english.warnings == (
            "the text reads as German (de), but it was checked with the en rules",
        )

    def test_a_short_text_falls_back(self) -> None:
        report = Checker("auto").check("Danke!")
        assert (report.locale, report.locale_source) == ("en", "fallback")
        report = check("Danke!", locale="auto", fallback="de_AT")
        assert (report.locale, report.locale_source) == ("de", "fallback")

    def test_the_checker(self) -> None:
        checker = Checker("auto", fallback="fr")
        assert checker.locale == "auto"
        assert checker.fallback == "fr"
        assert checker.for_locale("de") is checker.for_locale("de_CH")
        ids = set(checker.rule_ids)
        for language in LANGUAGES:
            assert set(Checker(language).rule_ids) <= ids
        german = Checker("de")
        assert german.for_locale("de_AT") is german
        assert german.for_locale("en").locale == "en"

    def test_an_unsupported_fallback(self) -> None:
        with pytest.raises(UnsupportedLocaleError):
            Checker("auto", fallback="pt_BR")
        with pytest.raises(UnsupportedLocaleError):
            check("Hello", locale="auto", fallback="ja")

    def test_a_message(self) -> None:
        note = Note(subject="Rückmeldung", body=SAMPLES["de"], locale="en")
        report = check(note)
        assert (report.locale, report.locale_source) == ("en", "message")
        assert report.warnings
        auto = Checker("auto").check(note)
        assert (auto.locale, auto.locale_source, auto.warnings) == ("de", "detected", ())
        assert auto.subject == "Rückmeldung"

    def test_sources(self) -> None:
        assert check(SAMPLES["en"]).locale_source == "default"
        assert check(SAMPLES["en"], locale="en").locale_source == "given"
        assert Checker("en").check(SAMPLES["en"]).locale_source == "given"

    def test_a_regional_locale_fits_its_language(self) -> None:
        assert check(SAMPLES["de"], locale="de_AT").warnings == ()
        assert check(SAMPLES["es"], locale="es_MX").warnings == ()

    def test_no_warning_without_confidence(self) -> None:
        assert check("Danke!", locale="en").warnings == ()

    def test_the_report_as_data(self) -> None:
        data: dict[str, Any] = check(SAMPLES["fr"], locale="de").as_dict()
        assert data["locale"] == "de"
        assert data["locale_source"] == "given"
        assert data["warnings"] == [
            "the text reads as French (fr), but it was checked with the de rules"
        ]

    def test_the_top_level_check(self) -> None:
        assert followkit.check(SAMPLES["es"], locale="auto").locale == "es"

    def test_a_huge_text(self) -> None:
        text = SAMPLES["de"] + " " + "\x01" * 1_000_000
        start = time.perf_counter()
        report = check(text, locale="auto")
        assert report.locale == "de"
        assert time.perf_counter() - start < 10

    def test_the_subject_counts(self) -> None:
        note = Note(subject="Vielen Dank für das Gespräch", body="Danke!", locale="en")
        assert Checker("auto").check(note).locale == "de"
