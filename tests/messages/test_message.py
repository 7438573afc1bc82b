"""Message values and their conversions: e-mail, mailto: URI, plain data."""

from __future__ import annotations

import email
import email.policy
import json
from urllib.parse import parse_qs, unquote, urlsplit

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followkit import ChannelLimitError, Contact, InvalidInputError, Person
from followkit.messages import Message, _message, connection_note, thank_you, thank_you_and_feedback

from .helpers import build_app
from .test_email import unflow

SENDER = Person(name="Alex Kim", email="alex@example.com")
TO = Contact(name="Jordan Lee", email="jordan@acme.example")


def make(**changes: object) -> Message:
    fields: dict[str, object] = {
        "kind": "thank_you",
        "channel": "email",
        "locale": "en",
        "sender": SENDER,
        "to": TO,
        "subject": "Thank you",
        "body": "Dear Jordan Lee,\n\nThank you.\n\nAlex Kim",
    }
    fields.update(changes)
    return Message(**fields)  # type: ignore[arg-type]


def parse(message: Message) -> email.message.EmailMessage:
    raw = message.to_email().as_bytes()
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, email.message.EmailMessage)
    return parsed


class TestToEmail:
    def test_round_trip(self) -> None:
        message = thank_you_and_feedback(build_app("de"), in_reply_to="<abc.123@mail.acme.example>")
        parsed = parse(message)
        assert parsed["From"] == "Alex Kim <alex@example.com>"
        assert parsed["To"] == "Jordan Lee <jordan@acme.example>"
        assert parsed["Subject"] == message.subject
        assert parsed["In-Reply-To"] == "<abc.123@mail.acme.example>"
        assert parsed["References"] == "<abc.123@mail.acme.example>"
        assert parsed["Message-ID"] is None
        assert parsed.get_content_type() == "multipart/alternative"
        plain = parsed.get_body(preferencelist=("plain",))
        assert plain is not None
        assert plain.get_content_charset() == "utf-8"
        assert unflow(plain.get_content().replace("\r\n", "\n")[:-1].split("\n")) == message.body

    def test_crlf_line_ends(self) -> None:
        raw = thank_you(build_app("en")).to_email().as_bytes()
        assert b"\r\n" in raw
        assert b"\n" not in raw.replace(b"\r\n", b"")

    def test_non_ascii_names_and_subject(self) -> None:
        sender = Person(name="Zoë Müller-Lüdenscheidt", email="zoe@example.com")
        to = Contact(name="José Núñez", email="jose@acme.example")
        message = make(sender=sender, to=to, subject="Grüße – Überprüfung – ¿Qué tal?")
        parsed = parse(message)
        assert parsed["From"].addresses[0].display_name == sender.name
        assert parsed["To"].addresses[0].display_name == to.name
        assert parsed["Subject"] == "Grüße – Überprüfung – ¿Qué tal?"
        raw = message.to_email().as_bytes()
        raw.decode("ascii")  # headers are RFC 2047-encoded, the body transfer-encoded

    def test_internationalised_domain_becomes_idna(self) -> None:
        message = make(to=Contact(name="José", email="jose@bücher.example"))
        assert parse(message)["To"].addresses[0].addr_spec == "jose@xn--bcher-kva.example"

    def test_non_ascii_local_part_is_a_clear_error(self) -> None:
        message = make(to=Contact(name="José", email="josé@bücher.example"))
        with pytest.raises(InvalidInputError, match="non-ASCII local part") as info:
            message.to_email()
        assert info.value.field == "to.email"
        assert message.to_mailto().startswith("mailto:jos%C3%A9@b%C3%BCcher.example?")
        sender = Person(name="Zoë", email="zoë@example.com")
        with pytest.raises(InvalidInputError, match="^sender.email: "):
            make(sender=sender).to_email()

    def test_domain_without_idna_form(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def fail(domain: str) -> str:
            raise UnicodeError(domain)

        monkeypatch.setattr(_message, "_to_idna", fail)
        message = make(to=Contact(name="José", email="jose@bücher.example"))
        with pytest.raises(InvalidInputError, match="no ASCII"):
            message.to_email()

    def test_display_names_with_specials_are_quoted(self) -> None:
        to = Contact(name='Lee, Jordan "JL" <boss@x.example>', email="jordan@acme.example")
        parsed = parse(make(to=to))
        addresses = parsed["To"].addresses
        assert len(addresses) == 1
        assert addresses[0].addr_spec == "jordan@acme.example"
        assert addresses[0].display_name == to.name

    def test_no_reply_headers_without_in_reply_to(self) -> None:
        parsed = parse(make())
        assert "In-Reply-To" not in parsed
        assert "References" not in parsed

    @pytest.mark.parametrize(
        ("sender", "to", "field"),
        [
            (Person(name="Alex Kim"), TO, "sender.email"),
            (SENDER, Contact(name="Jordan Lee"), "to.email"),
        ],
    )
    def test_requires_addresses(self, sender: Person, to: Contact, field: str) -> None:
        message = make(sender=sender, to=to)
        with pytest.raises(InvalidInputError) as info:
            message.to_email()
        assert info.value.field == field
        with pytest.raises(InvalidInputError):
            message.to_mailto()

    def test_only_email_messages_convert(self) -> None:
        note = connection_note(build_app("en"))
        with pytest.raises(InvalidInputError, match="^channel: "):
            note.to_email()
        with pytest.raises(InvalidInputError, match="^channel: "):
            note.to_mailto()


class TestToMailto:
    def test_encoding(self) -> None:
        message = make(subject="Thank you – Data Engineer", body="Hi Jordan,\n\nThanks & bye")
        uri = message.to_mailto()
        assert uri == (
            "mailto:jordan@acme.example?subject=Thank%20you%20%E2%80%93%20Data%20Engineer"
            "&body=Hi%20Jordan%2C%0D%0A%0D%0AThanks%20%26%20bye"
        )

    def test_round_trip(self) -> None:
        message = thank_you_and_feedback(build_app("fr"))
        parts = urlsplit(message.to_mailto())
        assert parts.scheme == "mailto"
        assert unquote(parts.path) == "jordan@acme.example"
        query = parse_qs(parts.query, strict_parsing=True)
        assert sorted(query) == ["body", "subject"]
        assert query["subject"] == [message.subject]
        assert query["body"] == [message.body.replace("\n", "\r\n")]

    @pytest.mark.parametrize(
        "hostile",
        ["Acme&cc=everyone@example.com", "Acme%0ABcc: x@example.com", "Acme?body=x#frag", "A+B"],
    )
    def test_injection_is_impossible(self, hostile: str) -> None:
        app = build_app("en", company=hostile, reply_subject=None)
        uri = thank_you(app).to_mailto()
        query = urlsplit(uri).query
        assert sorted(parse_qs(query)) == ["body", "subject"]
        assert "#" not in uri
        assert "\n" not in uri
        assert "\r" not in uri
        assert hostile in parse_qs(query)["subject"][0]

    @pytest.mark.parametrize("bad", ["Acme\r\nBcc: x@example.com", "Acme\nX", "Acme\u2028X"])
    def test_line_breaks_never_reach_a_value(self, bad: str) -> None:
        with pytest.raises(InvalidInputError, match="^company: "):
            build_app("en", company=bad)

    def test_plus_and_percent_in_address(self) -> None:
        message = make(to=Contact(name="J", email="j+jobs%x@acme.example"))
        assert message.to_mailto().startswith("mailto:j%2Bjobs%25x@acme.example?")


class TestValidation:
    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"channel": "fax"}, "channel"),
            ({"kind": "Thank You"}, "kind"),
            ({"kind": ""}, "kind"),
            ({"subject": None}, "subject"),
            ({"subject": "a\r\nBcc: x@example.com"}, "subject"),
            ({"channel": "linkedin_note", "subject": "Hi"}, "subject"),
            ({"body": ""}, "body"),
            ({"body": "a\x00b"}, "body"),
            ({"sender": "Alex"}, "sender"),
            ({"to": "Jordan"}, "to"),
            ({"locale": "xx_YY_ZZ_1"}, "locale"),
            ({"in_reply_to": "abc@x"}, "in_reply_to"),
            ({"in_reply_to": "<abc@x>\r\nBcc: y@z"}, "in_reply_to"),
            ({"in_reply_to": "<a b@x>"}, "in_reply_to"),
            ({"in_reply_to": 42}, "in_reply_to"),
        ],
    )
    def test_rejects(self, changes: dict[str, object], field: str) -> None:
        with pytest.raises(InvalidInputError) as info:
            make(**changes)
        assert info.value.field == field

    def test_subject_limit(self) -> None:
        make(subject="x" * 70)
        with pytest.raises(ChannelLimitError) as info:
            make(subject="x" * 71)
        assert (info.value.limit, info.value.count, info.value.unit) == (70, 71, "characters")

    def test_note_limit(self) -> None:
        make(channel="linkedin_note", subject=None, body="x" * 300)
        with pytest.raises(ChannelLimitError) as info:
            make(channel="linkedin_note", subject=None, body="x" * 301)
        assert (info.value.limit, info.value.count) == (300, 301)

    def test_frozen_and_evolve_validates(self) -> None:
        message = make()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            message.body = "x"  # type: ignore[misc]
        assert attrs.evolve(message, body="Hello").body == "Hello"
        with pytest.raises(InvalidInputError):
            attrs.evolve(message, body="")

    def test_body_line_ends_are_normalised(self) -> None:
        assert make(body="a\r\nb\rc").body == "a\nb\nc"


