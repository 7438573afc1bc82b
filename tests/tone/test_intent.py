"""The learned intent layer: findings, configuration, the report, hostile input."""

from __future__ import annotations

import pytest

from followkit.errors import ConfigError
from followkit.tone import INTENT_CATEGORIES, Checker, Config, check
from followkit.tone._features import MAX_SENTENCE_WORDS, lexicon, sentences
from followkit.tone._intent import model

# Written for these tests; none of them is in the corpus.
RUDE = (
    "Hello Dana,\n\nThanks for the update. Frankly I expected more from a company that "
    "preaches respect: four interviews and then a two-line form email. I will be sharing "
    "how your team treats applicants on Glassdoor this week.\n\nMorgan"
)
POLITE = (
    "Hello Dana,\n\nThank you for letting me know, and for the time you and the panel gave "
    "me over the past weeks. I enjoyed learning about the analytics roadmap. If you are "
    "able to share any thoughts on where my case study fell short, I would be grateful.\n\n"
    "Kind regards,\nMorgan"
)


def intent_findings(report):
    return [f for f in report.findings if f.rule_id.startswith("intent.")]


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
def test_every_locale_has_a_model(locale: str) -> None:
    found = model(locale)
    assert found is not None
    assert 0 < found.warning <= found.error < 1
    assert set(found.categories) <= set(INTENT_CATEGORIES)


def test_a_courteous_message_has_no_intent_finding_and_a_low_probability() -> None:
    report = check(POLITE)
    assert report.ok, report.format()
    assert not intent_findings(report)
    assert report.intent["discourteous"] < model("en").warning


def test_the_report_carries_the_probabilities_of_every_category() -> None:
    report = check(RUDE, config=Config(disable=[]))
    assert set(report.intent) == {"discourteous", *model("en").categories}
    assert all(0.0 <= value <= 1.0 for value in report.intent.values())
    assert report.as_dict()["intent"] == dict(report.intent)


WARN = {"intent": "warning"}


def test_intent_findings_are_warnings_by_default_and_notes_if_configured() -> None:
    text = "Hi Sam, I have now written three times and I expect an answer by Friday."
    report = check(text, config=Config(disable=_rule_categories()))
    assert [f.severity for f in intent_findings(report)] in (["warning"], ["error"])
    assert not report.ok
    noted = check(text, config=Config(disable=_rule_categories(), severity={"intent": "info"}))
    assert [f.severity for f in intent_findings(noted)] == ["info"]
    assert noted.ok


def test_a_rule_warning_in_the_sentence_stands_alone() -> None:
    # The model is very sure here (an error of its own), but the rule already explains it.
    report = check("Tell me why I was rejected.")
    assert [f.rule_id for f in report.findings] == ["demanding.tell-me-why"]
    # A note from a rule does not: the model's warning is the stronger word.
    text = "Tell me why I was rejected."
    noted = check(text, config=Config(severity={"demanding": "info"}))
    assert {f.category for f in noted.findings} == {"demanding", "intent"}


def test_a_discourteous_sentence_gets_a_finding_naming_its_evidence() -> None:
    text = "Hi Sam, I have now written three times and I expect an answer by Friday."
    report = check(text, config=Config(disable=_rule_categories(), severity=WARN))
    found = intent_findings(report)
    assert found, report.format()
    finding = found[0]
    assert finding.category == "intent"
    assert finding.rule_id.split(".", 1)[1] in INTENT_CATEGORIES
    assert finding.severity in {"warning", "error"}
    assert text[finding.start : finding.end] == finding.text
    assert "three times" in finding.text
    assert "'" in finding.message  # quotes the words that weighed most
    assert finding.suggestion
    assert not report.ok


def _rule_categories() -> list[str]:
    from followkit.tone import CATEGORIES

    return [c for c in CATEGORIES if c != "message"]


def test_a_sentence_a_rule_explains_gets_no_second_finding() -> None:
    text = "Hi Sam, you people are a complete joke and a waste of my time."
    report = check(text)
    rule_spans = [
        (f.start, f.end)
        for f in report.findings
        if not f.rule_id.startswith("intent.") and f.severity != "info"
    ]
    assert rule_spans, report.format()
    for finding in intent_findings(report):
        assert not any(s < finding.end and finding.start < e for s, e in rule_spans)


