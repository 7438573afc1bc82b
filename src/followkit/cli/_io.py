"""Reading input and writing output for the command line (not public).

Outputs are written atomically: into a temporary file in the target's directory, flushed
to disk, then renamed over the target with :func:`os.replace`, so a crash, a full disk or
an interrupt never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from followkit._io import decode as _decode
from followkit._io import read_limited as _read_limited
from followkit.errors import FollowkitError, InputFileError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from followkit.files import FileFormat
    from followkit.model import Application

STDIO = "-"
STDIN_NAME = "<stdin>"


class UsageError(FollowkitError):
    """A combination of options that cannot work together (exit status 2)."""


class OutputError(FollowkitError):
    """An output file cannot be written; the message names it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")


def source_name(path: str) -> str:
    """Return the name used for *path* in messages (``<stdin>`` for ``-``)."""
    return STDIN_NAME if path == STDIO else path


def read_bytes(path: str) -> bytes:
    """Read a file (or standard input for ``-``), refusing anything huge.

    Raises:
        InputFileError: If the file cannot be read or is too large.
    """
    if path == STDIO:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text-only stream, as some embedding environments provide
            return sys.stdin.read().encode("utf-8", "surrogateescape")
        return _read_limited(stream, STDIN_NAME)
    try:
        handle = Path(path).open("rb")  # noqa: SIM115  (closed below)
    except IsADirectoryError:
        raise InputFileError("is a directory, not a file", source=path) from None
    except OSError as exc:
        raise InputFileError(_reason(exc), source=path) from None
    except ValueError:  # a NUL or a lone surrogate in the name
        raise InputFileError("is not a valid file name", source=ascii(path)) from None
    with handle:
        return _read_limited(handle, path)


#: How the library's error about an unknown CSV column begins.
_UNKNOWN_COLUMN = "is not a followkit column"


def read_applications(
    path: str, file_format: FileFormat, *, ignore_unknown: bool
) -> list[tuple[Application, int | None, str]]:
    """Read the applications in *path* with their rows; errors name the file, row and field.

    Raises:
        InputFileError: If the file is bad; an unknown CSV column's error names the
            ``--ignore-unknown-columns`` flag that skips it.
    """
    from followkit.files import _located_applications  # noqa: PLC0415  (shared, not public)

    try:
        return _located_applications(
            read_bytes(path),
            file_format=file_format,
            source=source_name(path),
            unknown_columns="ignore" if ignore_unknown else "error",
        )
    except InputFileError as exc:
        if not exc.reason.startswith(_UNKNOWN_COLUMN):
            raise
        raise InputFileError(
            f"{_UNKNOWN_COLUMN} (see the file-format documentation for the columns, or "
            "pass --ignore-unknown-columns to skip the columns followkit does not know)",
            source=exc.source,
            row=exc.row,
            row_label=exc.row_label,
            field=exc.field,
        ) from None


def read_text(path: str) -> str:
    """Read a UTF-8 text file (or standard input for ``-``).

    Raises:
        InputFileError: If the file cannot be read, is too large or is not UTF-8.
    """
    return _decode(read_bytes(path), source_name(path))


def write_stdout(data: str | bytes) -> None:
    """Write text or bytes to standard output."""
    if isinstance(data, str):
        sys.stdout.write(data)
        sys.stdout.flush()
        return
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        buffer.write(data)
        buffer.flush()


def atomic_write(path: str, data: str | bytes) -> None:
    """Replace *path* with *data* atomically (text is written as UTF-8).

    An existing file keeps its permission bits; a new file gets the usual ``0o666`` less
    the process umask.

    Raises:
        OutputError: If the directory does not exist or cannot be written.
    """
    import tempfile  # noqa: PLC0415  (deferred: only writing commands need it)

    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(path)
    directory = target.parent
    try:
        mode = target.stat().st_mode & 0o7777
    except ValueError:  # a NUL or a lone surrogate in the name
        raise OutputError(ascii(path), "is not a valid file name") from None
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    except OSError as exc:
        raise OutputError(path, _reason(exc)) from None
    if target.is_dir():
        raise OutputError(path, "is a directory; give a file name")
    try:
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115  (closed below, then renamed)
            dir=directory, prefix=f".{target.name}.", suffix=".tmp", delete=False
        )
    except OSError as exc:
        raise OutputError(path, f"cannot write here: {_reason(exc)}") from None
    try:
        with handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)  # noqa: PTH101  (a str path, as tempfile gives)
        os.replace(handle.name, target)  # noqa: PTH105  (the atomic rename, spelt plainly)
    except BaseException as exc:
        Path(handle.name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(path, f"cannot write: {_reason(exc)}") from None
        raise


def refuse_overwriting_inputs(output: str | None, inputs: list[str]) -> None:
    """Raise :class:`UsageError` if *output* names one of the *inputs*.

    ``followkit check draft.txt -o draft.txt`` would replace the draft with the report.
    """
    if output is None or output == STDIO:
        return
    for name in inputs:
        if name == STDIO:
            continue
        try:
            same = Path(output).samefile(name)
        except (OSError, ValueError):
            same = False
        if same:
            raise UsageError(f"-o {output}: would overwrite the input {name}")


def write_output(path: str | None, data: str | bytes) -> None:
    """Write to *path* atomically, or to standard output for ``None`` or ``-``."""
    if path is None or path == STDIO:
        write_stdout(data)
    else:
        atomic_write(path, data)


def _umask() -> int:
    # os.umask can only be read by setting it; set it back at once. The command line is
    # single-threaded, so nothing observes the temporary value.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc)
    return text[:1].lower() + text[1:]