def test_as_dict_is_json_ready() -> None:
    message = thank_you(build_app("es"), in_reply_to="<x@y.example>")
    data = message.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["kind"] == "thank_you"
    assert data["locale"] == "es"
    assert data["to"]["email"] == "jordan@acme.example"
    assert data["in_reply_to"] == "<x@y.example>"
    note = connection_note(build_app("en")).as_dict()
    assert "subject" not in note
    assert "in_reply_to" not in note


class TestNames:
    def test_builders_list_the_names_they_write(self) -> None:
        message = thank_you(build_app("en"))
        assert message.names
        assert all(name in f"{message.subject}\n{message.body}" for name in message.names)
        assert "Alex Kim" in message.names  # the candidate signs with their name

    def test_round_trip_and_json(self) -> None:
        message = make(names=["BNP PARIBAS", "Jordan Lee"])
        assert message.names == ("BNP PARIBAS", "Jordan Lee")
        data = json.loads(json.dumps(message.as_dict()))
        assert data["names"] == ["BNP PARIBAS", "Jordan Lee"]
        assert Message.from_dict(data) == message
        assert "names" not in make().as_dict()

    @pytest.mark.parametrize(
        ("names", "field"),
        [
            ("BNP", "names"),
            ([1], "names[0]"),
            (["ok", "a\nb"], "names[1]"),
            (["x"] * 33, "names"),
        ],
    )
    def test_bad_names_are_refused(self, names: object, field: str) -> None:
        with pytest.raises(InvalidInputError) as info:
            make(names=names)
        assert info.value.field == field


