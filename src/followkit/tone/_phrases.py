"""The restricted phrase syntax of tone rules, and the matcher it compiles to (not public).

A phrase is a short sequence of words, with alternatives ``(a|b c)``, optional parts
``[x y]``, prefix words ``apolog*`` and the one-word wildcard ``_``; a trailing ``?`` means
the match must end its sentence with a question mark. Every phrase expands to a bounded set of
word sequences; all sequences of a locale go into one token trie (one-word phrases into a
dictionary). The text is split into words once; set look-ups pick the words where a phrase
can start, and the trie is walked from those, at most a phrase's length. The work is linear
in the text whatever the rules say, and nothing a rule author writes reaches :mod:`re`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from followkit.errors import RuleError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: A word: letters and digits, with apostrophes inside (``don't``); ``_`` is not a letter.
#: (Possessive: nothing after a word can be matched by giving back part of it.)
WORD = r"[^\W_]++(?:'[^\W_]++)*+"
WORD_RE = re.compile(WORD)
#: A word or one sentence break; sentences end at . ! ? ; and line breaks.
TOKEN_RE = re.compile(WORD + r"|[.!?;\n\r]")
BREAKS = frozenset(".!?;\n\r")

#: Caps that keep every phrase small, so that expansion and matching stay linear.
MAX_EXPANSIONS = 4096
MAX_WORDS = 12
MAX_DEPTH = 3
MIN_PREFIX = 3

_LEXEME = re.compile(r"\s*(?:(?P<punct>[()\[\]|])|(?P<word>[^\s()\[\]|]+))")
_WORD_FULL = re.compile(WORD + r"\*?")

# A token of an expanded phrase: ("w", word) literal, ("p", prefix) prefix, ("_", "") any.
Token = tuple[str, str]
Sequence_ = tuple[Token, ...]


def normalize(text: str) -> str:
    """Lower-case *text* without changing its length; curly apostrophes become ``'``."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters (such as U+0130) lower-case to two; keep those as they are so
        # that offsets in the lowered text are offsets in the original.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low.replace("\u2019", "'")


class _Parser:
    def __init__(self, pattern: str, where: dict[str, str | None]) -> None:
        self.where = where
        self.pattern = pattern
        self.lexemes: list[str] = []
        text = normalize(pattern).strip()
        self.question = text.endswith("?")
        if self.question:
            text = text[:-1].rstrip()
        pos = 0
        while pos < len(text):
            match = _LEXEME.match(text, pos)
            if match is None:  # only trailing white space is left
                break
            self.lexemes.append(match.group("punct") or match.group("word"))
            pos = match.end()
        self.pos = 0

    def error(self, message: str) -> RuleError:
        return RuleError(f"pattern {self.pattern!r}: {message}", **self.where)

    def parse(self) -> list[Sequence_]:
        if not self.lexemes:
            raise self.error("is empty")
        result = self.sequence(depth=0)
        if self.pos != len(self.lexemes):
            raise self.error(f"unexpected {self.lexemes[self.pos]!r}")
        for seq in result:
            if not seq:
                raise self.error("can match nothing (every word is optional)")
            if len(seq) > MAX_WORDS:
                raise self.error(f"is longer than {MAX_WORDS} words")
            if seq[0][0] == "_" or seq[-1][0] == "_":
                raise self.error("'_' may not start or end a phrase")
        return result

    def sequence(self, depth: int) -> list[Sequence_]:
        result: list[Sequence_] = [()]
        while self.pos < len(self.lexemes) and self.lexemes[self.pos] not in ")]|":
            part = self.item(depth)
            result = [a + b for a in result for b in part]
            if len(result) > MAX_EXPANSIONS:
                raise self.error(f"expands to more than {MAX_EXPANSIONS} word sequences")
        return result

    def item(self, depth: int) -> list[Sequence_]:
        lexeme = self.lexemes[self.pos]
        self.pos += 1
        if lexeme in "([":
            if depth >= MAX_DEPTH:
                raise self.error(f"nests groups deeper than {MAX_DEPTH}")
            close = ")" if lexeme == "(" else "]"
            options: list[Sequence_] = []
            while True:
                branch = self.sequence(depth + 1)
                if branch == [()]:
                    raise self.error("has an empty group or alternative")
                options.extend(branch)
                if self.pos >= len(self.lexemes):
                    raise self.error(f"misses a closing {close!r}")
                separator = self.lexemes[self.pos]
                self.pos += 1
                if separator == close:
                    break
                if separator != "|":
                    raise self.error(f"unexpected {separator!r}")
            if close == "]":
                options.append(())
            return options
        if lexeme == "_":
            return [(("_", ""),)]
        if not _WORD_FULL.fullmatch(lexeme):
            raise self.error(
                f"{lexeme!r} is not a word (letters, digits and inner apostrophes), "
                "'word*', '_', '(a|b)' or '[a]'"
            )
        if lexeme.endswith("*"):
            if len(lexeme) - 1 < MIN_PREFIX:
                raise self.error(f"prefix {lexeme!r} is shorter than {MIN_PREFIX} characters")
            return [(("p", lexeme[:-1]),)]
        return [(("w", lexeme),)]


