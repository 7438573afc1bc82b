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

from followkit.feedback._feedback import (
    MAX_FEEDBACK,
    ConstraintMention,
    Feedback,
    Mention,
    read,
)
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
