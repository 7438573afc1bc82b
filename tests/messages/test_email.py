"""The e-mail a Message becomes: flowed plain text first, then an HTML alternative."""

from __future__ import annotations

import email
import email.policy
import re
import time
from email.message import EmailMessage
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followkit
from followkit import Contact, Person
from followkit.messages import Message, _mail

from .helpers import LOCALES, build_app, clean_characters

SENDER = Person(name="Alex Kim", email="alex@example.com")
TO = Contact(name="Jordan Lee", email="jordan@acme.example")
ITEM = re.compile(r"[-*\u2022] +(?=\S)")
LONG_URL = "https://example.com/" + "a-very-long-path/" * 6 + "?q=1"


def make(body: str, *, locale: str = "en", subject: str = "Thank you") -> Message:
    return Message(
        kind="thank_you",
        channel="email",
        locale=locale,
        sender=SENDER,
        to=TO,
        subject=subject,
        body=body,
    )


def parse(message: Message, **options: bool) -> EmailMessage:
    raw = message.to_email(**options).as_bytes()
    raw.decode("ascii")  # every part is transfer-encoded: no relay needs 8BITMIME
    parsed = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def plain_lines(mail: EmailMessage) -> list[str]:
    """The lines of the plain part as sent (still flowed)."""
    part = mail.get_body(preferencelist=("plain",))
    assert part is not None
    assert part["Content-Type"].params == {"charset": "utf-8", "format": "flowed", "delsp": "no"}
    content = part.get_content().replace("\r\n", "\n")
    assert content.endswith("\n")
    return content[:-1].split("\n")


def unflow(lines: list[str]) -> str:
    """Read format=flowed, DelSp=no lines back into hard lines (RFC 3676 section 4.2)."""
    hard: list[str] = []
    current = ""
    for line in lines:
        assert not line.startswith(">"), f"{line!r} would read as a quotation"
        unstuffed = line.removeprefix(" ")
        current += unstuffed
        if unstuffed.endswith(" ") and unstuffed != "-- ":
            continue  # a soft break: the next line continues this one
        hard.append(current)
        current = ""
    assert not current, "the last line must not end with a soft break"
    return "\n".join(hard)


def sent_text(body: str) -> str:
    """What the recipient should read: the body without spaces at the ends of lines."""
    return "\n".join(line if line == "-- " else line.rstrip(" ") for line in body.split("\n"))