def expand(
    pattern: object,
    *,
    source: str | None = None,
    rule: str | None = None,
    field: str | None = None,
) -> tuple[list[Sequence_], bool]:
    """Expand *pattern* into word sequences; return them and whether it ends with ``?``.

    Raises:
        RuleError: If the pattern is not valid phrase syntax; the error names *source*,
            *rule* and *field*.
    """
    where: dict[str, str | None] = {"source": source, "rule": rule, "field": field}
    if not isinstance(pattern, str):
        raise RuleError(f"a pattern must be a string, not {type(pattern).__name__}", **where)
    parser = _Parser(pattern, where)
    return parser.parse(), parser.question


#: A state of the token trie, as plain data (so that a compiled rule set can be cached with
#: :mod:`marshal`): the literal words and prefixes that lead on, the prefix lengths in
#: use, the node after "_", and the payloads of the phrases that end here (plain, and as
#: a question).
Node = tuple[
    dict[str, "Node"],
    dict[str, "Node"],
    tuple[int, ...],
    "Node | None",
    tuple[int, ...],
    tuple[int, ...],
]
LIT: Final = 0
PRE: Final = 1
PRE_LENGTHS: Final = 2
WILD: Final = 3
ENDS: Final = 4
QENDS: Final = 5
# One shared empty table for the (many) leaves; nothing writes to a built trie.
_NONE: dict[str, Node] = {}


class _Builder:
    """A trie state while phrases are added; :meth:`freeze` turns it into a :data:`Node`."""

    __slots__ = ("ends", "lit", "pre", "pre_lengths", "qends", "wild")

    def __init__(self) -> None:
        self.lit: dict[str, _Builder] = {}
        self.pre: dict[str, _Builder] = {}
        self.pre_lengths: tuple[int, ...] = ()
        self.wild: _Builder | None = None
        self.ends: list[int] = []
        self.qends: list[int] = []

    def child(self, token: Token) -> _Builder:
        kind, word = token
        if kind == "_":
            if self.wild is None:
                self.wild = _Builder()
            return self.wild
        table = self.lit if kind == "w" else self.pre
        node = table.get(word)
        if node is None:
            node = table[word] = _Builder()
            if kind == "p":
                self.pre_lengths = tuple(sorted({*self.pre_lengths, len(word)}))
        return node

    def freeze(self, leaves: dict[tuple[tuple[int, ...], tuple[int, ...]], Node]) -> Node:
        """The plain-data node; equal leaves (most nodes) become one shared tuple."""
        ends, qends = tuple(self.ends), tuple(self.qends)
        if not self.lit and not self.pre and self.wild is None:
            leaf = leaves.get((ends, qends))
            if leaf is None:
                leaf = leaves[ends, qends] = (_NONE, _NONE, (), None, ends, qends)
            return leaf
        return (
            {word: node.freeze(leaves) for word, node in self.lit.items()} if self.lit else _NONE,
            {word: node.freeze(leaves) for word, node in self.pre.items()} if self.pre else _NONE,
            self.pre_lengths,
            None if self.wild is None else self.wild.freeze(leaves),
            ends,
            qends,
        )


