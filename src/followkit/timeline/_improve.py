"""From feedback received to the private tasks: what to train and what to reflect on.

The feedback's text is read (:func:`followkit.feedback.read`) each time a plan is built, so
a stored event carries only the text; the areas, constraints and question are derived.
The checklists are in the application's language, with the taxonomy's area names and next
steps in that language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followkit.timeline._phrases import PHRASES, checklist_in
from followkit.timeline._policy import Action

if TYPE_CHECKING:
    from collections.abc import Sequence

    import babel

    from followkit.feedback import Feedback
    from followkit.model import Application

__all__ = ["MAX_ITEM", "reflection_checklist", "training_checklist"]

#: Longest checklist item, as timeline files accept it.
MAX_ITEM = 500


def _clip(text: str) -> str:
    return text if len(text) <= MAX_ITEM else text[: MAX_ITEM - 1].rstrip() + "…"


def _items(template: str, values: dict[str, str], splice: Sequence[str] = ()) -> tuple[str, ...]:
    """Split *template* at ``|``; an item that is exactly ``{areas}`` becomes *splice*."""
    items: list[str] = []
    for item in template.split("|"):
        if item == "{areas}":
            items.extend(splice)
        else:
            items.append(item.format_map(values))
    return tuple(_clip(item) for item in items)


def _name(mention_area: str, tool: str | None, lang: str) -> str:
    from followkit import feedback  # noqa: PLC0415  (phrase data loads on first use)

    return tool or feedback.area(mention_area, locale=lang).name


def training_checklist(
    app: Application, lang: str, note: Feedback | None
) -> tuple[str, ...] | None:
    """Return the training task's checklist for one piece of feedback, or ``None`` for none.

    Each area the feedback names comes with the taxonomy's next steps, one item per step;
    vague feedback gets the question to ask back; feedback that names only constraints
    (the role went to an internal candidate, was closed, ...) gets no training task, since
    nothing the candidate could train would have changed the decision. Without a text
    (``note`` is ``None``) the general checklist stands.
    """
    if note is None:
        return checklist_in(lang, Action.TRAINING, app.company)
    from followkit import feedback  # noqa: PLC0415

    table = PHRASES[lang]
    if note.areas:
        steps: list[str] = []
        for area_id, tool in dict.fromkeys((m.area, m.tool) for m in note.areas):
            name = _name(area_id, tool, lang)
            steps.extend(
                table["training.step"].format_map({"area": name, "step": step.text})
                for step in feedback.area(area_id, locale=lang).next_steps
            )
        return _items(table["checklist.training.areas"], {}, steps)
    if note.question is not None:
        from followkit.messages._i18n import translations  # noqa: PLC0415

        question = translations(lang).gettext(note.question.text)
        values = {"name": app.contact.name, "question": question}
        return _items(table["checklist.training.vague"], values)
    return None


def reflection_checklist(
    app: Application, lang: str, loc: babel.Locale, notes: Sequence[Feedback]
) -> tuple[str, ...]:
    """Return the reflection's checklist, asking about the areas the feedback named.

    Without feedback (or feedback naming no area) the general checklist stands; the
    constraints met are named as outside the candidate's control.
    """
    from babel.lists import format_list  # noqa: PLC0415

    from followkit import feedback  # noqa: PLC0415

    table = PHRASES[lang]
    names = list(dict.fromkeys(_name(m.area, m.tool, lang) for note in notes for m in note.areas))
    if names:
        values = {"areas": format_list(names, locale=loc)}
        items = list(_items(table["checklist.reflection.feedback"], values))
    else:
        items = list(checklist_in(lang, Action.REFLECTION, app.company))
    limits = {item.id: item.name for item in feedback.constraints(lang)}
    met = list(dict.fromkeys(limits[c.constraint] for note in notes for c in note.constraints))
    if met:
        line = table["reflection.constraints"].format_map(
            {"constraints": format_list(met, locale=loc)}
        )
        items.append(_clip(line))
    return tuple(items)
