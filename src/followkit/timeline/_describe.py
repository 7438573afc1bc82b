"""The localized agenda: :meth:`Timeline.describe` and step summaries."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from followkit.timeline._phrases import checklist_in, language, phrase
from followkit.timeline._policy import Status

if TYPE_CHECKING:
    import babel

    from followkit.timeline._step import Step
    from followkit.timeline._timeline import Timeline

__all__ = ["describe", "summary"]


def summary(
    timeline: Timeline,
    step: Step | None,
    locale: str | babel.Locale | None = None,
    *,
    title: bool = False,
) -> str:
    """Return the short phrase for *step* (or the plan's title) in the locale's language."""
    app = timeline.application
    lang, _ = language(app.locale if locale is None else locale)
    if title or step is None:
        return phrase(lang, "title", position=app.position, company=app.company)
    return phrase(lang, step.action, name=app.contact.name, company=app.company)


def _line(
    timeline: Timeline, step: Step, lang: str, loc: babel.Locale, *, with_checklist: bool
) -> str:
    from babel.dates import format_date, format_time, format_timedelta  # noqa: PLC0415
    from babel.lists import format_list  # noqa: PLC0415

    when = (
        f"{format_date(step.due, 'full', locale=loc)}, {format_time(step.due, 'short', locale=loc)}"
    )
    text = summary(timeline, step, loc)
    if not step.is_outreach:
        length = step.window_end - step.due
        if length >= dt.timedelta(hours=1):
            duration = format_timedelta(length, threshold=1.5, locale=loc)
            text += f" ({phrase(lang, 'within', duration=duration)})"
        if with_checklist:
            items = checklist_in(lang, step.action, timeline.application.company)
            text = phrase(lang, "checklist", task=text, items=format_list(list(items), locale=loc))
    if step.status is not Status.PLANNED:
        text += f" [{phrase(lang, step.status)}]"
    return f"{when} — {text}"


def describe(timeline: Timeline, locale: str | babel.Locale | None) -> str:
    """Return the agenda of *timeline* (see :meth:`Timeline.describe`)."""
    lang, loc = language(timeline.application.locale if locale is None else locale)
    lines = [summary(timeline, None, loc, title=True)]
    # A recurring private task (the monthly engagement) shows its checklist once, at its
    # first occurrence; repeating it on every line would bury the dates.
    seen: set[object] = set()
    for step in timeline.steps:
        lines.append(_line(timeline, step, lang, loc, with_checklist=step.action not in seen))
        seen.add(step.action)
    return "\n".join(lines)
