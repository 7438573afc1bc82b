"""Read applications from files: JSON, TOML, and CSV exports of spreadsheets and trackers.

The JSON and TOML forms are the data of :meth:`Application.as_dict
<followkit.Application.as_dict>`; their contract is the JSON Schema shipped in the package
(:func:`application_schema`). A CSV file has a header row and one application per row, with
the flat columns listed in :data:`CSV_COLUMNS` (see the file-format documentation for the
mapping). Every error is an :class:`~followkit.errors.InputFileError` that names the file,
the row or item, and the field or column.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Literal

import attrs

from followkit import _io
from followkit._io import decode as _decode
from followkit._io import read_limited as _read_limited
from followkit.errors import InputFileError, InvalidInputError
from followkit.model import MAX_CONTACTS, Application, Contact, Person

__all__ = [
    "CSV_COLUMNS",
    "MAX_FILE_SIZE",
    "FileFormat",
    "application_schema",
    "load_application",
    "load_applications",
    "parse_applications",
]

#: The formats followkit reads applications from.
FileFormat = Literal["json", "toml", "csv"]

#: The largest application file read, in bytes (16 MiB). That is far above any real
#: tracker export, and guards against reading a wrong or hostile huge file into memory.
MAX_FILE_SIZE = _io.MAX_BYTES

# The model's fields, read from the classes so that a field added there is read from
# every file format without a second list to keep in step.
_PERSON_FIELDS = tuple(field.name for field in attrs.fields(Person))
_CONTACT_FIELDS = tuple(field.name for field in attrs.fields(Contact))
_TOP_FIELDS = tuple(
    field.name for field in attrs.fields(Application) if field.name not in {"candidate", "contacts"}
)

#: The CSV columns, in their documented order. ``contact_*`` is the primary recipient;
#: further contacts use ``contact2_*`` up to ``contact20_*`` with the same suffixes.
CSV_COLUMNS: tuple[str, ...] = (
    *_TOP_FIELDS[:2],
    *(f"candidate_{name}" for name in _PERSON_FIELDS),
    *(f"contact_{name}" for name in _CONTACT_FIELDS),
    *_TOP_FIELDS[2:],
)
_SUFFIXES: dict[str, FileFormat] = {".json": "json", ".toml": "toml", ".csv": "csv"}
_REQUIRED_COLUMNS = ("company", "position", "candidate_name", "contact_name", "decided_at")
_CONTACT_COLUMN = re.compile(r"contact([2-9]|[1-9][0-9]+)?_([a-z_]+)")
_CONTACT_PATH = re.compile(r"contacts\[(\d+)\]\.(\w+)(.*)")
# The documented forms of dates and date-times (the schema's patterns; a test keeps them
# equal). Application.from_dict() also reads the other forms Python's fromisoformat()
# knows, but files are a contract between tools, so they are held to the documented form.
DATETIME_PATTERN = (
    r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
    r"(Z|[+-]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$"
)
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_FORMS = {
    "decided_at": (
        re.compile(DATETIME_PATTERN),
        "an ISO 8601 date-time such as '2026-11-20T15:00'",
    ),
    "interviewed_on": (re.compile(DATE_PATTERN), "an ISO 8601 date such as '2026-11-18'"),
}


def application_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of the application file format.

    It describes the data that :meth:`Application.from_dict
    <followkit.Application.from_dict>` reads and :meth:`~followkit.Application.as_dict`
    writes. The schema states the structure (fields, types, lengths, shapes); followkit
    checks the rest when it builds the application (that zones and locales exist, that
    e-mail addresses are valid, that the interview is not after the decision).

    Returns:
        A fresh copy of the schema, safe to modify.

    .. versionadded:: 0.1.0
    """
    import json  # noqa: PLC0415  (deferred, like every parser here: keeps imports cheap)
    from importlib.resources import files  # noqa: PLC0415

    text = files("followkit").joinpath("schemas", "application.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def _guess_format(source: str) -> FileFormat:
    suffix = Path(source).suffix.lower()
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    raise InputFileError(
        "cannot tell the format from the file name; name it .json, .toml or .csv, "
        "or give the format explicitly",
        source=source,
    )


def load_applications(
    path: str | os.PathLike[str],
    *,
    file_format: FileFormat | None = None,
    unknown_columns: Literal["error", "ignore"] = "error",
) -> list[Application]:
    """Read every application in a JSON, TOML or CSV file.

    A JSON file holds one application object or a list of them; a TOML file holds one
    application, or many as an ``[[applications]]`` array of tables; a CSV file has a header
    row and one application per row (empty rows are skipped).

    Args:
        path: The file to read.
        file_format: ``"json"``, ``"toml"`` or ``"csv"``; by default taken from the file
            name's extension.
        unknown_columns: What to do with CSV columns followkit does not know, such as a
            tracker's own ``status`` or ``notes``: ``"error"`` (the default, so that a
            misspelt column does not pass silently) or ``"ignore"``.

    Returns:
        The applications, in file order.

    Raises:
        InputFileError: If the file cannot be read, is not valid JSON, TOML or CSV, holds
            no application, or holds an invalid one; the message names the file, the row
            or item, and the field.

    .. versionadded:: 0.1.0
    """
    source = os.fspath(path)
    kind = file_format or _guess_format(source)
    try:
        with Path(source).open("rb") as stream:
            data = _read_limited(stream, source)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InputFileError(reason[:1].lower() + reason[1:], source=source) from None
    return parse_applications(
        data, file_format=kind, source=source, unknown_columns=unknown_columns
    )


def load_application(
    path: str | os.PathLike[str], *, file_format: FileFormat | None = None
) -> Application:
    """Read a file that holds exactly one application.

    Args:
        path: The file to read.
        file_format: ``"json"``, ``"toml"`` or ``"csv"``; by default taken from the
            extension.

    Returns:
        The application.

    Raises:
        InputFileError: As :func:`load_applications`, and if the file holds more than one.

    .. versionadded:: 0.1.0
    """
    applications = load_applications(path, file_format=file_format)
    if len(applications) > 1:
        raise InputFileError(
            f"holds {len(applications)} applications; exactly one was expected",
            source=os.fspath(path),
        )
    return applications[0]


def parse_applications(
    data: str | bytes,
    *,
    file_format: FileFormat,
    source: str = "<string>",
    unknown_columns: Literal["error", "ignore"] = "error",
) -> list[Application]:
    """Read every application in the text of a JSON, TOML or CSV document.

    Args:
        data: The document; bytes must be UTF-8.
        file_format: ``"json"``, ``"toml"`` or ``"csv"``.
        source: The name used in error messages (a file name, ``"<stdin>"``).
        unknown_columns: See :func:`load_applications`.

    Returns:
        The applications, in document order.

    Raises:
        InputFileError: If the document is invalid; the message names the source, the row
            or item, and the field.

    .. versionadded:: 0.1.0
    """
    located = _located_applications(
        data, file_format=file_format, source=source, unknown_columns=unknown_columns
    )
    return [application for application, _, _ in located]


def _located_applications(
    data: str | bytes,
    *,
    file_format: FileFormat,
    source: str,
    unknown_columns: Literal["error", "ignore"] = "error",
) -> list[tuple[Application, int | None, str]]:
    """Like :func:`parse_applications`, with each application's row and its label.

    Not public API: the command line uses the rows to name the record in errors that
    arise later, such as while planning.
    """
    if isinstance(data, bytes | bytearray):
        text = _decode(bytes(data), source)
    elif isinstance(data, str):
        # Text read with encoding="utf-8" keeps a byte-order mark as U+FEFF.
        text = data.removeprefix("\ufeff")
    else:
        raise InputFileError(f"must be str or bytes, not {type(data).__name__}", source=source)
    if file_format == "json":
        records, label = _json_records(text, source), "item"
    elif file_format == "toml":
        records, label = _toml_records(text, source), "item"
    elif file_format == "csv":
        return _csv_applications(text, source, unknown_columns=unknown_columns)
    else:
        raise InputFileError(
            f"unknown format {file_format!r} (expected json, toml or csv)", source=source
        )
    many = len(records) > 1 or isinstance(records, _Many)
    located = []
    for index, record in enumerate(records, start=1):
        row = index if many else None
        located.append((_build(record, source, row=row, row_label=label), row, label))
    return located


class _Many(list[Any]):
    """A list of records that came from a list in the file (even of length one)."""


def _build(
    record: object,
    source: str,
    *,
    row: int | None,
    row_label: str,
    field_name: Callable[[str], str] | None = None,
) -> Application:
    from followkit.model import Application  # noqa: PLC0415

    if not isinstance(record, Mapping):
        raise InputFileError(
            f"an application must be an object (a table), not {_json_type(record)}",
            source=source,
            row=row,
            row_label=row_label,
        )
    try:
        for key, (pattern, form) in _FORMS.items():
            value = record.get(key)
            if isinstance(value, str) and not pattern.fullmatch(value):
                raise InvalidInputError(f"{value!r} is not {form}", field=key)
        return Application.from_dict(record)
    except InvalidInputError as exc:
        field = exc.field
        if field is not None and field_name is not None:
            field = field_name(field)
        raise InputFileError(
            exc.reason, source=source, row=row, row_label=row_label, field=field
        ) from None


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKeyError(key)
        result[key] = value
    return result


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _json_records(text: str, source: str) -> list[Any]:
    import json  # noqa: PLC0415

    def reject_constant(name: str) -> None:
        raise InputFileError(
            f"{name} is not valid JSON (no number is expected here anyway)", source=source
        )

    try:
        document = json.loads(
            text, object_pairs_hook=_no_duplicates, parse_constant=reject_constant
        )
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"column {exc.colno}: invalid JSON: {exc.msg}",
            source=source,
            row=exc.lineno,
            row_label="line",
        ) from None
    except _DuplicateKeyError as exc:
        raise InputFileError(
            f"the key {exc.key!r} appears twice in one object", source=source
        ) from None
    except RecursionError:
        raise InputFileError(
            "is nested too deeply to be an application file", source=source
        ) from None
    except ValueError as exc:  # an integer too long to convert (over 4300 digits)
        reason = str(exc).split(";")[0]  # without the advice to change the interpreter
        raise InputFileError(f"invalid JSON: {reason}", source=source) from None
    if isinstance(document, list):
        if not document:
            raise InputFileError("holds an empty list: no application to read", source=source)
        return _Many(document)
    return [document]


