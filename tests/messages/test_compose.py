"""compose() and the public parts: custom messages, literal user values, errors."""

from __future__ import annotations

import datetime as dt
import gettext

import babel
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followkit import ChannelLimitError, InvalidInputError, UnsupportedLocaleError
from followkit.errors import FollowkitError
from followkit.messages import (
    Context,
    Question,
    _i18n,
    acknowledgement,
    check_in,
    closing,
    compose,
    feedback_questions,
    gratitude,
    greeting,
    next_step,
    paragraph,
    sign_off,
    thank_you,
    update,
)

from .helpers import build_app


def test_custom_composition() -> None:
    app = build_app("de")
    message = compose(
        app,
        [greeting, paragraph("Herzlichen Glückwunsch zum Produktstart!"), closing, sign_off],
        kind="congratulations",
    )
    assert message.kind == "congratulations"
    assert message.subject == "Re: Your application for Data Engineer"
    assert message.body.split("\n\n")[:2] == [
        "Guten Tag Jordan Lee,",
        "herzlichen Glückwunsch zum Produktstart!",  # DIN 5008: lower case after the comma
    ]


def test_custom_kind_without_reply_subject_gets_a_generic_subject() -> None:
    message = compose(build_app("fr", reply_subject=None), [greeting, sign_off], kind="hello")
    assert message.subject == "Data Engineer chez Acme Analytics"


def test_own_part_function() -> None:
    def ps(ctx: Context) -> str:
        return f"P.S. {ctx.application.company} / {ctx.language} / {ctx.register}"

    message = compose(build_app("es_MX"), [greeting, ps], kind="note", register="warm")
    assert message.body.endswith("P.S. Acme Analytics / es / warm")
    assert message.locale == "es_MX"


def test_parts_that_say_nothing_are_left_out() -> None:
    message = compose(build_app("en"), [greeting, update(None), next_step(None)], kind="x")
    assert message.body == "Dear Jordan Lee,"


def test_explicit_subject() -> None:
    message = compose(build_app("en"), [greeting], kind="x", subject="  Hello there ")
    assert message.subject == "Hello there"
    with pytest.raises(ChannelLimitError):
        compose(build_app("en"), [greeting], kind="x", subject="x" * 71)
    with pytest.raises(InvalidInputError, match="^subject: "):
        compose(build_app("en"), [greeting], kind="x", subject="a\nb")
    with pytest.raises(InvalidInputError, match="^subject: .*no subject"):
        compose(build_app("en"), [greeting], kind="x", channel="linkedin_note", subject="Hi")


@pytest.mark.parametrize(
    "hostile", ["{position}", "%(name)s", "%(company)s", "%s %d %%", "{0} {company!r}"]
)
def test_user_values_appear_literally(hostile: str) -> None:
    app = build_app("fr", company=hostile, position=hostile, reply_subject=None)
    message = thank_you(app, variant=1)
    assert message.body.count(hostile) >= 2
    assert hostile in (message.subject or "")
    quoted = compose(app, [greeting, update(hostile)], kind="x")
    assert hostile in quoted.body


@given(st.sampled_from(["en", "de", "fr", "es"]), st.integers(), st.booleans())
def test_variants_are_deterministic(locale: str, variant: int, warm: bool) -> None:
    app = build_app(locale)
    register = "warm" if warm else "formal"
    first = thank_you(app, variant=variant, register=register)
    assert first == thank_you(app, variant=variant, register=register)


def test_huge_and_negative_variants() -> None:
    app = build_app("en")
    assert thank_you(app, variant=10**5000).body
    assert thank_you(app, variant=-1).body == thank_you(app, variant=(1 << 64) - 1).body


def test_parts_rotate_independently() -> None:
    app = build_app("en")
    contexts = [
        Context(
            application=app,
            kind="x",
            channel="email",
            locale=_i18n.resolve("en"),
            register="formal",
            length="standard",
            variant=variant,
        )
        for variant in range(40)
    ]
    choices = {(ctx.choose("gratitude", "abc"), ctx.choose("closing", "ab")) for ctx in contexts}
    assert len(choices) == 6


def test_acknowledgement_and_next_step_parts() -> None:
    app = build_app("en")
    message = compose(
        app,
        [greeting, acknowledgement("Go deeper on streaming"), next_step("I started a course")],
        kind="feedback_acknowledgement",
    )
    assert ": Go deeper on streaming." in message.body
    assert ": I started a course." in message.body


@pytest.mark.parametrize(
    ("parts", "match"),
    [
        ("greeting", "^parts: must be a sequence"),
        (42, "^parts: must be a sequence"),
        ([greeting, "x"], r"^parts\[1\]: 'x' is not a part"),
        ([lambda ctx: 42], r"^parts\[0\]: returned int"),
        ([lambda ctx: None, lambda ctx: "  "], "^parts: the parts produced no text"),
    ],
)
def test_bad_parts(parts: object, match: str) -> None:
    with pytest.raises(InvalidInputError, match=match):
        compose(build_app("en"), parts, kind="x")  # type: ignore[arg-type]


def test_bad_options() -> None:
    app = build_app("en")
    with pytest.raises(InvalidInputError, match="^kind: "):
        compose(app, [greeting], kind="Not a kind")
    with pytest.raises(InvalidInputError, match="^channel: "):
        compose(app, [greeting], kind="x", channel="sms")  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="^in_reply_to: "):
        compose(app, [greeting], kind="x", in_reply_to="not-an-id")
    with pytest.raises(InvalidInputError, match="^paragraph: "):
        paragraph("")
    with pytest.raises(InvalidInputError, match="^questions: "):
        feedback_questions([])


