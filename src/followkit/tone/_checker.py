"""The tone checker: :class:`Checker` and :func:`check`.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import unicodedata
from itertools import accumulate, compress, count, repeat
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from followkit._validate import MAX_NAMES
from followkit.errors import InvalidInputError
from followkit.tone._cache import compile_rules
from followkit.tone._code import (
    CODE_RULES,
    SCORE_WEIGHTS,
    CodeRule,
    Context,
    placed_regions,
    score,
)
from followkit.tone._config import Config
from followkit.tone._engine import PLACED
from followkit.tone._features import Sentence, sentences
from followkit.tone._features import lexicon as intent_lexicon
from followkit.tone._intent import IntentModel, Reading, model
from followkit.tone._language import MAX_CHARS, LanguageGuess, guess_language
from followkit.tone._phrases import TOKEN_RE, WORD_RE
from followkit.tone._report import (
    SEVERITY_RANK,
    Finding,
    LocaleSource,
    Part,
    Profile,
    Report,
    StrategyHit,
    sort_findings,
)
from followkit.tone._rules import (
    INTENT_CATEGORIES,
    Rule,
    Severity,
    resolve_locale,
    supported_locales,
)
from followkit.tone._text import Offsets, compose, in_context, join_lines, normalise_text

if TYPE_CHECKING:
    import babel

__all__ = ["AUTO", "MAX_TEXT", "Checkable", "Checker", "check"]

#: The locale that asks the checker to read the language from the text itself.
AUTO = "auto"

#: Longest text accepted, in characters (16 Mi): far beyond any message, small enough that
#: a check stays well under a second.
MAX_TEXT = 16 * 1024 * 1024

#: The highest courtesy score of a report that is not ok (50 is neutral).
NOT_OK_MAX_SCORE = 49

_LINE_BREAK = re.compile(r"\r\n?|\n")
_FIRST = operator.itemgetter(0)
# What NamedTuple._make calls, without its length check (the tuples are built right here).
_new = tuple.__new__


@runtime_checkable
class Checkable(Protocol):
    """Anything with a subject, a body and a locale, such as a followkit ``Message``.

    It may also have ``names``, a sequence of the proper names the text mentions, as a
    followkit ``Message`` has: the checker reports nothing that lies inside one of them.

    .. versionadded:: 0.1.0
    """

    @property
    def subject(self) -> str | None:
        """The subject line, or ``None``."""

    @property
    def body(self) -> str:
        """The text of the message."""

    @property
    def locale(self) -> object:
        """The message's locale (a string or :class:`babel.Locale`)."""


class _Lines:
    def __init__(self, text: str) -> None:
        if "\r" in text:
            self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        else:  # each line starts one past the end of the one before, summed up in C
            lengths = map(len, text.split("\n")[:-1])
            self.starts = list(accumulate(map(operator.add, lengths, repeat(1)), initial=0))

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _text(value: object, field: str) -> str:
    if not isinstance(value, str):
        raise InvalidInputError(f"must be a string, not {type(value).__name__}", field=field)
    if len(value) > MAX_TEXT:
        raise InvalidInputError(
            f"is {len(value)} characters long; at most {MAX_TEXT} are checked", field=field
        )
    return value


