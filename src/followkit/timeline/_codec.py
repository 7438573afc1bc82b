"""Reading a timeline back from :meth:`Timeline.as_dict` data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from followkit import _validate as v
from followkit.errors import InvalidInputError
from followkit.model import Application
from followkit.timeline._events import event_from_dict
from followkit.timeline._policy import Action, Condition, Policy, Status
from followkit.timeline._step import Step, canonical_id

if TYPE_CHECKING:
    from followkit.messages import Message
    from followkit.timeline._timeline import Timeline

__all__ = ["timeline_from_dict"]

T = TypeVar("T")
_MAX_STEPS = 500
_TOP = {"format", "application", "policy", "now", "drafts", "events", "steps"}
_STEP = {
    "id", "action", "audience", "due", "window_end", "timezone", "condition", "status",
    "sequence", "done_at", "checklist", "message",
}  # fmt: skip


def _need(data: Mapping[str, Any], key: str, path: str) -> Any:
    if key not in data:
        raise InvalidInputError("is missing", field=f"{path}{key}")
    return data[key]


def _datetime(value: object, field: str, zone: object = None) -> dt.datetime:
    if not isinstance(value, str):
        raise InvalidInputError("must be an ISO 8601 date-time string", field=field)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise InvalidInputError(f"{value!r} is not an ISO 8601 date-time", field=field) from None
    parsed = v.aware_datetime(parsed, field)
    if zone is not None:
        parsed = parsed.astimezone(v.zone(zone, field))
    return parsed


def _enum(cls: type[T], value: object, field: str) -> T:
    try:
        return cls(value)  # type: ignore[call-arg]
    except ValueError:
        choices = ", ".join(item.value for item in cls)  # type: ignore[attr-defined]
        raise InvalidInputError(f"{value!r} is not one of: {choices}", field=field) from None


def _step(app: Application, data: object, path: str) -> Step:
    if not isinstance(data, Mapping):
        raise InvalidInputError("must be a mapping", field=path)
    for key in data:
        if key not in _STEP:
            raise InvalidInputError("unknown field", field=f"{path}.{key}")
    prefix = f"{path}."
    action = _enum(Action, _need(data, "action", prefix), f"{path}.action")
    zone = data.get("timezone")
    due = _datetime(_need(data, "due", prefix), f"{path}.due", zone)
    sequence = data.get("sequence", 0)
    if isinstance(sequence, bool) or not isinstance(sequence, int) or sequence < 0:
        raise InvalidInputError("must be a non-negative int", field=f"{path}.sequence")
    items = data.get("checklist", [])
    if not isinstance(items, list):
        raise InvalidInputError("must be a list of strings", field=f"{path}.checklist")
    done_at = data.get("done_at")
    message = data.get("message")
    return Step(
        # Ids and actions of earlier releases are read as today's (see Step).
        id=canonical_id(v.clean_text(_need(data, "id", prefix), f"{path}.id", max_length=64))[0],
        action=action,
        audience=app.contact if action.is_outreach else app.candidate,
        due=due,
        window_end=_datetime(_need(data, "window_end", prefix), f"{path}.window_end", zone),
        condition=_enum(Condition, data.get("condition", "always"), f"{path}.condition"),
        status=_enum(Status, data.get("status", "planned"), f"{path}.status"),
        checklist=tuple(
            v.clean_text(item, f"{path}.checklist[{index}]", max_length=500)
            for index, item in enumerate(items)
        ),
        sequence=sequence,
        done_at=None if done_at is None else _datetime(done_at, f"{path}.done_at"),
        message=None if message is None else _message(message, f"{path}.message"),
    )


def _message(data: object, path: str) -> Message:
    """Rebuild a draft from :meth:`Message.as_dict` data through its validating constructor."""
    from followkit.messages import Message  # noqa: PLC0415
    from followkit.model import Contact, Person  # noqa: PLC0415

    if not isinstance(data, Mapping):
        raise InvalidInputError("must be a mapping", field=path)
    known = {
        *("kind", "channel", "locale", "sender", "to", "subject", "body", "in_reply_to"),
        "names",
    }
    for key in data:
        if key not in known:
            raise InvalidInputError("unknown field", field=f"{path}.{key}")
    prefix = f"{path}."
    try:
        return Message(
            kind=_need(data, "kind", prefix),
            channel=_need(data, "channel", prefix),
            locale=_need(data, "locale", prefix),
            sender=Person.from_dict(_need(data, "sender", prefix), path=f"{path}.sender"),
            to=Contact.from_dict(_need(data, "to", prefix), path=f"{path}.to"),
            subject=data.get("subject"),
            body=_need(data, "body", prefix),
            in_reply_to=data.get("in_reply_to"),
            names=data.get("names") or (),
        )
    except InvalidInputError as exc:
        if exc.field is not None and exc.field.startswith(path):
            raise
        raise exc.at(path) from None


def timeline_from_dict(cls: type[Timeline], data: Mapping[str, Any]) -> Timeline:
    """Build a :class:`Timeline` from :meth:`Timeline.as_dict` data."""
    if not isinstance(data, Mapping):
        raise InvalidInputError(f"a timeline must be a mapping, not {type(data).__name__}")
    for key in data:
        if key not in _TOP:
            raise InvalidInputError("unknown field", field=str(key))
    if data.get("format", 1) != 1:
        raise InvalidInputError(f"format {data['format']!r} is not supported", field="format")
    app = Application.from_dict(_need(data, "application", ""))
    policy = Policy.from_dict(data.get("policy", {}))
    now = _datetime(_need(data, "now", ""), "now")
    drafts = data.get("drafts", True)
    if not isinstance(drafts, bool):
        raise InvalidInputError("must be a bool", field="drafts")
    raw_events = data.get("events", [])
    raw_steps = _need(data, "steps", "")
    if not isinstance(raw_events, list):
        raise InvalidInputError("must be a list", field="events")
    if not isinstance(raw_steps, list) or len(raw_steps) > _MAX_STEPS:
        raise InvalidInputError(f"must be a list of at most {_MAX_STEPS} steps", field="steps")
    events = tuple(event_from_dict(item, f"events[{i}]") for i, item in enumerate(raw_events))
    steps = [_step(app, item, f"steps[{i}]") for i, item in enumerate(raw_steps)]
    ids = [step.id for step in steps]
    if len(set(ids)) != len(ids):
        raise InvalidInputError("has duplicate step ids", field="steps")
    return cls(
        application=app,
        policy=policy,
        now=now,
        steps=tuple(steps),
        events=events,
        drafts=drafts,
    )
