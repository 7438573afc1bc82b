"""The compiled rule set of one locale and configuration, and the phrase scan (not public).

Everything is built in the constructor and only read afterwards, so one compiled rule set
can serve many threads at once.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import attrs

from followkit.errors import RuleError
from followkit.tone._phrases import BREAKS, TOKEN_RE, WORD_RE, Trie, expand, normalize

if TYPE_CHECKING:
    from collections.abc import Iterable

    from followkit.tone._config import Config
    from followkit.tone._rules import Rule, RuleFile

__all__ = ["Compiled", "Hit", "mask"]

# How far the scan looks around a match, in characters: enough for any phrase, and a bound
# that keeps the work per match constant however long a sentence or word is.
_WINDOW = 480
_NEGATION_WORDS = 3

_QUOTE_LINE = re.compile(r"(?m)^[ \t]*>[^\n\r]*")
_ATTRIBUTION_END = re.compile(r"(?:wrote|schrieb|a écrit|escribió)[ \t]*:[ \t]*(?=[\r\n]|\Z)")
_ATTRIBUTION_START = re.compile(r"[ \t]*(?:on|am|le|el)\b")
_ORIGINAL = re.compile(r"(?m)^[ \t]*-{2,}[ \t]*original message[ \t]*-{2,}")
_SIGNATURE = re.compile(r"(?m)^--[ \t]?(?=[\r\n]|\Z)")
_NEXT_LINE = re.compile(r"[\r\n]+[ \t]*(?P<first>\S?)")


@attrs.frozen
class Hit:
    """A phrase match: what matched (kind and key) and where."""

    kind: str
    key: str
    index: int
    start: int
    end: int


def mask(low: str, *, quoted: bool, signature: bool) -> str:
    """Blank out quoted replies and signatures with line breaks (offsets stay valid)."""
    regions: list[tuple[int, int]] = []
    if quoted:
        regions.extend(m.span() for m in _QUOTE_LINE.finditer(low))
        for match in _ATTRIBUTION_END.finditer(low):
            line_start = max(low.rfind("\n", 0, match.start()), low.rfind("\r", 0, match.start()))
            start = line_start + 1
            if not _ATTRIBUTION_START.match(low, start):
                # A wrapped attribution: "On Mon, ... <\njordan@example.com> wrote:".
                before = max(low.rfind("\n", 0, line_start), low.rfind("\r", 0, line_start)) + 1
                if line_start - before > 300 or not _ATTRIBUTION_START.match(low, before):
                    continue
                start = before
            following = _NEXT_LINE.match(low, match.end())
            quoted_below = following is not None and following.group("first") == ">"
            regions.append((start, match.end() if quoted_below else len(low)))
        original = _ORIGINAL.search(low)
        if original:
            regions.append((original.start(), len(low)))
    if signature:
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


def _words(low: str, start: int, end: int) -> tuple[list[str], list[int], list[int], list[bool]]:
    """Words of one sentence from *start* (up to *end*): texts, starts, ends, '?' flags."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    questions: list[bool] = []
    for match in TOKEN_RE.finditer(low, start, end):
        piece = match.group()
        if piece in BREAKS:
            if words and piece == "?":
                questions[-1] = True
            break
        words.append(piece)
        starts.append(match.start())
        ends.append(match.end())
        questions.append(False)
    if ends and ends[-1] == end < len(low):  # a word cut by the window is no word
        for column in (words, starts, ends, questions):
            column.pop()
    return words, starts, ends, questions


def _words_before(low: str, start: int) -> list[str]:
    """The words of the same sentence before *start* (within the window)."""
    words: list[str] = []
    for piece in TOKEN_RE.findall(low, max(0, start - _WINDOW), start):
        if piece in BREAKS:
            words.clear()
        else:
            words.append(piece)
    return words


