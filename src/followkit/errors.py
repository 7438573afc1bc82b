"""The exceptions followkit raises.

Every error followkit raises on purpose is a :class:`FollowkitError`, so a caller can catch
one class around any call. Errors about bad input are also :class:`ValueError`, as the
standard library would raise, and name the offending field.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

__all__ = [
    "ChannelLimitError",
    "ConfigError",
    "EventError",
    "FollowkitError",
    "InputFileError",
    "InvalidEmailError",
    "InvalidInputError",
    "InvalidTimezoneError",
    "NaiveDatetimeError",
    "RuleError",
    "UnknownStepError",
    "UnsupportedLocaleError",
]


class FollowkitError(Exception):
    """Base class of every error followkit raises on purpose.

    .. versionadded:: 0.1.0
    """


class InvalidInputError(FollowkitError, ValueError):
    """A value given to followkit is not acceptable.

    Args:
        message: What is wrong, in a sentence.
        field: The name (or dotted path, such as ``contacts[0].email``) of the offending
            field, if there is one. It prefixes the message.

    Attributes:
        field: The offending field, or ``None``.
        reason: The message without the field prefix.

    .. versionadded:: 0.1.0
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        self.field = field
        self.reason = message
        super().__init__(f"{field}: {message}" if field else message)

    def at(self, prefix: str) -> InvalidInputError:
        """Return a copy of this error whose field is nested under *prefix*.

        Used when a value is validated inside a larger structure, so that the error names
        the full path (``contacts[1].email``) rather than the inner field alone.

        Args:
            prefix: The path of the enclosing value.

        Returns:
            An error of the same class with ``field`` set to ``prefix.field``.
        """
        path = f"{prefix}.{self.field}" if self.field else prefix
        clone = self.__class__.__new__(self.__class__)
        clone.__dict__.update(self.__dict__)
        InvalidInputError.__init__(clone, self.reason, field=path)
        return clone


class InvalidEmailError(InvalidInputError):
    """An e-mail address is not valid; the message carries email-validator's reason.

    .. versionadded:: 0.1.0
    """


class InvalidTimezoneError(InvalidInputError):
    """A time zone is not a known IANA zone name (such as ``Europe/Berlin``).

    .. versionadded:: 0.1.0
    """


class NaiveDatetimeError(InvalidInputError):
    """A datetime without a time zone was given where followkit needs an aware one.

    .. versionadded:: 0.1.0
    """


class UnsupportedLocaleError(InvalidInputError):
    """A locale is unknown, or not one that a feature supports.

    Attributes:
        locale: The locale that was asked for.
        supported: The locales that would have been accepted (empty when any locale known
            to babel is accepted).

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        locale: str = "",
        supported: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message, field=field)
        self.locale = locale
        self.supported = supported


class ChannelLimitError(InvalidInputError):
    """A message does not fit its channel (a LinkedIn note over 300 characters, say).

    followkit never truncates silently; it raises this error with the numbers instead.

    Attributes:
        limit: The channel's limit.
        count: What the message measured.
        unit: What was counted (``"characters"`` or ``"words"``).

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        limit: int = 0,
        count: int = 0,
        unit: str = "characters",
    ) -> None:
        super().__init__(message, field=field)
        self.limit = limit
        self.count = count
        self.unit = unit


class RuleError(FollowkitError, ValueError):
    """A tone rule file or rule is malformed.

    Args:
        message: What is wrong.
        source: The file (or other source) the rule came from.
        rule: The rule id, when the problem belongs to one rule.
        field: The rule's field that is wrong.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        rule: str | None = None,
        field: str | None = None,
    ) -> None:
        self.source = source
        self.rule = rule
        self.field = field
        self.reason = message
        where = ": ".join(
            part
            for part in (
                source,
                f"rule {rule!r}" if rule else None,
                f"field {field!r}" if field else None,
            )
            if part
        )
        super().__init__(f"{where}: {message}" if where else message)


class ConfigError(RuleError):
    """A tone-checker configuration is malformed (unknown key, bad severity, ...).

    .. versionadded:: 0.1.0
    """


class EventError(InvalidInputError):
    """A timeline event does not make sense for the timeline it is applied to.

    For example an event dated before the decision, or one that names an unknown step.

    .. versionadded:: 0.1.0
    """


class UnknownStepError(FollowkitError, KeyError):
    """A timeline has no step with the id that was asked for.

    Also a :class:`KeyError` (and so a :class:`LookupError`), as a missing key in a
    mapping would be, so code written against the bare :class:`KeyError` of earlier
    releases keeps working.

    Args:
        step_id: The id that was asked for.
        valid: The ids the timeline has, in order.

    Attributes:
        step_id: The id that was asked for.
        valid: The ids the timeline has.

    .. versionadded:: 0.2.0
    """

    def __init__(self, step_id: str, *, valid: tuple[str, ...] = ()) -> None:
        self.step_id = step_id
        self.valid = valid
        choices = ", ".join(valid) if valid else "none: the timeline is empty"
        # Step ids are short; a long one is shown cut, so the message stays readable.
        shown = step_id if len(step_id) <= 64 else f"{step_id[:64]}…"
        super().__init__(f"no step {shown!r} in this timeline (steps: {choices})")

    def __str__(self) -> str:
        # KeyError's own __str__ shows the repr of its argument, quotes and all.
        return str(self.args[0])


class InputFileError(InvalidInputError):
    """An input file (an application file, a CSV export) cannot be read or is invalid.

    The message names the file, the row or item when the file holds many records, and the
    field, such as ``applications.csv: row 4: contact_email: 'x@' is not a valid e-mail
    address``.

    Args:
        message: What is wrong, in a sentence.
        source: The file name as the user gave it (``"<stdin>"`` for standard input).
        row: The record's position: the spreadsheet row for CSV (the header is row 1), the
            1-based item for a JSON list or a TOML array of tables; ``None`` for a file that
            holds one record, or for a problem with the whole file.
        row_label: The word put before ``row`` in the message (``"row"``, ``"item"``, or
            ``"line"`` for syntax errors).
        field: The offending field or column, if there is one.

    Attributes:
        source: The file.
        row: The record's position, or ``None``.
        field: The offending field or column, or ``None``.
        reason: The message without the location prefix.

    .. versionadded:: 0.1.0
    """

    def __init__(
        self,
        message: str,
        *,
        source: str,
        row: int | None = None,
        row_label: str = "row",
        field: str | None = None,
    ) -> None:
        super().__init__(message, field=field)
        self.source = source
        self.row = row
        self.row_label = row_label
        where = [source]
        if row is not None:
            where.append(f"{row_label} {row}")
        if field:
            where.append(field)
        Exception.__init__(self, ": ".join([*where, message]))
