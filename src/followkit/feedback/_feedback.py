"""What a piece of recruiter feedback says: :func:`read` and :class:`Feedback`."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from followkit.errors import InvalidInputError, UnsupportedLocaleError
from followkit.feedback._taxonomy import AreaKind, resolve_locale, taxonomy
from followkit.messages._questions import Question

if TYPE_CHECKING:
    import babel

__all__ = ["MAX_FEEDBACK", "ConstraintMention", "Feedback", "Mention", "check_date", "read"]

#: Longest feedback text :func:`read` accepts, in characters (a rejection e-mail is a few
#: thousand; the limit only stops runaway input).
MAX_FEEDBACK = 16 * 1024 * 1024


def check_date(value: object, field: str = "date") -> dt.date | None:
    """Return *value* as a date (a datetime gives its date), or ``None``.

    Raises:
        InvalidInputError: If *value* is neither a date nor ``None``.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise InvalidInputError(
        f"must be a datetime.date (or None), not {type(value).__name__}", field=field
    )


@attrs.frozen(kw_only=True)
class Mention:
    """An area the feedback names, as a gap to work on or as a strength.

    Attributes:
        area: The area's stable id (see :func:`~followkit.feedback.areas`).
        kind: The area's kind: ``technical``, ``communication``, ``experience``,
            ``preparation``, ``fit`` or ``logistics``.
        span: ``(start, end)`` character offsets of the words that name it.
        text: The text at ``span``.
        tool: For the ``technology`` area, the named tool (``"Kubernetes"``), when the
            feedback names one.

    .. versionadded:: 0.2.0
    """

    area: str
    kind: AreaKind
    span: tuple[int, int]
    text: str
    tool: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the mention as JSON-ready data."""
        return {
            "area": self.area,
            "kind": self.kind,
            "span": list(self.span),
            "text": self.text,
            "tool": self.tool,
        }


@attrs.frozen(kw_only=True)
class ConstraintMention:
    """A reason for the decision that the candidate cannot change.

    Attributes:
        constraint: ``internal-candidate``, ``role-closed``, ``budget`` or
            ``seniority-mismatch``.
        span: ``(start, end)`` character offsets of the words that say it.
        text: The text at ``span``.

    .. versionadded:: 0.2.0
    """

    constraint: str
    span: tuple[int, int]
    text: str

    def as_dict(self) -> dict[str, Any]:
        """Return the constraint mention as JSON-ready data."""
        return {"constraint": self.constraint, "span": list(self.span), "text": self.text}


@attrs.frozen(kw_only=True)
class Feedback:
    """What one piece of feedback says, as returned by :func:`read`.

    Attributes:
        locale: The locale the text was read in.
        areas: The areas to improve, one per area (per tool for ``technology``), in the
            order of the text.
        strengths: The areas praised, in the same form.
        constraints: Reasons outside the candidate's control (the role went to an
            internal candidate, was closed, lost its budget, was re-levelled).
        question: When the feedback is ``vague``, the one specific question to ask
            back (a :class:`~followkit.messages.Question`, for
            :func:`~followkit.messages.feedback_request`); otherwise ``None``.
        date: When the feedback was received, if known (see :func:`summarize`).

    .. versionadded:: 0.2.0
    """

    locale: str
    areas: tuple[Mention, ...] = ()
    strengths: tuple[Mention, ...] = ()
    constraints: tuple[ConstraintMention, ...] = ()
    question: Question | None = None
    date: dt.date | None = attrs.field(default=None, converter=check_date)

    @property
    def vague(self) -> bool:
        """Whether the feedback names no area to improve and no constraint."""
        return not self.areas and not self.constraints

    @property
    def outside_control(self) -> bool:
        """Whether the decision was (also) about something the candidate cannot change.

        A plan built from this feedback trains for ``areas`` only, never for a
        constraint.
        """
        return bool(self.constraints)

    @property
    def area_ids(self) -> tuple[str, ...]:
        """The distinct ids of ``areas``, in order."""
        return tuple(dict.fromkeys(mention.area for mention in self.areas))

    def as_dict(self) -> dict[str, Any]:
        """Return the feedback as JSON-ready data."""
        return {
            "locale": self.locale,
            "date": None if self.date is None else self.date.isoformat(),
            "vague": self.vague,
            "outside_control": self.outside_control,
            "question": None if self.question is None else self.question.name,
            "areas": [mention.as_dict() for mention in self.areas],
            "strengths": [mention.as_dict() for mention in self.strengths],
            "constraints": [mention.as_dict() for mention in self.constraints],
        }


def read(text: str, *, locale: str | babel.Locale = "en", date: dt.date | None = None) -> Feedback:
    """Read recruiter feedback: the areas to improve, the strengths and the constraints.

    Args:
        text: The feedback as received (an e-mail body, notes from a call).
        locale: The language of *text*: ``en``, ``de``, ``fr`` or ``es`` (regional variants
            such as ``de_AT`` fall back to their language), or ``"auto"`` to read it in
            the language the tone checker's :func:`~followkit.tone.guess_language`
            finds (English when the text holds no evidence of any). The locale used is
            the result's ``locale``.
        date: When the feedback was received, kept on the result for
            :func:`~followkit.feedback.summarize`.

    Returns:
        The areas and strengths with their spans, the constraints, and for vague feedback
        the specific question to ask back.

    Raises:
        InvalidInputError: If *text* is not a string or is longer than
            :data:`MAX_FEEDBACK` characters, or *date* is not a date.
        UnsupportedLocaleError: If the locale is not one feedback can be read in.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0
       ``locale="auto"``.
    """
    if not isinstance(text, str):
        raise InvalidInputError(f"must be a string, not {type(text).__name__}", field="text")
    if isinstance(locale, str) and locale == "auto":
        from followkit.tone import guess_language  # noqa: PLC0415  (the tone package is big)

        # The guess reads only the first 10,000 characters, so long text costs nothing more.
        locale = guess_language(text).language or "en"
    if len(text) > MAX_FEEDBACK:
        raise InvalidInputError(
            f"is {len(text):,} characters long; feedback may have at most {MAX_FEEDBACK:,}",
            field="text",
        )
    if locale == "auto":
        raise UnsupportedLocaleError(
            "'auto' needs a language detector, which followkit does not have yet; give the "
            "feedback's locale (en, de, fr or es)",
            field="locale",
            locale="auto",
        )
    name = resolve_locale(locale)
    from followkit.feedback._reader import matcher  # noqa: PLC0415  (compiled on first use)

    kinds = taxonomy().kinds
    gaps: dict[tuple[str, str | None], Mention] = {}
    strengths: dict[tuple[str, str | None], Mention] = {}
    limits: dict[str, ConstraintMention] = {}
    question: Question | None = None
    # Of several mentions of an area, the most direct one (then the first) is kept.
    for hit in sorted(matcher(name).read(text), key=lambda hit: (hit.rank, hit.start)):
        span = (hit.start, hit.end)
        if hit.category == "constraint":
            limits.setdefault(
                hit.key, ConstraintMention(constraint=hit.key, span=span, text=text[slice(*span)])
            )
        elif hit.category == "question":
            question = question or Question[hit.key]
        else:
            table = gaps if hit.category == "gap" else strengths
            table.setdefault(
                (hit.key, hit.tool),
                Mention(
                    area=hit.key,
                    kind=kinds[hit.key],
                    span=span,
                    text=text[slice(*span)],
                    tool=hit.tool,
                ),
            )
    feedback = Feedback(
        locale=name,
        areas=tuple(sorted(gaps.values(), key=_start)),
        strengths=tuple(sorted(strengths.values(), key=_start)),
        constraints=tuple(sorted(limits.values(), key=_start)),
        date=date,
    )
    if feedback.vague:
        return attrs.evolve(feedback, question=question or Question.AREAS_TO_IMPROVE)
    return feedback


def _start(mention: Mention | ConstraintMention) -> int:
    return mention.span[0]
