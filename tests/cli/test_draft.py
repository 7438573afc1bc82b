"""``followkit draft``."""

from __future__ import annotations

import email
import email.policy
import json
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from followkit import Application, messages
from followkit.cli import DRAFT_KINDS

from .conftest import APP

if TYPE_CHECKING:
    from pathlib import Path

FLAGS = (
    "--company",
    "Acme Analytics",
    "--position",
    "Data Engineer",
    "--name",
    "Alex Kim",
    "--email",
    "alex@example.com",
    "--contact-name",
    "Jordan Lee",
    "--contact-email",
    "jordan@acme.example",
)


def expected(kind: str, **options: Any) -> messages.Message:
    app = Application.from_dict(APP)
    builder = getattr(messages, kind.replace("-", "_"))
    if kind == "nudge":
        return builder(app, messages.thank_you_and_feedback(app, **options), **options)  # type: ignore[no-any-return]
    return builder(app, **options)  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", DRAFT_KINDS)
def test_every_kind_from_a_file(run: Any, app_json: Path, kind: str) -> None:
    result = run("draft", kind, "--from", str(app_json))
    assert (result.code, result.err) == (0, "")
    assert result.out == str(expected(kind)) + "\n"


@pytest.mark.parametrize(
    ("argv", "options"),
    [
        (("--register", "warm"), {"register": "warm"}),
        (("--length", "brief"), {"length": "brief"}),
        (("--variant", "2"), {"variant": 2}),
        (("--locale", "de"), {"locale": "de"}),
        (("--channel", "linkedin_message"), {"channel": "linkedin_message"}),
    ],
)
def test_options_reach_the_builder(
    run: Any, app_json: Path, argv: tuple[str, ...], options: dict[str, Any]
) -> None:
    result = run("draft", "thank-you", "--from", str(app_json), *argv)
    assert result.code == 0, result.err
    assert result.out == str(expected("thank-you", **options)) + "\n"


def test_toml_and_stdin(run: Any, tmp_path: Path) -> None:
    toml = tmp_path / "app.toml"
    toml.write_text(
        'company = "Acme Analytics"\nposition = "Data Engineer"\n'
        'decided_at = 2026-11-20T15:00:00+01:00\ntimezone = "Europe/Berlin"\n'
        '[candidate]\nname = "Alex Kim"\n[[contacts]]\nname = "Jordan Lee"\n',
        encoding="utf-8",
    )
    from_file = run("draft", "thank-you", "--from", str(toml))
    assert from_file.code == 0
    piped = run(
        "draft", "thank-you", "--from", "-", "--input-format", "toml", stdin=toml.read_text()
    )
    assert piped.out == from_file.out
    assert "Dear Jordan Lee," in piped.out
    as_json = run("draft", "thank-you", "--from", "-", stdin=json.dumps(APP))
    assert as_json.code == 0


def test_flags_only(run: Any) -> None:
    result = run("draft", "thank-you", *FLAGS, "--decided", "2026-11-20T15:00+01:00")
    assert result.code == 0, result.err
    assert "Dear Jordan Lee," in result.out
    assert result.out.rstrip().endswith("Alex Kim")


def test_flags_override_the_file(run: Any, app_json: Path) -> None:
    result = run(
        "draft",
        "thank-you",
        "--from",
        str(app_json),
        "--contact-name",
        "Sam Roe",
        "--format",
        "json",
    )
    data = json.loads(result.out)
    assert data["to"]["name"] == "Sam Roe"
    assert data["to"]["email"] == "jordan@acme.example"


def test_json(run: Any, app_json: Path) -> None:
    result = run("draft", "feedback-request", "--from", str(app_json), "--format", "json")
    assert json.loads(result.out) == expected("feedback-request").as_dict()


def test_eml_parses_back(run: Any, app_json: Path, tmp_path: Path) -> None:
    target = tmp_path / "reply.eml"
    result = run(
        "draft", "thank-you", "--from", str(app_json), "--format", "eml", "-o", str(target)
    )
    assert (result.code, result.out) == (0, "")
    mail = email.message_from_bytes(target.read_bytes(), policy=email.policy.default)
    assert mail["To"] == "Jordan Lee <jordan@acme.example>"
    assert mail["From"] == "Alex Kim <alex@example.com>"
    plain = mail.get_body(preferencelist=("plain",)).get_content()
    # format=flowed: a line that ends with a space continues on the next one.
    text = plain.replace("\r\n", "\n").replace(" \n", " ")
    assert text.rstrip() == expected("thank-you").body.rstrip()