class Compiled:
    """Every phrase of a locale and configuration in one matcher."""

    def __init__(self, rule_file: RuleFile, config: Config) -> None:
        self.locale = str(rule_file.locale)
        self.config = config
        self.trie = Trie()
        self.entries: list[tuple[str, str, int]] = []
        self.rules: list[Rule] = []
        self.unless: list[Trie | None] = []
        self.negations = Trie()
        self.lexicon = rule_file.lexicon
        self.starts = rule_file.starts
        for pattern in rule_file.negations:
            self._add(self.negations, pattern, 0, "negations")
        for rule in _merged_rules(rule_file, config):
            if config.enabled(rule.id):
                self._add_rule(
                    attrs.evolve(rule, severity=config.severity_of(rule.id, rule.severity))
                )
        for kind, table in (("strategy", rule_file.strategies), ("lexicon", rule_file.lexicon)):
            for key, patterns in table.items():
                payload = self._entry(kind, key, 0)
                for pattern in patterns:
                    self._add(self.trie, pattern, payload, f"{kind}.{key}")
        if config.allow:
            payload = self._entry("allow", "allow", 0)
            for pattern in config.allow:
                self._add(self.trie, pattern, payload, "allow")
        self.prefilter = re.compile(self.trie.regex())
        self.window = max(_WINDOW, self.trie.depth * 40)

    def _add_rule(self, rule: Rule) -> None:
        payload = self._entry("rule", rule.id, len(self.rules))
        self.rules.append(rule)
        for pattern in rule.patterns:
            self._add(self.trie, pattern, payload, "patterns", rule)
        unless = None
        if rule.unless:
            unless = Trie()
            for pattern in rule.unless:
                self._add(unless, pattern, 0, "unless", rule)
        self.unless.append(unless)

    def _entry(self, kind: str, key: str, index: int) -> int:
        self.entries.append((kind, key, index))
        return len(self.entries) - 1

    def _add(
        self, trie: Trie, pattern: str, payload: int, field: str, rule: Rule | None = None
    ) -> None:
        sequences, question = expand(
            pattern,
            source=rule.origin if rule else None,
            rule=rule.id if rule else None,
            field=field,
        )
        trie.add(sequences, payload, question=question)

    def scan(self, low: str) -> list[Hit]:
        """Return every phrase match in the normalised text *low*."""
        hits: list[Hit] = []
        walked = -1
        for match in self.prefilter.finditer(low):
            for word in WORD_RE.finditer(low, match.start(), match.end()):
                if word.start() > walked:
                    walked = word.start()
                    hits.extend(self._walk(low, walked))
        return hits

    def _walk(self, low: str, start: int) -> Iterable[Hit]:
        end = min(len(low), start + self.window)
        words, _starts, ends, questions = _words(low, start, end)
        for payload, stop in self.trie.walk(words, questions):
            kind, key, index = self.entries[payload]
            yield Hit(kind, key, index, start, ends[stop - 1])

    def negated(self, low: str, start: int) -> bool:
        """Whether a negation ends within the three words before *start*."""
        words = _words_before(low, start)
        if not words:
            return False
        tail = words[-(_NEGATION_WORDS + self.negations.depth) :]
        limit = len(tail) - _NEGATION_WORDS
        return any(
            end > limit for _payload, _start, end in self.negations.scan(tail, [False] * len(tail))
        )

    def mitigated(self, low: str, index: int, start: int, end: int) -> bool:
        """Whether rule *index* has a mitigating phrase in the sentence around the match."""
        trie = self.unless[index]
        if trie is None:
            return False
        before = _words_before(low, start)
        after, _starts, _ends, questions = _words(low, start, min(len(low), end + _WINDOW))
        words = before + after
        return bool(trie.scan(words, [False] * len(before) + questions))


def _merged_rules(rule_file: RuleFile, config: Config) -> list[Rule]:
    """The locale's rules followed by the configuration's extra rules for the locale."""
    seen = {rule.id: rule.origin for rule in rule_file.rules}
    rules = list(rule_file.rules)
    for extra in config.extra_rules:
        if extra.locale not in {None, rule_file.locale}:
            continue
        for rule in extra.rules:
            if rule.id in seen:
                raise RuleError(
                    f"is already defined in {seen[rule.id]}",
                    source=rule.origin,
                    rule=rule.id,
                    field="id",
                )
            seen[rule.id] = rule.origin
            rules.append(rule)
    return rules


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
