"""The feedback reader: phrases of a locale in one matcher, and the polarity of each mention.

The phrases are written in the tone rules' restricted syntax and go into the same token trie
(:mod:`followkit.tone._phrases`), so matching is linear in the text whatever the data says.
What a mention means comes from the words around it, decided per sentence:

1. A sentence is cut into *segments* at contrast words ("but", "however", "although"): "strong
   on SQL, but system design lacked depth" holds two.
2. Cue phrases give a polarity: gap ("lacked", "could improve", "more depth") or strength
   ("strong", "impressed"). A negation just before a strength cue turns it into a gap ("not
   as strong"); before a gap cue it cancels it ("no weaknesses in"). A negation that
   negates no cue is a gap cue itself ("no experience with Kafka"). Longer phrases win
   over the words inside them: a locale may list "no concerns" as a strength cue.
3. A topic ("system design", "SQL") takes the polarity of the nearest cue of its segment,
   preferring one in the same comma-delimited clause. A segment with cues and no topic
   ("..., but could have gone deeper") passes a gap to the topics of the segment before.
4. A topic with no cue in its sentence takes the polarity of a heading above it
   ("Areas to develop:" followed by a list), until the next heading or blank line.

Not public.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Final, Literal

import attrs

from followkit.tone._phrases import BREAKS, WORD, Trie, expand, normalize

if TYPE_CHECKING:
    from followkit.feedback._taxonomy import LocaleData

__all__ = ["Hit", "Matcher", "matcher"]

Polarity = Literal["gap", "strength"]

#: A word, a sentence break or a clause mark.
_TOKEN = re.compile(f"{WORD}|[.!?;\\n\\r]|[,:()\u2014\u2013]")
_CLAUSE = frozenset(",:()\u2014\u2013")
#: How many words away a cue may stand from its topic.
WINDOW: Final = 12
#: How many words a negation may stand before the cue it negates (0: right before it).
NEGATION_REACH: Final = 2
#: Longest line, in words, that counts as a heading without a colon ("Areas to develop").
HEADING_WORDS: Final = 5
#: How close (in words, same clause) a cue must be for a direct mention (and a weak topic).
SPAN_REACH: Final = 6

# Hit categories.
TOPIC, WEAK, AREA_GAP, AREA_STRENGTH, TOOL = "topic", "weak", "area-gap", "area-strength", "tool"
OPENER, NAMED = "opener", "named"
#: How far (in words) a gap cue before a strength adjective governs it ("lacked a clear").
GOVERNS: Final = 2
#: Most capitalised words read as one unlisted tool name ("Medidata Rave").
NAMED_WORDS: Final = 3
GAP: Final = "gap"
STRENGTH: Final = "strength"
NEUTRAL, NEGATION, CONTRAST = "neutral", "negation", "contrast"
CONSTRAINT, QUESTION = "constraint", "question"
_SUBJECTS = frozenset({TOPIC, WEAK, AREA_GAP, AREA_STRENGTH, TOOL})
_TOOLISH = frozenset({TOOL, NAMED})
#: How near (in words, same clause) another topic hides a weak one ("experience with Kafka").
WEAK_REACH: Final = 3
#: Fewest words of a cue or constraint phrase that hides the topics inside it.
PHRASE_HIDES: Final = 3
#: Most words between two topics read as one phrase ("pushing back on leadership").
COMPOUND_GAP: Final = 3
#: Words that join two topics into a list, in the supported languages.
_COORDINATORS = frozenset(
    {"and", "or", "nor", "und", "oder", "sowie", "et", "ou", "y", "e", "o", "u", "ni"}
)


@attrs.frozen
class Hit:
    """One finding of the reader: character span and what it is."""

    category: str  # "gap", "strength", "constraint" or "question"
    key: str  # area id, constraint id or Question name
    start: int
    end: int
    tool: str | None = None
    #: How directly the text says it: 0 a phrase that carries its polarity, 1 a cue in the
    #: same clause or a heading, 2 a cue further away, 3 a cue passed on from the next
    #: segment. Of several mentions of an area the most direct one is kept.
    rank: int = 0


class _Sentence:
    """The words of one sentence with their offsets and clause numbers."""

    __slots__ = ("clauses", "colon", "ends", "starts", "text", "words")

    def __init__(self, text: str) -> None:
        self.text = text
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.clauses: list[int] = []
        self.colon = False  # the last mark before the break is a colon

    def add(self, word: str, start: int, end: int, clause: int) -> None:
        self.words.append(word)
        self.starts.append(start)
        self.ends.append(end)
        self.clauses.append(clause)


#: Accented letters and their plain forms, for locales whose writers often leave accents
#: out (one character for one, so offsets do not move).
_FOLD = str.maketrans("àâäáãåçéèêëíìîïñóòôöõúùûüýÿæœ", "aaaaaaceeeeiiiinooooouuuuyyæœ")


class Matcher:
    """Every phrase of one locale (and the named technologies) in one trie."""

    def __init__(self, data: LocaleData, tools: dict[str, tuple[str, ...]]) -> None:
        self.locale = data.locale
        # French elides articles and "ne" into the next word ("l'architecture",
        # "n'avez"): such words are read as two.
        self.elision = data.elision
        self.fold = data.fold_accents
        self.nouns = data.capitalised_nouns
        self.trie = Trie()
        self.entries: list[tuple[str, str]] = []
        origin = data.origin
        self._add(NEGATION, "", data.negations, origin, "negations")
        self._add(CONTRAST, "", data.contrast, origin, "contrast")
        for key in (GAP, STRENGTH, NEUTRAL):
            self._add(key, "", data.cues.get(key, ()), origin, f"cues.{key}")
        for key, patterns in data.questions.items():
            self._add(QUESTION, key, patterns, origin, f"questions.{key}")
        for key, phrases in data.areas.items():
            self._add(TOPIC, key, phrases.topic, origin, f"areas.{key}.topic")
            self._add(WEAK, key, phrases.weak, origin, f"areas.{key}.weak")
            self._add(AREA_GAP, key, phrases.gap, origin, f"areas.{key}.gap")
            self._add(AREA_STRENGTH, key, phrases.strength, origin, f"areas.{key}.strength")
        for key, (_name, patterns) in data.constraints.items():
            self._add(CONSTRAINT, key, patterns, origin, f"constraints.{key}")
        self._add(OPENER, "", data.tool_openers, origin, "tool_openers")
        self.named = self._entry(NAMED, "")
        for name, patterns in tools.items():
            self._add(TOOL, name, patterns, "followkit/feedback/tools.toml", f"tools.{name}")

    def _entry(self, category: str, key: str) -> int:
        self.entries.append((category, key))
        return len(self.entries) - 1

    def _add(
        self, category: str, key: str, patterns: tuple[str, ...], origin: str, field: str
    ) -> None:
        if not patterns:
            return
        payload = self._entry(category, key)
        for pattern in patterns:
            sequences, question = expand(
                pattern.translate(_FOLD) if self.fold else pattern, source=origin, field=field
            )
            self.trie.add(sequences, payload, question=question)

    def read(self, text: str) -> list[Hit]:
        """Return the gaps, strengths, constraints and questions found in *text*."""
        low = normalize(text)
        if self.fold:
            low = low.translate(_FOLD)
        found: list[Hit] = []
        carry: Polarity | None = None
        fresh = False  # no topic since the heading that set ``carry``
        sentence = _Sentence(text)
        clause = 0
        newlines = 0
        for match in _TOKEN.finditer(low):
            token = match.group()
            if token in BREAKS:
                if token == "\n":  # noqa: S105  (a line break, not a password)
                    newlines += 1
                    if newlines >= 2 and carry is not None and not fresh:  # a blank line
                        carry = None
                if sentence.words:
                    carry, fresh = self._sentence(sentence, token, carry, fresh, found)
                    sentence = _Sentence(text)
                continue
            if token in _CLAUSE:
                clause += 1
                sentence.colon = token == ":"  # noqa: S105
                continue
            newlines = 0
            sentence.colon = False
            start = match.start()
            if self.elision and "'" in token:
                head, _mark, token = token.partition("'")
                sentence.add(head, start, start + len(head), clause)
                start += len(head) + 1
            sentence.add(token, start, match.end(), clause)
        if sentence.words:
            self._sentence(sentence, "\n", carry, fresh, found)
        return found

    def _sentence(  # noqa: PLR0912, PLR0915  (one pass over a sentence's hits)
        self,
        sentence: _Sentence,
        brk: str,
        carry: Polarity | None,
        fresh: bool,  # noqa: FBT001
        found: list[Hit],
    ) -> tuple[Polarity | None, bool]:
        """Add the sentence's findings to *found*; return the heading polarity after it."""
        words = sentence.words
        count = len(words)
        questions = [False] * count
        questions[-1] = brk == "?"
        subjects: list[tuple[int, int, int]] = []
        cues: list[tuple[int, int, int]] = []
        cuts: list[int] = []
        for payload, start, end in self.trie.scan(words, questions):
            category = self.entries[payload][0]
            if category in _SUBJECTS:
                subjects.append((payload, start, end))
            elif category == OPENER:
                named = _named(sentence, end, nouns=self.nouns)
                if named is not None:
                    subjects.append((self.named, end, named))
            elif category == CONTRAST:
                cuts.append(start)
            else:  # cues, negations, constraints and questions: the longest phrase wins
                cues.append((payload, start, end))
        cues = _outermost(cues)
        # A neutral phrase hides the topics inside it too ("not a reflection of your
        # qualifications", "experience more closely matches"); so does a longer cue or
        # constraint phrase: "we were unsure" is the panel's doubt, not the candidate's
        # confidence, and "candidates at your level of experience" is a re-levelling
        # (one word, as "budget" in "Budgetplanung", hides nothing).
        hidden = {
            index
            for payload, start, end in cues
            if self.entries[payload][0] == NEUTRAL
            or (self.entries[payload][0] != NEGATION and end - start >= PHRASE_HIDES)
            for index in range(start, end)
        }
        subjects = [hit for hit in subjects if hit[1] not in hidden or hit[2] - 1 not in hidden]
        if any(hit[0] == self.named for hit in subjects):
            # A name that holds a listed tool or a topic ("SAP S4", "German") is that instead.
            known = {
                index
                for payload, start, end in subjects
                if payload != self.named
                for index in range(start, end)
            }
            subjects = [
                hit
                for hit in subjects
                if hit[0] != self.named or known.isdisjoint(range(hit[1], hit[2]))
            ]
        subjects = self._without_weak(_outermost(subjects), sentence.clauses)
        cuts.sort()
        negation_ends: dict[int, int] = {}
        polar: list[tuple[int, int, Polarity]] = []  # (start, end, polarity) of cues
        pending: list[tuple[int, int, int]] = []  # constraints and questions
        for payload, start, end in cues:
            category = self.entries[payload][0]
            if category == NEGATION:
                negation_ends[end] = start
            elif category in {CONSTRAINT, QUESTION}:
                pending.append((payload, start, end))
        used: set[int] = set()
        clauses = sentence.clauses
        for payload, start, end in cues:
            category = self.entries[payload][0]
            if category not in {GAP, STRENGTH}:
                continue
            negation = _negation(negation_ends, start, clauses)
            if negation is None:
                polar.append((start, end, GAP if category == GAP else STRENGTH))
                continue
            used.add(negation)
            if category == STRENGTH:
                polar.append((negation_ends[negation], end, GAP))
        # A negation that negates no cue states a gap itself ("no experience with Kafka").
        polar.extend((start, end, GAP) for end, start in negation_ends.items() if end not in used)
        for payload, start, end in pending:
            category, key = self.entries[payload]
            if category == CONSTRAINT and _negation(negation_ends, start, clauses) is not None:
                continue
            found.append(Hit(category, key, sentence.starts[start], sentence.ends[end - 1]))
        polar.sort()
        segment_of = [bisect.bisect_right(cuts, index) for index in range(count)]
        cue_starts = [item[0] for item in polar]
        # (payload, start, end, polarity, rank, the topic's own words)
        results: list[tuple[int, int, int, Polarity, int, tuple[int, int]]] = []
        orphans: list[tuple[int, int, int]] = []  # subjects with no cue
        shared: dict[int, list[int]] = {}  # cue start -> the results that took its polarity
        for payload, start, end in subjects:
            category = self.entries[payload][0]
            fixed = _fixed(category, _negation(negation_ends, start, clauses) is not None)
            if fixed == "drop":
                continue
            if fixed is not None:
                results.append((payload, start, end, fixed, 0, (start, end)))
                continue
            cue = _nearest(polar, cue_starts, start, end, segment_of, clauses)
            if cue is None:
                orphans.append((payload, start, end))
            else:
                cue_start, cue_end, polarity = cue
                near = clauses[cue_start] == clauses[start] and (
                    max(cue_start - end, start - cue_end) <= SPAN_REACH
                )
                if category == WEAK and not near:
                    continue  # a weak topic counts only with its cue close by
                # The span runs from the topic to its cue: what the feedback says about it.
                first, last = min(start, cue_start), max(end, cue_end)
                results.append((payload, first, last, polarity, 1 if near else 2, (start, end)))
                shared.setdefault(cue_start, []).append(len(results) - 1)
        results = _without_modifiers(results, shared, sentence)
        # A segment with a gap cue and no topic ("..., but it could have gone deeper")
        # passes the gap to the topics of the segment before.
        topic_segments = {segment_of[start] for _p, start, _e in subjects}
        gap_segments = {segment_of[start] for start, _e, polarity in polar if polarity == GAP}
        for payload, start, end, polarity, _rank, own in list(results):
            segment = segment_of[own[0]]
            if (
                polarity == STRENGTH
                and segment + 1 in gap_segments
                and segment + 1 not in topic_segments
            ):
                results.append((payload, start, end, GAP, 3, own))
        for payload, start, end in orphans:
            if self.entries[payload][0] == WEAK:
                continue
            segment = segment_of[start]
            if segment + 1 in gap_segments and segment + 1 not in topic_segments:
                results.append((payload, start, end, GAP, 3, (start, end)))
            elif carry is not None:
                results.append((payload, start, end, carry, 1, (start, end)))
        for payload, start, end, polarity, rank, own in results:
            category, key = self.entries[payload]
            if category == NAMED:
                key = sentence.text[sentence.starts[own[0]] : sentence.ends[own[1] - 1]]
            found.append(
                Hit(
                    polarity,
                    "technology" if category in _TOOLISH else key,
                    sentence.starts[start],
                    sentence.ends[end - 1],
                    tool=key if category in _TOOLISH else None,
                    rank=rank,
                )
            )
        if not subjects and polar and (sentence.colon or (count <= HEADING_WORDS and brk == "\n")):
            return polar[0][2], True  # a heading: its polarity holds for the lines below
        return carry, fresh and not subjects

    def _without_weak(
        self, subjects: list[tuple[int, int, int]], clauses: list[int]
    ) -> list[tuple[int, int, int]]:
        """Drop the weak topics that another topic stands next to in the same clause.

        "experience" names the industry-experience area alone, but in "experience with
        Kafka" or "stakeholder management experience" the other topic is the point.
        """
        strong = [hit for hit in subjects if self.entries[hit[0]][0] != WEAK]
        if len(strong) == len(subjects):
            return subjects
        starts = {start for _p, start, _e in strong}
        ends = {end for _p, _s, end in strong}
        kept = []
        for hit in subjects:
            _payload, start, end = hit
            if self.entries[hit[0]][0] == WEAK and any(
                (index in starts and clauses[index] == clauses[start])
                or (index + 1 in ends and clauses[index] == clauses[start])
                for index in range(start - WEAK_REACH - 1, end + WEAK_REACH + 1)
            ):
                continue
            kept.append(hit)
        return kept


