"""followkit: follow-up etiquette primitives for candidates who did not get the job.

The public names are re-exported here and imported on first use, so that
``import followkit`` stays cheap: babel's locale data, holidays and icalendar load only
when a feature needs them.
"""

from __future__ import annotations

import importlib

# Not `from typing import TYPE_CHECKING`: importing typing would double the cost of
# `import followkit`. Type checkers treat this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from followkit.errors import (
        ChannelLimitError,
        ConfigError,
        EventError,
        FollowkitError,
        InputFileError,
        InvalidEmailError,
        InvalidInputError,
        InvalidTimezoneError,
        NaiveDatetimeError,
        RuleError,
        UnknownStepError,
        UnsupportedLocaleError,
    )
    from followkit.files import load_applications
    from followkit.messages import (
        Message,
        Question,
        compose,
        connection_note,
        feedback_acknowledgement,
        feedback_request,
        nudge,
        referral_request,
        stay_connected,
        thank_you,
        thank_you_and_feedback,
    )
    from followkit.model import Application, Contact, Person
    from followkit.timeline import (
        Action,
        Condition,
        DoNotContact,
        FeedbackReceived,
        Policy,
        Reply,
        Sent,
        Skipped,
        Status,
        Step,
        Timeline,
        calendar,
        plan,
    )
    from followkit.tone import Checker, Finding, Report, check

# Public name -> module that defines it.
_EXPORTS: dict[str, str] = {
    "Action": "followkit.timeline",
    "Application": "followkit.model",
    "ChannelLimitError": "followkit.errors",
    "Checker": "followkit.tone",
    "Condition": "followkit.timeline",
    "ConfigError": "followkit.errors",
    "Contact": "followkit.model",
    "DoNotContact": "followkit.timeline",
    "EventError": "followkit.errors",
    "FeedbackReceived": "followkit.timeline",
    "Finding": "followkit.tone",
    "FollowkitError": "followkit.errors",
    "InputFileError": "followkit.errors",
    "InvalidEmailError": "followkit.errors",
    "InvalidInputError": "followkit.errors",
    "InvalidTimezoneError": "followkit.errors",
    "Message": "followkit.messages",
    "NaiveDatetimeError": "followkit.errors",
    "Person": "followkit.model",
    "Policy": "followkit.timeline",
    "Question": "followkit.messages",
    "Reply": "followkit.timeline",
    "Report": "followkit.tone",
    "RuleError": "followkit.errors",
    "Sent": "followkit.timeline",
    "Skipped": "followkit.timeline",
    "Status": "followkit.timeline",
    "Step": "followkit.timeline",
    "Timeline": "followkit.timeline",
    "UnknownStepError": "followkit.errors",
    "UnsupportedLocaleError": "followkit.errors",
    "check": "followkit.tone",
    "compose": "followkit.messages",
    "connection_note": "followkit.messages",
    "feedback_acknowledgement": "followkit.messages",
    "feedback_request": "followkit.messages",
    "load_applications": "followkit.files",
    "nudge": "followkit.messages",
    "plan": "followkit.timeline",
    "calendar": "followkit.timeline",
    "referral_request": "followkit.messages",
    "stay_connected": "followkit.messages",
    "thank_you": "followkit.messages",
    "thank_you_and_feedback": "followkit.messages",
}

__all__ = [
    "Action",
    "Application",
    "ChannelLimitError",
    "Checker",
    "Condition",
    "ConfigError",
    "Contact",
    "DoNotContact",
    "EventError",
    "FeedbackReceived",
    "Finding",
    "FollowkitError",
    "InputFileError",
    "InvalidEmailError",
    "InvalidInputError",
    "InvalidTimezoneError",
    "Message",
    "NaiveDatetimeError",
    "Person",
    "Policy",
    "Question",
    "Reply",
    "Report",
    "RuleError",
    "Sent",
    "Skipped",
    "Status",
    "Step",
    "Timeline",
    "UnknownStepError",
    "UnsupportedLocaleError",
    "__version__",
    "calendar",
    "check",
    "compose",
    "connection_note",
    "feedback_acknowledgement",
    "feedback_request",
    "load_applications",
    "nudge",
    "plan",
    "referral_request",
    "stay_connected",
    "thank_you",
    "thank_you_and_feedback",
]


_SUBMODULES = frozenset({"errors", "files", "messages", "model", "timeline", "tone"})


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        value: Any = version("followkit")
    elif name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
    elif name in _SUBMODULES:
        # `import followkit; followkit.tone.check(...)` works without importing the
        # subpackage first, as it would if __init__ imported it eagerly.
        value = importlib.import_module(f"followkit.{name}")
    else:
        raise AttributeError(f"module 'followkit' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