class Checker:
    """A compiled tone checker for one locale and configuration.

    Compiling takes a few milliseconds; checking is fast. A checker never changes after it
    is built, so one instance can be shared by any number of threads.

    Args:
        locale: A locale such as ``"en"``, ``"en_GB"`` or a :class:`babel.Locale`; regional
            locales fall back along babel's parent chain. ``"auto"`` reads the language
            from each text (:func:`~followkit.tone.guess_language`) and checks it with that
            language's rules, or with *fallback*'s when the text is too short or mixed to
            tell.
        config: What to check and how; the defaults check everything.
        fallback: The locale for texts whose language ``"auto"`` cannot tell.

    Raises:
        UnsupportedLocaleError: If the locale (or the fallback) has no tone rules.
        RuleError: If a rule file is malformed.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``locale="auto"`` and *fallback*.
    """

    def __init__(
        self,
        locale: str | babel.Locale = "en",
        config: Config | None = None,
        *,
        fallback: str | babel.Locale = "en",
    ) -> None:
        config = Config() if config is None else config
        if not isinstance(config, Config):
            raise InvalidInputError("must be a followkit.tone.Config", field="config")
        self._config = config
        self._fallback = resolve_locale(fallback)
        self._auto = isinstance(locale, str) and locale == AUTO
        # One checker per locale for "auto" (and for_locale), built when first needed. Two
        # threads may both build one; either result is the same.
        self._by_locale: dict[str, Checker] = {}
        if self._auto:
            return
        self._compiled = compile_rules(resolve_locale(locale), config)
        # What does not change from one check to the next: the active code rules with their
        # severities, and the ignored findings.
        self._code_rules = tuple(
            (rule, config.severity_of(rule.id, rule.severity))
            for rule in CODE_RULES
            if config.enabled(rule.id)
        )
        self._ignored = frozenset((item.rule_id, item.start, item.end) for item in config.ignore)
        # The learned layer, unless the configuration switches every intent finding off.
        self._language = self.locale.split("_", 1)[0]
        self._intent: IntentModel | None = None
        if any(config.enabled(f"intent.{name}") for name in INTENT_CATEGORIES):
            self._intent = model(self._language)

    @property
    def locale(self) -> str:
        """The locale whose rules this checker uses, or ``"auto"``."""
        return AUTO if self._auto else self._compiled.locale

    @property
    def fallback(self) -> str:
        """The locale for texts whose language ``"auto"`` cannot tell.

        .. versionadded:: 0.2.0
        """
        return self._fallback

    @property
    def config(self) -> Config:
        """The configuration."""
        return self._config

    @property
    def rule_ids(self) -> tuple[str, ...]:
        """The ids of every active rule, phrase rules and code rules, sorted.

        With ``"auto"``, those of every language the checker may choose.
        """
        if self._auto:
            every = {i for loc in supported_locales() for i in self.for_locale(loc).rule_ids}
            return tuple(sorted(every))
        ids = [rule.id for rule in self._compiled.rules]
        ids += [rule.id for rule in CODE_RULES if self.config.enabled(rule.id)]
        return tuple(sorted(ids))

    def for_locale(self, locale: str | babel.Locale) -> Checker:
        """Return a checker with this one's configuration for one locale.

        Args:
            locale: The locale.

        Returns:
            The checker; this one itself when it is for that locale. Each locale's checker
            is built once.

        Raises:
            UnsupportedLocaleError: If the locale has no tone rules.

        .. versionadded:: 0.2.0
        """
        name = resolve_locale(locale)
        if not self._auto and name == self.locale:
            return self
        checker = self._by_locale.get(name)
        if checker is None:
            checker = Checker(name, self._config, fallback=self._fallback)
            self._by_locale[name] = checker
        return checker

    def check(self, text: str | Checkable) -> Report:
        """Check a text, or a message's subject and body.

        Args:
            text: The text, or an object with ``subject``, ``body`` and ``locale`` (such
                as a followkit ``Message``), and optionally ``names``.

        Returns:
            The report. Its ``locale`` and ``locale_source`` say which rules were used and
            why; its ``warnings`` say when the text confidently reads as another language
            than the one it was checked in.

        Raises:
            InvalidInputError: If the text is not a string or is over ``MAX_TEXT``
                characters, or a message's ``names`` is not a sequence of at most 32
                strings.
        """
        return self._check(text, "given")

    def _check(
        self, text: str | Checkable, source: LocaleSource, guess: LanguageGuess | None = None
    ) -> Report:
        """Check *text*; *source* says how the locale was chosen, for the report."""
        body, subject, message, names = _parts(text)
        if guess is None:
            sample = body if subject is None else f"{subject}\n{body[:MAX_CHARS]}"
            guess = guess_language(sample)
        if self._auto:
            if guess.confident and guess.language is not None:
                return self.for_locale(guess.language)._check(text, "detected", guess)
            return self.for_locale(self._fallback)._check(text, "fallback", guess)
        warnings: tuple[str, ...] = ()
        if guess.confident and guess.language != self._language:
            note = f"the text reads as {guess.name} ({guess.language}), but it was checked"
            warnings = (f"{note} with the {self.locale} rules",)
        findings: list[Finding] = []
        hits: list[StrategyHit] = []
        read: list[tuple[list[Sentence], Offsets | None]] | None = (
            None if self._intent is None else []
        )
        if subject is not None:
            # A subject is a heading, not a sentence to the reader: the intent layer, trained
            # on what people write in the body, reads the body alone.
            self._check_part(subject, "subject", findings, hits, message=None, names=names)
        self._check_part(body, "body", findings, hits, message=message, names=names, intent=read)
        reading = None if not read else self._read(body, *read[0], findings)
        value, logit, penalty = score(
            {hit.strategy for hit in hits}, [finding.severity for finding in findings]
        )
        if any(finding.severity != "info" for finding in findings):
            # Not ok to send as it is: never above neutral, however polite the rest reads.
            value = min(value, NOT_OK_MAX_SCORE)
        # Subject hits come first in the list; sort each part by (start, strategy, end).
        order = operator.itemgetter(1, 0, 2)
        if subject is None:
            ordered = tuple(sorted(hits, key=order))
        else:
            subject_hits = sorted([hit for hit in hits if hit.part == "subject"], key=order)
            body_hits = sorted([hit for hit in hits if hit.part != "subject"], key=order)
            ordered = (*subject_hits, *body_hits)
        profile = Profile(
            hits=ordered,
            weights=dict(SCORE_WEIGHTS),
            findings_penalty=penalty,
            logit=logit,
        )
        return Report(
            text=body,
            subject=subject,
            locale=self.locale,
            findings=sort_findings(findings),
            profile=profile,
            score=value,
            intent=_probabilities(reading),
            locale_source=source,
            warnings=warnings,
        )

    def _sentences(self, text: str) -> list[Sentence]:
        """The intent layer's sentences of a plain text, as a check reads them.

        For training the model on exactly the features a check computes (``make model``).
        """
        read: list[tuple[list[Sentence], Offsets | None]] = []
        self._check_part(_text(text, "text"), "body", [], [], message=False, intent=read)
        return read[0][0]

    def _read(
        self,
        original: str,
        found: list[Sentence],
        offsets: Offsets | None,
        findings: list[Finding],
    ) -> Reading:
        """Read the body's sentences with the intent model; add a finding for each flagged one.

        A sentence that a tone rule already explains (one of its findings in the sentence, a
        warning or more, or as severe) gets no finding of its own: the rule's finding says
        more.
        """
        intent = self._intent
        assert intent is not None  # noqa: S101  (only called with a model)
        reading = intent.read(found)
        words_of = intent.lexicon
        config = self.config
        for flag in reading.flags:
            rule_id = f"intent.{flag.category}"
            if not config.enabled(rule_id):
                continue
            spans = [(flag.start, flag.end), *flag.evidence]
            if offsets is not None:
                spans = [offsets.span(start, end) for start, end in spans]
            (start, end), evidence = spans[0], spans[1:]
            end = start + len(original[start:end].rstrip())
            # Warnings, and errors above the model's high-confidence cut, unless the
            # configuration sets a severity of its own.
            severity: Severity = config.severity_of(rule_id, "warning")
            if severity == "warning" and flag.probability >= intent.error:
                severity = "error"
            # A tone rule's finding in the sentence already explains it, if it is a warning or
            # more (or as severe as the model's): a note alone leaves the sentence to the model.
            rank = max(SEVERITY_RANK[severity], SEVERITY_RANK["warning"])
            if (rule_id, start, end) in self._ignored or any(
                f.part == "body"
                and f.category != "message"
                and f.start < end
                and start < f.end
                and SEVERITY_RANK[f.severity] <= rank
                for f in findings
            ):
                continue
            words = ", ".join(f"'{' '.join(original[s:e].split())}'" for s, e in evidence)
            line, column = _Lines(original).position(start)
            findings.append(
                Finding(
                    rule_id=rule_id,
                    category="intent",
                    severity=severity,
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    text=original[start:end],
                    message=words_of.messages[flag.category].format(evidence=words or "…"),
                    suggestion=words_of.suggestions[flag.category],
                )
            )
        return reading

    def _check_part(  # noqa: PLR0912, PLR0913  (the part, where its results go, how to read it)
        self,
        original: str,
        part: Part,
        findings: list[Finding],
        strategies: list[StrategyHit],
        *,
        message: bool | None,
        names: tuple[str, ...] = (),
        intent: list[tuple[list[Sentence], Offsets | None]] | None = None,
    ) -> None:
        """Check one part; *message* is ``None`` for a subject line (no message rules).

        Nothing that lies inside an allowed phrase or one of the *names* is reported. The
        part's sentences for the intent layer go to *intent*, unless it is ``None``.
        """
        compiled = self._compiled
        # Decomposed accents (as macOS writes them) are composed before matching; spans are
        # mapped back to the original text only when that changed anything.
        text, offsets = compose(original)
        low = normalise_text(text, compiled.config)
        # A single line break inside a paragraph (hard-wrapped plain text) does not end a
        # phrase: the scan reads those breaks as spaces.
        flat = join_lines(low)
        hits = compiled.scan(flat, low)
        entries = compiled.entries
        # Most hits are strategy words: sort them out in C, then build the hits in one
        # comprehension.
        strategy_names = compiled.strategy_names
        payloads = list(map(_FIRST, hits))
        found = [
            _new(StrategyHit, (strategy_names[p], start, end, text[start:end], part))
            for p, start, end in compress(hits, map(strategy_names.__getitem__, payloads))
        ]
        if compiled.has_please:
            for k in compress(count(), map("please".__eq__, map(_FIRST, found))):
                if _starts_sentence(low, found[k].start):
                    found[k] = found[k]._replace(strategy="please_start")
        lexicon: dict[str, list[tuple[int, int]]] = {key: [] for key in compiled.lexicon}
        rule_hits: list[tuple[int, int, int]] = []
        allowed_spans = _name_spans(text, names)
        for payload, start, end in compress(hits, map(compiled.kinds.__getitem__, payloads)):
            kind, key, index = entries[payload]
            if kind == "lexicon":
                lexicon[key].append((start, end))
            elif kind == "rule":
                rule_hits.append((index, start, end))
            else:
                allowed_spans.append((start, end))
        allowed = _Spans(allowed_spans)
        spans = self._rule_spans(text, flat, rule_hits, allowed)
        context = Context(
            text=text,
            low=low,
            config=compiled.config,
            message=bool(message),
            lexicon={} if message is None else lexicon,
            gratitude=any(hit.strategy == "gratitude" for hit in strategies)
            or "gratitude" in {strategy_names[p] for p in set(payloads)},
        )
        if message is not None:
            self._placed(context, flat, lexicon)
        if intent is not None:
            used = [(hit.strategy, hit.start, hit.end) for hit in found]
            intent.append((sentences(text, flat, intent_lexicon(self._language), used), offsets))
        for code_rule, severity in self._code_rules:
            if message is None and code_rule.category == "message":
                continue
            spans.extend(
                (start, end, code_rule, severity)
                for start, end in code_rule.check(context)
                if not (allowed and allowed.covers(start, end))
            )
        if offsets is not None:
            found = [
                hit._replace(start=s, end=e, text=original[s:e])
                for hit in found
                for s, e in [offsets.span(hit.start, hit.end)]
            ]
            spans = [(*offsets.span(start, end), rule, sev) for start, end, rule, sev in spans]
        strategies.extend(found)
        if spans:
            self._findings(original, part, spans, findings)

    def _placed(
        self, context: Context, flat: str, lexicon: dict[str, list[tuple[int, int]]]
    ) -> None:
        """Match greetings and sign-offs only where the message rules look for them.

        The rules only ask whether there is one: the regions are read in turn until one
        holds a match.
        """
        placed = self._compiled.placed
        literal = placed.literal
        for key, regions in placed_regions(context).items():
            index = PLACED.index(key)
            for start, stop in regions:
                # Most often the first word is one ("Dear", "Best"): no scan needed then.
                first = WORD_RE.search(flat, start, stop)
                if first is not None and index in literal.get(first.group(), ()):
                    lexicon[key] = [first.span()]
                    break
                found = [(s, e) for p, s, e in placed.scan_lines(flat, start, stop) if p == index]
                if found:
                    lexicon[key] = found
                    break

    def _findings(
        self,
        original: str,
        part: Part,
        spans: list[tuple[int, int, Rule | CodeRule, Severity]],
        findings: list[Finding],
    ) -> None:
        """Turn the spans of the rules into findings (leaving out the ignored ones)."""
        compiled = self._compiled
        lines = _Lines(original)
        ignored = self._ignored
        messages = compiled.code_messages
        for start, end, rule, severity in spans:
            if ignored and (rule.id, start, end) in ignored:
                continue
            line, column = lines.position(start)
            wording, suggestion = messages.get(rule.id, (rule.message, rule.suggestion))
            matched = original[start:end]
            findings.append(
                Finding(
                    rule_id=rule.id,
                    category=rule.category,
                    severity=severity,
                    start=start,
                    end=end,
                    line=line,
                    column=column,
                    text=matched,
                    # The message is one line, even for a match across a line break.
                    message=wording.replace("{match}", " ".join(matched.split())),
                    suggestion=suggestion,
                    fixable=isinstance(rule, Rule) and rule.fix,
                    part=part,
                )
            )

    def _rule_spans(
        self,
        text: str,
        low: str,
        hits: list[tuple[int, int, int]],
        allowed: _Spans,
    ) -> list[tuple[int, int, Rule | CodeRule, Severity]]:
        """The phrase-rule matches that survive negation, mitigation, context and allow."""
        compiled = self._compiled
        raw = []
        for index, start, end in hits:
            rule = compiled.rules[index]
            if not (
                (rule.negatable and compiled.negated(low, start))
                or (rule.negatable and compiled.in_infinitive(low, start))
                or compiled.mitigated(low, index, start, end)
                or (rule.context and not in_context(text, start, end, rule.context))
                or (allowed and allowed.covers(start, end))
            ):
                raw.append((start, end, rule))
        spans: list[tuple[int, int, Rule | CodeRule, Severity]] = []
        last_end: dict[str, int] = {}
        for start, end, rule in sorted(raw, key=lambda item: (item[0], -item[1])):
            if start < last_end.get(rule.id, -1):
                continue  # the same rule again, inside its own longer match
            last_end[rule.id] = end
            spans.append((start, end, rule, rule.severity))
        return spans