def _without_modifiers(
    results: list[tuple[int, int, int, Polarity, int, tuple[int, int]]],
    shared: dict[int, list[int]],
    sentence: _Sentence,
) -> list[tuple[int, int, int, Polarity, int, tuple[int, int]]]:
    """Drop a topic that only modifies the next one toward their shared cue.

    In "pushing back on leadership was light", "stakeholder mapping answers were generic"
    or "limited experience managing a team", two topics stand side by side in one clause
    and take the same cue: the phrase names one point, the more specific topic farther
    from the cue, and the generic word next to the cue ("leadership", "answers",
    "experience") is part of it. Topics joined by "and", "or", a comma or more than
    :data:`COMPOUND_GAP` words keep the cue each ("SQL and Python were weak").

    Each cue is shared by the topics within :data:`WINDOW` words of it only, so this stays
    linear in the sentence.
    """
    clauses, words = sentence.clauses, sentence.words
    dropped: set[int] = set()
    for cue, members in shared.items():
        for outer in members:
            for inner in members:
                o_start, o_end = results[outer][5]
                i_start, i_end = results[inner][5]
                if (
                    outer == inner
                    or results[outer][0] == results[inner][0]
                    or results[inner][4] != 1
                    or clauses[o_start] != clauses[i_start]
                    or clauses[i_start] != clauses[cue]
                ):
                    continue
                if cue >= i_end:  # the cue after both: "leadership was light"
                    first, last = o_end, i_start
                else:  # the cue before both: "limited experience managing a team"
                    first, last = i_end, o_start
                if (
                    0 <= last - first <= COMPOUND_GAP
                    and (cue >= i_end) == (cue >= o_end)
                    and not any(words[index] in _COORDINATORS for index in range(first, last))
                ):
                    dropped.add(inner)
    return [result for index, result in enumerate(results) if index not in dropped]


