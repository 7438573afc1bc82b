"""Preparing a text for the phrase scan, and mapping offsets back (not public).

Everything keeps offsets: the lower-cased text, the masked quotes and signatures and the
joined lines have the length of the text, so a span found in one is a span in the others.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from typing import TYPE_CHECKING

from followkit.tone._phrases import normalize

if TYPE_CHECKING:
    from followkit.tone._config import Config

__all__ = ["Offsets", "compose", "in_context", "join_lines", "mask", "normalise_text"]

_QUOTE_LINE = re.compile(r"(?m)^[ \t]*>[^\n\r]*")
_ATTRIBUTION_END = re.compile(r"(?:wrote|schrieb|a écrit|escribió)[ \t]*:[ \t]*(?=[\r\n]|\Z)")
_ATTRIBUTION_WORDS = ("wrote", "schrieb", "a écrit", "escribió")
_ATTRIBUTION_START = re.compile(r"[ \t]*(?:on|am|le|el)\b")
_ORIGINAL = re.compile(r"(?m)^[ \t]*-{2,}[ \t]*original message[ \t]*-{2,}")
_SIGNATURE = re.compile(r"(?m)^--[ \t]?(?=[\r\n]|\Z)")
_NEXT_LINE = re.compile(r"[\r\n]+[ \t]*(?P<first>\S?)")


def _attributions(low: str) -> list[tuple[int, int]]:
    """Spans of "On ... wrote:" blocks: the line alone above a '>' quote, else to the end."""
    regions = []
    for match in _ATTRIBUTION_END.finditer(low):
        start = _line_start(low, match.start())
        if start >= 0 and not _ATTRIBUTION_START.match(low, start):
            # A wrapped attribution: "On Mon, ... <\njordan@example.com> wrote:".
            start = _line_start(low, start - 1) if start else -1
            if start >= 0 and not _ATTRIBUTION_START.match(low, start):
                start = -1
        if start < 0:
            continue  # an attribution line is short and starts with "On"; this is prose
        following = _NEXT_LINE.match(low, match.end())
        quoted_below = following is not None and following.group("first") == ">"
        regions.append((start, match.end() if quoted_below else len(low)))
    return regions


def mask(low: str, *, quoted: bool, signature: bool) -> str:
    """Blank out quoted replies and signatures with line breaks (offsets stay valid)."""
    regions: list[tuple[int, int]] = []
    if quoted and ">" in low:
        regions.extend(m.span() for m in _QUOTE_LINE.finditer(low))
    if quoted and any(word in low for word in _ATTRIBUTION_WORDS):
        regions.extend(_attributions(low))
    if quoted and "original message" in low:
        original = _ORIGINAL.search(low)
        if original:
            regions.append((original.start(), len(low)))
    if signature and "--" in low:
        sig = _SIGNATURE.search(low)
        if sig:
            regions.append((sig.start(), len(low)))
    if not regions:
        return low
    pieces = []
    position = 0
    for region_start, end in sorted(regions):
        if end <= position:
            continue
        start = max(region_start, position)
        pieces.extend([low[position:start], "\n" * (end - start)])
        position = end
    pieces.append(low[position:])
    return "".join(pieces)


def _line_start(low: str, offset: int) -> int:
    """Start of the line holding *offset*, or -1 if it starts more than 300 characters back."""
    low_bound = max(0, offset - 300)
    found = max(low.rfind("\n", low_bound, offset), low.rfind("\r", low_bound, offset))
    if found >= 0:
        return found + 1
    return 0 if low_bound == 0 else -1


def in_context(text: str, start: int, end: int, contexts: tuple[str, ...]) -> bool:
    """Whether the match ``text[start:end]`` stands in one of *contexts*."""
    for context in contexts:
        if context == "ellipsis":
            after = text[end : end + 4].lstrip(" \"'”’")
            if after.startswith(("...", "…")):
                return True
        else:  # quotes
            before = text[max(0, start - 2) : start].rstrip()
            after = text[end : end + 2].lstrip()
            if before[-1:] in {'"', "“", "'", "‘", "«", "„"} and after[:1] in {
                '"',
                "”",
                "'",
                "’",
                "»",
                "“",
            }:
                return True
    return False


def normalise_text(text: str, config: Config) -> str:
    """The lower-cased text the phrases are matched against, with skipped parts masked."""
    return mask(normalize(text), quoted=config.skip_quoted, signature=config.skip_signature)


# A line break followed by a line with text on it: inside a paragraph, not between two.
# Each character of a break ("\r\n" too) becomes one space, so one fixed replacement does.
_SOFT_BREAK = re.compile(r"\r(?=\n?[ \t]*+\S)|\n(?=[ \t]*+\S)")


def join_lines(low: str) -> str:
    """Turn the line breaks inside a paragraph into spaces (offsets stay valid).

    A break followed by a blank line stays, so a paragraph still ends its sentence; of the
    breaks in a gap between two words one is enough for that.
    """
    if "\n" not in low and "\r" not in low:
        return low
    return _SOFT_BREAK.sub(" ", low)


# A run of non-ASCII characters with the character before it (an ASCII letter may take a
# combining accent); ASCII text is always composed.
_NON_ASCII = re.compile(r"(?s).?[^\x00-\x7f]+")


class Offsets:
    """Maps offsets in the composed text back to the original (only where they differ)."""

    def __init__(self, changes: list[tuple[int, int, int, int]]) -> None:
        # (composed start, composed length, original start, original length) per group of
        # characters that composition changed, in order.
        self.changes = changes
        self.keys = [change[0] for change in changes]

    def _map(self, offset: int, *, end: bool) -> int:
        index = bisect.bisect_right(self.keys, offset - 1 if end else offset) - 1
        if index < 0:
            return offset
        start, length, original, original_length = self.changes[index]
        if (offset - 1 if end else offset) < start + length:  # inside a changed group
            return original + original_length if end else original
        return offset - start - length + original + original_length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the composed span ``[start, end)``."""
        first = self._map(start, end=False)
        return first, (self._map(end, end=True) if end > start else first)


def compose(text: str) -> tuple[str, Offsets | None]:
    """Return *text* in Unicode NFC, with the offset map if that changed it.

    Each character is composed with the combining marks that follow it, so that every
    composed character comes from a known group of original characters.
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text, None
    pieces: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    position = 0  # in the original
    shift = 0  # composed offset minus original offset
    combining = unicodedata.combining
    for match in _NON_ASCII.finditer(text):
        pieces.append(text[position : match.start()])
        segment = match.group()
        group_start = 0
        for index in range(1, len(segment) + 1):
            if index < len(segment) and combining(segment[index]):
                continue
            group = segment[group_start:index]
            composed = unicodedata.normalize("NFC", group)
            pieces.append(composed)
            if composed != group:
                origin = match.start() + group_start
                changes.append((origin + shift, len(composed), origin, len(group)))
                shift += len(composed) - len(group)
            group_start = index
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), Offsets(changes)