def _parts(text: str | Checkable) -> tuple[str, str | None, bool, tuple[str, ...]]:
    """The body, the subject, whether it is a message, and the names, checked."""
    if isinstance(text, str):
        return _text(text, "text"), None, False, ()
    if isinstance(text, Checkable):
        body = _text(text.body, "body")
        subject = None if text.subject is None else _text(text.subject, "subject")
        return body, subject, True, _names(getattr(text, "names", ()))
    raise InvalidInputError(
        f"must be a string or a message, not {type(text).__name__}", field="text"
    )


def _probabilities(reading: Reading | None) -> dict[str, float]:
    """The report's intent probabilities, rounded for people: discourtesy, then categories."""
    if reading is None:
        return {}
    result = {"discourteous": round(reading.probability, 4)}
    result.update((name, round(value, 4)) for name, value in reading.categories.items())
    return result


def _starts_sentence(low: str, start: int) -> bool:
    for piece in reversed(TOKEN_RE.findall(low, max(0, start - 80), start)):
        return piece in ".!?;\n\r"
    return True


class _Spans:
    """Spans joined where they touch, asked in O(log n) whether they cover a span."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        joined: list[list[int]] = []
        for start, end in sorted(spans):
            if joined and start <= joined[-1][1]:
                joined[-1][1] = max(joined[-1][1], end)
            else:
                joined.append([start, end])
        self.starts = [start for start, _end in joined]
        self.ends = [end for _start, end in joined]

    def __bool__(self) -> bool:
        return bool(self.starts)

    def covers(self, start: int, end: int) -> bool:
        """Whether every character of ``[start, end)`` lies in the spans (never if empty).

        A finding about something missing (a greeting, a sign-off) has no characters: a
        name next to it does not excuse it.
        """
        index = bisect.bisect_right(self.starts, start) - 1
        return end > start and index >= 0 and self.ends[index] >= end


def _names(value: object) -> tuple[str, ...]:
    """A message's ``names``, checked, in NFC like the text they are looked for in."""
    if not isinstance(value, tuple | list) or not all(isinstance(n, str) for n in value):
        raise InvalidInputError("must be a sequence of strings", field="names")
    if len(value) > MAX_NAMES:
        raise InvalidInputError(
            f"lists {len(value)} names; at most {MAX_NAMES} are read", field="names"
        )
    return tuple(unicodedata.normalize("NFC", name) for name in value if name.strip())