def test_eml_to_stdout(run: Any, app_json: Path) -> None:
    result = run("draft", "thank-you", "--from", str(app_json), "--format", "eml")
    assert result.raw.startswith(b"From: Alex Kim <alex@example.com>\r\n")


def test_mailto(run: Any, app_json: Path) -> None:
    result = run("draft", "thank-you", "--from", str(app_json), "--format", "mailto")
    uri = result.out.strip()
    parts = urlsplit(uri)
    assert (parts.scheme, unquote(parts.path)) == ("mailto", "jordan@acme.example")
    query = parse_qs(parts.query)
    assert query["subject"] == [expected("thank-you").subject]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ((), "followkit: error: give an application with --from FILE, or with flags"),
        (("--company", "Acme"), "followkit: error: --position is required"),
        (FLAGS[:4] + FLAGS[6:8], "followkit: error: --contact-name is required"),
        (FLAGS[4:], "followkit: error: --company is required"),
        ((*FLAGS, "--email", "x@"), "followkit: error: --email: 'x@' is not"),
        (("--email", "alex@example.com", *FLAGS[:4], *FLAGS[8:]), "--name is required"),
        ((*FLAGS, "--decided", "yesterday"), "--decided: 'yesterday' is not an ISO 8601"),
        ((*FLAGS, "--timezone", "Mars/Base"), "--timezone: 'Mars/Base' is not a known IANA"),
        ((*FLAGS, "--locale", "xx"), "--locale: 'xx' is not a locale known to babel"),
        ((*FLAGS, "--company", "A\r\nBcc: x@evil.example"), "--company: contains the control"),
    ],
)
def test_flag_errors_name_the_flag(run: Any, argv: tuple[str, ...], message: str) -> None:
    result = run("draft", "thank-you", *argv)
    assert result.code == 2
    assert result.out == ""
    assert message in result.err
    assert result.err.count("\n") == 1


def test_unsupported_locale_for_messages(run: Any) -> None:
    result = run("draft", "thank-you", *FLAGS, "--locale", "ja")
    assert result.code == 2
    assert result.err.startswith("followkit: error: --locale: 'ja' is not supported")


def test_file_errors_name_the_file(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "app.json"
    path.write_text(json.dumps({**APP, "timezone": "Mars/Base"}), encoding="utf-8")
    result = run("draft", "thank-you", "--from", str(path))
    assert result.err == (
        f"followkit: error: {path}: timezone: 'Mars/Base' is not a known IANA time zone "
        "(such as 'Europe/Berlin')\n"
    )
    # The file must be valid on its own: flags override its values, they do not repair it.
    result = run("draft", "thank-you", "--from", str(path), "--timezone", "UTC")
    assert result.err.startswith(f"followkit: error: {path}: timezone: ")


def test_a_flag_that_breaks_a_file_value_is_named(run: Any, app_json: Path) -> None:
    result = run("draft", "thank-you", "--from", str(app_json), "--territory", "Germany")
    assert result.err.startswith("followkit: error: --territory: 'Germany' is not a two-letter")


def test_a_file_with_many_applications(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "apps.json"
    path.write_text(json.dumps([APP, APP]), encoding="utf-8")
    result = run("draft", "thank-you", "--from", str(path))
    assert result.code == 2
    assert "holds 2 applications; draft writes one message (use 'followkit plan' for many)" in (
        result.err
    )


def test_unknown_extension(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "app.yaml"
    path.write_text("company: Acme", encoding="utf-8")
    result = run("draft", "thank-you", "--from", str(path))
    assert result.code == 2
    assert "cannot tell the format from the file name" in result.err
    assert run("draft", "thank-you", "--from", str(path), "--input-format", "json").code == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--length", "brief"), "--length does not apply to connection-note (always brief)"),
        (("--channel", "email"), "--channel does not apply to connection-note"),
    ],
)
def test_options_that_do_not_apply(
    run: Any, app_json: Path, argv: tuple[str, ...], message: str
) -> None:
    result = run("draft", "connection-note", "--from", str(app_json), *argv)
    assert result.code == 2
    assert message in result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--format", "eml"), "--format eml needs your e-mail address: give --email"),
        (("--format", "mailto"), "--format mailto needs your e-mail address: give --email"),
    ],
)
def test_conversions_need_addresses(run: Any, argv: tuple[str, ...], message: str) -> None:
    without_email = FLAGS[:6] + FLAGS[8:]
    result = run("draft", "thank-you", *without_email, *argv)
    assert result.code == 2
    assert message in result.err
    without_contact_email = FLAGS[:10]
    result = run("draft", "thank-you", *without_contact_email, "--format", "eml")
    assert "needs the recipient's address: give --contact-email" in result.err


