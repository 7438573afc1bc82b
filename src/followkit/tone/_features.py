"""What the learned intent layer reads of a text: sentences and their features (not public).

The same code computes the features when the model is trained (``make model``) and when a
text is checked, so the two cannot drift apart. A text is cut into sentences; each sentence
gives word unigrams (marked when they stand in a negation's scope), word bigrams,
*construction* features from the locale's lexicons (``tone/intent/<locale>.toml``: a deadline,
second person with a negative judgement, a sacrifice tied to the reader, credentials with a
norm, a rhetorical question, short quoted spans, capitals, ``!!!`` …) and the politeness
strategies found inside it. Nothing of the rest of the message is a feature: in what people
label, nearly every courteous message greets and thanks, and features of the whole message
learn that artefact instead of what makes a sentence discourteous (a fragment or a short
polite question would read as rude). Everything is linear in the text.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

import functools
import itertools
import re
import tomllib
from typing import TYPE_CHECKING, NamedTuple

from followkit.errors import UnsupportedLocaleError
from followkit.tone._phrases import WORD_RE
from followkit.tone._rules import read_data

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = ["CLASSES", "Lexicon", "Sentence", "lexicon", "sentences"]

#: Longest sentence read, in words: a text without full stops is cut into pieces of this
#: size, so the work stays linear and a sentence stays a sentence-sized unit of evidence.
MAX_SENTENCE_WORDS = 80
#: A text is read up to this many sentences: far beyond any follow-up, and a bound on the
#: work a hostile text can cause.
MAX_SENTENCES = 2_000

# A sentence ends after . ! ? … (with closing quotes or brackets) before white space, or at a
# line break that ends a paragraph or a line (greetings and sign-offs stand on lines of
# their own).
# A run of marks is tried once, from its first mark, and never given back: a million "!" before
# a letter costs one pass, not one per mark.
_END = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s|\Z)|[\r\n]++")
_CLAUSE_BREAK = frozenset(",;:()—–")
_QUOTED = re.compile(r"[\"“„«‘]([^\"“”„«»‘’\n]{1,40})[\"”“»’]")
_QUOTE_MARKS = frozenset('"“„«‘')
_CAPS_WORD = re.compile(r"\b[^\W\d_a-zß-ÿ]{3,}\b")

CLASSES = (
    "negation",
    "second_person",
    "first_person",
    "negative_evaluation",
    "strong_emotion",
    "praise",
    "negative_event",
    "deadline",
    "imperative_open",
    "want",
    "earlier_messages",
    "sacrifice",
    "reader_link",
    "credential",
    "norm",
    "threat",
    "insult",
    "intensifier",
    "bad_faith",
    "contest",
    "rhetorical_open",
)
#: Classes that only count on a sentence's first words.
_OPENING = frozenset({"imperative_open", "rhetorical_open"})
#: Pairs of classes in one sentence that make a construction of their own.
_PAIRS = (
    ("second_person", "negative_evaluation"),
    ("second_person", "insult"),
    ("praise", "negative_event"),
    ("sacrifice", "reader_link"),
    ("credential", "norm"),
    ("want", "deadline"),
    ("second_person", "deadline"),
    ("earlier_messages", "negative_event"),
    ("first_person", "contest"),
    ("second_person", "contest"),
    ("second_person", "bad_faith"),
    ("intensifier", "negative_evaluation"),
    ("second_person", "norm"),
)


class _Node:
    """A node of a lexicon's word trie: the next words, and the classes ending here."""

    __slots__ = ("children", "classes")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.classes: list[str] = []


#: Distinct words whose one-word classes a lexicon remembers (then it starts afresh).
_MEMO_SIZE = 1 << 16


class Lexicon(NamedTuple):
    """A locale's construction lexicons, messages and suggestions, as loaded."""

    locale: str
    #: Entries of whole words (``*`` for any one word), as a trie from their first word.
    trie: _Node
    #: Entries with a partial word inside ("by *pm"): first word -> ((rest, last word a
    #: prefix?, class), ...), matched word by word.
    patterns: dict[str, tuple[tuple[tuple[str, ...], bool, str], ...]]
    #: One-word prefixes ("rud*"), by their first two letters -> ((prefix, class), ...).
    prefixes: dict[str, tuple[tuple[str, str], ...]]
    #: One-word suffixes ("*n't") -> class.
    suffixes: tuple[tuple[str, str], ...]
    #: Word -> its classes from the prefixes and suffixes, filled as words are met.
    memo: dict[str, tuple[str, ...]]
    messages: dict[str, str]
    suggestions: dict[str, str]