#: Occurrences of one name that a check reads; a text naming a company more often than this
#: is no follow-up, and the bound keeps a hostile one from costing memory.
MAX_NAME_OCCURRENCES = 10_000


def _name_spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where the names stand in *text* as whole words, in their own case."""
    spans = []
    for name in names:
        position = text.find(name)
        for _ in range(MAX_NAME_OCCURRENCES):
            if position < 0:
                break
            end = position + len(name)
            # A whole name, not the first letters of a longer word ("Al" in "Also").
            if not (text[position - 1 : position].isalnum() or text[end : end + 1].isalnum()):
                spans.append((position, end))
            position = text.find(name, end)
    return spans


@functools.lru_cache(maxsize=32)
def _cached(locale: str, config: Config, fallback: str = "en") -> Checker:
    return Checker(locale, config, fallback=fallback)


def check(
    text: str | Checkable,
    *,
    locale: str | babel.Locale | None = None,
    config: Config | None = None,
    fallback: str | babel.Locale = "en",
) -> Report:
    """Check the tone of a text or a message before it is sent.

    Compiled checkers are cached per locale and configuration, so calling this in a loop is
    cheap; a :class:`Checker` does the same explicitly.

    Args:
        text: The text, or a message (anything with ``subject``, ``body`` and ``locale``).
        locale: The locale of the rules; defaults to the message's locale, else ``"en"``.
            ``"auto"`` reads the language from the text (see :class:`Checker`).
        config: What to check and how.
        fallback: The locale for texts whose language ``"auto"`` cannot tell.

    Returns:
        A report with the findings, the politeness profile and the courtesy score.

    Raises:
        UnsupportedLocaleError: If the locale has no tone rules.
        InvalidInputError: If the text is not a string or is too long.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0 ``locale="auto"`` and *fallback*.
    """
    chosen: object = locale
    source: LocaleSource = "given"
    if locale is None:
        chosen, source = (
            (text.locale, "message") if isinstance(text, Checkable) else ("en", "default")
        )
    if config is not None and not isinstance(config, Config):
        raise InvalidInputError("must be a followkit.tone.Config", field="config")
    name = AUTO if isinstance(chosen, str) and chosen == AUTO else resolve_locale(chosen)
    checker = _cached(name, Config() if config is None else config, resolve_locale(fallback))
    return checker._check(text, source)
