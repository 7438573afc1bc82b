"""From feedback to improvement: read what a rejection's feedback names, across applications.

:func:`read` finds in one piece of recruiter feedback the areas to improve (with their spans,
stable ids from the taxonomy and their kind; for ``technology`` the named tool), the
strengths, and the constraints the candidate cannot change (the role went to an internal
candidate, was closed, lost its budget or was re-levelled). Vague feedback gets the one
specific question to ask back. :func:`summarize` ranks the areas that recur across several
applications, with dates. :func:`areas` lists the taxonomy with each area's name and
concrete next steps in ``en``, ``de``, ``fr`` and ``es``.

Phrases are data (``followkit/feedback/locales/<locale>.toml``) in the tone rules' phrase
syntax, matched in time linear in the text.

.. versionadded:: 0.2.0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followkit.errors import InvalidInputError
from followkit.feedback._feedback import MAX_FEEDBACK, ConstraintMention, Feedback, Mention
from followkit.feedback._feedback import read as _read
from followkit.feedback._summary import Recurrence, Summary, summarize
from followkit.feedback._taxonomy import (
    AREA_KINDS,
    AREAS,
    LOCALES,
    STEP_KINDS,
    Area,
    AreaKind,
    Constraint,
    NextStep,
    StepKind,
    area,
    areas,
    constraints,
)

if TYPE_CHECKING:
    import datetime as dt

    import babel

__all__ = [
    "AREAS",
    "AREA_KINDS",
    "LOCALES",
    "MAX_FEEDBACK",
    "STEP_KINDS",
    "Area",
    "AreaKind",
    "Constraint",
    "ConstraintMention",
    "Feedback",
    "Mention",
    "NextStep",
    "Recurrence",
    "StepKind",
    "Summary",
    "area",
    "areas",
    "constraints",
    "read",
    "summarize",
]


def read(text: str, *, locale: str | babel.Locale = "en", date: dt.date | None = None) -> Feedback:
    """Read recruiter feedback: the areas to improve, the strengths and the constraints.

    Args:
        text: The feedback as received (an e-mail body, notes from a call).
        locale: The language of *text*: ``en``, ``de``, ``fr`` or ``es`` (regional variants
            such as ``de_AT`` fall back to their language), or ``"auto"`` to read it in
            the language the tone checker's :func:`~followkit.tone.guess_language`
            finds (English when the text holds no evidence of any). The locale used is
            the result's ``locale``.
        date: When the feedback was received, kept on the result for
            :func:`~followkit.feedback.summarize`.

    Returns:
        The areas and strengths with their spans, the constraints, and for vague feedback
        the specific question to ask back.

    Raises:
        InvalidInputError: If *text* is not a string or is longer than
            :data:`MAX_FEEDBACK` characters, or *date* is not a date.
        UnsupportedLocaleError: If the locale is not one feedback can be read in.

    .. versionadded:: 0.2.0
    .. versionchanged:: 0.2.0
       ``locale="auto"``.
    """
    if isinstance(locale, str) and locale == "auto":
        if not isinstance(text, str):
            raise InvalidInputError(f"must be a string, not {type(text).__name__}", field="text")
        from followkit.tone import guess_language  # noqa: PLC0415  (the tone package is big)

        # The guess reads only the first 10,000 characters, so long text costs nothing more.
        locale = guess_language(text).language or "en"
    return _read(text, locale=locale, date=date)
