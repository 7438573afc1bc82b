"""followkit: follow-up etiquette primitives for candidates who did not get the job.

The public names are re-exported here and imported on first use, so that
``import followkit`` stays cheap: babel's locale data, holidays and icalendar load only
when a feature needs them.
"""

from __future__ import annotations

# Not `from typing import TYPE_CHECKING`: importing typing would double the cost of
# `import followkit`. Type checkers treat this name the same way.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    # The public names, each listed once, here: type checkers read these imports, and at
    # run time __getattr__ imports each name from the module named here on first use.
    from followkit.errors import ChannelLimitError as ChannelLimitError
    from followkit.errors import ConfigError as ConfigError
    from followkit.errors import EventError as EventError
    from followkit.errors import FollowkitError as FollowkitError
    from followkit.errors import InputFileError as InputFileError
    from followkit.errors import InvalidEmailError as InvalidEmailError
    from followkit.errors import InvalidInputError as InvalidInputError
    from followkit.errors import InvalidTimezoneError as InvalidTimezoneError
    from followkit.errors import NaiveDatetimeError as NaiveDatetimeError
    from followkit.errors import RuleError as RuleError
    from followkit.errors import UnknownStepError as UnknownStepError
    from followkit.errors import UnsupportedLocaleError as UnsupportedLocaleError
    from followkit.files import load_applications as load_applications
    from followkit.messages import Message as Message
    from followkit.messages import Question as Question
    from followkit.messages import compose as compose
    from followkit.messages import connection_note as connection_note
    from followkit.messages import feedback_acknowledgement as feedback_acknowledgement
    from followkit.messages import feedback_request as feedback_request
    from followkit.messages import nudge as nudge
    from followkit.messages import referral_request as referral_request
    from followkit.messages import stay_connected as stay_connected
    from followkit.messages import thank_you as thank_you
    from followkit.messages import thank_you_and_feedback as thank_you_and_feedback
    from followkit.model import Application as Application
    from followkit.model import Contact as Contact
    from followkit.model import Person as Person
    from followkit.timeline import Action as Action
    from followkit.timeline import Condition as Condition
    from followkit.timeline import DoNotContact as DoNotContact
    from followkit.timeline import FeedbackReceived as FeedbackReceived
    from followkit.timeline import Policy as Policy
    from followkit.timeline import Reply as Reply
    from followkit.timeline import Sent as Sent
    from followkit.timeline import Skipped as Skipped
    from followkit.timeline import Status as Status
    from followkit.timeline import Step as Step
    from followkit.timeline import Timeline as Timeline
    from followkit.timeline import calendar as calendar
    from followkit.timeline import plan as plan
    from followkit.tone import Checker as Checker
    from followkit.tone import Finding as Finding
    from followkit.tone import Report as Report
    from followkit.tone import check as check

    __version__: str


def _exports() -> dict[str, str]:
    """Return each public name with its module, as the imports above name them.

    The imports are read once, from this module's compiled code (which exists wherever the
    module runs, with or without its source): every name imported from a followkit module
    is public.
    """
    cached: dict[str, str] | None = globals().get("_EXPORTS")
    if cached is not None:
        return cached
    import dis  # noqa: PLC0415  (only when a public name is first used)

    loader: Any = __spec__.loader
    module = ""
    exports: dict[str, str] = {}
    for instruction in dis.get_instructions(loader.get_code(__name__)):
        if instruction.opname == "IMPORT_NAME":
            module = instruction.argval
        elif instruction.opname == "IMPORT_FROM" and module.startswith("followkit."):
            exports[instruction.argval] = module
    globals()["_EXPORTS"] = exports
    return exports


_SUBMODULES = frozenset({"errors", "files", "messages", "model", "timeline", "tone"})


def __getattr__(name: str) -> Any:
    import importlib  # noqa: PLC0415

    if name == "__version__":
        from importlib.metadata import version  # noqa: PLC0415

        value: Any = version("followkit")
    elif name == "__all__":
        value = sorted([*_exports(), "__version__"])
    elif name in _exports():
        value = getattr(importlib.import_module(_exports()[name]), name)
    elif name in _SUBMODULES:
        # `import followkit; followkit.tone.check(...)` works without importing the
        # subpackage first, as it would if __init__ imported it eagerly.
        value = importlib.import_module(f"followkit.{name}")
    else:
        raise AttributeError(f"module 'followkit' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """Return the public names only, not this module's helpers."""
    return list(__getattr__("__all__"))