def test_word_limit_on_custom_messages() -> None:
    app = build_app("en")
    long = paragraph(" ".join(["word"] * 130))
    with pytest.raises(ChannelLimitError) as info:
        compose(app, [greeting, long], kind="x", length="brief")
    assert (info.value.limit, info.value.unit) == (120, "words")
    assert compose(app, [greeting, long], kind="x").words == 133


class TestLocales:
    def test_unsupported(self) -> None:
        with pytest.raises(UnsupportedLocaleError) as info:
            thank_you(build_app("en"), locale="it")
        assert info.value.supported == ("de", "en", "es", "fr")
        assert info.value.locale == "it"
        assert "de, en, es, fr" in str(info.value)

    def test_unknown(self) -> None:
        with pytest.raises(UnsupportedLocaleError) as info:
            thank_you(build_app("en"), locale="xx_not_a_locale")
        assert info.value.supported == ("de", "en", "es", "fr")
        assert "de, en, es, fr" in str(info.value)

    def test_application_in_an_unsupported_locale(self) -> None:
        with pytest.raises(UnsupportedLocaleError, match="^locale: 'ja' is not supported"):
            thank_you(build_app("ja"))

    @pytest.mark.parametrize(
        ("locale", "greeting_"),
        [
            ("de_AT", "Guten Tag"),
            ("de-CH", "Guten Tag"),
            ("es_MX", "Buenos días"),
            ("en_GB", "Dear"),
            ("fr_CA", "Bonjour"),
        ],
    )
    def test_regional_fallback(self, locale: str, greeting_: str) -> None:
        message = thank_you(build_app("en"), locale=locale)
        assert message.body.startswith(greeting_)
        assert message.locale == locale.replace("-", "_")

    def test_regional_dates(self) -> None:
        app = build_app("en", interviewed_on=dt.date(2026, 1, 5))
        assert "5. Jänner" in thank_you(app, locale="de_AT").body
        assert "5. Januar" in thank_you(app, locale="de").body

    def test_babel_locale_object(self) -> None:
        assert thank_you(build_app("en"), locale=babel.Locale("fr")).locale == "fr"


class TestI18nHelpers:
    def test_missing_catalog_says_how_to_fix_it(self, monkeypatch: pytest.MonkeyPatch) -> None:
        _i18n.translations.cache_clear()
        monkeypatch.setattr(_i18n, "DOMAIN", "missing-domain")
        try:
            with pytest.raises(FollowkitError, match="run `make catalogs`"):
                _i18n.translations("de")
        finally:
            _i18n.translations.cache_clear()

    def test_cached_per_language(self) -> None:
        assert _i18n.translations("fr") is _i18n.translations("fr")
        assert isinstance(_i18n.translations("fr"), gettext.GNUTranslations)

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("l’équipe de %(company)s", "l’équipe d’Acme"),
            ("que %(company)s", "qu’Acme"),
            ("de %(company)s", "d’Acme"),
            ("de %(other)s", "de Zeta"),
            ("monde %(company)s", "monde Acme"),
        ],
    )
    def test_french_elision(self, value: str, expected: str) -> None:
        values = {"company": "Acme", "other": "Zeta"}
        assert _i18n.elide(value, values, "fr") % values == expected
        assert _i18n.elide(value, values, "en") == value

    def test_elision_in_messages(self) -> None:
        body = compose(build_app("fr", company="Orange"), [check_in], kind="x").body
        assert "l’équipe d’Orange" in body or "chez Orange" in body
        body = compose(build_app("fr", company="Zalando"), [check_in], kind="x").body
        assert "d’Zalando" not in body

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Vielen Dank für Ihre Zeit.", "vielen Dank für Ihre Zeit."),
            ("Ich hoffe, es geht Ihnen gut.", "ich hoffe, es geht Ihnen gut."),
            ("Ihr Feedback hat mir geholfen.", "Ihr Feedback hat mir geholfen."),
            ("Sie haben mir sehr geholfen.", "Sie haben mir sehr geholfen."),
            ("Unser Gespräch war schön.", "Unser Gespräch war schön."),
        ],
    )
    def test_german_continuation(self, text: str, expected: str) -> None:
        assert _i18n.continue_after_greeting(text, "de") == expected
        assert _i18n.continue_after_greeting(text, "fr") == text

    def test_custom_paragraph_after_german_greeting(self) -> None:
        message = compose(build_app("de"), [greeting, paragraph("Ich melde mich.")], kind="x")
        assert "\n\nich melde mich." in message.body

    def test_reply_prefix_stripping_is_linear(self) -> None:
        hostile = "re:" * 10_000 + "x"
        assert _i18n.strip_reply_prefixes(hostile) == "x"
        assert _i18n.strip_reply_prefixes("Re: Re ") == "Re"
        assert _i18n.strip_reply_prefixes("Regarding: x") == "Regarding: x"


def test_gratitude_and_questions_are_public_parts() -> None:
    app = build_app("en")
    message = compose(
        app,
        [greeting, gratitude, feedback_questions([Question.RESOURCES]), sign_off],
        kind="feedback_request",
        length="brief",
    )
    assert "- " + Question.RESOURCES.text in message.body
