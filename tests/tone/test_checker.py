"""The checker: findings, context handling, messages, locales and the report."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass

import babel
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followkit
from followkit.errors import InvalidInputError, UnsupportedLocaleError
from followkit.tone import Checker, Config, check, resolve_locale, supported_locales
from followkit.tone._checker import MAX_NAME_OCCURRENCES, MAX_TEXT, _name_spans, _Spans
from followkit.tone._report import carets

COURTEOUS = """Dear Ms. Lee,

Thank you for letting me know, and for the time you and the team spent with me. I enjoyed
our conversation about the team's approach to experimentation.

If you are able to share it, I would be grateful for feedback on one or two areas where I
could improve, for example my system design answers. I understand if that is not possible.

I remain very interested in future opportunities with Acme Analytics.

Best regards,
Alex Kim
"""


NO_INTENT = Config(disable=["intent"])


def ids(text: str, **kwargs: object) -> list[str]:
    return [f.rule_id for f in check(text, **kwargs).findings]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def en() -> Checker:
    return Checker("en")


def test_courteous_message_is_clean(en: Checker) -> None:
    report = en.check(COURTEOUS)
    assert report.findings == ()
    assert report.ok
    assert report.score > 80


def test_finding_fields(en: Checker) -> None:
    text = "Hello,\nI demand an explanation for this."
    report = en.check(text)
    [finding] = [f for f in report.findings if f.rule_id == "demanding.ultimatum"]
    assert finding.category == "demanding"
    assert finding.severity == "error"
    assert text[finding.start : finding.end] == finding.text == "I demand an explanation"
    assert (finding.line, finding.column) == (2, 1)
    assert "I demand an explanation" in finding.message
    assert finding.suggestion
    assert finding.part == "body"
    assert not report.ok


def test_line_and_column_with_crlf(en: Checker) -> None:
    report = en.check("Hi,\r\n\r\nPlease reply ASAP.")
    [finding] = report.findings
    assert (finding.line, finding.column) == (3, 14)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Per my last email, the references are attached.", "passive-aggressive.per-my-last-email"),
        ("I spent hours preparing for this interview.", "guilt.spent-hours"),
        ("Why didn't you hire me?", "interrogation.why-not-hired"),
        ("With all due respect, that's not true.", "defensive.with-all-due-respect"),
        ("Thanks for nothing.", "sarcasm.thanks-for-nothing"),
        ("Your loss.", "sarcasm.your-loss"),
        ("Good luck with that.", "sarcasm.good-luck-with-that"),
        ('"Great job" on the process.', "sarcasm.praise-in-quotes"),
        ("Great job...", "sarcasm.praise-in-quotes"),
        ("I was clearly the best candidate.", "entitlement.best-candidate"),
        ("I am begging you to reconsider.", "pleading.begging"),
        ("This is bullshit.", "hostile.profanity"),
        ("Please respond ASAP.", "pressure.asap"),
    ],
)
def test_categories(en: Checker, text: str, rule: str) -> None:
    assert rule in [f.rule_id for f in en.check(text).findings]


@pytest.mark.parametrize(
    "text",
    [
        "Great job on the launch!",
        "Could you possibly share any notes from the interview?",
        "I don't expect a reply, but thank you again.",
        "No need to respond; I just wanted to say thanks.",
        "I was so sorry to hear of your loss.",
        "I can start as soon as possible.",
        "Would it be possible to hear which areas I could improve?",
    ],
)
def test_courteous_phrases_stay_clean(en: Checker, text: str) -> None:
    assert en.check(text).ok, en.check(text).format()


def test_negation_can_be_switched_off_per_rule(en: Checker) -> None:
    # "never" is part of the accusation, not a negation of it.
    assert "blame.you-never-told" in ids("I can't believe you never told me.")


@pytest.mark.parametrize(
    "text",
    [
        "Thanks so much for making the time to explain why the panel chose someone else.",
        "I was pleased to be able to reply immediately with the missing reference.",
        "The coordinator asked me to send my portfolio by Friday, which I did.",
        "It helped a lot to hear what went wrong in the technical round.",
    ],
)
def test_an_infinitive_that_is_no_order_is_not_flagged(en: Checker, text: str) -> None:
    assert [i for i in ids(text, config=NO_INTENT) if not i.startswith("message.")] == []


@pytest.mark.parametrize(
    ("text", "rule_id"),
    [
        ("I need you to explain why I was not picked for the role.", "demanding.tell-me-why"),
        ("Explain why I was not picked for the role.", "demanding.tell-me-why"),
        ("Reply immediately with the decision.", "pressure.immediately"),
    ],
)
def test_an_infinitive_that_is_an_order_still_is(en: Checker, text: str, rule_id: str) -> None:
    assert rule_id in ids(text, config=NO_INTENT)


def test_mitigation_in_the_same_sentence_only(en: Checker) -> None:
    assert ids("Tell me why I was rejected.") == ["demanding.tell-me-why"]
    assert ids("Could you tell me why I was rejected?") == []
    assert "demanding.tell-me-why" in ids("Could you help? Tell me why I was rejected.")


def test_question_mark_patterns(en: Checker) -> None:
    assert "interrogation.what-went-wrong" in ids("What did I do wrong?")
    assert "interrogation.what-went-wrong" not in ids("What did I do wrong, I wonder.")


def test_quoted_replies_and_signatures_are_skipped(en: Checker) -> None:
    text = (
        "Thank you for the update.\n\n"
        "On Mon, Nov 23, 2026 at 10:00 AM Jordan Lee <jordan@acme.example> wrote:\n"
        "> I demand an explanation.\n"
        "> Per my last email...\n"
    )
    assert ids(text) == []
    assert "demanding.ultimatum" in ids(text, config=Config(skip_quoted=False))
    signed = "Thank you!\n-- \nAlex | I demand an explanation"
    assert ids(signed) == []
    assert "demanding.ultimatum" in ids(signed, config=Config(skip_signature=False))


def test_top_posted_reply_is_skipped_to_the_end(en: Checker) -> None:
    text = (
        "Thanks again.\n\nOn Mon, Nov 23, 2026, Jordan Lee <jordan@\nacme.example> wrote:\n\n"
        "I demand an explanation.\n"
    )
    assert ids(text) == []
    outlook = "Thanks again.\n\n-----Original Message-----\nI demand an explanation."
    assert ids(outlook) == []


def test_prose_mentioning_wrote_is_checked(en: Checker) -> None:
    assert "demanding.ultimatum" in ids("She wrote: I demand an explanation.")
    long_line = "x " * 400 + "wrote:\nI demand an explanation."
    assert "demanding.ultimatum" in ids(long_line)


def test_curly_apostrophes_and_case(en: Checker) -> None:
    assert "pressure.hurry-up" in ids("DON’T KEEP ME WAITING.")


def test_shouting(en: Checker) -> None:
    assert ids("Please RESPOND TO ME now.") == ["shouting.capitals"]
    assert "shouting.capitals" in ids("Reply IMMEDIATELY.")
    assert ids("I have used AWS and SQL.") == []
    assert ids("We used HTML, CSS, PHP and the ESRI REST server.") == []
    assert ids("Set `IF POLI-DATE-REQUESTED IS NOT NULL` first, Mr.TAMER.") == []
    assert ids("Thank you!!!") == ["shouting.exclamations"]
    assert ids("That sounds amazing!!") == []
    assert ids("Really?!") == ["shouting.interrobang"]
    assert ids("Really??") == []


def test_message_rules_on_long_text(en: Checker) -> None:
    text = " ".join(["I wanted to follow up on the role we discussed."] * 8)
    assert set(ids(text)) == {"message.no-greeting", "message.no-thanks", "message.no-signoff"}
    assert check(text).ok  # notes only
    long = "Hi Jordan,\n\n" + " ".join(["Thank you for everything."] * 80) + "\n\nBest,\nAlex"
    assert ids(long) == ["message.too-long"]
    questions = "Hi! Was it my code? My design? My answers? My attitude?"
    assert "message.too-many-questions" in ids(questions)


def test_vague_feedback(en: Checker) -> None:
    assert "message.vague-feedback" in ids("Thanks. Any feedback?")
    assert "message.vague-feedback" not in ids(
        "Thanks. Any feedback on areas where I could improve?"
    )


@dataclass(frozen=True)
class Note:
    subject: str | None
    body: str
    locale: str = "en"


def test_message_subject_and_body(en: Checker) -> None:
    report = check(Note(subject="URGENT REPLY NEEDED", body="Hi,\n\nPlease reply ASAP."))
    parts = {(f.part, f.rule_id) for f in report.findings}
    assert ("subject", "shouting.capitals") in parts
    assert ("body", "pressure.asap") in parts
    assert report.subject == "URGENT REPLY NEEDED"
    assert report.findings[0].part == "subject"
    assert "subject:1:1" in report.format()
    assert report.fixed("subject") == "URGENT REPLY NEEDED"
    # a message body always gets the message-level rules, however short
    assert "message.no-signoff" in [f.rule_id for f in report.findings]


def test_message_without_subject_uses_its_locale() -> None:
    report = check(Note(subject=None, body="Ich verlange eine Erklärung.", locale="de"))
    assert report.locale == "de"
    assert report.subject is None
    assert report.fixed("subject") == ""


def test_top_level_exports() -> None:
    assert followkit.check is check
    assert followkit.Checker is Checker
    assert isinstance(followkit.check("Hi").score, int)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("en", "en"), ("en_GB", "en"), ("en-US", "en"), (babel.Locale("en", "AU"), "en")],
)
def test_locale_fallback(locale: object, expected: str) -> None:
    assert resolve_locale(locale) == expected
    assert Checker(locale).locale == expected  # type: ignore[arg-type]


def test_unsupported_locale() -> None:
    with pytest.raises(UnsupportedLocaleError, match="supported locales: ") as info:
        Checker("ja")
    assert "en" in info.value.supported
    assert info.value.locale == "ja"
    with pytest.raises(UnsupportedLocaleError):
        check("hello", locale="xx-invalid-")


def test_supported_locales_include_english() -> None:
    assert "en" in supported_locales()


@pytest.mark.parametrize("bad", [None, 42, b"bytes"])
def test_bad_input(en: Checker, bad: object) -> None:
    with pytest.raises(InvalidInputError, match="must be a string"):
        en.check(bad)  # type: ignore[arg-type]


def test_too_long_input(en: Checker) -> None:
    with pytest.raises(InvalidInputError, match="at most"):
        en.check("a" * (MAX_TEXT + 1))


def test_bad_config_type() -> None:
    with pytest.raises(InvalidInputError, match="config"):
        Checker("en", {"disable": []})  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="config"):
        check("hi", config={"disable": []})  # type: ignore[arg-type]


def test_control_characters_and_surrogates(en: Checker) -> None:
    text = "I demand\x00 an explanation \ud800 \u2028 now\x1b!!"
    report = en.check(text)
    assert all(0 <= f.start <= f.end <= len(text) for f in report.findings)
    json.dumps(report.as_dict())


def test_length_changing_lowercase_keeps_offsets(en: Checker) -> None:
    text = "İstanbul office: I demand an explanation."
    [finding] = en.check(text).findings
    assert finding.text == "I demand an explanation"


def test_report_as_dict_is_json(en: Checker) -> None:
    report = en.check("Hi Jordan, could you please reply ASAP? Thanks!")
    data = json.loads(json.dumps(report.as_dict()))
    assert data["ok"] is False
    assert data["findings"][0]["rule_id"] == "pressure.asap"
    assert data["profile"]["counts"]["gratitude"] == 1
    assert data["score"] == report.score


def test_format_marks_the_span(en: Checker) -> None:
    report = en.check("Hi,\n\tPlease reply ASAP.")
    lines = report.format().splitlines()
    assert lines[0].startswith("2:15: warning: ")
    assert lines[0].endswith("[pressure.asap]")
    assert lines[1] == "    \tPlease reply ASAP."
    assert lines[2] == "    \t             ^^^^"
    assert lines[3].startswith("    suggestion: ")
    assert lines[-1].startswith("0 error(s), 1 warning(s)")


def test_format_of_a_clean_report(en: Checker) -> None:
    assert en.check(COURTEOUS).format().startswith("0 error(s), 0 warning(s), 0 note(s)")


def test_fixed_applies_drop_in_rewrites(en: Checker) -> None:
    text = "Per my last email, please reply ASAP. As per my previous note, thanks."
    report = en.check(text)
    fixed = report.fixed()
    assert fixed == (
        "Following up on my earlier note, please reply when you have a moment. "
        "Following up on my earlier note, thanks."
    )
    assert en.check(fixed).ok


def test_fixed_keeps_the_text_without_fixes(en: Checker) -> None:
    text = "I demand an explanation."
    assert en.check(text).fixed() == text


def test_checker_properties(en: Checker) -> None:
    assert en.locale == "en"
    assert en.config == Config()
    assert "demanding.ultimatum" in en.rule_ids
    assert "message.no-greeting" in en.rule_ids
    assert len([r for r in en.rule_ids if not r.startswith(("message.", "shouting."))]) >= 150


def test_threads_give_the_serial_result(en: Checker) -> None:
    texts = [
        COURTEOUS,
        "I demand an explanation. Please reply ASAP!!",
        "Per my last email, why didn't you hire me?",
        "Thank you so much, could you share feedback on my system design answers?",
    ] * 10
    serial = [en.check(text) for text in texts]
    results: dict[int, object] = {}

    def work(offset: int) -> None:
        for index in range(offset, len(texts), 8):
            results[index] = en.check(texts[index])

    threads = [threading.Thread(target=work, args=(offset,)) for offset in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[index] for index in range(len(texts))] == serial


def test_check_caches_compiled_checkers() -> None:
    from followkit.tone._checker import _cached

    check("hello")
    before = _cached.cache_info().hits
    check("hello again")
    assert _cached.cache_info().hits == before + 1


def test_one_word_question_phrases() -> None:
    assert "message.vague-feedback" in ids("Thanks for the update. Feedback?")
    assert "message.vague-feedback" not in ids("Thanks for the update. Feedback is welcome.")


class _Named:
    subject = "Your call with BNP PARIBAS"
    body = "Dear Ms Lee,\n\nThank you for the call about DEMAND PLANNING at BNP PARIBAS.\n\nAlex"
    locale = "en"
    names: object = ("BNP PARIBAS", "DEMAND PLANNING")


def test_names_of_a_message_are_not_its_tone() -> None:
    assert check(_Named()).ok
    plain = check(_Named.body)
    assert {f.rule_id for f in plain.findings} >= {"shouting.capitals"}
    unnamed = _Named()
    unnamed.names = ()
    assert not check(unnamed).ok


@pytest.mark.parametrize(
    ("names", "field"), [("BNP", "names"), ([1], "names"), (["x"] * 33, "names")]
)
def test_bad_names_are_refused(names: object, field: str) -> None:
    message = _Named()
    message.names = names
    with pytest.raises(InvalidInputError) as info:
        check(message)
    assert info.value.field == field


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=12),
    st.integers(0, 70),
    st.integers(0, 10),
)
def test_spans_cover_like_a_plain_search(
    spans: list[tuple[int, int]], start: int, width: int
) -> None:
    pairs = [(s, s + w) for s, w in spans]
    end = start + width
    expected = end > start and all(any(s <= i < e for s, e in pairs) for i in range(start, end))
    assert _Spans(pairs).covers(start, end) == expected


def test_names_excuse_only_what_lies_inside_them() -> None:
    message = _Named()
    message.body = "Dear Ms Lee,\n\nWE LOVE BNP PARIBAS. Also, thank you.\n\nAl"
    message.names = ("BNP PARIBAS", "Al")
    report = check(message)
    # The shouting around the name is still shouting; "Al" does not excuse "Also".
    assert [f.text for f in report.findings if f.rule_id == "shouting.capitals"] == [
        "WE LOVE BNP PARIBAS"
    ]
    assert _name_spans("Also Al", ("Al",)) == [(5, 7)]


def test_name_occurrences_are_bounded() -> None:
    assert len(_name_spans("a " * 50_000, ("a",))) == MAX_NAME_OCCURRENCES
    message = _Named()
    message.body = "BNP PARIBAS " * 200_000
    message.names = ("BNP PARIBAS",)
    # Past the bound the capitals count again; the check still ends, with findings in range.
    report = check(message)
    assert all(0 <= f.start <= f.end <= len(message.body) for f in report.findings)


def test_unknown_locale_lists_the_supported_ones() -> None:
    with pytest.raises(UnsupportedLocaleError, match="supported locales: de, en, es, fr") as info:
        Checker("zz")
    assert info.value.supported == ("de", "en", "es", "fr")


def test_a_message_stays_on_one_line_when_the_match_spans_lines() -> None:
    text = "Hi,\r\nPer my last\r\nemail, reply\r\nASAP.\r\n"
    finding = check(text).findings[0]
    assert finding.text == "Per my last\r\nemail"
    assert "\n" not in finding.message
    assert "Per my last email" in finding.message


def test_carets_stand_under_the_match_in_a_terminal() -> None:
    assert carets("你好 reply ASAP", 9, 13) == " " * 11 + "^^^^"  # wide characters: 2 columns
    assert carets("Re: \U0001f600 reply ASAP", 12, 16) == " " * 13 + "^^^^"
    assert carets("e\u0301 ASAP", 3, 7) == "  ^^^^"  # a combining accent takes none
    assert carets("\tASAP", 1, 5) == "\t^^^^"
    assert carets("x", 1, 1) == " ^"  # something missing at the end of a line
