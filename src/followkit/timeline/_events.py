"""What can happen after a plan is made: replies, feedback, sent messages, do-not-contact.

Events are plain frozen values. :meth:`Timeline.apply` turns one into a new timeline; the
rules live there (and in the planner), not in the events.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from followkit import _validate as v
from followkit.errors import InvalidInputError, UnsupportedLocaleError
from followkit.timeline._step import canonical_id

if TYPE_CHECKING:
    import babel

    from followkit.feedback import Feedback

__all__ = ["DoNotContact", "Event", "FeedbackReceived", "Reply", "Sent", "Skipped"]

#: Longest feedback text kept with an event (a long e-mail fits; a novel does not).
MAX_FEEDBACK = 20_000


def _at(instance: object, attribute: attrs.Attribute[dt.datetime], value: object) -> None:
    v.aware_datetime(value, attribute.name)


def _step_id(value: object) -> str:
    current, legacy = canonical_id(v.clean_text(value, "step_id", max_length=64))
    if legacy:
        warnings.warn(
            f"step id {value!r} is deprecated; use {current!r}",
            DeprecationWarning,
            stacklevel=3,  # the converter, attrs' __init__, the caller
        )
    return current


def _text(value: object) -> str | None:
    return v.optional_text(value, "text", max_length=MAX_FEEDBACK, multiline=True)


def _feedback_locale(value: object) -> str | None:
    """Accept ``None``, ``"auto"`` or a locale feedback can be read in; keep it as a string."""
    if value is None or value == "auto":
        return None if value is None else "auto"
    from followkit.feedback import LOCALES  # noqa: PLC0415  (phrase data stays unloaded)

    loc = v.locale(value, "locale")
    if loc.language not in LOCALES:
        raise UnsupportedLocaleError(
            f"feedback cannot be read in {loc!s} (supported: {', '.join(LOCALES)}, or 'auto')",
            field="locale",
            locale=str(loc),
            supported=LOCALES,
        )
    return str(loc)


def _kind(value: object) -> str:
    if value not in ("real", "automatic"):
        raise InvalidInputError(f"must be 'real' or 'automatic', not {value!r}", field="kind")
    return str(value)


def _returns_on(value: object) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InvalidInputError(f"{value!r} is not a date", field="returns_on")
    return value


@attrs.frozen
class Reply:
    """The contact replied.

    A real reply cancels pending nudges (they only apply when no reply came); an automatic
    (out-of-office) reply does not, but its return date moves every pending message to the
    first send slot on or after that date.

    Args:
        at: When the reply arrived (aware datetime).
        kind: ``"real"`` or ``"automatic"``.
        returns_on: For an automatic reply, the date the contact is back.

    Raises:
        InvalidInputError: If a value is not acceptable, or ``returns_on`` is given for a
            real reply.

    .. versionadded:: 0.1.0
    """

    at: dt.datetime = attrs.field(validator=_at)
    kind: Literal["real", "automatic"] = attrs.field(default="real", converter=_kind)
    returns_on: dt.date | None = attrs.field(default=None, kw_only=True, converter=_returns_on)

    def __attrs_post_init__(self) -> None:
        if self.returns_on is not None and self.kind != "automatic":
            raise InvalidInputError("is only meaningful for an automatic reply", field="returns_on")


@attrs.frozen
class FeedbackReceived:
    """The contact sent feedback.

    Adds an acknowledgement (within one business day by default) and the private training
    task; feedback is also a reply, so pending nudges are cancelled. When the text is
    given, the plan reads it with :func:`followkit.feedback.read` (see :meth:`read`): the
    acknowledgement thanks the contact for the pointer on the areas it names (or asks back
    the one question vague feedback leaves open), the training task lists each area with
    its next steps, and the reflection asks about them. Feedback that names only reasons
    outside the candidate's control gets no training task.

    Args:
        at: When the feedback arrived (aware datetime).
        text: The feedback itself.
        locale: The language of *text* (``en``, ``de``, ``fr``, ``es``, a regional variant,
            or ``"auto"`` to guess it); ``None``, the default, reads it in the
            application's language.

    Raises:
        InvalidInputError: If a value is not acceptable.
        UnsupportedLocaleError: If feedback cannot be read in *locale*.

    .. versionadded:: 0.1.0
    .. versionchanged:: 0.2.0
       The text is read for the plan's tasks and acknowledgement; the *locale* option.
    """

    at: dt.datetime = attrs.field(validator=_at)
    text: str | None = attrs.field(default=None, converter=_text)
    locale: str | None = attrs.field(default=None, kw_only=True, converter=_feedback_locale)

    def read(self, locale: str | babel.Locale = "auto") -> Feedback | None:
        """Return what the feedback says, as :func:`followkit.feedback.read` finds it.

        The areas, strengths, constraints and question are derived from the text each
        time, never stored, so an event saved by an earlier release reads the same way.

        Args:
            locale: The language to read the text in when the event has no ``locale``
                of its own (``"auto"`` guesses it).

        Returns:
            The reading, dated with the day the feedback arrived, or ``None`` when the
            event carries no text.

        Raises:
            UnsupportedLocaleError: If feedback cannot be read in *locale*.

        .. versionadded:: 0.2.0
        """
        if self.text is None:
            return None
        from followkit import feedback  # noqa: PLC0415  (phrase data loads on first use)

        return feedback.read(self.text, locale=self.locale or locale, date=self.at.date())


@attrs.frozen
class Sent:
    """The candidate sent a planned message (or did a private task).

    Marks the step done and spaces the messages that follow from the real time.

    Args:
        step_id: The step's id, such as ``"thank-you-and-feedback"`` or ``"nudge-1"``.
            An id of the first release (``"thank-you"``, ``"check-in-N"``) is
            converted to the current one, with a :class:`DeprecationWarning`.
        at: When it was sent (aware datetime).

    .. versionadded:: 0.1.0
    """

    step_id: str = attrs.field(converter=_step_id)
    at: dt.datetime = attrs.field(validator=_at)


@attrs.frozen
class Skipped:
    """The candidate decided to leave a planned step out.

    Args:
        step_id: The step's id (an earlier id is converted, as for :class:`Sent`).
        at: When they decided (aware datetime).

    .. versionadded:: 0.1.0
    """

    step_id: str = attrs.field(converter=_step_id)
    at: dt.datetime = attrs.field(validator=_at)


@attrs.frozen
class DoNotContact:
    """The contact asked not to be contacted again: all outreach is cancelled.

    Private tasks (reflection, training, engaging with public content) stay.

    Args:
        at: When they asked (aware datetime).

    .. versionadded:: 0.1.0
    """

    at: dt.datetime = attrs.field(validator=_at)


Event: TypeAlias = Reply | FeedbackReceived | Sent | Skipped | DoNotContact
_TYPES: dict[str, type[Event]] = {
    "reply": Reply,
    "feedback": FeedbackReceived,
    "sent": Sent,
    "skipped": Skipped,
    "do-not-contact": DoNotContact,
}
_NAMES = {cls: name for name, cls in _TYPES.items()}


def is_event(value: object) -> bool:
    """Return whether *value* is one of the event classes."""
    return type(value) in _NAMES


def event_as_dict(event: Event) -> dict[str, Any]:
    """Return *event* as JSON-ready data with a ``type`` key."""
    data: dict[str, Any] = {"type": _NAMES[type(event)]}
    for name, value in attrs.asdict(event, recurse=False).items():
        if value is None:
            continue
        data[name] = value.isoformat() if isinstance(value, dt.date) else value
    return data


def event_from_dict(data: object, path: str) -> Event:
    """Read an event written by :func:`event_as_dict`."""
    if not isinstance(data, Mapping):
        raise InvalidInputError("must be a mapping", field=path)
    fields = dict(data)
    cls = _TYPES.get(str(fields.pop("type", "")))
    if cls is None:
        raise InvalidInputError(f"'type' must be one of: {', '.join(_TYPES)}", field=f"{path}.type")
    known = {field.name for field in attrs.fields(cls)}
    for key in fields:
        if key not in known:
            raise InvalidInputError(f"unknown field for {cls.__name__}", field=f"{path}.{key}")
    if isinstance(fields.get("step_id"), str):
        # A file written by an earlier release: its ids are read without a warning.
        fields["step_id"] = canonical_id(fields["step_id"])[0]
    if isinstance(fields.get("at"), str):
        try:
            fields["at"] = dt.datetime.fromisoformat(fields["at"])
        except ValueError:
            raise InvalidInputError("is not an ISO 8601 date-time", field=f"{path}.at") from None
    try:
        return cls(**fields)
    except InvalidInputError as exc:
        raise exc.at(path) from None
    except TypeError as exc:
        raise InvalidInputError(str(exc), field=path) from None
