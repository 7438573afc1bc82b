"""Type-checked under mypy --strict: the documented examples keep their promised types."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from typing import Any, assert_type
from zoneinfo import ZoneInfo

import followkit
from followkit import messages, timeline, tone

app = followkit.Application(
    company="Acme Analytics",
    position="Data Engineer",
    candidate=followkit.Person(name="Alex Kim", email="alex@example.com"),
    contacts=followkit.Contact(name="Jordan Lee", email="jordan@acme.example"),
    decided_at=dt.datetime(2026, 11, 20, 15, 0, tzinfo=ZoneInfo("Europe/Berlin")),
)

# Messages
reply = followkit.thank_you_and_feedback(app, register="warm", length="brief", variant=2)
assert_type(reply, followkit.Message)
assert_type(reply.subject, str | None)
assert_type(reply.body, str)
assert_type(reply.to_email(), EmailMessage)
assert_type(reply.to_email(html=False), EmailMessage)
assert_type(reply.to_mailto(), str)
assert_type(reply.as_dict(), dict[str, Any])
assert_type(messages.nudge(app, reply), followkit.Message)
assert_type(messages.connection_note(app), followkit.Message)
assert_type(
    followkit.feedback_request(app, questions=[followkit.Question.AREAS_TO_IMPROVE]),
    followkit.Message,
)

# Tone
report = followkit.check("Hi Jordan, thank you!", locale="en")
assert_type(report, followkit.Report)
assert_type(report.ok, bool)
assert_type(report.score, int)
assert_type(report.format(), str)
assert_type(report.fixed(), str)
checker = tone.Checker("de")
assert_type(checker.check(reply), followkit.Report)
auto = followkit.check("Hallo Jordan, vielen Dank!", locale="auto", fallback="de")
assert_type(auto.locale, str)
assert_type(auto.locale_source, tone.LocaleSource)
assert_type(auto.warnings, tuple[str, ...])
assert_type(followkit.Checker("auto").for_locale("fr"), followkit.Checker)
guess = tone.guess_language("Merci beaucoup pour votre message.")
assert_type(guess, tone.LanguageGuess)
assert_type(guess.language, str | None)
assert_type(guess.confident, bool)
assert_type(followkit.__version__, str)
for finding in report.findings:
    assert_type(finding.rule_id, str)
    assert_type(finding.start, int)
    assert_type(finding.suggestion, str | None)

# Timeline
plan = followkit.plan(app, now=dt.datetime(2026, 11, 20, 16, tzinfo=ZoneInfo("Europe/Berlin")))
assert_type(plan, followkit.Timeline)
assert_type(plan.to_ical(), bytes)
assert_type(plan.describe("fr"), str)
assert_type(plan.as_dict(), dict[str, Any])
assert_type(followkit.Timeline.from_dict(plan.as_dict()), followkit.Timeline)
for step in plan:
    assert_type(step, followkit.Step)
    assert_type(step.due, dt.datetime)
    assert_type(step.message, followkit.Message | None)
    assert_type(step.action, timeline.Action)
updated = plan.apply(followkit.Reply(at=dt.datetime(2026, 11, 24, tzinfo=ZoneInfo("UTC"))))
assert_type(updated, followkit.Timeline)
monday = dt.datetime(2026, 11, 23, 9, 45, tzinfo=ZoneInfo("Europe/Berlin"))
assert_type(plan.due(monday, within=dt.timedelta(hours=12)), tuple[followkit.Step, ...])
assert_type(plan.next_outreach(), followkit.Step | None)
assert_type(plan.step("thank-you-and-feedback").is_overdue(monday), bool)
assert_type(followkit.Policy(engagement_tasks=None).engagement_tasks, int | None)
try:
    plan.step("nudge-9")
except followkit.UnknownStepError as error:
    assert_type(error.valid, tuple[str, ...])
