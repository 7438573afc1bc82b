"""What the tone checker returns: findings, the politeness profile and the report.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import attrs

if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["Finding", "LocaleSource", "Part", "Profile", "Report", "StrategyHit"]

Part = Literal["subject", "body"]

#: How a report's locale was chosen (see :attr:`Report.locale_source`).
LocaleSource = Literal["given", "message", "default", "detected", "fallback"]

#: Severities from the most to the least severe.
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


@attrs.frozen(kw_only=True)
class Finding:
    """One problem the checker found.

    Attributes:
        rule_id: Stable dotted id such as ``demanding.ultimatum``.
        category: The first segment of the id.
        severity: ``"error"``, ``"warning"`` or ``"info"``.
        start: Offset of the first character in the checked part.
        end: Offset after the last character (``start == end`` for findings about
            something missing, such as a greeting).
        line: 1-based line of *start*.
        column: 1-based column of *start* (in characters).
        text: The matched text.
        message: Why it hurts a follow-up.
        suggestion: A courteous rewrite, or ``None``.
        fixable: Whether :meth:`Report.fixed` replaces the match with the suggestion.
        part: ``"body"`` (also for plain text) or ``"subject"`` of a message.

    .. versionadded:: 0.1.0
    """

    rule_id: str
    category: str
    severity: Literal["error", "warning", "info"]
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestion: str | None = None
    fixable: bool = False
    part: Part = "body"

    def as_dict(self) -> dict[str, Any]:
        """Return the finding as JSON-ready data."""
        return attrs.asdict(self)


class StrategyHit(NamedTuple):
    """One use of a politeness strategy, with its span.

    A named tuple rather than an attrs class: a long text has tens of thousands of these,
    and a tuple is several times cheaper to create; it is just as immutable.

    Attributes:
        strategy: The strategy's name, such as ``gratitude`` or ``direct_question``.
        start: Offset of the first character.
        end: Offset after the last character.
        text: The text that shows the strategy.
        part: ``"body"`` or ``"subject"``.

    .. versionadded:: 0.1.0
    """

    strategy: str
    start: int
    end: int
    text: str
    part: Part = "body"


@attrs.frozen(kw_only=True)
class Profile:
    """Which politeness strategies a text uses (Danescu-Niculescu-Mizil et al. 2013).

    Attributes:
        hits: Every strategy use, ordered by position (then strategy and end).
        weights: The weight each strategy contributes to the score when present.
        findings_penalty: What the findings take away from the score's logit.
        logit: The sum that the score is the logistic function of.

    .. versionadded:: 0.1.0
    """

    hits: tuple[StrategyHit, ...] = ()
    weights: Mapping[str, float] = attrs.field(factory=dict)
    findings_penalty: float = 0.0
    logit: float = 0.0

    @property
    def counts(self) -> dict[str, int]:
        """Strategy name -> number of uses, for the strategies that occur."""
        counts: dict[str, int] = {}
        for hit in self.hits:
            counts[hit.strategy] = counts.get(hit.strategy, 0) + 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        """Return the profile as JSON-ready data."""
        return {
            "counts": self.counts,
            "hits": [hit._asdict() for hit in self.hits],
            "findings_penalty": self.findings_penalty,
            "logit": self.logit,
        }


@attrs.frozen(kw_only=True)
class Report:
    """The result of checking a text or a message.

    Attributes:
        text: The checked text (a message's body).
        subject: A message's subject, or ``None`` for plain text.
        locale: The locale whose rules were used.
        findings: The findings, ordered by part (subject first), position and severity.
        profile: The politeness-strategy profile.
        score: Courtesy from 0 (hostile) to 100 (very courteous); 50 is neutral.
        intent: What the learned intent layer reads: ``"discourteous"``, the probability
            that the message is discourteous (that of its most discourteous sentence), then
            each category's probability. Empty when the layer is switched off or the locale
            has no model.
        locale_source: How *locale* was chosen: ``"given"`` by the caller, ``"message"``
            (the message's own locale), ``"default"`` (English, for a plain text with no
            locale named), ``"detected"`` from the text by ``locale="auto"``, or
            ``"fallback"`` when ``"auto"`` could not tell the text's language.
        warnings: Notes about the check itself, not the text's tone: the text confidently
            reads as another language than the one whose rules were used.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``intent``.
    .. versionchanged:: 0.2.0 ``locale_source`` and ``warnings``.
    """

    text: str
    subject: str | None
    locale: str
    findings: tuple[Finding, ...]
    profile: Profile
    score: int
    intent: Mapping[str, float] = attrs.field(factory=dict)
    locale_source: LocaleSource = "given"
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether there is no finding with severity error or warning."""
        return not any(f.severity in {"error", "warning"} for f in self.findings)

    def as_dict(self) -> dict[str, Any]:
        """Return the report as JSON-ready data."""
        return {
            "locale": self.locale,
            "locale_source": self.locale_source,
            "warnings": list(self.warnings),
            "ok": self.ok,
            "score": self.score,
            "findings": [finding.as_dict() for finding in self.findings],
            "profile": self.profile.as_dict(),
            "intent": dict(self.intent),
        }

    def format(self) -> str:
        """Return the findings for people: each under its line, marked with carets.

        Returns:
            One block per finding, like a compiler's diagnostics, and a summary line.
        """
        blocks = []
        for finding in self.findings:
            source = (self.subject if finding.part == "subject" else self.text) or ""
            where = f"{finding.part}:" if self.subject is not None else ""
            head = (
                f"{where}{finding.line}:{finding.column}: {finding.severity}: "
                f"{finding.message} [{finding.rule_id}]"
            )
            line = _line_of(source, finding.start)
            column = finding.start - line[0]
            text = source[line[0] : line[1]]
            block = [head, f"    {text}", f"    {carets(text, column, finding.end - line[0])}"]
            if column < 0:  # pragma: no cover - a finding always lies inside its text
                block.pop()
            if finding.suggestion:
                block.append(f"    suggestion: {finding.suggestion}")
            blocks.append("\n".join(block))
        counts = dict.fromkeys(SEVERITY_RANK, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        summary = (
            f"{counts['error']} error(s), {counts['warning']} warning(s), "
            f"{counts['info']} note(s); courtesy score {self.score}/100"
        )
        return "\n\n".join([*blocks, summary])

    def fixed(self, part: Part = "body") -> str:
        """Return the text with every safe rewrite applied.

        Findings whose rule marks the suggestion as a drop-in replacement are replaced,
        right to left and never overlapping, keeping whether the first letter was a
        capital. The result checks clean for those rules.

        Args:
            part: ``"body"`` (the text) or ``"subject"`` of a message.

        Returns:
            The rewritten text.
        """
        text = self.subject if part == "subject" else self.text
        if text is None:
            return ""
        chosen: list[Finding] = []
        for finding in sorted(self.findings, key=lambda f: (f.start, -f.end)):
            if (
                finding.part == part
                and finding.fixable
                and finding.suggestion
                and finding.end > finding.start
                and (not chosen or finding.start >= chosen[-1].end)
            ):
                chosen.append(finding)
        edits: list[tuple[int, int, str]] = []
        for finding in chosen:
            opening = text[: finding.start].rstrip()[-1:] in {"", ".", "!", "?", "\n", ":"}
            replacement = _match_case(finding.text, str(finding.suggestion), opening=opening)
            if edits:
                _start, end, previous = edits[-1]
                gap = text[end : finding.start]
                if not gap.strip() and previous.lower().endswith(replacement.lower()):
                    # "respond immediately ASAP": the first rewrite already says it.
                    edits.append((end, finding.end, ""))
                    continue
            edits.append((finding.start, finding.end, replacement))
        for start, end, replacement in reversed(edits):
            text = text[:start] + replacement + text[end:]
        return text


def _match_case(original: str, replacement: str, *, opening: bool) -> str:
    """Give *replacement* the capital (or not) that *original* had in its place.

    A capital stays if the match opened a sentence or started with a capitalised word; an
    acronym in mid-sentence ("reply ASAP") does not make the rewrite start with a capital.
    """
    first_word = original.split(" ", 1)[0]
    if not replacement or not original[:1].isalpha():
        return replacement
    capital = opening or (first_word[:1].isupper() and not first_word.isupper())
    if capital:
        return replacement[0].upper() + replacement[1:]
    head = replacement.split(" ", 1)[0].split("'", 1)[0]
    if head == "I":  # "I'd" and "I" keep their capital in English
        return replacement
    return replacement[0].lower() + replacement[1:]


def _display_width(char: str) -> int:
    """Terminal columns of *char*: two for wide (CJK, emoji), none for combining marks."""
    if unicodedata.combining(char) or unicodedata.category(char) in {"Mn", "Me", "Cf"}:
        return 0
    return 2 if unicodedata.east_asian_width(char) in {"W", "F"} else 1


def carets(line: str, start: int, end: int) -> str:
    """The marker line under ``line[start:end]``: spaces (tabs kept) and at least one caret.

    Wide characters take two columns in a terminal and combining marks none, so the carets
    stand under the match however the line is written.
    """
    pad = "".join("\t" if char == "\t" else " " * _display_width(char) for char in line[:start])
    width = sum(map(_display_width, line[start : max(start, min(end, len(line)))]))
    return pad + "^" * max(1, width)


def _line_of(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\n", offset), text.find("\r", offset)) if i >= 0]
    return start, min(ends) if ends else len(text)


def sort_findings(findings: list[Finding]) -> tuple[Finding, ...]:
    """Order findings: subject first, then by position, severity and id."""
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                f.part != "subject",
                f.start,
                f.end,
                SEVERITY_RANK[f.severity],
                f.rule_id,
            ),
        )
    )
