"""``followkit draft`` (not public): build a message from an application file or flags."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from followkit.cli._io import (
    STDIO,
    UsageError,
    read_applications,
    refuse_overwriting_inputs,
    source_name,
    write_output,
)
from followkit.errors import InputFileError, InvalidInputError

if TYPE_CHECKING:
    import argparse

    from followkit.files import FileFormat
    from followkit.messages import Message
    from followkit.model import Application

# Flag -> the application field it sets (a path in Application.from_dict data).
FLAGS: dict[str, tuple[str, ...]] = {
    "company": ("company",),
    "position": ("position",),
    "name": ("candidate", "name"),
    "email": ("candidate", "email"),
    "profile_url": ("candidate", "profile_url"),
    "contact_name": ("contacts", "0", "name"),
    "contact_email": ("contacts", "0", "email"),
    "contact_role": ("contacts", "0", "role"),
    "decided": ("decided_at",),
    "interviewed": ("interviewed_on",),
    "timezone": ("timezone",),
    "territory": ("territory",),
    "subdivision": ("subdivision",),
    "highlight": ("highlight",),
    "reply_subject": ("reply_subject",),
    "locale": ("locale",),
}
# The error path from_dict() reports -> the flag that set it.
_FIELD_FLAG = {
    ".".join(path).replace(".0.", "[0]."): "--" + flag.replace("_", "-")
    for flag, path in FLAGS.items()
}


def _format_of(path: str, explicit: FileFormat | None) -> FileFormat:
    if explicit is not None:
        return explicit
    if path == STDIO:
        return "json"
    from followkit.files import _guess_format  # noqa: PLC0415  (shared, not public)

    return _guess_format(path)


def load_one(
    path: str, explicit: FileFormat | None, *, ignore_unknown: bool = False
) -> Application:
    """Read the single application in *path* (``-`` for stdin)."""
    source = source_name(path)
    applications = read_applications(
        path, _format_of(path, explicit), ignore_unknown=ignore_unknown
    )
    if len(applications) > 1:
        raise InputFileError(
            f"holds {len(applications)} applications; draft writes one message "
            "(use 'followkit plan' for many)",
            source=source,
        )
    return applications[0][0]


def _set(data: dict[str, Any], path: tuple[str, ...], value: str) -> None:
    target: Any = data
    for step in path[:-1]:
        if step == "0":
            if not target:
                target.append({})
            target = target[0]
        else:
            target = target.setdefault(step, [] if step == "contacts" else {})
    target[path[-1]] = value


def application(args: argparse.Namespace) -> Application:
    """Return the application given by ``--from`` and the flags (flags win).

    Raises:
        UsageError: If a flag's value is bad or a required one is missing (named).
        InputFileError: If the file is bad (named with its field).
    """
    from followkit.model import Application  # noqa: PLC0415

    given = {flag: getattr(args, flag) for flag in FLAGS if getattr(args, flag) is not None}
    if args.source is None and not given:
        raise UsageError("give an application with --from FILE, or with flags such as --company")
    if args.source is not None:
        base = load_one(args.source, args.input_format, ignore_unknown=args.ignore_unknown_columns)
        if not given:
            return base
        data = base.as_dict()
    else:
        import datetime as dt  # noqa: PLC0415

        data = {"timezone": "UTC", "decided_at": dt.datetime.now(dt.UTC).isoformat()}
    for flag, value in given.items():
        _set(data, FLAGS[flag], value)
    try:
        return Application.from_dict(data)
    except InvalidInputError as exc:
        field = exc.field or ""
        option = _FIELD_FLAG.get(field) or _CONTAINER_FLAG.get(field)
        if args.source is not None and (
            option is None or option[2:].replace("-", "_") not in given
        ):
            raise InputFileError(
                exc.reason, source=source_name(args.source), field=exc.field
            ) from None
        if field in _CONTAINER_FLAG or exc.reason == "is required":
            raise UsageError(f"{option or field} is required") from None
        raise UsageError(f"{option or field}: {exc.reason}") from None


# Whole objects that from_dict() reports as missing or incomplete -> the flag that fixes it.
_CONTAINER_FLAG = {
    "candidate": "--name",
    "contacts": "--contact-name",
    "contacts[0]": "--contact-name",
}


def _options(args: argparse.Namespace, kind: str) -> dict[str, Any]:
    options: dict[str, Any] = {}
    if args.register is not None:
        options["register"] = args.register
    if args.variant is not None:
        options["variant"] = args.variant
    if args.length is not None:
        if kind == "connection-note":
            raise UsageError("--length does not apply to connection-note (always brief)")
        options["length"] = args.length
    if args.channel is not None:
        if kind == "connection-note":
            raise UsageError("--channel does not apply to connection-note (a LinkedIn note)")
        options["channel"] = args.channel
    if args.locale is not None and args.source is not None:
        options["locale"] = args.locale
    if args.in_reply_to is not None:
        if kind == "connection-note":
            raise UsageError("--in-reply-to does not apply to connection-note (not an e-mail)")
        options["in_reply_to"] = args.in_reply_to
    for flag, (option, kinds) in _KIND_OPTIONS.items():
        value = getattr(args, flag)
        if value is None:
            continue
        if kind not in kinds:
            name = "--" + flag.replace("_", "-")
            raise UsageError(f"{name} applies to {' and '.join(kinds)}, not to {kind}")
        options[option] = _convert(flag, value)
    return options


# Flag -> (the builder's keyword, the kinds that take it).
_KIND_OPTIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "question": ("questions", ("feedback-request", "thank-you-and-feedback")),
    "update": ("update", ("stay-connected",)),
    "feedback": ("feedback_summary", ("feedback-acknowledgement",)),
    "action": ("action", ("feedback-acknowledgement",)),
    "sent_on": ("sent_on", ("nudge",)),
}


def _convert(flag: str, value: Any) -> Any:
    if flag == "question":
        from followkit.messages import Question  # noqa: PLC0415

        return [Question[name.upper().replace("-", "_")] for name in value]
    if flag == "sent_on":
        import datetime as dt  # noqa: PLC0415

        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise UsageError(
                f"--sent-on: {value!r} is not an ISO 8601 date such as '2026-11-23'"
            ) from None
    return value


def build(args: argparse.Namespace) -> Message:
    """Build the message the arguments ask for."""
    from followkit import messages  # noqa: PLC0415

    app = application(args)
    kind: str = args.kind
    builder = getattr(messages, kind.replace("-", "_"))
    options = _options(args, kind)
    try:
        if kind == "nudge":
            sent_on = options.pop("sent_on", None)
            previous = messages.thank_you_and_feedback(app, **options)
            options.pop("locale", None)
            return builder(app, previous, sent_on=sent_on, **options)  # type: ignore[no-any-return]
        return builder(app, **options)  # type: ignore[no-any-return]
    except InvalidInputError as exc:
        # Name the flag when one of the builder's options came from it.
        field = (exc.field or "").partition("[")[0]  # questions[1] -> questions
        flag = _OPTION_FLAG.get(field)
        if flag is not None and getattr(args, flag[2:].replace("-", "_")) is not None:
            raise UsageError(f"{flag}: {exc.reason}") from None
        if args.source is not None and exc.field and not isinstance(exc, InputFileError):
            # Not from a flag: from the file, such as a locale messages are not written in.
            raise InputFileError(
                exc.reason, source=source_name(args.source), field=exc.field
            ) from None
        raise


# The builders' option names -> the flags that set them.
_OPTION_FLAG = {
    "questions": "--question",
    "update": "--update",
    "feedback_summary": "--feedback",
    "action": "--action",
    "in_reply_to": "--in-reply-to",
    "locale": "--locale",
    "variant": "--variant",
}


def run_draft(args: argparse.Namespace) -> int:
    """Draft a message and write it in the chosen format."""
    refuse_overwriting_inputs(args.output, [args.source] if args.source else [])
    message = build(args)
    output: str | bytes
    if args.format == "json":
        import json  # noqa: PLC0415

        output = json.dumps(message.as_dict(), indent=2, ensure_ascii=False) + "\n"
    elif args.format in {"eml", "mailto"}:
        try:
            output = (
                message.to_email().as_bytes()
                if args.format == "eml"
                else message.to_mailto() + "\n"
            )
        except InvalidInputError as exc:
            raise UsageError(_conversion_error(args.format, exc)) from None
    else:
        output = str(message).rstrip("\n") + "\n"
    write_output(args.output, output)
    return 0


def _conversion_error(kind: str, exc: InvalidInputError) -> str:
    needs = {
        "sender.email": "your e-mail address: give --email (candidate.email in a file)",
        "to.email": "the recipient's address: give --contact-email (contacts[0].email)",
    }
    if exc.field in needs:
        return f"--format {kind} needs {needs[exc.field]}"
    return f"--format {kind}: {exc}"