class Sentence(NamedTuple):
    """One sentence of a text with its features.

    ``features`` holds each feature once, in a fixed order. Where a feature shows in the text
    is worked out only when asked (:meth:`span`): only a flagged sentence needs it.
    """

    start: int
    end: int
    features: dict[str, None]
    #: The sentence's words with their spans.
    words: list[tuple[str, int, int]]
    #: Where each construction and strategy feature shows.
    marks: dict[str, tuple[int, int]]

    def span(self, feature: str) -> tuple[int, int]:
        """Where *feature* first shows in the text (an empty span if nowhere in particular)."""
        if feature in self.marks:
            return self.marks[feature]
        kind, _colon, value = feature.partition(":")
        words = self.words
        if kind == "w":
            word = value.removeprefix("!")
            for text, start, end in words:
                if text == word:
                    return start, end
        elif kind == "b" and words:
            first, _space, second = value.partition(" ")
            if first == "<s>":
                return words[0][1], words[0][2]
            for (one, start, _end), (two, _start, end) in itertools.pairwise(words):
                if one == first and two == second:
                    return start, end
        return self.start, self.start


@functools.cache
def lexicon(locale: str) -> Lexicon:
    """Load the construction lexicons of a language (``en``, ``de``, ``fr``, ``es``)."""
    try:
        data = tomllib.loads(read_data("intent", f"{locale}.toml").decode("utf-8"))
    except FileNotFoundError:
        raise UnsupportedLocaleError(f"no intent lexicon for {locale!r}", field="locale") from None
    trie = _Node()
    patterns: dict[str, list[tuple[tuple[str, ...], bool, str]]] = {}
    prefixes: dict[str, list[tuple[str, str]]] = {}
    suffixes: list[tuple[str, str]] = []
    for name in CLASSES:
        for entry in data["classes"].get(name, ()):
            words = tuple(entry.lower().split())
            if len(words) == 1 and words[0].startswith("*"):
                suffixes.append((words[0][1:], name))
            elif len(words) == 1 and words[0].endswith("*"):
                stem = words[0][:-1]
                prefixes.setdefault(stem[:2], []).append((stem, name))
            elif all(word == "*" or "*" not in word for word in words):
                node = trie
                for word in words:
                    node = node.children.setdefault(word, _Node())
                node.classes.append(name)
            else:
                prefix = words[-1].endswith("*") and words[-1] != "*"
                if prefix:
                    words = (*words[:-1], words[-1][:-1])
                patterns.setdefault(words[0], []).append((words[1:], prefix, name))
    return Lexicon(
        locale=locale,
        trie=trie,
        patterns={word: tuple(items) for word, items in patterns.items()},
        prefixes={key: tuple(items) for key, items in prefixes.items()},
        suffixes=tuple(suffixes),
        memo={},
        messages=dict(data["messages"]),
        suggestions=dict(data["suggestions"]),
    )


def _sentence_spans(flat: str) -> list[tuple[int, int]]:
    """Cut *flat* into sentences: (start, end) of each, with text in it."""
    spans = []
    position = 0
    for match in _END.finditer(flat):
        end = match.start() if match.group()[0] in "\r\n" else match.end()
        if flat[position:end].strip():
            spans.append((_skip_space(flat, position), end))
            if len(spans) >= MAX_SENTENCES:
                return spans
        position = match.end()
    if flat[position:].strip():
        spans.append((_skip_space(flat, position), len(flat)))
    return spans


def _skip_space(text: str, position: int) -> int:
    return (
        position
        + len(text[position : position + 200])
        - len(text[position : position + 200].lstrip())
    )


def _classes(lex: Lexicon, words: Sequence[str], index: int) -> list[tuple[str, int]]:
    """The classes whose entries start at ``words[index]``, with the entry's length."""
    word = words[index]
    result = []
    # Whole-word entries: walk the trie, trying the word itself and the wildcard.
    node = lex.trie.children.get(word)
    if node is not None:
        walk = [(node, index + 1)]
        while walk:
            node, following = walk.pop()
            result += [(name, following - index) for name in node.classes]
            if following < len(words) and node.children:
                for key in (words[following], "*"):
                    child = node.children.get(key)
                    if child is not None:
                        walk.append((child, following + 1))
    for rest, prefix, name in lex.patterns.get(word, ()):
        size = len(rest)
        tail = words[index + 1 : index + 1 + size]
        if len(tail) == size and _matches(tail, rest, prefix=prefix):
            result.append((name, size + 1))
    single = lex.memo.get(word)
    if single is None:
        single = tuple(
            [name for stem, name in lex.prefixes.get(word[:2], ()) if word.startswith(stem)]
            + [name for suffix, name in lex.suffixes if word.endswith(suffix)]
        )
        if len(lex.memo) >= _MEMO_SIZE:
            lex.memo.clear()
        lex.memo[word] = single
    result += [(name, 1) for name in single]
    return result


def _matches(tail: Sequence[str], rest: tuple[str, ...], *, prefix: bool) -> bool:
    """Whether the words *tail* match *rest*.

    ``*`` is any word, a ``*x`` word any ending in *x*, and the last word only needs to start
    with its entry when *prefix* is set.
    """
    last = len(rest) - 1
    for index, (word, pattern) in enumerate(zip(tail, rest, strict=True)):
        if pattern in {"*", word}:
            continue
        if pattern.startswith("*") and word.endswith(pattern[1:]):
            continue
        if prefix and index == last and word.startswith(pattern):
            continue
        return False
    return True


