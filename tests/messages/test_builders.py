"""The etiquette every builder obeys, in every locale, register, length and variant."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followkit import Application, ChannelLimitError, Contact, InvalidInputError, Message
from followkit.messages import (
    Question,
    connection_note,
    feedback_acknowledgement,
    feedback_request,
    nudge,
    referral_request,
    stay_connected,
    thank_you,
    thank_you_and_feedback,
)

from .helpers import LOCALES, build_app, clean_characters

REGISTERS = ("formal", "warm")
LENGTHS = ("brief", "standard")
VARIANTS = range(4)

GREETINGS = {
    ("en", "formal"): "Dear Jordan Lee,",
    ("en", "warm"): "Hi Jordan,",
    ("de", "formal"): "Guten Tag Jordan Lee,",
    ("de", "warm"): "Hallo Jordan Lee,",
    ("fr", "formal"): "Bonjour Jordan Lee,",
    ("fr", "warm"): "Bonjour Jordan Lee,",
    ("es", "formal"): "Buenos días, Jordan Lee:",
    ("es", "warm"): "Hola, Jordan Lee:",
}
SIGN_OFFS = {
    ("en", "formal"): "Kind regards,",
    ("en", "warm"): "Best regards,",
    ("de", "formal"): "Mit freundlichen Grüßen",
    ("de", "warm"): "Viele Grüße",
    ("fr", "formal"): "Cordialement,",
    ("fr", "warm"): "Bien cordialement,",
    ("es", "formal"): "Saludos cordiales,",
    ("es", "warm"): "Un saludo,",
}
# Words that show appreciation, one of which every message contains.
THANKS = {
    "en": ("thank", "grateful", "appreciate", "pleasure"),
    "de": ("dank", "freude"),
    "fr": ("merci", "remercie", "plaisir"),
    "es": ("gracias", "agradec", "placer"),
}

Builder = Callable[..., Message]


def _previous(app: Application) -> Message:
    return thank_you_and_feedback(app)


BUILDERS: dict[str, Builder] = {
    "thank_you": thank_you,
    "feedback_request": feedback_request,
    "thank_you_and_feedback": lambda app, **kw: thank_you_and_feedback(
        app, questions=list(Question)[:3], **kw
    ),
    "referral_request": referral_request,
    "stay_connected": lambda app, **kw: stay_connected(
        app, "I have since completed a course in cloud data engineering.", **kw
    ),
    "feedback_acknowledgement": lambda app, **kw: feedback_acknowledgement(
        app, "More depth in streaming systems would help.", "I have enrolled in a course.", **kw
    ),
    "nudge": lambda app, **kw: nudge(app, _previous(app), sent_on=dt.date(2026, 11, 21), **kw),
}


@attrs.frozen
class Case:
    locale: str
    name: str
    register: str
    length: str
    variant: int
    message: Message

    def __str__(self) -> str:
        return f"{self.locale}-{self.name}-{self.register}-{self.length}-{self.variant}"


def _all_messages() -> list[Case]:
    out = []
    for locale in LOCALES:
        app = build_app(locale)
        for (name, builder), register, length, variant in itertools.product(
            BUILDERS.items(), REGISTERS, LENGTHS, VARIANTS
        ):
            message = builder(app, register=register, length=length, variant=variant)
            out.append(Case(locale, name, register, length, variant, message))
        for register, variant in itertools.product(REGISTERS, VARIANTS):
            message = connection_note(app, register=register, variant=variant)
            out.append(Case(locale, "connection_note", register, "brief", variant, message))
    return out


ALL = _all_messages()


def test_every_combination_is_covered() -> None:
    per_locale = len(BUILDERS) * len(REGISTERS) * len(LENGTHS) * len(VARIANTS)
    per_locale += len(REGISTERS) * len(VARIANTS)
    assert len(ALL) == len(LOCALES) * per_locale


@pytest.mark.parametrize("case", ALL, ids=str)
def test_etiquette(case: Case) -> None:
    locale, register, length, message = case.locale, case.register, case.length, case.message
    body = message.body
    assert message.kind == case.name
    assert message.locale == locale
    # Greets the primary contact in the locale's customary form for the register.
    assert body.startswith(GREETINGS[locale, register] + "\n\n")
    # Signs off with the candidate's name; e-mails add the profile URL and phone.
    if message.channel == "linkedin_note":
        assert body.endswith("\n\nAlex Kim")
        assert len(body) <= 300
        assert message.subject is None
    else:
        assert body.endswith(
            f"\n\n{SIGN_OFFS[locale, register]}\nAlex Kim\nhttps://example.com/alex\n+49 30 1234567"
        )
        assert message.words <= (120 if length == "brief" else 220)
        assert message.subject is not None
        assert len(message.subject) <= 70
    # Expresses appreciation.
    assert any(word in body.lower() for word in THANKS[locale])
    # Nothing is left untranslated or unsubstituted.
    assert "%(" not in body
    assert ")s" not in body
    assert "  " not in body
    assert "\n\n\n" not in body
    # German letters continue in lower case after the salutation's comma.
    if locale == "de":
        assert body.split("\n\n")[1][0].islower()


@pytest.mark.parametrize("case", ALL, ids=str)
def test_tone_checker_finds_nothing_to_fix(case: Case) -> None:
    tone = pytest.importorskip("followkit.tone")
    if case.locale not in tone.supported_locales():
        pytest.skip(f"the tone checker has no {case.locale} rules yet")
    report = tone.check(case.message)
    assert report.ok, report.format()


def test_outputs_are_deterministic() -> None:
    again = _all_messages()
    assert again == ALL


@pytest.mark.parametrize("locale", LOCALES)
def test_variants_change_the_text(locale: str) -> None:
    app = build_app(locale)
    for register in REGISTERS:
        bodies = {thank_you(app, register=register, variant=v).body for v in range(8)}
        assert len(bodies) >= 3


@pytest.mark.parametrize("locale", LOCALES)
def test_registers_differ(locale: str) -> None:
    app = build_app(locale)
    for builder in BUILDERS.values():
        assert builder(app, register="formal").body != builder(app, register="warm").body


def test_formal_address_in_german_and_french() -> None:
    for register in REGISTERS:
        german = thank_you_and_feedback(build_app("de"), register=register).body
        french = thank_you_and_feedback(build_app("fr"), register=register).body
        assert " Sie " in german or " Ihnen " in german
        assert " dich " not in german
        assert " dir " not in german
        assert " vous " in french
        assert " tu " not in french
        assert " te " not in french


def test_standard_recalls_the_interview() -> None:
    body = thank_you(build_app("en")).body
    assert "November 18" in body
    assert "the team's approach to experimentation" in body
    assert "Sam Park and Robin Diaz" in body
    assert "2026" not in body  # same year as the decision: no year


def test_dates_and_lists_come_from_babel() -> None:
    assert "18. November" in thank_you(build_app("de")).body
    assert "Sam Park und Robin Diaz" in thank_you(build_app("de")).body
    assert "18 novembre" in thank_you(build_app("fr")).body
    assert "Sam Park et Robin Diaz" in thank_you(build_app("fr")).body
    assert "18 de noviembre" in thank_you(build_app("es")).body
    assert "Sam Park y Robin Diaz" in thank_you(build_app("es")).body
    # Another year than the decision's: the year is written out.
    old = build_app("en", interviewed_on=dt.date(2025, 12, 30))
    assert "December 30, 2025" in thank_you(old).body
    british = build_app("en_GB", interviewed_on=dt.date(2025, 12, 30))
    assert "30 December 2025" in thank_you(british).body


def test_brief_leaves_out_the_details() -> None:
    app = build_app("en")
    brief, standard = thank_you(app, length="brief"), thank_you(app, length="standard")
    assert brief.words < standard.words
    assert "November 18" not in brief.body


def test_without_optional_details() -> None:
    app = build_app("en", highlight=None, interviewed_on=None, contacts=[build_app().contact])
    body = thank_you(app).body
    assert "enjoyed" not in body
    assert "pass on my thanks" not in body
    date_only = thank_you(build_app("en", highlight=None)).body
    assert "conversation on November 18" in date_only
    assert "Acme Analytics." in date_only
    highlight_only = build_app("en", interviewed_on=None)
    assert "enjoyed the team's approach" in thank_you(highlight_only).body


class TestSubjects:
    def test_reply_subject(self) -> None:
        app = build_app("de")
        assert thank_you(app).subject == "Re: Your application for Data Engineer"

    @pytest.mark.parametrize(
        "original",
        [
            "Re: Your application",
            "RE: AW: Your application",
            "Re[2]: Your application",
            "  aw:Antw: SV: Your application",
        ],
    )
    def test_no_stacking(self, original: str) -> None:
        app = build_app("en", reply_subject=original)
        assert thank_you(app).subject == "Re: Your application"

    def test_localized_subject_without_reply(self) -> None:
        subjects = {
            locale: thank_you(build_app(locale, reply_subject=None)).subject for locale in LOCALES
        }
        assert subjects == {
            "en": "Thank you – Data Engineer at Acme Analytics",
            "de": "Vielen Dank – Data Engineer bei Acme Analytics",
            "fr": "Merci – Data Engineer chez Acme Analytics",
            "es": "Gracias – Data Engineer en Acme Analytics",
        }

    def test_new_threads(self) -> None:
        app = build_app("en")
        assert referral_request(app).subject == "A question about other roles – Acme Analytics"
        assert stay_connected(app).subject == "Staying in touch – Alex Kim"

    def test_long_values_fall_back_to_a_short_form(self) -> None:
        app = build_app("en", reply_subject="R" * 80, company="C" * 60)
        assert thank_you(app).subject == "Thank you – Data Engineer"

    def test_too_long_even_when_short(self) -> None:
        app = build_app("en", reply_subject=None, position="P" * 90)
        with pytest.raises(ChannelLimitError) as info:
            thank_you(app)
        assert info.value.limit == 70
        assert info.value.count == len("Thank you – " + "P" * 90)
        assert info.value.field == "subject"

    def test_value_free_fallbacks_always_fit(self) -> None:
        app = build_app("en", company="C" * 120)
        assert referral_request(app).subject == "A question about other roles"


class TestFeedbackQuestions:
    def test_default_two(self) -> None:
        body = feedback_request(build_app("en")).body
        assert body.count("\n- ") == 2
        assert Question.AREAS_TO_IMPROVE.text in body
        assert Question.SKILLS_OR_EXPERIENCE.text in body

    def test_chosen_in_order(self) -> None:
        chosen = [Question.BETTER_FIT, Question.IMPRESSION, Question.RESOURCES]
        body = feedback_request(build_app("en"), questions=chosen).body
        positions = [body.index(question.text) for question in chosen]
        assert positions == sorted(positions)

    def test_by_name(self) -> None:
        body = feedback_request(build_app("en"), questions=["concerns_raised"]).body
        assert Question.CONCERNS_RAISED.text in body

    @pytest.mark.parametrize("locale", LOCALES)
    def test_every_question_is_translated(self, locale: str) -> None:
        body = feedback_request(build_app(locale), questions=list(Question)[3:]).body
        body += feedback_request(build_app(locale), questions=list(Question)[:3]).body
        assert body.count("\n- ") == len(Question)
        if locale != "en":
            assert not any(question.text in body for question in Question)

    @pytest.mark.parametrize(
        ("questions", "match"),
        [
            ([], "at least one"),
            (list(Question)[:4], "more than 3"),
            (itertools.cycle(Question), "more than 3"),  # endless
            ([Question.IMPRESSION, Question.IMPRESSION], "asked twice"),
            (["nope"], "is not a Question"),
            ([42], "is not a Question"),
            (Question.IMPRESSION, "sequence of Question"),
            ("IMPRESSION", "sequence of Question"),
        ],
    )
    def test_rejects(self, questions: object, match: str) -> None:
        with pytest.raises(InvalidInputError, match=match):
            feedback_request(build_app("en"), questions=questions)  # type: ignore[arg-type]


class TestFragments:
    @pytest.mark.parametrize(
        "value", ["line\nbreak", "carriage\rreturn", "sep\u2028arator", "", "x" * 501, 42]
    )
    def test_rejected(self, value: object) -> None:
        app = build_app("en")
        with pytest.raises(InvalidInputError, match="^update: "):
            stay_connected(app, value)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="^feedback_summary: "):
            feedback_acknowledgement(app, value)  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="^action: "):
            feedback_acknowledgement(app, action=value)  # type: ignore[arg-type]

    def test_full_stop_added(self) -> None:
        body = stay_connected(build_app("en"), "I joined a data meetup").body
        assert "I joined a data meetup." in body
        body = stay_connected(build_app("en"), "Did you see the news?").body
        assert "Did you see the news?" in body
        assert "news?." not in body

    def test_optional(self) -> None:
        app = build_app("en")
        assert stay_connected(app).words < stay_connected(app, "News.").words
        plain = feedback_acknowledgement(app)
        assert "particularly helpful:" not in plain.body
        assert "next step" not in plain.body

    def test_long_fragments_hit_the_word_limit(self) -> None:
        app = build_app("en")
        long = " ".join(["word"] * 95) + "."
        with pytest.raises(ChannelLimitError) as info:
            stay_connected(app, long, length="brief")
        assert info.value.unit == "words"
        assert info.value.limit == 120
        assert info.value.count > 120
        assert stay_connected(app, long, length="standard").words <= 220


class TestNudge:
    def test_references_the_earlier_message(self) -> None:
        app = build_app("en")
        earlier = thank_you_and_feedback(app)
        body = nudge(app, earlier, sent_on=dt.date(2026, 11, 21)).body
        assert "November 21" in body
        assert "“Your application for Data Engineer”" in body
        assert nudge(app, earlier).subject == "Re: Your application for Data Engineer"

    def test_without_date_or_subject(self) -> None:
        app = build_app("en")
        earlier = thank_you(app, channel="linkedin_message")
        body = nudge(app, earlier).body
        assert "my earlier message." in body
        with_date = nudge(app, earlier, sent_on=dt.datetime(2026, 11, 21, 9, tzinfo=dt.UTC))
        assert "November 21." in with_date.body
        assert with_date.channel == "linkedin_message"
        assert with_date.subject is None

    def test_after_a_connection_note(self) -> None:
        app = build_app("en")
        assert nudge(app, connection_note(app)).channel == "linkedin_message"

    def test_quotes_in_each_language(self) -> None:
        for locale, quoted in [
            ("de", "„Your application for Data Engineer“"),
            ("fr", "«\u00a0Your application for Data Engineer\u00a0»"),
            ("es", "«Your application for Data Engineer»"),
        ]:
            app = build_app(locale)
            assert quoted in nudge(app, thank_you(app)).body

    def test_locale_defaults_to_the_earlier_message(self) -> None:
        app = build_app("en")
        earlier = thank_you(app, locale="fr")
        assert nudge(app, earlier).locale == "fr"
        assert nudge(app, earlier, locale="es").locale == "es"

    def test_rejects(self) -> None:
        app = build_app("en")
        with pytest.raises(InvalidInputError, match="^previous: "):
            nudge(app, "hello")  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="^sent_on: "):
            nudge(app, thank_you(app), sent_on="2026-11-21")  # type: ignore[arg-type]
        with pytest.raises(InvalidInputError, match="^channel: "):
            nudge(app, thank_you(app), channel="linkedin_note")  # type: ignore[arg-type]


class TestConnectionNote:
    def test_channel_and_limit(self) -> None:
        note = connection_note(build_app("en"))
        assert note.channel == "linkedin_note"
        assert note.subject is None
        assert "https://" not in note.body

    def test_too_long(self) -> None:
        app = build_app("en", company="C" * 150, position="P" * 150)
        with pytest.raises(ChannelLimitError) as info:
            connection_note(app)
        assert info.value.limit == 300
        assert info.value.unit == "characters"
        assert info.value.count > 300


def test_linkedin_message_has_no_subject_and_no_signature_links() -> None:
    message = thank_you(build_app("en"), channel="linkedin_message")
    assert message.subject is None
    assert message.body.endswith("Kind regards,\nAlex Kim")


def test_builders_reject_bad_options() -> None:
    app = build_app("en")
    with pytest.raises(InvalidInputError, match="^channel: "):
        thank_you(app, channel="fax")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="^register: "):
        thank_you(app, register="casual")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="^length: "):
        thank_you(app, length="long")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="^variant: "):
        thank_you(app, variant=True)
    with pytest.raises(InvalidInputError, match="^variant: "):
        thank_you(app, variant="1")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="^application: "):
        thank_you(attrs.asdict(build_app()))  # type: ignore[arg-type]


def test_single_word_and_titled_names_are_greeted_in_full() -> None:
    contact = build_app().contact
    for name, greeting in [("Jordan", "Hi Jordan,"), ("Dr. Jordan Lee", "Hi Dr. Jordan Lee,")]:
        app = build_app("en", contacts=[attrs.evolve(contact, name=name)])
        assert thank_you(app, register="warm").body.startswith(greeting)


_CLEAN = st.text(
    alphabet=clean_characters(),
    min_size=1,
    max_size=120,
).filter(str.strip)


@settings(max_examples=60, deadline=None)
@given(
    locale=st.sampled_from(LOCALES),
    company=_CLEAN,
    position=_CLEAN,
    highlight=_CLEAN,
    name=_CLEAN,
    variant=st.integers(),
    register=st.sampled_from(REGISTERS),
    length=st.sampled_from(LENGTHS),
)
def test_any_clean_values_give_a_message_or_a_limit_error(
    *,
    locale: str,
    company: str,
    position: str,
    highlight: str,
    name: str,
    variant: int,
    register: str,
    length: str,
) -> None:
    app = build_app(
        locale,
        company=company,
        position=position,
        highlight=highlight,
        contacts=[Contact(name=name, email="jordan@acme.example")],
    )
    for builder in BUILDERS.values():
        try:
            message = builder(app, register=register, length=length, variant=variant)
        except ChannelLimitError as error:
            assert error.count > error.limit
            continue
        assert message.body.endswith("\nAlex Kim\nhttps://example.com/alex\n+49 30 1234567")
        assert message.body.split("\n", 1)[0].endswith((",", ":"))
        assert message.words <= (120 if length == "brief" else 220)
        assert len(message.subject or "") <= 70