def _named(sentence: _Sentence, first: int, *, nouns: bool) -> int | None:
    """The end of a run of capitalised words from word *first* (a tool's name), if any.

    After a tool opener ("experience with", "Kenntnisse in"), "Medidata Rave" or "HPLC"
    name a tool that no list holds; a lower-case word ends the run. Where every noun is
    capitalised (*nouns*, German), only words marked otherwise (capitals or digits inside)
    count.
    """
    text, starts, ends = sentence.text, sentence.starts, sentence.ends
    end = first
    while end < len(starts) and end - first < NAMED_WORDS and text[starts[end]].isupper():
        if nouns and not _marked(text[starts[end] : ends[end]]):
            break
        end += 1
    return end if end > first else None


def _marked(word: str) -> bool:
    """Whether a word looks like a name even where every noun is capitalised ("SAP", "iOS")."""
    return any(char.isupper() or char.isdigit() for char in word[1:])


def _outermost(hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Drop the hits that lie inside a longer one ("no concerns" hides "concerns")."""
    hits.sort(key=lambda hit: (hit[1], -hit[2]))
    kept = []
    reach = -1
    span = (-1, -1)
    for hit in hits:
        _payload, start, end = hit
        if end <= reach and (start, end) != span:
            continue
        if end > reach:
            reach, span = end, (start, end)
        kept.append(hit)
    return kept


def _negation(negation_ends: dict[int, int], start: int, clauses: list[int]) -> int | None:
    """The end of a negation right before word *start* in its clause, if there is one."""
    for end in range(start, max(start - NEGATION_REACH, 0) - 1, -1):
        if end in negation_ends and clauses[negation_ends[end]] == clauses[start]:
            return end
    return None


def _fixed(category: str, negated: bool) -> Polarity | Literal["drop"] | None:  # noqa: FBT001
    """The polarity a phrase carries by itself, or None when it needs a cue."""
    if category == AREA_GAP:
        return "drop" if negated else GAP
    if category == AREA_STRENGTH:
        return GAP if negated else STRENGTH
    return None


def _nearest(  # noqa: PLR0913, PLR0917  (the sentence's tables, read only)
    polar: list[tuple[int, int, Polarity]],
    cue_starts: list[int],
    start: int,
    end: int,
    segment_of: list[int],
    clauses: list[int],
) -> tuple[int, int, Polarity] | None:
    """The cue of the topic's segment closest to words ``start:end``, same clause first."""
    best: tuple[tuple[int, int, int], tuple[int, int, Polarity]] | None = None
    segment, clause = segment_of[start], clauses[start]
    first = bisect.bisect_left(cue_starts, start - WINDOW)
    for index in range(first, len(polar)):
        cue = polar[index]
        cue_start, cue_end, polarity = cue
        if cue_start > end + WINDOW:
            break
        if segment_of[cue_start] != segment:
            continue
        distance = max(cue_start - end, start - cue_end, 0)
        if distance > WINDOW:
            continue
        rank = (clauses[cue_start] != clause, distance, polarity != GAP)
        if best is None or rank < best[0]:
            best = (rank, cue)
    if best is None:
        return None
    cue = best[1]
    if cue[2] == STRENGTH and cue[0] < start:
        # "lacked a clear structure", "fehlte eine klare Priorisierung": a gap cue just
        # before the adjective governs it.
        for other in polar[max(0, first - 1) : index + 1]:
            if (
                other[2] == GAP
                and 0 <= cue[0] - other[1] <= GOVERNS
                and clauses[other[0]] == clauses[cue[0]]
            ):
                return other
    return cue


@functools.cache
def matcher(locale: str) -> Matcher:
    """The compiled matcher of a supported *locale*, cached."""
    from followkit.feedback._taxonomy import load_locale, tools  # noqa: PLC0415

    return Matcher(load_locale(locale), tools())
