"""Reading bytes and text from files for followkit's readers (not public).

Kept apart from :mod:`followkit.files` so that reading a text to check does not load the
model.
"""

from __future__ import annotations

from typing import Any

from followkit.errors import InputFileError

#: The most bytes read from one file or stream (16 MiB).
MAX_BYTES = 16 * 1024 * 1024


def read_limited(stream: Any, source: str, *, limit: int = MAX_BYTES) -> bytes:
    """Read at most *limit* bytes from a binary stream, refusing anything larger."""
    data: bytes = stream.read(limit + 1)
    if len(data) > limit:
        raise InputFileError(
            f"is larger than {limit // (1024 * 1024)} MiB; split it into smaller files",
            source=source,
        )
    return data


def decode(data: bytes, source: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark) or raise an error naming the file."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02X}); save it as UTF-8",
            source=source,
            row=line,
            row_label="line",
        ) from None