def sentences(
    text: str,
    flat: str,
    lex: Lexicon,
    strategies: Iterable[tuple[str, int, int]] = (),
) -> list[Sentence]:
    """Cut a text into sentences and compute each one's features.

    Args:
        text: The text as written (its capitals and quotes are read).
        flat: The same text lower-cased, with skipped parts masked and soft line breaks
            read as spaces (the tone checker's prepared text; same length as *text*).
        lex: The locale's lexicons.
        strategies: Politeness-strategy hits ``(name, start, end)`` in the text.

    Returns:
        The sentences, in order.
    """
    pieces: list[tuple[int, int, list[tuple[str, int, int]]]] = []
    for start, end in _sentence_spans(flat):
        found = [(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(flat, start, end)]
        # A run-on text is read in pieces of at most MAX_SENTENCE_WORDS words.
        for offset in range(0, max(1, len(found)), MAX_SENTENCE_WORDS):
            chunk = found[offset : offset + MAX_SENTENCE_WORDS]
            piece_start = chunk[0][1] if offset else start
            piece_end = end if offset + MAX_SENTENCE_WORDS >= len(found) else chunk[-1][2]
            pieces.append((piece_start, piece_end, chunk))
    hits = sorted(strategies, key=lambda hit: hit[1])
    next_hit = 0
    result = []
    for start, end, found in pieces:
        names, marks = _words(lex, flat, start, found)
        _form(text, flat, start, end, len(found), marks)
        # Pieces and hits are both in text order: one pass hands each hit to its piece.
        while next_hit < len(hits) and hits[next_hit][1] < start:
            next_hit += 1
        while next_hit < len(hits) and hits[next_hit][1] < end:
            name, hit_start, hit_end = hits[next_hit]
            marks.setdefault(f"s:{name}", (hit_start, hit_end))
            next_hit += 1
        names.extend(marks)
        result.append(Sentence(start, end, dict.fromkeys(names), found, marks))
    return result


def _words(
    lex: Lexicon, flat: str, start: int, found: list[tuple[str, int, int]]
) -> tuple[list[str], dict[str, tuple[int, int]]]:
    """Word and bigram feature names, and construction features with their spans."""
    words = [word for word, _start, _end in found]
    names = ["w:" + word for word in words]
    classes: dict[str, tuple[int, int]] = {}
    trie, patterns, memo = lex.trie.children, lex.patterns, lex.memo
    negated = False
    previous_end = start
    for index, (word, word_start, word_end) in enumerate(found):
        if negated:
            if _CLAUSE_BREAK.isdisjoint(flat[previous_end:word_start]):
                names[index] = "w:!" + word
            else:
                negated = False  # a negation's scope ends with its clause
        previous_end = word_end
        # Most words open no entry: three look-ups in C tell, without the generator.
        if word not in trie and word not in patterns and memo.get(word) == ():
            continue
        for name, size in _classes(lex, words, index):
            if name in _OPENING and index:
                continue
            end = found[index + size - 1][2]
            known = classes.get(name)
            # A class's first place in the sentence, and there its longest entry.
            if known is None or (known[0] == word_start and end > known[1]):
                classes[name] = (word_start, end)
            negated = negated or name == "negation"
    if words:
        names.append("b:<s> " + words[0])
        names += ["b:" + one + " " + two for one, two in itertools.pairwise(words)]
    marks = {"c:" + name: span for name, span in classes.items()}
    for first, second in _PAIRS:
        if first in classes and second in classes:
            marks.setdefault(f"c:{first}+{second}", classes[second])
    if found and classes.get("second_person", (-1,))[0] == found[0][1]:
        marks.setdefault("c:second_person_open", (found[0][1], found[0][2]))
    return names, marks


def _form(  # noqa: PLR0913, PLR0917  (the sentence and what is known of it)
    text: str,
    flat: str,
    start: int,
    end: int,
    words: int,
    where: dict[str, tuple[int, int]],
) -> None:
    """Features of a sentence's form: punctuation, capitals, quotes, questions."""
    raw = text[start:end]
    span = (start, end)
    # A question is no discourtesy in itself (most polite requests are questions); only what
    # makes one pointed is a feature.
    if "?" in flat[start:end].rstrip()[-3:]:
        if "c:second_person" in where:
            where.setdefault("c:question+second_person", where["c:second_person"])
        if "c:rhetorical_open" in where or "c:negative_evaluation" in where:
            where.setdefault("c:rhetorical", span)
    # Not "!" or runs of marks: people use them with enthusiasm as much as in anger, and the
    # rules read "!!!" and "?!" already.
    at = max(raw.find("..."), raw.find("…"))
    if at >= 0:
        where.setdefault("c:ellipsis", (start + at, start + at + 1))
    if not words:
        return
    quoted = None if _QUOTE_MARKS.isdisjoint(raw) else _QUOTED.search(text, start, end)
    if quoted and len(quoted.group(1).split()) <= 4:
        where.setdefault("c:quote_short", quoted.span())
    capitals = [m.span() for m in _CAPS_WORD.finditer(text, start, end) if m.end() - m.start() >= 4]
    if capitals:
        where.setdefault("c:capitals", capitals[0])
        if len(capitals) >= 2:
            where.setdefault("c:capitals:many", capitals[1])
