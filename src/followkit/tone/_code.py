"""Rules written in code: message-level rules and shouting (not public).

Each rule is a small frozen value holding a plain function; the registry is an immutable
tuple, so there is nothing to forget to register and nothing to mutate.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from followkit.tone._config import Config
    from followkit.tone._rules import Severity

__all__ = ["CODE_RULES", "SCORE_WEIGHTS", "CodeRule", "Context", "placed_regions", "score"]

_CAPS = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# A run of capitalised words separated by spaces. Identifiers are not shouting: a word joined
# to others by "-", "_", ".", "/", "@" or "#" (POLI-DATE, Mr.TAMER, G_KEEPERR) is left out.
# The expression opens with the capital itself and looks behind it afterwards (the look-behind
# spans the capital too): an expression that starts with a character set lets the regex
# engine skip ahead to the next capital in C instead of trying the look-behinds everywhere.
_IDENTIFIER_BEFORE = rf"(?<![^\W_][{_CAPS}])(?<![-_./@#][{_CAPS}])"
_IDENTIFIER_AFTER = r"(?![^\W_])(?![-_./@#][^\W_])"
_CAPS_RUN = re.compile(
    rf"[{_CAPS}]{_IDENTIFIER_BEFORE}[{_CAPS}]++(?:['’][{_CAPS}]++)*+{_IDENTIFIER_AFTER}"
    rf"(?:[ \t]++[{_CAPS}]++(?:['’][{_CAPS}]++)*+{_IDENTIFIER_AFTER})*"
)
_MARK_RUN = re.compile(r"[!?]{2,}+")
_QUESTION = re.compile(r"\?++")
_LINE = re.compile(r"[^\n\r]*\S[^\n\r]*")
#: Letters in a run of capitals from which it reads as shouting (acronyms are shorter).
MIN_SHOUT_LETTERS = 6


#: A line span that no text has: the first line of a context not looked for yet.
_UNREAD = (-1, -1)


class Context:
    """What the code rules see of one checked part (a plain class: one is built per check).

    The lines the message rules read are worked out on first use and kept, since several
    rules read the same ones.
    """

    __slots__ = (
        "_first_line",
        "_is_message",
        "_last_lines",
        "config",
        "gratitude",
        "lexicon",
        "low",
        "message",
        "text",
    )

    def __init__(  # noqa: PLR0913  (keyword-only, one per field)
        self,
        *,
        text: str,
        low: str,
        config: Config,
        message: bool,
        lexicon: Mapping[str, Sequence[tuple[int, int]]],
        gratitude: bool,
    ) -> None:
        self.text = text
        self.low = low
        self.config = config
        self.message = message
        self.lexicon = lexicon
        self.gratitude = gratitude
        self._first_line: tuple[int, int] | None = _UNREAD
        self._last_lines: list[tuple[int, int]] | None = None
        self._is_message: bool | None = None

    def first_line(self) -> tuple[int, int] | None:
        """The span of the first non-blank line, if any."""
        if self._first_line is _UNREAD:
            self._first_line = _first_line(self.low)
        return self._first_line

    def last_lines(self) -> list[tuple[int, int]]:
        """The spans of the last non-blank lines in which a sign-off counts."""
        if self._last_lines is None:
            self._last_lines = _last_lines(self.low, _SIGNOFF_LINES)
        return self._last_lines

    def is_message(self) -> bool:
        """Whether the part reads as a message (a message's body, or long enough)."""
        if self._is_message is None:
            needed = self.config.min_message_words
            self._is_message = self.message or (len(self.low.split(maxsplit=needed)) >= needed)
        return self._is_message


Check = Callable[[Context], Iterator[tuple[int, int]]]


class CodeRule(NamedTuple):
    """A rule written as a function that yields the spans it flags."""

    id: str
    severity: Severity
    message: str
    suggestion: str | None
    check: Check

    @property
    def category(self) -> str:
        """The first segment of the id."""
        return self.id.split(".", 1)[0]


def _capitals(ctx: Context) -> Iterator[tuple[int, int]]:
    text = ctx.text
    for match in _CAPS_RUN.finditer(text):
        words = match.group().split()
        letters = sum(len(word) for word in words)
        longest = max(len(word) for word in words)
        # One long word ("IMMEDIATELY"), or a phrase with a real word in it ("PLEASE
        # RESPOND"), or three words; not a pair of acronyms ("ESRI REST").
        shouting = letters >= MIN_SHOUT_LETTERS and (
            longest >= 7 or (len(words) > 1 and longest >= 5) or len(words) > 2
        )
        start = match.start()
        if shouting and ctx.low[start] != "\n" and not _in_code(text, start):
            yield match.span()


def _in_code(text: str, offset: int) -> bool:
    """Whether *offset* is inside `inline code` on its line (an odd number of backticks)."""
    line_start = max(text.rfind("\n", max(0, offset - 500), offset), offset - 500, -1) + 1
    return text.count("`", line_start, offset) % 2 == 1


def _marks(ctx: Context, *, interrobang: bool) -> Iterator[tuple[int, int]]:
    low = ctx.low
    if ("?!" not in low and "!?" not in low) if interrobang else "!!!" not in low:
        return  # the common case, found without a scan
    for match in _MARK_RUN.finditer(low):
        run = match.group()
        mixed = "?" in run and "!" in run
        if mixed == interrobang and (mixed or "!!!" in run):
            yield match.span()


def _exclamations(ctx: Context) -> Iterator[tuple[int, int]]:
    return _marks(ctx, interrobang=False)


def _interrobang(ctx: Context) -> Iterator[tuple[int, int]]:
    return _marks(ctx, interrobang=True)


def _first_line(low: str) -> tuple[int, int] | None:
    match = _LINE.search(low)
    return match.span() if match else None


#: Non-blank lines at the end of a message in which a sign-off counts.
_SIGNOFF_LINES = 3


def _last_lines(low: str, count: int) -> list[tuple[int, int]]:
    """The last *count* non-blank lines, read backwards from the end of the text."""
    found: list[tuple[int, int]] = []
    end = len(low)
    while end > 0 and len(found) < count:
        # The "\r" is looked for after the "\n" only: a text without one is not read through.
        newline = low.rfind("\n", 0, end)
        start = max(newline, low.rfind("\r", newline + 1, end)) + 1
        if low[start:end].strip():
            found.append((start, start + len(low[start:end].rstrip())))
        end = start - 1
    return found[::-1]


def placed_regions(ctx: Context) -> dict[str, list[tuple[int, int]]]:
    """Where the rules look for greetings and sign-offs, in the order to look.

    A greeting counts on the first non-blank line, a sign-off on any of the last three
    non-blank lines (the last line first: the rule needs only one). Each region starts at the
    start of a line, and a match must start in it.
    """
    regions: dict[str, list[tuple[int, int]]] = {}
    first = ctx.first_line()
    if first:
        regions["greetings"] = [first]
    lines = ctx.last_lines()
    if lines:
        # The last two lines are short as a rule: read together; a third may be a paragraph.
        regions["signoffs"] = [(lines[-2:][0][0], lines[-1][1]), *lines[:-2]]
    return regions


def _no_greeting(ctx: Context) -> Iterator[tuple[int, int]]:
    if "greetings" not in ctx.lexicon or not ctx.is_message():
        return
    first = ctx.first_line()
    if first and not any(first[0] <= s < first[1] for s, _ in ctx.lexicon["greetings"]):
        yield first[0], first[0]


def _no_thanks(ctx: Context) -> Iterator[tuple[int, int]]:
    if "thanks" not in ctx.lexicon or not ctx.is_message():
        return
    first = ctx.first_line()
    if first and not ctx.lexicon["thanks"] and not ctx.gratitude:
        yield first[0], first[0]


def _no_signoff(ctx: Context) -> Iterator[tuple[int, int]]:
    if "signoffs" not in ctx.lexicon or not ctx.is_message():
        return
    lines = ctx.last_lines()
    if lines and not any(s >= lines[0][0] for s, _ in ctx.lexicon["signoffs"]):
        yield lines[-1][1], lines[-1][1]


def _too_long(ctx: Context) -> Iterator[tuple[int, int]]:
    limit = ctx.config.max_words
    if len(ctx.low) <= limit or len(ctx.low.split(maxsplit=limit)) <= limit:
        return  # at most *limit* words, found without a scan
    over = re.compile(rf"\s*(?:\S+\s+){{{limit}}}").match(ctx.low)
    if over:
        yield over.end(), over.end()


def _vague_feedback(ctx: Context) -> Iterator[tuple[int, int]]:
    vague = ctx.lexicon.get("vague_feedback", ())
    if vague and not ctx.lexicon.get("specific_feedback"):
        yield min(vague)


def _too_many_questions(ctx: Context) -> Iterator[tuple[int, int]]:
    if ctx.low.count("?") <= ctx.config.max_questions:
        return  # a run of marks is one question: never more questions than marks
    for count, match in enumerate(_QUESTION.finditer(ctx.low), start=1):
        if count > ctx.config.max_questions:
            yield match.span()
            return


CODE_RULES: tuple[CodeRule, ...] = (
    CodeRule(
        id="shouting.capitals",
        severity="warning",
        message="Words in capitals read as shouting.",
        suggestion="Write the words in normal case; stress, if needed, belongs in the wording.",
        check=_capitals,
    ),
    CodeRule(
        id="shouting.exclamations",
        severity="warning",
        message="A run of exclamation marks reads as shouting or impatience.",
        suggestion="End the sentence with one full stop (or at most one '!').",
        check=_exclamations,
    ),
    CodeRule(
        id="shouting.interrobang",
        severity="warning",
        message="'?!' reads as exasperation rather than a question.",
        suggestion="Ask the question with a single '?'.",
        check=_interrobang,
    ),
    CodeRule(
        id="message.no-greeting",
        severity="info",
        message="The message does not open with a greeting.",
        suggestion="Open with a greeting and the person's name, such as 'Dear Ms. Lee,'.",
        check=_no_greeting,
    ),
    CodeRule(
        id="message.no-thanks",
        severity="info",
        message="The message does not thank the reader or express appreciation.",
        suggestion="Thank them for their time and the opportunity to interview.",
        check=_no_thanks,
    ),
    CodeRule(
        id="message.no-signoff",
        severity="info",
        message="The message does not end with a sign-off.",
        suggestion="Close with 'Best regards,' or 'Kind regards,' and your name.",
        check=_no_signoff,
    ),
    CodeRule(
        id="message.too-long",
        severity="warning",
        message="The message is longer than a follow-up should be; the rest may go unread.",
        suggestion="Keep a follow-up to a few short paragraphs: thanks, one ask, a sign-off.",
        check=_too_long,
    ),
    CodeRule(
        id="message.vague-feedback",
        severity="info",
        message="A general request for feedback is easy to ignore and hard to answer.",
        suggestion=(
            "Ask one or two specific questions, such as 'Which skills would have made me a "
            "stronger candidate?'"
        ),
        check=_vague_feedback,
    ),
    CodeRule(
        id="message.too-many-questions",
        severity="warning",
        message="So many questions read as an interrogation and burden the reader.",
        suggestion="Ask at most two or three questions; pick those that matter most.",
        check=_too_many_questions,
    ),
)

#: Weight (in logits) of each strategy when present. Calibrated by L2-regularised logistic
#: regression (signs constrained to those of Danescu-Niculescu-Mizil et al. 2013, table 3) on
#: the Stanford Politeness Corpus, Stack Exchange part, bottom vs top quartile; the corpus is
#: used for calibration only and never shipped. 10-fold CV accuracy 63.8 %, AUC 0.694.
SCORE_WEIGHTS: Mapping[str, float] = {
    "gratitude": 1.79,
    "deference": 0.98,
    "greeting": 0.24,
    "positive": 0.41,
    "negative": -1.00,
    "apologizing": 0.32,
    "please": 0.0,
    "please_start": 0.0,
    "indirect": 0.26,
    "direct_question": -1.15,
    "direct_start": -0.10,
    "counterfactual": 0.09,
    "indicative": 0.76,
    "first_person_start": 0.02,
    "second_person_start": -0.72,
    "hedges": 0.52,
    "factuality": -0.61,
}
#: What each finding takes away from the logit, by severity.
SEVERITY_PENALTY: Mapping[str, float] = {"error": 1.5, "warning": 0.75, "info": 0.1}
#: Spread of the logistic curve: a logit of 1 (a strong polite cue) gives a score of 88.
SCORE_SLOPE = 2.0


def score(strategies: set[str], severities: Sequence[str]) -> tuple[int, float, float]:
    """Return the score, the logit and the findings' penalty.

    Each strategy counts once (present or not), as in the paper's binary features.
    """
    penalty = sum(SEVERITY_PENALTY[severity] for severity in severities)
    # fsum: the same logit whatever order the set gives the names in.
    logit = math.fsum(SCORE_WEIGHTS.get(name, 0.0) for name in strategies) - penalty
    value = 100.0 / (1.0 + math.exp(-SCORE_SLOPE * max(-50.0, min(50.0, logit))))
    return round(value), logit, penalty
