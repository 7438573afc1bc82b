"""The compiled rule set of one locale and configuration, and the phrase scan (not public).

Everything is built in the constructor and only read afterwards, so one compiled rule set
can serve many threads at once.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import TYPE_CHECKING

import attrs

from followkit.errors import RuleError
from followkit.tone._phrases import (
    BREAKS,
    MIN_PREFIX,
    TOKEN_RE,
    WORD,
    Node,
    Trie,
    expand,
    normalize,
    step,
)

if TYPE_CHECKING:
    from followkit.tone._config import Config
    from followkit.tone._rules import Rule, RuleFile

__all__ = ["Compiled", "mask"]

# How far the scan looks around a match, in characters: enough for any phrase, and a bound
# that keeps the work per match constant however long a sentence or word is.
_WINDOW = 480
_NEGATION_WORDS = 3
_NEGATION_WINDOW = 160

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


_SPLIT = re.compile(f"({WORD})")
_SENTENCE_END = re.compile(r"[.!?;\n\r]")
_SPACE = re.compile(r"\s")
_BREAK_SET = frozenset(BREAKS)
#: The text is scanned in blocks of about this many characters, cut between sentences, so
#: that the word list of a huge text never has to exist all at once.
CHUNK = 1 << 18


def _chunks(low: str) -> list[tuple[int, int]]:
    """Split the text into blocks that end at a sentence break (or at least a space)."""
    blocks = []
    position = 0
    while len(low) - position > CHUNK:
        cut = _SENTENCE_END.search(low, position + CHUNK, position + CHUNK + 4096)
        if cut is None:  # a sentence of over 4,096 characters: cut at a space
            cut = _SPACE.search(low, position + CHUNK)
        if cut is None:
            break
        blocks.append((position, cut.end()))
        position = cut.end()
    blocks.append((position, len(low)))
    return blocks


def _first_break(gap: str) -> str | None:
    """The first sentence break in the text between two words, if any."""
    if _BREAK_SET.isdisjoint(gap):
        return None
    for char in gap:
        if char in _BREAK_SET:
            return char
    return None  # pragma: no cover - isdisjoint said there is one


def _line_start(low: str, offset: int) -> int:
    """Start of the line holding *offset*, or -1 if it starts more than 300 characters back."""
    low_bound = max(0, offset - 300)
    found = max(low.rfind("\n", low_bound, offset), low.rfind("\r", low_bound, offset))
    if found >= 0:
        return found + 1
    return 0 if low_bound == 0 else -1


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


def _words_before(low: str, start: int, window: int = _WINDOW) -> list[str]:
    """The words of the same sentence before *start* (within *window* characters)."""
    words: list[str] = []
    for piece in TOKEN_RE.findall(low, max(0, start - window), start):
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
        self.code_messages = dict(rule_file.messages)
        for extra in config.extra_rules:
            if extra.locale in {None, rule_file.locale}:
                self.code_messages.update(extra.messages)
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
        self.strategy_payloads = frozenset(
            payload
            for payload, (kind, _key, _index) in enumerate(self.entries)
            if kind == "strategy"
        )
        root = self.trie.root
        # Look-ups in these sets decide, for every word of the text, whether the trie needs to
        # see it at all: a one-word phrase, the stem of a prefix word, or the first two words
        # of a longer phrase (or a first word whose phrase goes on with a prefix or "_").
        self.single_words = frozenset(self.trie.words)
        self.single_stems = frozenset(p[:MIN_PREFIX] for p in self.trie.prefixes)
        self.longer_stems = frozenset(p[:MIN_PREFIX] for p in root.pre)
        self.openings = frozenset(
            word for word, node in root.lit.items() if node.wild is not None or node.pre
        )
        self.opening_stems = {
            word: frozenset(p[:MIN_PREFIX] for p in node.pre)
            for word, node in root.lit.items()
            if node.pre
        }
        self.questions = frozenset(word for word, node in root.lit.items() if node.qends)
        self.seconds = {word: frozenset(node.lit) for word, node in root.lit.items() if node.lit}
        # What every one-word phrase of the rules matches, worked out once.
        self.literal = {word: self.trie.single(word) for word in self.trie.words}

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

    def scan(self, low: str) -> list[tuple[int, int, int]]:
        """Return ``(payload, start, end)`` for every phrase match in the normalised *low*."""
        hits: list[tuple[int, int, int]] = []
        known: dict[str, list[int]] = {}  # per call: a text repeats few distinct words
        for base, stop in _chunks(low):
            self._scan_chunk(low[base:stop], base, hits, known)
        return hits

    def _scan_chunk(
        self,
        chunk: str,
        base: int,
        hits: list[tuple[int, int, int]],
        known: dict[str, list[int]],
    ) -> None:
        # split() alternates gaps and words: [gap, word, gap, word, ..., gap]; offsets of
        # every piece come from a running sum, all of it in C.
        pieces = _SPLIT.split(chunk)
        offsets = list(accumulate(map(len, pieces), initial=base))
        words = pieces[1::2]
        # Decide per distinct word (a text repeats few), then pick positions with one set or
        # dictionary look-up per word.
        distinct = set(words)
        resolved = self._resolve(distinct, known)
        hits.extend(
            [
                (payload, offsets[2 * k + 1], offsets[2 * k + 2])
                for k, word in enumerate(words)
                if word in resolved
                for payload in resolved[word]
            ]
        )
        # Longer phrases: only where the first two words (or a prefix or "_") can start one.
        root = self.trie.root
        root_words, longer_stems = root.lit, self.longer_stems
        opening_stems = self.opening_stems
        starters = {
            word
            for word in distinct
            if word in self.openings or word in self.questions or word[:3] in longer_stems
        }
        seconds, nothing = self.seconds, frozenset[str]()
        following = [*words[1:], ""] if words else []
        candidates = [
            k
            for k, (word, after) in enumerate(zip(words, following, strict=True))
            if word in starters or after in seconds.get(word, nothing)
        ]
        count = len(words)
        for k in candidates:
            word = words[k]
            start = offsets[2 * k + 1]
            opening = root_words.get(word)
            if word[:3] in longer_stems or (opening is not None and opening.wild is not None):
                self._walk(words, pieces, offsets, k, states=[root], position=k, hits=hits)
                continue
            if opening is None:
                continue
            stop = _first_break(pieces[2 * k + 2])
            if stop is not None:
                if stop == "?":  # a one-word question such as "feedback?"
                    end = offsets[2 * k + 2]
                    hits.extend([(payload, start, end) for payload in opening.qends])
                continue
            after = following[k]
            if after[:3] in opening_stems.get(word, ()) and any(
                after[:n] in opening.pre for n in opening.pre_lengths if n <= len(after)
            ):
                self._walk(words, pieces, offsets, k, states=[root], position=k, hits=hits)
                continue
            node = opening.lit.get(after)
            if node is None:
                continue
            # The first two words match: record two-word phrases here, and walk on only if
            # the third word can continue one (most openings such as "i would" stop here).
            end = offsets[2 * k + 4]
            hits.extend([(payload, start, end) for payload in node.ends])
            stop = _first_break(pieces[2 * k + 4])
            if stop == "?":
                hits.extend([(payload, start, end) for payload in node.qends])
            if stop is None and (
                node.pre_lengths
                or node.wild is not None
                or (k + 2 < count and words[k + 2] in node.lit)
            ):
                self._walk(words, pieces, offsets, k, states=[node], position=k + 2, hits=hits)

    def _resolve(self, distinct: set[str], known: dict[str, list[int]]) -> dict[str, list[int]]:
        """The one-word phrases each of these words matches (only words that match some)."""
        resolved: dict[str, list[int]] = {}
        single_words, single_stems = self.single_words, self.single_stems
        for word in distinct:
            if word in single_words or word[:3] in single_stems:
                payloads = self.literal.get(word) or known.get(word)
                if payloads is None:
                    payloads = known[word] = self.trie.single(word)
                if payloads:
                    resolved[word] = payloads
        return resolved

    def _walk(  # noqa: PLR0913  (the scan's state, passed on to avoid recomputing it)
        self,
        words: list[str],
        pieces: list[str],
        offsets: list[int],
        first: int,
        *,
        states: list[Node],
        position: int,
        hits: list[tuple[int, int, int]],
    ) -> None:
        """Add the phrases that start at word *first*, from *states* at word *position*."""
        start = offsets[2 * first + 1]
        for k in range(position, min(len(words), first + self.trie.depth)):
            states = step(states, words[k])
            if not states:
                return
            end = offsets[2 * k + 2]
            stop = _first_break(pieces[2 * k + 2])
            for node in states:
                hits.extend([(payload, start, end) for payload in node.ends])
                if stop == "?":
                    hits.extend([(payload, start, end) for payload in node.qends])
            if stop is not None:
                return

    def negated(self, low: str, start: int) -> bool:
        """Whether a negation ends within the three words before *start*."""
        # The last few words are all that matter: a short window keeps this cheap.
        words = _words_before(low, start, _NEGATION_WINDOW)
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
