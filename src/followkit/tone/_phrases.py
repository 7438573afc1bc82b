"""The restricted phrase syntax of tone rules, and the matcher it compiles to (not public).

A phrase is a short sequence of words, with alternatives ``(a|b c)``, optional parts
``[x y]``, prefix words ``apolog*`` and the one-word wildcard ``_``; a trailing ``?`` means
the match must end its sentence with a question mark. Every phrase expands to a bounded set of
word sequences; all sequences of a locale go into one token trie. The trie is searched from
the candidate positions that a single regular expression finds: that expression is built from
escaped literals merged by prefix, so it has no nested or overlapping quantifiers and runs in
time linear in the text. Nothing a rule author writes reaches :mod:`re` unescaped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from followkit.errors import RuleError

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

#: A word: letters and digits, with apostrophes inside (``don't``); ``_`` is not a letter.
WORD = r"[^\W_]+(?:'[^\W_]+)*"
WORD_RE = re.compile(WORD)
#: A word or one sentence break; sentences end at . ! ? ; and line breaks.
TOKEN_RE = re.compile(WORD + r"|[.!?;\n\r]")
BREAKS = frozenset(".!?;\n\r")

#: Caps that keep every phrase small, so that expansion and matching stay linear.
MAX_EXPANSIONS = 4096
MAX_WORDS = 12
MAX_DEPTH = 3
MIN_PREFIX = 3
#: Words of each phrase that the candidate expression checks; the trie checks the rest.
#: Two words make candidates rare while keeping the expression small and quick to compile.
PREFILTER_WORDS = 2

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


class Node:
    """A state of the token trie; built once, then only read (safe to share)."""

    __slots__ = ("ends", "lit", "pre", "pre_lengths", "qends", "wild")

    def __init__(self) -> None:
        self.lit: dict[str, Node] = {}
        self.pre: dict[str, Node] = {}
        self.pre_lengths: tuple[int, ...] = ()
        self.wild: Node | None = None
        self.ends: list[int] = []
        self.qends: list[int] = []

    def child(self, token: Token) -> Node:
        kind, word = token
        if kind == "_":
            if self.wild is None:
                self.wild = Node()
            return self.wild
        table = self.lit if kind == "w" else self.pre
        node = table.get(word)
        if node is None:
            node = table[word] = Node()
            if kind == "p":
                self.pre_lengths = tuple(sorted({*self.pre_lengths, len(word)}))
        return node


class Trie:
    """Word sequences mapped to payload numbers, searched word by word."""

    def __init__(self) -> None:
        self.root = Node()
        self.depth = 0
        self.size = 0

    def add(self, sequences: Iterable[Sequence_], payload: int, *, question: bool) -> None:
        """Add every sequence, each ending in *payload*."""
        for seq in sequences:
            node = self.root
            for token in seq:
                node = node.child(token)
            (node.qends if question else node.ends).append(payload)
            self.depth = max(self.depth, len(seq))
            self.size += 1

    def walk(
        self, words: Sequence[str], questions: Sequence[bool], first: int = 0
    ) -> list[tuple[int, int]]:
        """Return ``(payload, end)`` for every sequence that matches ``words[first:end]``.

        ``questions[i]`` tells whether word *i* ends its sentence with a question mark.
        """
        found: list[tuple[int, int]] = []
        states = [self.root]
        index = first
        while states and index < len(words):
            word = words[index]
            index += 1
            following: list[Node] = []
            for node in states:
                nxt = node.lit.get(word)
                if nxt is not None:
                    following.append(nxt)
                for length in node.pre_lengths:
                    nxt = node.pre.get(word[:length])
                    if nxt is not None:
                        following.append(nxt)
                if node.wild is not None:
                    following.append(node.wild)
            for node in following:
                found.extend((payload, index) for payload in node.ends)
                if node.qends and questions[index - 1]:
                    found.extend((payload, index) for payload in node.qends)
            states = following
        return found

    def scan(self, words: Sequence[str], questions: Sequence[bool]) -> list[tuple[int, int, int]]:
        """Return ``(payload, start, end)`` for every match anywhere in *words*."""
        return [
            (payload, start, end)
            for start in range(len(words))
            for payload, end in self.walk(words, questions, start)
        ]

    def regex(self) -> str:
        """Return a regular expression that matches wherever some sequence may start.

        It accepts a superset of the matches (no end boundary, no ``?`` check), which the
        trie then confirms. Literals are merged by common prefix, gaps are possessive and
        made of characters that no word contains, so the engine never backtracks far.
        """
        body = _node_regex(self.root, 1)
        return rf"(?<![^\W_])(?<![^\W_]')(?:{body})" if body else r"(?!x)x"


_GAP = r"(?:[^\w.!?;\n\r]|_)++"
_REST = r"(?:[^\W_]|')*+"


def _node_regex(node: Node, depth: int) -> str:
    branches: dict[str, str] = {}
    for word, child in node.lit.items():
        branches[re.escape(word)] = _continuation(child, depth)
    alternatives = [_merge(branches)] if branches else []
    for prefix, child in sorted(node.pre.items()):
        alternatives.append(re.escape(prefix) + _REST + _continuation(child, depth))
    if node.wild is not None:
        alternatives.append(r"[^\W_]++(?:'[^\W_]++)*+" + _continuation(node.wild, depth))
    return "|".join(alternatives)


def _continuation(child: Node, depth: int) -> str:
    if (
        depth >= PREFILTER_WORDS
        or child.ends
        or child.qends
        or not (child.lit or child.pre or child.wild)
    ):
        return ""  # enough to make this a candidate; the trie decides
    return f"{_GAP}(?:{_node_regex(child, depth + 1)})"


def _merge(branches: dict[str, str]) -> str:
    """Merge ``literal -> continuation`` pairs into one alternation with shared prefixes."""
    if branches.get("") == "":
        return ""  # a phrase ends here: a candidate whatever follows
    by_first: dict[str, dict[str, str]] = {}
    for literal, cont in branches.items():
        if literal:
            size = 2 if literal.startswith("\\") else 1
            by_first.setdefault(literal[:size], {})[literal[size:]] = cont
    parts = []
    for head, rest in sorted(by_first.items()):
        inner = _merge(rest)
        parts.append(head + (f"(?:{inner})" if "|" in inner else inner))
    if "" in branches:
        parts.append(branches[""])
    return "|".join(parts)
