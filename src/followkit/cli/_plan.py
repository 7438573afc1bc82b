"""``followkit plan`` (not public): plan the follow-ups of one application or many."""

from __future__ import annotations

import datetime as dt
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
    from followkit.model import Application
    from followkit.timeline import Timeline


def parse_now(value: str | None) -> dt.datetime:
    """Return ``--now`` as an aware datetime (the system clock when not given)."""
    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            f"--now: {value!r} is not an ISO 8601 date-time such as '2026-11-20T16:00+01:00'"
        ) from None
    if moment.tzinfo is None:
        raise UsageError(f"--now: {value!r} has no UTC offset; add one, such as '+01:00' or 'Z'")
    return moment


def _located(
    path: str, explicit: FileFormat | None, *, ignore_unknown: bool
) -> list[tuple[Application, int | None, str]]:
    from followkit.files import _guess_format  # noqa: PLC0415  (shared, not public)

    kind: FileFormat = explicit or ("json" if path == STDIO else _guess_format(path))
    return read_applications(path, kind, ignore_unknown=ignore_unknown)


def plans(args: argparse.Namespace) -> list[Timeline]:
    """Plan every application in ``--from``; errors name the file, row and field."""
    from followkit.timeline import plan  # noqa: PLC0415
    from followkit.timeline._ical import identity  # noqa: PLC0415

    now = parse_now(args.now)
    if args.locale is not None:
        from followkit.timeline._phrases import language  # noqa: PLC0415

        try:
            language(args.locale)
        except InvalidInputError as exc:
            raise UsageError(f"--locale: {exc.reason}") from None
    timelines = []
    seen: dict[str, int | None] = {}
    for application, row, label in _located(
        args.source, args.input_format, ignore_unknown=args.ignore_unknown_columns
    ):
        first = seen.setdefault(identity(application), row)
        if args.format == "ics" and first != row:
            # One calendar cannot hold the same entries (the same UIDs) twice; rows that
            # differ only in what an edit may change are the same application.
            raise InputFileError(
                f"is the same application as {label} {first}; a calendar holds each"
                " application once",
                source=source_name(args.source),
                row=row,
                row_label=label,
            )
        try:
            timelines.append(plan(application, now=now))
        except InvalidInputError as exc:
            raise InputFileError(
                exc.reason,
                source=source_name(args.source),
                row=row,
                row_label=label,
                field=exc.field,
            ) from None
    return timelines


def run_plan(args: argparse.Namespace) -> int:
    """Plan and write the timelines in the chosen format."""
    refuse_overwriting_inputs(args.output, [args.source])
    timelines = plans(args)
    output: str | bytes
    if args.format == "json":
        import json  # noqa: PLC0415

        data: Any = [timeline.as_dict() for timeline in timelines]
        document = data[0] if len(data) == 1 else data
        output = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    elif args.format == "ics":
        from followkit.timeline import calendar  # noqa: PLC0415

        output = calendar(timelines)
    else:
        output = "\n".join(timeline.describe(args.locale).rstrip() + "\n" for timeline in timelines)
    write_output(args.output, output)
    return 0
