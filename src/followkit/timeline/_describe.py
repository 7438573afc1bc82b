"""The localized agenda: :meth:`Timeline.describe` and step summaries.

The agenda's reader is the candidate. Outreach is due on the recipient's wall clock and
private tasks on the candidate's (``Person.timezone``). A time in a zone other than the
reader's carries the zone's name, and a send time also the candidate's own time beside
it. When the candidate's zone is not known, every time is the recipient's: each carries
the zone's name, and a line under the title says so.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from followkit.timeline._phrases import checklist_in, language, phrase
from followkit.timeline._policy import Status

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    import babel

    from followkit.timeline._step import Step
    from followkit.timeline._timeline import Timeline

__all__ = ["describe", "reader_zone", "summary", "zone_label"]


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


def zone_label(moment: dt.datetime, loc: babel.Locale) -> str:
    """Return the name of *moment*'s zone at that moment, as babel gives it for *loc*.

    CLDR's abbreviation where the locale has one (``EST``, ``MEZ``, ``UTC``), else its
    long name (``Japan Standard Time``, ``heure normale d'Europe centrale``): babel falls
    back to a bare offset (``+0900``) for a missing abbreviation, which says less.
    """
    from babel.dates import format_time  # noqa: PLC0415

    short = format_time(moment, "z", locale=loc)
    if short != format_time(moment, "Z", locale=loc):
        return short
    return format_time(moment, "zzzz", locale=loc)


def _zone_key(moment: dt.datetime) -> str:
    return str(getattr(moment.tzinfo, "key", moment.tzinfo))


def _when(moment: dt.datetime, lang: str, loc: babel.Locale, reader: ZoneInfo | None) -> str:
    """Return the date and time of *moment*, labelled when its zone is not the reader's."""
    from babel.dates import format_date, format_skeleton, format_time  # noqa: PLC0415

    when = f"{format_date(moment, 'full', locale=loc)}, {format_time(moment, 'short', locale=loc)}"
    if reader is not None and _zone_key(moment) == reader.key:
        return when
    when = f"{when} {zone_label(moment, loc)}"
    if reader is None:
        return when
    local = moment.astimezone(reader)
    if local.replace(tzinfo=None) == moment.replace(tzinfo=None):
        return when  # another zone, but the same wall-clock time (Paris for Berlin)
    yours = format_time(local, "short", locale=loc)
    if local.date() != moment.date():
        yours = f"{format_skeleton('MMMMEEEEd', local, locale=loc)}, {yours}"
    return f"{when} ({phrase(lang, 'your_time', time=yours)})"


def _task(
    timeline: Timeline, step: Step, lang: str, loc: babel.Locale, *, with_checklist: bool
) -> str:
    """Return what a line of the agenda says to do, after its time."""
    from babel.dates import format_timedelta  # noqa: PLC0415
    from babel.lists import format_list  # noqa: PLC0415

    text = summary(timeline, step, loc)
    if not step.is_outreach:
        length = step.window_end - step.due
        if length >= dt.timedelta(hours=1):
            duration = format_timedelta(length, threshold=1.5, locale=loc)
            text += f" ({phrase(lang, 'within', duration=duration)})"
        if with_checklist:
            items = step.checklist
            if not items or lang != language(timeline.application.locale)[0]:
                # The step's own checklist is in the application's language.
                items = checklist_in(lang, step.action, timeline.application.company)
            # Items that are sentences (a training step) lose their full stop inside the list.
            listed = [item.removesuffix(".") for item in items]
            text = phrase(lang, "checklist", task=text, items=format_list(listed, locale=loc))
    if step.status is not Status.PLANNED:
        text += f" [{phrase(lang, step.status)}]"
    return text


def reader_zone(timeline: Timeline) -> ZoneInfo | None:
    """Return the candidate's own zone, or ``None`` when the application does not give it."""
    app = timeline.application
    return app.candidate_zone if app.candidate.timezone is not None else None


def describe(timeline: Timeline, locale: str | babel.Locale | None) -> str:
    """Return the agenda of *timeline* (see :meth:`Timeline.describe`)."""
    lang, loc = language(timeline.application.locale if locale is None else locale)
    reader = reader_zone(timeline)
    lines = [summary(timeline, None, loc, title=True)]
    if reader is None:
        lines.append(phrase(lang, "zone_unknown"))
    # A recurring private task (the monthly engagement) shows its checklist once, at its
    # first occurrence; repeating it on every line would bury the dates.
    seen: set[object] = set()
    for step in timeline.steps:
        task = _task(timeline, step, lang, loc, with_checklist=step.action not in seen)
        lines.append(f"{_when(step.due, lang, loc, reader)} — {task}")
        seen.add(step.action)
    return "\n".join(lines)