def test_linkedin_is_not_an_email(run: Any, app_json: Path) -> None:
    result = run("draft", "connection-note", "--from", str(app_json), "--format", "eml")
    assert result.code == 2
    assert result.err.startswith("followkit: error: --format eml: channel: ")


def test_question_names_are_the_catalog() -> None:
    from followkit.cli import QUESTIONS

    assert [name.upper().replace("-", "_") for name in QUESTIONS] == [
        question.name for question in messages.Question
    ]


@pytest.mark.parametrize(
    ("kind", "argv", "options"),
    [
        (
            "feedback-request",
            ("--question", "impression", "--question", "better-fit"),
            {"questions": [messages.Question.IMPRESSION, messages.Question.BETTER_FIT]},
        ),
        (
            "thank-you-and-feedback",
            ("--question", "resources"),
            {"questions": [messages.Question.RESOURCES]},
        ),
        (
            "stay-connected",
            ("--update", "I have since completed a course in cloud data engineering."),
            {"update": "I have since completed a course in cloud data engineering."},
        ),
        (
            "feedback-acknowledgement",
            ("--feedback", "more depth in system design", "--action", "I am taking a course"),
            {"feedback_summary": "more depth in system design", "action": "I am taking a course"},
        ),
        (
            "thank-you",
            ("--in-reply-to", "<rejection.42@mail.acme.example>", "--format", "json"),
            {"in_reply_to": "<rejection.42@mail.acme.example>"},
        ),
    ],
)
def test_kind_options(
    run: Any, app_json: Path, kind: str, argv: tuple[str, ...], options: dict[str, Any]
) -> None:
    result = run("draft", kind, "--from", str(app_json), *argv)
    assert result.code == 0, result.err
    message = expected(kind, **options)
    if "json" in argv:
        assert json.loads(result.out) == message.as_dict()
    else:
        assert result.out == str(message) + "\n"


def test_nudge_sent_on(run: Any, app_json: Path) -> None:
    import datetime as dt

    result = run("draft", "nudge", "--from", str(app_json), "--sent-on", "2026-11-23")
    app = Application.from_dict(APP)
    previous = messages.thank_you_and_feedback(app)
    assert result.out == str(messages.nudge(app, previous, sent_on=dt.date(2026, 11, 23))) + "\n"
    bad = run("draft", "nudge", "--from", str(app_json), "--sent-on", "Monday")
    assert bad.err == (
        "followkit: error: --sent-on: 'Monday' is not an ISO 8601 date such as '2026-11-23'\n"
    )


@pytest.mark.parametrize(
    ("kind", "argv", "message"),
    [
        ("thank-you", ("--update", "news"), "--update applies to stay-connected, not to thank-you"),
        (
            "nudge",
            ("--question", "impression"),
            "--question applies to feedback-request and thank-you-and-feedback, not to nudge",
        ),
        (
            "connection-note",
            ("--in-reply-to", "<a@b>"),
            "--in-reply-to does not apply to connection-note (not an e-mail)",
        ),
        (
            "feedback-request",
            tuple(
                arg
                for name in ("impression", "resources", "better-fit", "concerns-raised")
                for arg in ("--question", name)
            ),
            "--question: asks more than 3 questions",
        ),
        (
            "feedback-request",
            ("--question", "impression", "--question", "impression"),
            "--question: IMPRESSION is asked twice",
        ),
        ("thank-you", ("--in-reply-to", "not an id"), "--in-reply-to: 'not an id' is not a"),
        ("stay-connected", ("--update", "a\nb"), "--update: contains the control"),
    ],
)
def test_kind_option_errors(
    run: Any, app_json: Path, kind: str, argv: tuple[str, ...], message: str
) -> None:
    result = run("draft", kind, "--from", str(app_json), *argv)
    assert result.code == 2
    assert message in result.err
    assert result.err.count("\n") == 1


def test_a_builder_error_without_a_flag_names_the_file(
    run: Any, app_json: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followkit import InvalidInputError

    def refuse(*args: object, **kwargs: object) -> None:
        raise InvalidInputError("is refused", field="body")

    monkeypatch.setattr(messages, "thank_you", refuse)
    result = run("draft", "thank-you", "--from", str(app_json))
    assert result.err == f"followkit: error: {app_json}: body: is refused\n"