def _toml_records(text: str, source: str) -> list[Any]:
    import tomllib  # noqa: PLC0415

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputFileError(f"invalid TOML: {exc}", source=source) from None
    except RecursionError:
        raise InputFileError(
            "is nested too deeply to be an application file", source=source
        ) from None
    except ValueError as exc:  # an integer too long to convert (over 4300 digits)
        reason = str(exc).split(";")[0]  # without the advice to change the interpreter
        raise InputFileError(f"invalid TOML: {reason}", source=source) from None
    if set(document) == {"applications"}:
        many = document["applications"]
        if not isinstance(many, list) or not many:
            raise InputFileError(
                "must be a non-empty array of tables ([[applications]])",
                source=source,
                field="applications",
            )
        return _Many(many)
    return [document]


# ------------------------------------------------------------------------------ CSV


def _sniff_delimiter(header: str) -> str:
    # Spreadsheets in many locales export with ";" (the comma being the decimal mark), and
    # tab-separated text is common from trackers. The header holds only column names, so
    # counting separators in it decides reliably, without csv.Sniffer's guesswork.
    counts = {delimiter: header.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def _csv_applications(
    text: str, source: str, *, unknown_columns: Literal["error", "ignore"]
) -> list[tuple[Application, int | None, str]]:
    import csv  # noqa: PLC0415

    lines = text.splitlines(keepends=True)
    if not lines or not lines[0].strip():
        raise InputFileError(
            "has no header row; the first line must name the columns, such as "
            "company,position,candidate_name,contact_name,decided_at,timezone",
            source=source,
            row=1,
        )
    reader = csv.reader(lines, delimiter=_sniff_delimiter(lines[0]), strict=True)
    row_number = 0
    applications: list[tuple[Application, int | None, str]] = []
    try:
        header = [name.strip().lower() for name in next(reader)]
        row_number = 1
        columns = _check_header(header, source, unknown_columns=unknown_columns)
        for cells in reader:
            row_number += 1
            if not any(cell.strip() for cell in cells):
                continue  # an empty spreadsheet row
            if len(cells) > len(header):
                raise InputFileError(
                    f"has {len(cells)} cells but the header names {len(header)} columns",
                    source=source,
                    row=row_number,
                )
            values = {
                name: cell.strip()
                for name, cell in zip(header, cells, strict=False)
                if name in columns and cell.strip()
            }
            applications.append((_csv_application(values, source, row_number), row_number, "row"))
    except csv.Error as exc:
        raise InputFileError(f"invalid CSV: {exc}", source=source, row=row_number + 1) from None
    if not applications:
        raise InputFileError("has a header but no application rows", source=source)
    return applications


def _check_header(
    header: list[str], source: str, *, unknown_columns: Literal["error", "ignore"]
) -> set[str]:
    seen: set[str] = set()
    known: set[str] = set()
    for name in header:
        if name in seen:
            raise InputFileError("appears twice in the header", source=source, row=1, field=name)
        seen.add(name)
        if name in CSV_COLUMNS or _contact_column(name):
            known.add(name)
        elif unknown_columns == "error":
            raise InputFileError(
                "is not a followkit column (see the file-format documentation for the "
                "columns, or ignore unknown columns)",
                source=source,
                row=1,
                field=name or "(empty column name)",
            )
    missing = [name for name in _REQUIRED_COLUMNS if name not in seen]
    if missing:
        raise InputFileError(
            f"the header lacks the required column(s) {', '.join(missing)}",
            source=source,
            row=1,
        )
    return known


def _contact_column(name: str) -> bool:
    match = _CONTACT_COLUMN.fullmatch(name)
    return match is not None and int(match[1] or 1) <= MAX_CONTACTS and match[2] in _CONTACT_FIELDS


def _csv_application(values: dict[str, str], source: str, row: int) -> Application:
    for name in _REQUIRED_COLUMNS:
        if name not in values:
            raise InputFileError("is required", source=source, row=row, field=name)
    record: dict[str, Any] = {key: values[key] for key in _TOP_FIELDS if key in values}
    record["candidate"] = {
        key: values[f"candidate_{key}"] for key in _PERSON_FIELDS if f"candidate_{key}" in values
    }
    prefixes: list[str] = []
    contacts: list[dict[str, str]] = []
    for number in range(1, MAX_CONTACTS + 1):
        prefix = "contact" if number == 1 else f"contact{number}"
        contact = {
            key: values[f"{prefix}_{key}"] for key in _CONTACT_FIELDS if f"{prefix}_{key}" in values
        }
        if contact:
            if "name" not in contact:
                raise InputFileError(
                    "is required when other contact columns are filled in",
                    source=source,
                    row=row,
                    field=f"{prefix}_name",
                )
            prefixes.append(prefix)
            contacts.append(contact)
    record["contacts"] = contacts

    def column(field: str) -> str:
        if field.startswith("candidate."):
            return "candidate_" + field.removeprefix("candidate.")
        match = _CONTACT_PATH.fullmatch(field)
        if match and int(match[1]) < len(prefixes):
            return f"{prefixes[int(match[1])]}_{match[2]}{match[3]}"
        return field

    return _build(record, source, row=row, row_label="row", field_name=column)
