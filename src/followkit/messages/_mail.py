"""The two bodies of an e-mail: flowed plain text and an HTML alternative (not public).

The plain text follows RFC 3676 (``format=flowed; delsp=no``): long lines are wrapped at a
space, which stays at the end of the line as a *soft* break that mail programs join again,
so the recipient sees paragraphs that reflow to the window instead of 115-character lines
or ragged hard breaks.
"""

from __future__ import annotations

import re
from html import escape
from typing import Final

#: Longest line written (where a word allows it). RFC 3676 section 4.2 asks for at most 78
#: characters and recommends 72, which is also what mail programs such as Thunderbird use.
WIDTH: Final = 72
#: Longest line the transfer layer is sent unencoded (RFC 5322 section 2.1.1: "SHOULD").
_MAX_RAW_LINE: Final = 78

# A line cut into the pieces after which it may break: a word with the spaces after it
# (or leading spaces alone), and a last word without any.
_PIECE: Final = re.compile(r"[^ ]* +|[^ ]+")
# Lines that start like these are space-stuffed (RFC 3676 section 4.4): a leading space
# would be taken as stuffing, ">" as a quote, and "From " is mangled by mbox files.
_STUFFED: Final = (" ", ">", "From ")
# The Usenet signature separator is never a soft break (RFC 3676 section 4.3).
_SIGNATURE: Final = "-- "
# A list item in a body: a dash, asterisk or bullet, then a space (the builders use "- ").
_ITEM: Final = re.compile(r"[-*\u2022] +(?=\S)")


def _stuff(line: str) -> str:
    return " " + line if line.startswith(_STUFFED) else line


def _wrap(line: str, width: int) -> list[str]:
    """Return one hard line as flowed lines: every line but the last ends with a space."""
    if line == _SIGNATURE or len(_stuff(line)) <= width:
        return [_stuff(line)]
    lines: list[str] = []
    current = ""
    for piece in _PIECE.findall(line):
        # `current` ends with a space here whenever it is not empty, so cutting after it
        # leaves a soft break. Leading spaces alone are not worth a line, and a lone "-- "
        # would read as a signature separator instead.
        if current.strip(" ") and current != _SIGNATURE and len(_stuff(current + piece)) > width:
            lines.append(_stuff(current))
            current = piece
        else:
            current += piece
    lines.append(_stuff(current))
    return lines


def flowed(text: str, width: int = WIDTH) -> str:
    """Return *text* as ``format=flowed; delsp=no`` lines, joined by line feeds.

    Spaces at the end of a line are dropped (a trailing space would mark a soft break;
    RFC 3676 section 4.2 asks for the same), except on a signature separator ``"-- "``.
    A word longer than *width*, such as a long URL, keeps its own, longer line.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        lines.extend(_wrap(line if line == _SIGNATURE else line.rstrip(" "), width))
    return "\n".join(lines)


def _paragraph(lines: list[str]) -> list[str]:
    """Return the HTML of one paragraph: runs of list items become lists, text lines ``<p>``."""
    html: list[str] = []
    text: list[str] = []
    items: list[str] = []

    def close() -> None:
        if text:
            html.append("<p>" + "<br>\n".join(text) + "</p>")
            text.clear()
        if items:
            html.append("<ul>\n" + "\n".join(f"<li>{item}</li>" for item in items) + "\n</ul>")
            items.clear()

    for line in lines:
        stripped = line.strip(" ")
        marker = _ITEM.match(stripped)
        if marker:
            if text:
                close()
            items.append(escape(stripped[marker.end() :]))
        else:
            if items:
                close()
            text.append(escape(stripped))
    close()
    return html


def html_document(text: str, *, lang: str, title: str) -> str:
    """Return *text* as a small, self-contained HTML document.

    Blank lines separate paragraphs; within a paragraph, lines stay lines (``<br>``) and
    lines that start with ``"- "`` become a bulleted list. Everything is escaped; there are
    no styles, scripts, images or other resources to load.
    """
    body: list[str] = []
    paragraph: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.strip(" "):
            paragraph.append(line)
        elif paragraph:
            body.extend(_paragraph(paragraph))
            paragraph = []
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n"
        "</head>\n"
        "<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )


def transfer_encoding(text: str) -> str:
    """Return the Content-Transfer-Encoding for a text body.

    Short ASCII lines go as they are (``7bit``); anything else is quoted-printable, which
    stays readable for Latin-script text and passes any mail relay, where raw UTF-8
    (``8bit``) needs servers that announce 8BITMIME.
    """
    if text.isascii() and all(len(line) <= _MAX_RAW_LINE for line in text.split("\n")):
        return "7bit"
    return "quoted-printable"
