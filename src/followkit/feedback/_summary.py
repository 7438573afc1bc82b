"""Areas that recur across applications: :func:`summarize` and :class:`Summary`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from followkit.errors import InvalidInputError
from followkit.feedback._feedback import Feedback, Mention, check_date
from followkit.feedback._taxonomy import AreaKind, taxonomy

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

__all__ = ["Recurrence", "Summary", "summarize"]


@attrs.frozen(kw_only=True)
class Recurrence:
    """How often one area (or constraint) came up across the feedback summarized.

    Attributes:
        id: The area or constraint id.
        kind: The area's kind, or ``"constraint"``.
        count: In how many pieces of feedback it came up (once per piece).
        total: How many pieces were summarized.
        dates: The known dates of those pieces, oldest first (a piece without a date
            counts but adds no date).
        tools: For ``technology``, the tools named, most frequent first.

    .. versionadded:: 0.2.0
    """

    id: str
    kind: AreaKind | str
    count: int
    total: int
    dates: tuple[dt.date, ...] = ()
    tools: tuple[str, ...] = ()

    @property
    def share(self) -> float:
        """The fraction of the pieces it came up in (``count / total``)."""
        return self.count / self.total

    @property
    def last(self) -> dt.date | None:
        """The most recent date it came up, if any piece carried a date."""
        return self.dates[-1] if self.dates else None

    def as_dict(self) -> dict[str, Any]:
        """Return the recurrence as JSON-ready data."""
        return {
            "id": self.id,
            "kind": self.kind,
            "count": self.count,
            "total": self.total,
            "dates": [day.isoformat() for day in self.dates],
            "tools": list(self.tools),
        }


@attrs.frozen(kw_only=True)
class Summary:
    """What several pieces of feedback say together, as returned by :func:`summarize`.

    Attributes:
        total: How many pieces of feedback were summarized.
        areas: The areas to improve, ranked: most pieces first, then the most recent,
            then the taxonomy's order.
        strengths: The strengths, ranked the same way.
        constraints: The constraints met, ranked the same way.
        vague: How many pieces named no area and no constraint.
        first: The earliest date among the pieces, if any carried one.
        last: The latest date, if any.

    .. versionadded:: 0.2.0
    """

    total: int
    areas: tuple[Recurrence, ...] = ()
    strengths: tuple[Recurrence, ...] = ()
    constraints: tuple[Recurrence, ...] = ()
    vague: int = 0
    first: dt.date | None = None
    last: dt.date | None = None

    def recurring(self, minimum: object = 2) -> tuple[Recurrence, ...]:
        """The areas to improve that came up in at least *minimum* pieces of feedback.

        Raises:
            InvalidInputError: If *minimum* is not a positive integer.
        """
        if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 1:
            raise InvalidInputError(f"must be a positive integer, not {minimum!r}", field="minimum")
        return tuple(item for item in self.areas if item.count >= minimum)

    def as_dict(self) -> dict[str, Any]:
        """Return the summary as JSON-ready data."""
        return {
            "total": self.total,
            "vague": self.vague,
            "first": None if self.first is None else self.first.isoformat(),
            "last": None if self.last is None else self.last.isoformat(),
            "areas": [item.as_dict() for item in self.areas],
            "strengths": [item.as_dict() for item in self.strengths],
            "constraints": [item.as_dict() for item in self.constraints],
        }


def _pieces(feedbacks: object) -> list[Feedback]:
    """The feedback objects, with the dates of ``(date, Feedback)`` pairs put on them."""
    if isinstance(feedbacks, Feedback | str | bytes) or not isinstance(feedbacks, Iterable):
        raise InvalidInputError(
            "must be an iterable of Feedback objects or (date, Feedback) pairs",
            field="feedbacks",
        )
    pieces = []
    for index, item in enumerate(feedbacks):
        if isinstance(item, Feedback):
            pieces.append(item)
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Feedback):
            day = check_date(item[0], field=f"feedbacks[{index}][0]")
            pieces.append(attrs.evolve(item[1], date=day) if day else item[1])
        else:
            raise InvalidInputError(
                f"must be a Feedback or a (date, Feedback) pair, not {type(item).__name__}",
                field=f"feedbacks[{index}]",
            )
    return pieces


def _rank(
    seen: dict[str, list[Feedback]],
    kinds: dict[str, str],
    total: int,
    tools: dict[str, dict[str, int]],
) -> tuple[Recurrence, ...]:
    order = {key: index for index, key in enumerate(kinds)}
    items = [
        Recurrence(
            id=key,
            kind=kinds[key],
            count=len(pieces),
            total=total,
            dates=tuple(sorted(piece.date for piece in pieces if piece.date is not None)),
            tools=tuple(
                name
                for name, _n in sorted(tools.get(key, {}).items(), key=lambda kv: (-kv[1], kv[0]))
            ),
        )
        for key, pieces in seen.items()
    ]
    items.sort(key=lambda item: (-item.count, -_ordinal(item.last), order[item.id]))
    return tuple(items)


def _ordinal(day: dt.date | None) -> int:
    return 0 if day is None else day.toordinal()


def _collect(
    pieces: Sequence[Feedback], pick: str
) -> tuple[dict[str, list[Feedback]], dict[str, dict[str, int]]]:
    seen: dict[str, list[Feedback]] = {}
    tools: dict[str, dict[str, int]] = {}
    for piece in pieces:
        mentions: tuple[Mention, ...] = getattr(piece, pick)
        for key in dict.fromkeys(mention.area for mention in mentions):
            seen.setdefault(key, []).append(piece)
        names = {mention.tool for mention in mentions if mention.tool}
        for name in names:
            table = tools.setdefault("technology", {})
            table[name] = table.get(name, 0) + 1
    return seen, tools


def summarize(feedbacks: Iterable[Feedback | tuple[dt.date, Feedback]]) -> Summary:
    """Rank the areas that recur across several pieces of feedback.

    Args:
        feedbacks: :class:`Feedback` objects (their ``date``, if set, is
            used) or ``(date, Feedback)`` pairs (the pair's date wins).

    Returns:
        The areas, strengths and constraints with how many pieces named each and when;
        "3 of 5 rejections mention system design" is ``count=3, total=5``.

    Raises:
        InvalidInputError: If an item is neither a Feedback nor a ``(date, Feedback)``
            pair, or a date is not a date.

    .. versionadded:: 0.2.0
    """
    pieces = _pieces(feedbacks)
    known = taxonomy()
    kinds: dict[str, str] = dict(known.kinds)
    gaps, gap_tools = _collect(pieces, "areas")
    praised, praised_tools = _collect(pieces, "strengths")
    limits: dict[str, list[Feedback]] = {}
    for piece in pieces:
        for key in dict.fromkeys(mention.constraint for mention in piece.constraints):
            limits.setdefault(key, []).append(piece)
    dates = sorted(piece.date for piece in pieces if piece.date is not None)
    total = len(pieces)
    return Summary(
        total=total,
        areas=_rank(gaps, kinds, total, gap_tools),
        strengths=_rank(praised, kinds, total, praised_tools),
        constraints=_rank(limits, dict.fromkeys(known.constraints, "constraint"), total, {}),
        vague=sum(piece.vague for piece in pieces),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )
