"""``followkit feedback`` (not public): read feedback files and what recurs across them.

Each file holds one piece of feedback (an e-mail body, notes from a call). The report
gives per file the areas to improve (id, kind and the quoted words), the strengths, the
constraints and, for vague feedback, the question to ask back; with several files, the
areas that recur, with the dates they came up.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING, Any

import attrs

from followkit.cli._io import (
    STDIO,
    UsageError,
    read_text,
    refuse_overwriting_inputs,
    source_name,
    write_output,
)
from followkit.errors import InputFileError, InvalidInputError

if TYPE_CHECKING:
    import argparse

    from followkit.feedback import ConstraintMention, Feedback, Mention, Recurrence, Summary

#: How many characters of a quoted span the text report shows.
QUOTE_WIDTH = 80


@attrs.frozen(kw_only=True)
class Read:
    """One feedback file, read: its name, where its date came from, the reading."""

    path: str
    dated: str  # "--date", "modified" (the file's modification time) or "unknown"
    feedback: Feedback
    question: str | None  # the question to ask back, in the feedback's language

    def as_dict(self) -> dict[str, Any]:
        """Return the file's reading as JSON-ready data."""
        return {
            "path": self.path,
            "date_source": self.dated,
            **self.feedback.as_dict(),
            "question_text": self.question,
        }


def parse_date(value: str) -> dt.date:
    """Return a ``--date`` value as a date.

    Raises:
        UsageError: If it is not an ISO 8601 date.
    """
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            f"--date: {value!r} is not an ISO 8601 date such as '2026-09-02'"
        ) from None


def _dates(paths: list[str], given: list[str] | None) -> list[tuple[dt.date | None, str]]:
    """Return each file's date and its source: ``--date`` in order, or the modification day."""
    if given:
        if len(given) != len(paths):
            raise UsageError(
                f"--date: give one date per file, in the order of the files "
                f"({len(paths)} {'file' if len(paths) == 1 else 'files'}, "
                f"{len(given)} {'date' if len(given) == 1 else 'dates'}), or none to use "
                "each file's modification date"
            )
        return [(parse_date(value), "--date") for value in given]
    dates: list[tuple[dt.date | None, str]] = []
    for path in paths:
        if path == STDIO:
            dates.append((None, "unknown"))
            continue
        try:
            modified = os.stat(path).st_mtime  # noqa: PTH116  (read just before)
        except OSError as exc:
            raise InputFileError(exc.strerror or "cannot be read", source=path) from None
        dates.append((dt.date.fromtimestamp(modified), "modified"))  # noqa: DTZ012  (local day)
    return dates


def _locale(value: str) -> str:
    from followkit import feedback  # noqa: PLC0415

    if value == "auto":
        return value
    try:
        return feedback.read("", locale=value).locale
    except InvalidInputError as exc:
        raise UsageError(
            f"--locale: {exc.reason} (use {', '.join(feedback.LOCALES)}, a regional variant, "
            "or auto)"
        ) from None


def read_files(paths: list[str], dates: list[str] | None, locale: str) -> list[Read]:
    """Read every feedback file; an error names the file.

    Raises:
        InputFileError: If a file cannot be read, is empty or is too long.
        UsageError: If an option is wrong.
    """
    from followkit import feedback  # noqa: PLC0415
    from followkit.messages._i18n import translations  # noqa: PLC0415  (the questions' texts)

    language = _locale(locale)
    results: list[Read] = []
    for path, (day, dated) in zip(paths, _dates(paths, dates), strict=True):
        text = read_text(path)
        if not text.strip():
            raise InputFileError("is empty; there is no feedback to read", source=source_name(path))
        try:
            note = feedback.read(text, locale=language, date=day)
        except InvalidInputError as exc:  # such as a text over the reader's size limit
            raise InputFileError(exc.reason, source=source_name(path)) from None
        question = None
        if note.question is not None:
            question = translations(note.locale).gettext(note.question.text)
        results.append(Read(path=source_name(path), dated=dated, feedback=note, question=question))
    return results


def run_feedback(args: argparse.Namespace) -> int:
    """Read feedback files (or stdin) and report what each says and what recurs."""
    from followkit import feedback  # noqa: PLC0415

    paths: list[str] = args.files or [STDIO]
    if paths.count(STDIO) > 1:
        raise UsageError("standard input ('-') can be read only once")
    refuse_overwriting_inputs(args.output, paths)
    results = read_files(paths, args.date, args.locale)
    summary = feedback.summarize(item.feedback for item in results)
    if args.format == "json":
        import json  # noqa: PLC0415

        document = {"files": [item.as_dict() for item in results], "summary": summary.as_dict()}
        write_output(args.output, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    else:
        write_output(args.output, render(results, summary))
    return 0


def _quote(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) > QUOTE_WIDTH:
        flat = flat[: QUOTE_WIDTH - 1].rstrip() + "…"
    return f"“{flat}”"


def _mention(item: Mention) -> str:
    kind = item.kind if item.tool is None else f"{item.kind}, {item.tool}"
    return f"    {item.area} ({kind}): {_quote(item.text)}"


def _constraint(item: ConstraintMention) -> str:
    return f"    {item.constraint}: {_quote(item.text)}"


def _one(item: Read) -> list[str]:
    note = item.feedback
    day = "no date" if note.date is None else f"{note.date.isoformat()}, {_SOURCE[item.dated]}"
    lines = [f"{item.path} ({note.locale}, {day})"]
    for title, entries in (
        ("areas to improve", [_mention(m) for m in note.areas]),
        ("strengths", [_mention(m) for m in note.strengths]),
        ("constraints (outside your control)", [_constraint(c) for c in note.constraints]),
    ):
        if entries:
            lines.append(f"  {title}:")
            lines.extend(entries)
        else:
            lines.append(f"  {title}: none")
    if note.vague:
        lines.append(f"  vague: yes; ask back: {item.question}")
    else:
        lines.append("  vague: no")
    return lines


_SOURCE = {"--date": "--date", "modified": "file modified", "unknown": "unknown"}


def _recurrence(item: Recurrence) -> str:
    tools = f" ({', '.join(item.tools)})" if item.tools else ""
    dates = ", ".join(day.isoformat() for day in item.dates)
    return f"  {item.id}{tools}: {item.count} of {item.total}" + (f" — {dates}" if dates else "")


def _summary(summary: Summary) -> list[str]:
    span = ""
    if summary.first is not None and summary.last is not None:
        span = f", {summary.first.isoformat()} to {summary.last.isoformat()}"
    lines = [f"across {summary.total} pieces of feedback{span}:"]
    recurring = summary.recurring(2)
    once = [item.id for item in summary.areas if item.count < 2]
    lines.append("recurring areas to improve:" if recurring else "recurring areas to improve: none")
    lines.extend(_recurrence(item) for item in recurring)
    if once:
        lines.append(f"named once: {', '.join(once)}")
    if summary.strengths:
        lines.append("strengths:")
        lines.extend(_recurrence(item) for item in summary.strengths)
    if summary.constraints:
        lines.append("constraints (outside your control):")
        lines.extend(_recurrence(item) for item in summary.constraints)
    lines.append(f"vague: {summary.vague} of {summary.total}")
    return lines


def render(results: list[Read], summary: Summary) -> str:
    """Return the text report: each file, then (with several) what recurs."""
    blocks = ["\n".join(_one(item)) for item in results]
    if len(results) > 1:
        blocks.append("\n".join(_summary(summary)))
    return "\n\n".join(blocks) + "\n"