class Html(HTMLParser):
    """Collect the tags, attributes and the text of the document's body."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: dict[str, list[tuple[str, str | None]]] = {}
        self.in_body = False
        self.in_block = False
        self.text: list[str] = []
        self.blocks: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if attrs:
            self.attributes[tag] = attrs
        if tag == "body":
            self.in_body = True
        if tag in {"p", "li"}:
            self.blocks.append((tag, ""))
            self.in_block = True
        if tag == "br" and self.in_block:
            kind, text = self.blocks[-1]
            self.blocks[-1] = (kind, text + "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "body":
            self.in_body = False
        if tag in {"p", "li"}:
            self.in_block = False

    def handle_data(self, data: str) -> None:
        if self.in_body:
            self.text.append(data)
            if self.in_block:  # a line feed in the source shows as nothing after a <br>
                kind, text = self.blocks[-1]
                self.blocks[-1] = (kind, text + data.replace("\n", ""))

    @classmethod
    def read(cls, mail: EmailMessage) -> Html:
        part = mail.get_body(preferencelist=("html",))
        assert part is not None
        assert part.get_content_charset() == "utf-8"
        parser = cls()
        parser.feed(part.get_content().replace("\r\n", "\n"))
        parser.close()
        return parser


def words_without_markers(body: str) -> list[str]:
    """The words of *body* as the HTML shows them: list markers become bullets."""
    words: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip(" ")
        marker = ITEM.match(stripped)
        words += (stripped[marker.end() :] if marker else stripped).split()
    return words


class TestStructure:
    def test_plain_first_then_html(self) -> None:
        mail = parse(followkit.thank_you_and_feedback(build_app("en")))
        assert mail.get_content_type() == "multipart/alternative"
        assert [part.get_content_type() for part in mail.iter_parts()] == [
            "text/plain",
            "text/html",
        ]
        assert [part.get("MIME-Version") for part in mail.iter_parts()] == [None, None]
        assert "Content-Transfer-Encoding" not in mail

    def test_plain_only(self) -> None:
        message = followkit.thank_you(build_app("en"))
        mail = parse(message, html=False)
        assert mail.get_content_type() == "text/plain"
        assert not mail.is_multipart()
        assert unflow(plain_lines(mail)) == message.body
        assert mail.get_body(preferencelist=("html",)) is None

    @pytest.mark.parametrize("locale", LOCALES)
    def test_builders_read_back(self, locale: str) -> None:
        message = followkit.thank_you_and_feedback(
            build_app(locale), in_reply_to="<abc.123@mail.acme.example>"
        )
        assert max(map(len, message.body.split("\n"))) > 78  # what a plain e-mail used to carry
        mail = parse(message)
        lines = plain_lines(mail)
        assert max(map(len, lines)) <= _mail.WIDTH
        assert unflow(lines) == message.body
        assert mail["In-Reply-To"] == "<abc.123@mail.acme.example>"
        html = Html.read(mail)
        assert html.attributes["html"] == [("lang", locale)]
        assert words_without_markers(message.body) == "".join(html.text).split()
        # The feedback questions are a list; the signature keeps its line breaks.
        items = [text for kind, text in html.blocks if kind == "li"]
        assert items == [line[2:] for line in message.body.split("\n") if line.startswith("- ")]
        assert html.blocks[-1][1] == message.body.rsplit("\n\n", 1)[1]

    def test_ascii_is_sent_as_it_is_and_the_rest_quoted_printable(self) -> None:
        mail = parse(make("Dear Jordan,\n\nThank you.\n\nAlex"))
        assert [part["Content-Transfer-Encoding"] for part in mail.iter_parts()] == [
            "7bit",
            "7bit",
        ]
        mail = parse(make("Hallo Jordan,\n\nvielen Dank für alles.\n\nAlex", locale="de"))
        assert [part["Content-Transfer-Encoding"] for part in mail.iter_parts()] == [
            "quoted-printable",
            "quoted-printable",
        ]
        # A line too long to send raw (the HTML keeps a paragraph on one line).
        mail = parse(make("Dear Jordan,\n\n" + "Thank you for everything. " * 5 + "\n\nAlex"))
        assert [part["Content-Transfer-Encoding"] for part in mail.iter_parts()] == [
            "7bit",
            "quoted-printable",
        ]


class TestFlowed:
    def test_wrapping_at_a_space(self) -> None:
        words = [f"word{index:04d}" for index in range(20)]  # 9 characters with a space
        assert (
            _mail.flowed(" ".join(words)).split("\n")
            == [
                " ".join(words[:8]) + " ",  # 72 characters: the widest line
                " ".join(words[8:16]) + " ",
                " ".join(words[16:]),
            ]
        )

    def test_long_word_keeps_its_line(self) -> None:
        text = f"My profile: {LONG_URL} and more"
        assert _mail.flowed(text).split("\n") == ["My profile: ", f"{LONG_URL} ", "and more"]

    @pytest.mark.parametrize(
        ("line", "sent"),
        [
            ("> not a quote", " > not a quote"),
            ("From the start", " From the start"),
            ("  indented", "   indented"),
            ("Fromage", "Fromage"),
            ("-- ", "-- "),
            ("text   ", "text"),
        ],
    )
    def test_space_stuffing_and_trailing_spaces(self, line: str, sent: str) -> None:
        assert _mail.flowed(line) == sent

    def test_stuffing_after_a_soft_break(self) -> None:
        text = "x" * 70 + " >50 years\n" + "y" * 70 + " From here"
        lines = _mail.flowed(text).split("\n")
        assert lines == ["x" * 70 + " ", " >50 years", "y" * 70 + " ", " From here"]
        assert unflow(lines) == text

    def test_a_soft_line_is_never_a_signature_separator(self) -> None:
        text = "-- " + "z" * 80
        assert _mail.flowed(text) == text
        assert unflow([text]) == text

    def test_hostile_sizes_are_fast(self) -> None:
        for body in ("x" * 20_000, "x " * 10_000, "-- " * 6_000, " " * 500 + "x" * 19_000):
            start = time.perf_counter()
            mail = parse(make(body))
            assert unflow(plain_lines(mail)) == sent_text(make(body).body)
            assert time.perf_counter() - start < 2


class TestHtml:
    def test_document(self) -> None:
        message = make(
            "Dear Jordan,\n\nThanks:\n- one\n- two\nAnd more.\n\nAlex\nhttps://x.example"
        )
        html = Html.read(parse(message))
        assert html.tags == [
            *("html", "head", "meta", "title", "body"),
            *("p", "p", "ul", "li", "li", "p", "p", "br"),
        ]
        assert html.attributes == {"html": [("lang", "en")], "meta": [("charset", "utf-8")]}

    def test_paragraphs_lists_and_line_breaks(self) -> None:
        message = make(
            "Dear Jordan,\n\nThanks:\n- one\n* two\nAnd\nmore.\n\nAlex\nhttps://x.example"
        )
        html = Html.read(parse(message))
        assert html.blocks == [
            ("p", "Dear Jordan,"),
            ("p", "Thanks:"),
            ("li", "one"),
            ("li", "two"),
            ("p", "And\nmore."),
            ("p", "Alex\nhttps://x.example"),
        ]

    def test_everything_is_escaped(self) -> None:
        body = 'Hi <b>Jordan</b> & "team",\n\n<script>alert(1)</script><img src="https://x/y.png">'
        html = Html.read(parse(make(body, subject="<title> & </title>")))
        assert set(html.tags) == {"html", "head", "meta", "title", "body", "p"}
        assert "".join(html.text).split() == body.split()

    def test_lang_is_a_language_tag(self) -> None:
        html = Html.read(parse(make("Grüß Gott,\n\nDanke.", locale="de_AT")))
        assert html.attributes["html"] == [("lang", "de-AT")]

    def test_subject_is_the_title(self) -> None:
        part = parse(make("Hi", subject="Thanks & <more>")).get_body(preferencelist=("html",))
        assert part is not None
        assert "<title>Thanks &amp; &lt;more&gt;</title>" in part.get_content()


# Text with what makes wrapping hard: long words and URLs, runs of spaces, non-ASCII,
# lines that start with '>', 'From ' or a space, signature separators, list items.
_WORD = st.text(alphabet=clean_characters(also_not=" "), min_size=1, max_size=12)
_TOKEN = st.one_of(
    _WORD,
    _WORD,
    _WORD,
    st.sampled_from([" ", " ", " ", "  ", "\n", "\n", "\n\n", ">", "> ", "From ", "-- ", "- "]),
    st.sampled_from(["\n-- \n", "\n> ", "\nFrom ", "\n ", "\n- ", LONG_URL, "ß" * 90]),
    st.text(alphabet="abcdéxyz", min_size=70, max_size=160),
)
BODIES = (
    st.lists(_TOKEN, min_size=1, max_size=120).map("".join).filter(lambda text: bool(text.strip()))
)


@settings(max_examples=300, deadline=None)
@given(BODIES, st.sampled_from(["en", "de", "fr_CA", "es"]))
def test_round_trip(body: str, locale: str) -> None:
    message = make(body, locale=locale)
    mail = parse(message)
    lines = plain_lines(mail)
    assert unflow(lines) == sent_text(message.body)
    for line in lines:
        # Only a word too long to break may overflow, alone on its line.
        unbreakable = " " not in line.strip(" ").removeprefix("-- ")
        assert len(line) <= _mail.WIDTH or unbreakable, line
    html = Html.read(mail)
    assert html.attributes["html"] == [("lang", locale.replace("_", "-"))]
    assert "script" not in html.tags
    assert "".join(html.text).split() == words_without_markers(message.body)