class TestFromDict:
    @pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
    def test_round_trip(self, locale: str) -> None:
        for message in (
            thank_you(build_app(locale), in_reply_to="<x@y.example>"),
            connection_note(build_app(locale)),
        ):
            data = json.loads(json.dumps(message.as_dict()))
            assert Message.from_dict(data) == message

    @pytest.mark.parametrize(
        ("change", "field", "match"),
        [
            ({"extra": 1}, "message.extra", "unknown field"),
            ({"body": None}, "message", "is missing body"),
            ({"to": {"name": "J", "email": "not-an-address"}}, "message.to.email", "valid"),
            ({"sender": "Alex"}, "message.sender", "must be a mapping"),
            ({"channel": "fax"}, "message.channel", "not a channel"),
        ],
    )
    def test_errors_name_the_path(self, change: dict[str, object], field: str, match: str) -> None:
        data = {**make().as_dict(), **change}
        with pytest.raises(InvalidInputError, match=match) as info:
            Message.from_dict(data)
        assert info.value.field == field

    def test_not_a_mapping(self) -> None:
        with pytest.raises(InvalidInputError, match="^drafts.0: must be a mapping"):
            Message.from_dict(["x"], path="drafts.0")  # type: ignore[arg-type]


def test_str_shows_what_is_sent() -> None:
    message = make()
    assert str(message) == f"Subject: Thank you\n\n{message.body}"
    note = connection_note(build_app("en"))
    assert str(note) == note.body


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cn")),
        min_size=1,
        max_size=60,
    ).filter(
        lambda s: (
            s.strip()
            and not any(c in s for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
        )
    )
)
def test_any_clean_company_survives_both_conversions(company: str) -> None:
    app = build_app("en", company=company, reply_subject=None)
    message = thank_you(app, length="brief")
    assert company.strip() in message.body
    parsed = parse(message)
    assert parsed["Subject"] == message.subject
    query = parse_qs(urlsplit(message.to_mailto()).query)
    assert query["subject"] == [message.subject]
    assert query["body"] == [message.body.replace("\n", "\r\n")]