class Trie:
    """Word sequences mapped to payload numbers, searched word by word.

    One-word phrases (the bulk of the lexicons) live in two dictionaries instead of the
    trie: a single expression finds them and a dictionary look-up says what they are.
    """

    def __init__(self) -> None:
        self._builder: _Builder | None = _Builder()
        self._root: Node | None = None
        self.words: dict[str, list[int]] = {}
        self.prefixes: dict[str, list[int]] = {}
        self.prefix_lengths: tuple[int, ...] = ()
        self.depth = 0
        self.size = 0

    @property
    def root(self) -> Node:
        """The start state (built from the phrases added so far)."""
        if self._root is None:
            assert self._builder is not None  # noqa: S101  (only a loaded trie has no builder)
            self._root = self._builder.freeze({})
        return self._root

    def add(self, sequences: Iterable[Sequence_], payload: int, *, question: bool) -> None:
        """Add every sequence, each ending in *payload*."""
        if self._builder is None:
            raise TypeError("a trie loaded from plain data cannot grow")
        self._root = None
        for seq in sequences:
            self.depth = max(self.depth, len(seq))
            self.size += 1
            if len(seq) == 1 and not question and seq[0][0] != "_":
                kind, word = seq[0]
                table = self.words if kind == "w" else self.prefixes
                table.setdefault(word, []).append(payload)
                if kind == "p":
                    self.prefix_lengths = tuple(sorted({*self.prefix_lengths, len(word)}))
                continue
            node = self._builder
            for token in seq:
                node = node.child(token)
            (node.qends if question else node.ends).append(payload)

    def to_data(self) -> tuple[Any, ...]:
        """The trie as plain data (for :mod:`marshal`); :meth:`from_data` reads it back."""
        return (self.root, self.words, self.prefixes, self.prefix_lengths, self.depth, self.size)

    @classmethod
    def from_data(cls, data: tuple[Any, ...]) -> Trie:
        """Rebuild a trie from :meth:`to_data`'s result (it can no longer grow)."""
        trie = cls.__new__(cls)
        trie._builder = None
        (trie._root, trie.words, trie.prefixes, trie.prefix_lengths, trie.depth, trie.size) = data
        return trie

    def single(self, word: str) -> list[int]:
        """Payloads of the one-word phrases that *word* matches."""
        found = list(self.words.get(word, ()))
        for length in self.prefix_lengths:
            if length > len(word):
                break  # word[:length] would be the whole word again
            found.extend(self.prefixes.get(word[:length], ()))
        return found

    def walk(
        self, words: Sequence[str], questions: Sequence[bool], first: int = 0
    ) -> list[tuple[int, int]]:
        """Return ``(payload, end)`` for every sequence that matches ``words[first:end]``.

        ``questions[i]`` tells whether word *i* ends its sentence with a question mark.
        """
        found = [(payload, first + 1) for payload in self.single(words[first])]
        states = [self.root]
        index = first
        while states and index < len(words):
            word = words[index]
            index += 1
            following = step(states, word)
            for node in following:
                found.extend((payload, index) for payload in node[ENDS])
                if node[QENDS] and questions[index - 1]:
                    found.extend((payload, index) for payload in node[QENDS])
            states = following
        return found

    def scan(self, words: Sequence[str], questions: Sequence[bool]) -> list[tuple[int, int, int]]:
        """Return ``(payload, start, end)`` for every match anywhere in *words*."""
        return [
            (payload, start, end)
            for start in range(len(words))
            for payload, end in self.walk(words, questions, start)
        ]


def step(states: list[Node], word: str) -> list[Node]:
    """The trie states reached from *states* by one word."""
    following: list[Node] = []
    for node in states:
        nxt = node[LIT].get(word)
        if nxt is not None:
            following.append(nxt)
        for length in node[PRE_LENGTHS]:
            if length > len(word):
                break
            nxt = node[PRE].get(word[:length])
            if nxt is not None:
                following.append(nxt)
        wild = node[WILD]
        if wild is not None:
            following.append(wild)
    return following
