"""The compiled rule set of one locale and configuration, and the phrase scan (not public).

Everything is built in the constructor and only read afterwards, so one compiled rule set
can serve many threads at once.
"""

from __future__ import annotations

import functools
import operator
import re
from itertools import accumulate, chain, compress, count, islice
from typing import TYPE_CHECKING, Any

import attrs

from followkit.errors import RuleError
from followkit.tone._phrases import (
    BREAKS,
    ENDS,
    LIT,
    MIN_PREFIX,
    PRE,
    PRE_LENGTHS,
    QENDS,
    WILD,
    WORD,
    WORD_RE,
    Node,
    Trie,
    expand,
    step,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from followkit.tone._config import Config
    from followkit.tone._rules import Rule, RuleFile

__all__ = ["PLACED", "START_STRATEGIES", "Compiled"]

# How far the scan looks around a match, in characters: enough for any phrase, and a bound
# that keeps the work per match constant however long a sentence or word is.
_WINDOW = 480
#: How far back a negation is looked for, in characters (the clause is usually shorter).
_NEGATION_WINDOW = 160
#: Distinct words whose part in the scan a compiled rule set remembers.
_MEMO_SIZE = 1 << 16
#: Lexicon tables that the message rules read only on the first line or the last lines: they
#: are matched there alone, by a matcher of their own, and not over the whole text.
PLACED = ("greetings", "signoffs")
#: The strategy each table of sentence-opening words shows (the tables are named in the rule
#: files' ``[starts]``).
START_STRATEGIES = {
    "direct_start": "direct_start",
    "question_words": "direct_question",
    "first_person": "first_person_start",
    "second_person": "second_person_start",
    "deference": "deference",
}

_SPLIT = re.compile(f"({WORD})")
_SENTENCE_END = re.compile(r"[.!?;\n\r]")
_SPACE = re.compile(r"\s")
# What may stand between a sentence break, or the start of the text, and the sentence's first
# word: no letter, digit or "_".
_AFTER_BREAK = re.compile(r"[.!?;\n\r][^\w.!?;\n\r]*+\Z")
_OPENING = re.compile(r"[^\w.!?;\n\r]*+\Z")
_BREAK_SET = frozenset(BREAKS)
_BREAK_CHARS = tuple(sorted(BREAKS))
#: What ends a clause for a negation: a sentence break, or a comma, colon, dash or bracket.
_CLAUSE_CHARS = tuple(sorted(BREAKS | set(",:—–()")))
_WORD_CHAR = re.compile(r"[^\W_]")
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


class _Memo:
    """What the scan has learnt about the words of earlier texts (see ``Compiled._learn``)."""

    __slots__ = ("seen", "singles", "starters", "walkers")

    def __init__(self) -> None:
        self.seen: set[str] = set()
        #: word -> payloads of the one-word phrases it matches (only words that match some)
        self.singles: dict[str, list[int]] = {}
        #: words that open a longer phrase by themselves, whatever follows
        self.starters: set[str] = set()
        #: starters from which the trie is walked at once (a prefix word or "_" next)
        self.walkers: set[str] = set()


def _first_break(gap: str) -> str | None:
    """The first sentence break in the text between two words, if any."""
    if gap == " " or _BREAK_SET.isdisjoint(gap):
        return None
    for char in gap:
        if char in _BREAK_SET:
            return char
    return None  # pragma: no cover - isdisjoint said there is one


def _words(low: str, start: int, end: int) -> tuple[list[str], list[bool]]:
    """Words of one sentence from *start* (up to *end*), with a '?' flag for each."""
    stop = _SENTENCE_END.search(low, start, end)
    words = WORD_RE.findall(low, start, stop.start() if stop else end)
    questions = [False] * len(words)
    if stop is not None:
        if words and stop.group() == "?":
            questions[-1] = True
    elif words and end < len(low) and _WORD_CHAR.match(low, end - 1):
        words.pop()  # a word cut by the window is no word
        questions.pop()
    return words, questions


def _words_before(low: str, start: int, window: int = _WINDOW) -> list[str]:
    """The words of the same sentence before *start* (within *window* characters)."""
    first = max(0, start - window)
    cut = max([low.rfind(char, first, start) for char in _BREAK_CHARS])
    return WORD_RE.findall(low, cut + 1 if cut >= 0 else first, start)


def _clause_words_before(low: str, start: int) -> list[str]:
    """The words of the same clause before *start* (within a bounded window)."""
    first = max(0, start - _NEGATION_WINDOW)
    cut = max([low.rfind(char, first, start) for char in _CLAUSE_CHARS])
    return WORD_RE.findall(low, cut + 1 if cut >= 0 else first, start)


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
        self._set_infinitive(rule_file.infinitive)
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
        self._add_tables(rule_file, config)
        self.has_please = "please" in rule_file.strategies
        self._derive()

    def _add_tables(self, rule_file: RuleFile, config: Config) -> None:
        """Add the lexicons, strategies, sentence openings and allowed phrases."""
        placed_trie = Trie()
        for key in PLACED:
            for pattern in rule_file.lexicon.get(key, ()):
                self._add(placed_trie, pattern, PLACED.index(key), f"lexicon.{key}")
        self.placed = Compiled.matcher(placed_trie)
        everywhere = {k: v for k, v in rule_file.lexicon.items() if k not in PLACED}
        for kind, table in (("strategy", rule_file.strategies), ("lexicon", everywhere)):
            for key, patterns in table.items():
                payload = self._entry(kind, key, 0)
                for pattern in patterns:
                    self._add(self.trie, pattern, payload, f"{kind}.{key}")
        for key in rule_file.starts:
            self._entry("start", key, 0)  # matched by the scan from ``starts``, not the trie
        if config.allow:
            payload = self._entry("allow", "allow", 0)
            for pattern in config.allow:
                self._add(self.trie, pattern, payload, "allow")

    def to_data(self) -> dict[str, Any]:
        """The compiled rule set as plain data (for :mod:`marshal`), without the config."""
        return {
            "locale": self.locale,
            "entries": self.entries,
            "rules": [tuple(getattr(rule, name) for name in _rule_fields()) for rule in self.rules],
            "unless": [None if trie is None else trie.to_data() for trie in self.unless],
            "negations": self.negations.to_data(),
            "trie": self.trie.to_data(),
            "placed": self.placed.trie.to_data(),
            "lexicon": dict(self.lexicon),
            "starts": dict(self.starts),
            "infinitive": dict(self.infinitive),
            "code_messages": self.code_messages,
            "has_please": self.has_please,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any], config: Config) -> Compiled:
        """Rebuild a compiled rule set from :meth:`to_data` (compiled for *config*).

        Raises:
            KeyError, TypeError, ValueError, IndexError: If *data* is not what
                :meth:`to_data` returns.
        """
        from followkit.tone._rules import Rule  # noqa: PLC0415  (only loading needs it)

        self = cls.__new__(cls)
        self.config = config
        self.locale = str(data["locale"])
        self.entries = [(str(kind), str(key), int(index)) for kind, key, index in data["entries"]]
        names = _rule_fields()
        self.rules = [Rule(**dict(zip(names, values, strict=True))) for values in data["rules"]]
        self.unless = [None if item is None else Trie.from_data(item) for item in data["unless"]]
        if len(self.unless) != len(self.rules):
            raise ValueError("one 'unless' entry per rule")
        self.negations = Trie.from_data(data["negations"])
        self.trie = Trie.from_data(data["trie"])
        self.placed = Compiled.matcher(Trie.from_data(data["placed"]))
        self.lexicon = dict(data["lexicon"])
        self.starts = dict(data["starts"])
        self._set_infinitive({str(k): tuple(v) for k, v in data["infinitive"].items()})
        self.code_messages = dict(data["code_messages"])
        self.has_please = bool(data["has_please"])
        self._derive()
        return self

    @classmethod
    def matcher(cls, trie: Trie) -> Compiled:
        """A bare matcher of *trie*'s phrases: only :meth:`scan` and :meth:`scan_lines` work.

        Its payloads index :data:`PLACED`.
        """
        self = cls.__new__(cls)
        self.trie = trie
        self.starts = {}
        self.entries = [("lexicon", key, 0) for key in PLACED]
        self._derive()
        return self

    def _derive(self) -> None:
        """Work out the look-up tables the scan uses from the trie and the entries."""
        # Per payload: the strategy's name (None for other kinds), and the kind of the
        # other payloads (None for strategies), so that a hit is sorted out by one index.
        self.strategy_names: tuple[str | None, ...] = tuple(
            key if kind == "strategy" else START_STRATEGIES.get(key) if kind == "start" else None
            for kind, key, _index in self.entries
        )
        self.kinds: tuple[str | None, ...] = tuple(
            None if kind in {"strategy", "start"} else kind for kind, _key, _index in self.entries
        )
        # Words that show a strategy when they open a sentence; a word in two tables counts
        # for the first.
        self.start_words: dict[str, int] = {}
        self.question_starts: set[int] = set()
        for payload, (kind, key, _index) in enumerate(self.entries):
            if kind == "start":
                for word in self.starts.get(key, ()):
                    self.start_words.setdefault(word, payload)
                if key == "question_words":
                    self.question_starts.add(payload)
        root = self.trie.root
        # Look-ups in these sets decide, for every word of the text, whether the trie needs to
        # see it at all: a one-word phrase, the stem of a prefix word, or the first two words
        # of a longer phrase (or a first word whose phrase goes on with a prefix or "_").
        self.single_words = frozenset(self.trie.words)
        self.single_stems = frozenset(p[:MIN_PREFIX] for p in self.trie.prefixes)
        self.longer_stems = frozenset(p[:MIN_PREFIX] for p in root[PRE])
        self.opening_stems = {
            word: frozenset(p[:MIN_PREFIX] for p in node[PRE])
            for word, node in root[LIT].items()
            if node[PRE]
        }
        # Pairs of words that end a phrase or go on otherwise than by a third word, and the
        # three words that go on: look-ups of the neighbours of each word of the text find,
        # in C, where the trie has to be read at all.
        pairs = [
            (word, second, node)
            for word, opening in root[LIT].items()
            for second, node in opening[LIT].items()
        ]
        self.pairs = frozenset((word, second) for word, second, _node in pairs)
        self.live_pairs = frozenset(
            (word, second)
            for word, second, node in pairs
            if node[ENDS] or node[QENDS] or node[PRE_LENGTHS] or node[WILD] is not None
        )
        self.triples = frozenset(
            (word, second, third) for word, second, node in pairs for third in node[LIT]
        )
        # Openings that need more than a look-up of the next word.
        self.alone = frozenset(
            word
            for word, node in root[LIT].items()
            if node[WILD] is not None or node[QENDS] or node[PRE]
        )
        self._memo = _Memo()

    @functools.cached_property
    def literal(self) -> dict[str, list[int]]:
        """What every one-word phrase matches, for a look-up without the memo (placed words)."""
        return {word: self.trie.single(word) for word in self.trie.words}

    def _learn(self, distinct: set[str]) -> _Memo:
        """What the words of a text do in the scan, remembered across texts.

        A word's part never changes, so the tables only grow; they are replaced by empty
        ones when full. A check takes the tables once and sees every word it asked about,
        whatever other threads do meanwhile: a word goes into ``seen`` last.
        """
        memo = self._memo
        new = distinct.difference(memo.seen)
        if not new:
            return memo
        if len(memo.seen) + len(new) > _MEMO_SIZE:
            memo = self._memo = _Memo()
            new = distinct  # the fresh tables know none of the words
        single_words, single_stems = self.single_words, self.single_stems
        alone, longer_stems, root_words = self.alone, self.longer_stems, self.trie.root[LIT]
        for word in new:
            if word in single_words or word[:MIN_PREFIX] in single_stems:
                payloads = self.trie.single(word)
                if payloads:
                    memo.singles[word] = payloads
            stem = word[:MIN_PREFIX]
            if word in alone or stem in longer_stems:
                memo.starters.add(word)
                opening = root_words.get(word)
                if stem in longer_stems or (opening is not None and opening[WILD] is not None):
                    memo.walkers.add(word)
        memo.seen.update(new)
        return memo

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

    def scan(self, low: str, lined: str | None = None) -> list[tuple[int, int, int]]:
        """Return ``(payload, start, end)`` for every phrase match in the normalised *low*.

        Given *lined*, the same text before :func:`join_lines` (a sentence starts after every
        line break), the words that open a sentence and show a strategy are found too.
        """
        hits: list[tuple[int, int, int]] = []
        for base, stop in _chunks(low):
            chunk = low[base:stop] if base or stop < len(low) else low
            self._scan_chunk(chunk, base, hits, lined)
        return hits

    def scan_lines(self, low: str, start: int, stop: int) -> list[tuple[int, int, int]]:
        """The matches of :meth:`scan` over all *low* that start in ``[start, stop)``.

        *start* must be a line start (or 0): a word never runs across it. Only the text up
        to the first sentence break from *stop* on is read, since no phrase crosses one.
        """
        cut = _SENTENCE_END.search(low, stop)
        end = cut.end() if cut else len(low)
        hits: list[tuple[int, int, int]] = []
        if end - start <= CHUNK:  # a line or a few: one block, without looking for cuts
            self._scan_chunk(low[start:end], start, hits)
        else:
            hits = [
                (p, first + start, last + start) for p, first, last in self.scan(low[start:end])
            ]
        return [hit for hit in hits if hit[1] < stop]

    def _scan_chunk(
        self, chunk: str, base: int, hits: list[tuple[int, int, int]], lined: str | None = None
    ) -> None:
        # split() alternates gaps and words: [gap, word, gap, word, ..., gap]; offsets of
        # every piece come from a running sum, all of it in C.
        pieces = _SPLIT.split(chunk)
        words = pieces[1::2]
        if not words:
            return
        offsets = list(accumulate(map(len, pieces), initial=base))
        # What each distinct word does is remembered (a text repeats few, and texts share
        # most); the positions of the words that matter are then picked with compress():
        # the loop over every word runs in C, and Python only sees where something matches.
        memo = self._learn(set(words))
        singles = memo.singles
        hits.extend(
            [
                (payload, offsets[2 * k + 1], offsets[2 * k + 2])
                for k in compress(count(), map(singles.__contains__, words))
                for payload in singles[words[k]]
            ]
        )
        if lined is not None and self.start_words:
            self._sentence_starts(words, offsets, lined, hits)
        # Longer phrases: only where the first two words (or a prefix or "_") can start one.
        root_words = self.trie.root[LIT]
        walkers, opening_stems = memo.walkers, self.opening_stems
        count_ = len(words)
        for k in self._candidates(words, memo):
            word = words[k]
            if word in walkers:
                self._walk(
                    words, pieces, offsets, k, states=[self.trie.root], position=k, hits=hits
                )
                continue
            opening = root_words[word]
            start = offsets[2 * k + 1]
            gap = pieces[2 * k + 2]
            if gap != " " and not _BREAK_SET.isdisjoint(gap):
                if _first_break(gap) == "?":  # a one-word question such as "feedback?"
                    end = offsets[2 * k + 2]
                    hits.extend([(payload, start, end) for payload in opening[QENDS]])
                continue
            after = words[k + 1] if k + 1 < count_ else ""
            if after[:MIN_PREFIX] in opening_stems.get(word, ()) and any(
                after[:n] in opening[PRE] for n in opening[PRE_LENGTHS] if n <= len(after)
            ):
                self._walk(
                    words, pieces, offsets, k, states=[self.trie.root], position=k, hits=hits
                )
                continue
            node = opening[LIT].get(after)
            if node is None:
                continue
            # The first two words match: record two-word phrases here, and walk on only if
            # the third word can continue one (most openings such as "i would" stop here).
            end = offsets[2 * k + 4]
            if node[ENDS]:
                hits.extend([(payload, start, end) for payload in node[ENDS]])
            gap = pieces[2 * k + 4]
            stop = None if gap == " " else _first_break(gap)
            if stop == "?":
                hits.extend([(payload, start, end) for payload in node[QENDS]])
            if stop is None and (
                node[PRE_LENGTHS]
                or node[WILD] is not None
                or (k + 2 < count_ and words[k + 2] in node[LIT])
            ):
                self._walk(words, pieces, offsets, k, states=[node], position=k + 2, hits=hits)

    def _sentence_starts(
        self, words: list[str], offsets: list[int], lined: str, hits: list[tuple[int, int, int]]
    ) -> None:
        """Add the words that open a sentence (or the text) and show a strategy.

        A sentence opens after one of ``. ! ? ;`` or a line break, with nothing but spaces
        and punctuation before its first word. A question word counts only when its sentence
        ends with a question mark; the hit then runs to it.
        """
        start_words, questions = self.start_words, self.question_starts
        for k in compress(count(), map(start_words.__contains__, words)):
            begin, start = offsets[2 * k], offsets[2 * k + 1]
            if k == 0 and begin:
                begin -= 1  # a block starts after the break it was cut at
            gap = lined[begin:start]
            if gap == " ":
                if begin:
                    continue
            elif "_" not in gap:  # the only word character a gap can hold
                if begin and _BREAK_SET.isdisjoint(gap):
                    continue
            elif _AFTER_BREAK.search(gap) is None and (begin or _OPENING.match(gap) is None):
                continue
            payload = start_words[words[k]]
            end = offsets[2 * k + 2]
            if payload in questions:
                stop = _SENTENCE_END.search(lined, end)
                if stop is None or stop.group() != "?":
                    continue
                end = stop.end()
            hits.append((payload, start, end))

    def _candidates(self, words: list[str], memo: _Memo) -> list[int]:
        """Positions where a phrase of two or more words can start.

        A word that opens a phrase by itself (a one-word question, a prefix or "_" after
        it, a prefix word first), a pair of words that ends a phrase or goes on by a prefix
        or "_", or three words that open one. Look-ups of each word and of each pair of
        neighbours run in C; Python sees only the pairs that open something.
        """
        starters, live, triples = memo.starters, self.live_pairs, self.triples
        following = chain(islice(words, 1, None), ("",))
        opens = map(
            operator.or_,
            map(starters.__contains__, words),
            map(self.pairs.__contains__, zip(words, following, strict=True)),
        )
        last = len(words) - 2
        return [
            k
            for k in compress(count(), opens)
            if words[k] in starters
            or (words[k], words[k + 1]) in live
            or (k < last and (words[k], words[k + 1], words[k + 2]) in triples)
        ]

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
                hits.extend([(payload, start, end) for payload in node[ENDS]])
                if stop == "?":
                    hits.extend([(payload, start, end) for payload in node[QENDS]])
            if stop is not None:
                return

    def negated(self, low: str, start: int) -> bool:
        """Whether a negation stands before *start* in the same clause.

        A clause ends at a sentence break or at a comma, colon, dash or bracket: "I do not
        think a reply by Friday is needed" is negated, "Not sure why, but reply by Friday"
        is not.
        """
        words = _clause_words_before(low, start)
        if not words:
            return False
        firsts = self._negation_firsts
        if firsts is not None and firsts.isdisjoint(words):
            return False  # no word here can start a negation
        return bool(self.negations.scan(words, [False] * len(words)))

    @functools.cached_property
    def _negation_firsts(self) -> frozenset[str] | None:
        """The words a negation can start with, or ``None`` if one starts with a prefix."""
        if self.negations.prefixes:
            return None
        return frozenset(self.negations.words) | frozenset(self.negations.root[LIT])

    def _set_infinitive(self, table: Mapping[str, tuple[str, ...]]) -> None:
        """Keep the ``[infinitive]`` table, and its words as sets for :meth:`in_infinitive`."""
        self.infinitive = dict(table)
        self.infinitive_markers = frozenset(table.get("markers", ()))
        self.directive = frozenset(table.get("directive", ()))

    def in_infinitive(self, low: str, start: int) -> bool:
        """Whether the match at *start* is an infinitive that is not addressed to the reader.

        "the time to explain why", "able to respond immediately", "asked me to reply by
        Friday" tell of an action, not an order; "I need you to explain why" is one: the
        word before the marker is a directive word of the locale.
        """
        if not self.infinitive_markers:
            return False
        words = _clause_words_before(low, start)[-2:]
        return (
            bool(words)
            and words[-1] in self.infinitive_markers
            and not (len(words) == 2 and words[0] in self.directive)
        )

    def mitigated(self, low: str, index: int, start: int, end: int) -> bool:
        """Whether rule *index* has a mitigating phrase in the sentence around the match."""
        trie = self.unless[index]
        if trie is None:
            return False
        before = _words_before(low, start)
        after, questions = _words(low, start, min(len(low), end + _WINDOW))
        words = before + after
        return bool(trie.scan(words, [False] * len(before) + questions))


@functools.cache
def _rule_fields() -> tuple[str, ...]:
    from followkit.tone._rules import Rule  # noqa: PLC0415

    return tuple(field.name for field in attrs.fields(Rule))


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