def test_intent_findings_are_configured_like_rules() -> None:
    text = "Hi Sam, I have now written three times and I expect an answer by Friday."
    rules_off = _rule_categories()
    on = check(text, config=Config(disable=rules_off))
    assert intent_findings(on)
    off = check(text, config=Config(disable=[*rules_off, "intent"]))
    assert not intent_findings(off)
    assert off.intent == {}
    rule_id = intent_findings(on)[0].rule_id
    info = check(
        text, config=Config(disable=rules_off, severity={"intent": "warning", rule_id: "info"})
    )
    assert [f.severity for f in intent_findings(info)] == ["info"]


def test_selectors_outside_the_intent_categories_are_refused() -> None:
    with pytest.raises(ConfigError, match="intent"):
        Config(disable=["intent.nosuch"])
    assert Config(disable=["intent.threat"]).enabled("intent.threat") is False


def test_the_reading_is_deterministic() -> None:
    first = check(RUDE)
    assert all(check(RUDE) == first for _ in range(3))


def test_ok_and_score_agree_for_what_the_model_flags() -> None:
    text = "Hi Sam, I have now written three times and I expect an answer by Friday."
    report = check(text, config=Config(disable=_rule_categories(), severity=WARN))
    assert not report.ok
    assert report.score < 50


def test_sentences_cover_the_text_in_order_and_stay_inside_it() -> None:
    text = "Hi Kate,\n\nThanks. I NEED an answer!!! Why the silence?\n\nBest,\nTom"
    found = sentences(text, text.lower(), lexicon("en"))
    assert [text[s.start : s.end] for s in found][:3] == [
        "Hi Kate,",
        "Thanks.",
        "I NEED an answer!!!",
    ]
    for sentence in found:
        for feature in sentence.features:
            start, end = sentence.span(feature)
            assert sentence.start <= start <= end <= sentence.end
    features = found[2].features
    assert "c:capitals" in features
    assert "c:want" in features
    assert text[slice(*found[2].span("c:capitals"))] == "NEED"
    # Runs of marks are the rules' business: people use them in joy as much as in anger.
    assert not [f for f in features if "!" in f and not f.startswith("w:")]


def test_negation_scope_marks_the_words_of_its_clause() -> None:
    text = "I was not at all disappointed, truly grateful."
    features = sentences(text, text.lower(), lexicon("en"))[0].features
    assert "w:!disappointed" in features
    assert "w:grateful" in features  # the comma ends the negation's clause


def test_a_text_without_stops_is_read_in_bounded_pieces() -> None:
    text = "word " * 100_000
    report = check(text)
    assert report.intent["discourteous"] >= 0.0
    pieces = sentences(text, text, lexicon("en"))
    assert all(
        len([f for f in s.features if f.startswith("w:")]) <= MAX_SENTENCE_WORDS for s in pieces
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "\n\n\n",
        "!!!",
        "?" * 10_000,
        "\x00\x01\x02 text \u202e",
        "A" * 100_000,
        # Runs of marks that end in no space: once cost a pass per mark (minutes).
        "!" * 200_000 + "\x00" + "A" * 50_000,
        ("." * 1_000 + "a") * 500,
        '"' * 100_000 + "a" + "”" * 100_000,
    ],
)
def test_odd_input_reads_without_error(text: str) -> None:
    report = Checker("en").check(text)
    assert 0.0 <= report.intent.get("discourteous", 0.0) <= 1.0


def test_a_subject_line_is_not_read_by_the_model() -> None:
    class Draft:
        subject = "Feedback?"
        body = POLITE
        locale = "en"

    report = check(Draft())
    assert not [f for f in intent_findings(report) if f.part == "subject"]


@pytest.mark.parametrize(
    "unused",
    [0],
)
def test_checking_twice_gives_the_same_intent(unused: int) -> None:
    assert check(RUDE).intent == check(RUDE).intent
