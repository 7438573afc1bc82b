"""Exports: iCalendar, JSON round trip, localized agenda, drafts."""

from __future__ import annotations

import copy
import datetime as dt
import json

import attrs
import icalendar
import pytest

import followkit
from followkit import Application, Contact, InvalidInputError, Person, UnsupportedLocaleError
from followkit.timeline import (
    Action,
    FeedbackReceived,
    Reply,
    Sent,
    Status,
    Timeline,
    plan,
)

from .conftest import BERLIN, make_application


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=BERLIN)


@pytest.fixture
def timeline(bavaria_app: Application) -> Timeline:
    return plan(bavaria_app, now=at(20, 16))


@pytest.fixture
def updated(timeline: Timeline) -> Timeline:
    return timeline.apply_all(
        [
            Sent("thank-you-and-feedback", at(23, 9, 45)),
            Reply(at(24, 14)),
            FeedbackReceived(at(26, 16), text="Practise system design."),
        ]
    )


def components(data: bytes) -> list[icalendar.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk() if c.name in {"VEVENT", "VTODO"}]


def test_ical_parses_back_with_one_entry_per_step(timeline: Timeline) -> None:
    data = timeline.to_ical()
    entries = components(data)
    assert len(entries) == len(timeline)
    assert len({str(entry["UID"]) for entry in entries}) == len(entries)
    by_step = {str(entry["X-FOLLOWKIT-STEP"]): entry for entry in entries}
    for step in timeline:
        entry = by_step[step.id]
        assert entry.name == ("VEVENT" if step.is_outreach else "VTODO")
        assert entry.decoded("DTSTART") == step.due
        assert entry["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert entry.decoded("DTSTAMP") == timeline.now
        assert int(entry["SEQUENCE"]) == 0
        alarms = [c for c in entry.subcomponents if c.name == "VALARM"]
        assert len(alarms) == 1
        assert alarms[0].decoded("TRIGGER") == -dt.timedelta(minutes=15)
    assert by_step["thank-you-and-feedback"].decoded("DTEND") == at(23, 11, 30)
    # Each check-in is a dated entry; nothing recurs (a rule would ignore holidays).
    assert b"RRULE" not in data
    assert sum(1 for step_id in by_step if step_id.startswith("stay-connected-")) == 4
    assert [tz.tz_name for tz in icalendar.Calendar.from_ical(data).timezones] == ["Europe/Berlin"]


def test_ical_marks_changes_for_calendar_applications(
    timeline: Timeline, updated: Timeline
) -> None:
    before = {str(c["X-FOLLOWKIT-STEP"]): c for c in components(timeline.to_ical())}
    after = {str(c["X-FOLLOWKIT-STEP"]): c for c in components(updated.to_ical())}
    nudge = after["nudge-1"]
    assert str(nudge["STATUS"]) == "CANCELLED"
    assert int(nudge["SEQUENCE"]) > int(before["nudge-1"]["SEQUENCE"])
    assert str(nudge["UID"]) == str(before["nudge-1"]["UID"])
    assert not [c for c in nudge.subcomponents if c.name == "VALARM"]
    assert str(after["thank-you-and-feedback"]["STATUS"]) == "CONFIRMED"
    assert str(after["training"]["STATUS"]) == "NEEDS-ACTION"
    assert "feedback-acknowledgement" in after
    assert after["reflection"].decoded("DTSTAMP") == updated.now
    done = updated.apply(Sent("reflection", at(27, 20)))
    reflection = {str(c["X-FOLLOWKIT-STEP"]): c for c in components(done.to_ical())}["reflection"]
    assert str(reflection["STATUS"]) == "COMPLETED"
    assert reflection.decoded("COMPLETED") == at(27, 20)


def test_ical_is_deterministic(bavaria_app: Application, timeline: Timeline) -> None:
    again = plan(bavaria_app, now=at(20, 16))
    assert again.to_ical() == timeline.to_ical()


def uids_by_step(timeline: Timeline) -> dict[str, str]:
    return {str(c["X-FOLLOWKIT-STEP"]): str(c["UID"]) for c in components(timeline.to_ical())}


@pytest.mark.parametrize(
    "change",
    [
        {"highlight": "the demo"},
        {"reply_subject": "Your application"},
        {"interviewed_on": dt.date(2026, 11, 18)},
        {"decided_at": at(20, 17, 30)},  # the time corrected, the day kept
        {"company": "  acme   ANALYTICS "},  # spacing and capitals
        {"position": "data engineer"},
        {"candidate": Person(name="Alex  Kim", email="alex.kim@example.com", phone="+49 1")},
        {"contacts": [Contact(name="Jordan Lee", email="jordan.lee@acme.example")]},
        {"contacts": [Contact(name="Sam Roe"), Contact(name="Jordan Lee")]},
        {"timezone": "Europe/Vienna", "territory": "AT", "subdivision": None, "locale": "de"},
    ],
)
def test_uids_survive_edits_that_keep_the_application(
    bavaria_app: Application, timeline: Timeline, change: dict[str, object]
) -> None:
    # A re-import of the edited plan updates the entries instead of duplicating them.
    edited = plan(attrs.evolve(bavaria_app, **change), now=at(20, 16))
    assert uids_by_step(edited) == uids_by_step(timeline)


@pytest.mark.parametrize(
    "change",
    [
        {"company": "Globex"},
        {"position": "Analytics Engineer"},
        {"candidate": Person(name="Sam Roe", email="alex@example.com")},
        {"decided_at": at(21, 15)},  # another decision: applied again, a later round
    ],
)
def test_uids_of_different_applications_differ(
    bavaria_app: Application, timeline: Timeline, change: dict[str, object]
) -> None:
    other = plan(attrs.evolve(bavaria_app, **change), now=at(20, 16))
    assert set(uids_by_step(timeline).values()).isdisjoint(uids_by_step(other).values())


def test_uids_survive_rescheduling(timeline: Timeline) -> None:
    # An out-of-office reply moves every pending message; the entries are updated in place.
    moved = timeline.apply(Reply(at(23, 8), kind="automatic", returns_on=dt.date(2026, 12, 14)))
    assert moved.step("nudge-1").due > timeline.step("nudge-1").due
    before = {str(c["X-FOLLOWKIT-STEP"]): c for c in components(timeline.to_ical())}
    after = {str(c["X-FOLLOWKIT-STEP"]): c for c in components(moved.to_ical())}
    assert after["nudge-1"].decoded("DTSTART") == moved.step("nudge-1").due
    assert int(after["nudge-1"]["SEQUENCE"]) > int(before["nudge-1"]["SEQUENCE"])
    assert after["nudge-1"].decoded("DTSTAMP") > before["nudge-1"].decoded("DTSTAMP")
    assert uids_by_step(moved) == uids_by_step(timeline)
    # Each step of one application has its own UID.
    assert len(set(uids_by_step(moved).values())) == len(moved.steps)


def test_ical_carries_drafts_and_checklists(timeline: Timeline) -> None:
    by_step = {str(c["X-FOLLOWKIT-STEP"]): c for c in components(timeline.to_ical())}
    message = timeline.step("thank-you-and-feedback").message
    assert message is not None
    assert str(by_step["thank-you-and-feedback"]["DESCRIPTION"]) == str(message)
    assert str(by_step["reflection"]["DESCRIPTION"]).startswith("- note what went well")
    assert (
        str(by_step["thank-you-and-feedback"]["SUMMARY"]) == "thank Jordan Lee and ask for feedback"
    )


def test_empty_timeline_exports(bavaria_app: Application) -> None:
    from followkit.timeline import Policy

    empty = Timeline(application=bavaria_app, policy=Policy(), now=at(20, 16), steps=())
    assert components(empty.to_ical()) == []
    assert empty.next_step() is None


def test_json_round_trip(updated: Timeline) -> None:
    data = json.loads(json.dumps(updated.as_dict()))
    assert data["format"] == 1
    assert data["events"][1] == {"type": "reply", "at": "2026-11-24T14:00:00+01:00", "kind": "real"}
    again = Timeline.from_dict(data)
    assert again == updated
    assert again.to_ical() == updated.to_ical()
    # Events keep working after the round trip.
    assert again.apply(Reply(at(24, 14))) is again
    assert again.apply(Sent("training", at(28, 10))).step("training").status is Status.DONE


def test_json_round_trip_without_drafts(bavaria_app: Application) -> None:
    bare = plan(bavaria_app, now=at(20, 16), drafts=False)
    data = json.loads(json.dumps(bare.as_dict()))
    assert "message" not in data["steps"][0]
    assert Timeline.from_dict(data) == bare


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(extra=1), "extra: unknown field"),
        (lambda d: d.update(format=2), "format: format 2 is not supported"),
        (lambda d: d.pop("steps"), "steps: is missing"),
        (lambda d: d.update(steps={}), "steps: must be a list"),
        (lambda d: d.update(events={}), "events: must be a list"),
        (lambda d: d.update(drafts="yes"), "drafts: must be a bool"),
        (lambda d: d.update(now="yesterday"), "now: 'yesterday' is not an ISO 8601"),
        (lambda d: d.update(now=12), "now: must be an ISO 8601 date-time string"),
        (lambda d: d.update(now="2026-11-20T16:00"), "now: must be timezone-aware"),
        (
            lambda d: d["steps"][0].update(action="dance"),
            r"steps\[0\].action: 'dance' is not one of",
        ),
        (lambda d: d["steps"][0].update(colour="red"), r"steps\[0\].colour: unknown field"),
        (lambda d: d["steps"][0].pop("due"), r"steps\[0\].due: is missing"),
        (
            lambda d: d["steps"][0].update(sequence=-1),
            r"steps\[0\].sequence: must be a non-negative",
        ),
        (lambda d: d["steps"][0].update(checklist="x"), r"steps\[0\].checklist: must be a list"),
        (lambda d: d["steps"][0].update(id="a\x00b"), r"steps\[0\].id: contains the control"),
        (lambda d: d["steps"][1].update(id=d["steps"][0]["id"]), "steps: has duplicate step ids"),
        (lambda d: d["steps"].__setitem__(0, []), r"steps\[0\]: must be a mapping"),
        (
            lambda d: d["events"].append({"type": "party"}),
            r"events\[3\].type: 'type' must be one of",
        ),
        (lambda d: d["events"].append([]), r"events\[3\]: must be a mapping"),
        (
            lambda d: d["events"].append({"type": "reply", "at": "x"}),
            r"events\[3\].at: is not an ISO",
        ),
        (
            lambda d: d["events"].append(
                {"type": "reply", "at": "2026-11-24T14:00:00+01:00", "kind": "x"}
            ),
            r"events\[3\].kind",
        ),
        (
            lambda d: d["events"].append({"type": "reply", "when": 1}),
            r"events\[3\].when: unknown field",
        ),
        (lambda d: d["events"].append({"type": "sent"}), r"events\[3\]: "),
        (lambda d: d["policy"].update(nudges=9), "policy.nudges: is 9"),
        (lambda d: d["steps"][-1].update(message=[]), r"message: must be a mapping"),
        (lambda d: _first_message(d).update(colour=1), r"message.colour: unknown field"),
        (lambda d: _first_message(d).update(body=""), r"message.body: "),
        (lambda d: _first_message(d).pop("body"), r"message.body: is missing"),
        (lambda d: _first_message(d)["to"].update(email="nope"), r"message.to.email: "),
    ],
)
def test_from_dict_names_the_bad_field(updated: Timeline, change: object, message: str) -> None:
    data = copy.deepcopy(updated.as_dict())
    change(data)  # type: ignore[operator]
    with pytest.raises(InvalidInputError, match=message):
        Timeline.from_dict(data)


def _first_message(data: dict[str, object]) -> dict[str, object]:
    return next(step["message"] for step in data["steps"] if "message" in step)  # type: ignore[attr-defined,index,operator]


def test_from_dict_refuses_non_mappings() -> None:
    with pytest.raises(InvalidInputError, match="a timeline must be a mapping"):
        Timeline.from_dict([])  # type: ignore[arg-type]


def test_describe_in_four_languages(timeline: Timeline) -> None:
    # The candidate's zone is not given: every time is labelled as the recipient's.
    english = timeline.describe()
    assert english.splitlines()[:2] == [
        "Follow-up plan: Data Engineer at Acme Analytics",
        "All times are in the recipient's time zone; yours is not known.",
    ]
    assert (
        "Monday, November 23, 2026, 9:30\u202fAM Central European Standard Time — thank Jordan"
        " Lee and ask for feedback"
    ) in english
    german = timeline.describe("de")
    assert "Alle Zeiten in der Zeitzone der Kontaktperson; Ihre ist nicht bekannt." in german
    assert (
        "Montag, 23. November 2026, 09:30 MEZ — Jordan Lee danken und um Feedback bitten" in german
    )
    assert "Frist: 24 Stunden" in german
    french = timeline.describe("fr_CA")
    assert "le vôtre n'est pas connu" in french
    assert "lundi 23 novembre 2026" in french
    assert "remercier Jordan Lee et demander un retour" in french
    spanish = timeline.describe("es")
    assert "la suya no se conoce" in spanish
    assert (
        "lunes, 23 de noviembre de 2026, 9:30 CET — agradecer a Jordan Lee y pedir comentarios"
        in spanish
    )
    assert len(english.splitlines()) == len(timeline) + 2


def test_describe_marks_status_and_lists_checklists(updated: Timeline) -> None:
    text = updated.describe("de")
    assert "[abgesagt]" in text
    assert "[erledigt]" in text
    assert "das Feedback noch einmal lesen, die genannten Bereiche auflisten" in text


def test_describe_keeps_user_text_literal(bavaria_app: Application) -> None:
    app = Application.from_dict({**bavaria_app.as_dict(), "company": "{position} & Co"})
    text = plan(app, now=at(20, 16), drafts=False).describe()
    assert "engage with {position} & Co's content" in text


def test_describe_refuses_unsupported_locales(timeline: Timeline) -> None:
    with pytest.raises(UnsupportedLocaleError) as info:
        timeline.describe("ja")
    assert info.value.supported == ("en", "de", "fr", "es")
    with pytest.raises(UnsupportedLocaleError):
        timeline.describe("xx-nope")


def test_plan_refuses_an_unsupported_application_locale() -> None:
    app = make_application(at(20, 15), locale="ja", territory="DE")
    with pytest.raises(UnsupportedLocaleError, match="supported: en, de, fr, es"):
        plan(app, now=at(20, 16), drafts=False)


def test_drafts_follow_the_plan(timeline: Timeline) -> None:
    kinds = {step.id: step.message.kind for step in timeline.outreach if step.message}
    assert kinds == {
        "thank-you-and-feedback": "thank_you_and_feedback",
        "connection-note": "connection_note",
        "nudge-1": "nudge",
        "stay-connected-1": "referral_request",
        "stay-connected-2": "stay_connected",
        "stay-connected-3": "stay_connected",
        "stay-connected-4": "stay_connected",
    }
    assert all(step.message is None for step in timeline if not step.is_outreach)
    nudge = timeline.step("nudge-1").message
    assert nudge is not None
    assert "November 23" in nudge.body  # the day the request is planned to go out
    assert all(
        step.message is not None and step.message.locale == "en" for step in timeline.outreach
    )


def test_drafts_are_written_in_the_application_locale() -> None:
    app = make_application(at(20, 15), subdivision="BY", locale="de")
    timeline = plan(app, now=at(20, 16))
    message = timeline.step("thank-you-and-feedback").message
    assert message is not None
    assert message.locale == "de"
    updated = timeline.apply(FeedbackReceived(at(24, 9)))
    ack = updated.step("feedback-acknowledgement").message
    assert ack is not None
    assert ack.kind == "feedback_acknowledgement"


def test_nudge_draft_follows_the_real_send_date(timeline: Timeline) -> None:
    late = timeline.apply(Sent("thank-you-and-feedback", at(25, 10)))
    nudge = late.step("nudge-1").message
    assert nudge is not None
    assert "November 25" in nudge.body


def test_bulk_planning_can_skip_drafts(bavaria_app: Application) -> None:
    bare = plan(bavaria_app, now=at(20, 16), drafts=False)
    assert all(step.message is None for step in bare)
    assert [s.due for s in bare] == [s.due for s in plan(bavaria_app, now=at(20, 16))]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"policy": "strict"}, "policy: must be a Policy"),
        ({"now": dt.datetime(2026, 11, 20, 16)}, "now: must be timezone-aware"),
        ({"drafts": 1}, "drafts: must be a bool"),
    ],
)
def test_plan_argument_errors(
    bavaria_app: Application, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        plan(bavaria_app, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(InvalidInputError, match="application: must be an Application"):
        plan({"company": "Acme"})  # type: ignore[arg-type]


def test_plan_reads_the_clock_once_when_now_is_left_out(bavaria_app: Application) -> None:
    before = dt.datetime.now(dt.UTC)
    timeline = plan(bavaria_app, drafts=False)
    assert before <= timeline.now <= dt.datetime.now(dt.UTC)
    assert all(step.due >= timeline.now for step in timeline.pending)


def test_timeline_accessors(timeline: Timeline) -> None:
    assert list(timeline) == list(timeline.steps)
    assert timeline.next_step() == timeline.steps[0]
    assert {step.channel for step in timeline.outreach} == {"email", "linkedin"}
    assert timeline.step("thank-you-and-feedback").is_pending
    with pytest.raises(KeyError):
        timeline.step("nope")
    assert timeline.step("thank-you-and-feedback").action is Action.THANK_YOU_AND_FEEDBACK


def test_describe_leaves_out_a_window_shorter_than_an_hour(bavaria_app: Application) -> None:
    from followkit.timeline import Policy

    timeline = plan(bavaria_app, Policy(reflection_within_days=1), now=at(20, 16), drafts=False)
    line = next(line for line in timeline.describe().splitlines() if "reflect" in line)
    assert "within" not in line
    assert line.startswith(
        "Saturday, November 21, 2026, 6:00\u202fPM Central European Standard Time — reflect on"
        " the interview:"
    )


def test_timelines_built_by_hand_are_validated(timeline: Timeline) -> None:
    import attrs

    with pytest.raises(InvalidInputError, match="application: must be a Application"):
        attrs.evolve(timeline, application="Acme")
    with pytest.raises(InvalidInputError, match="policy: must be a Policy"):
        attrs.evolve(timeline, policy={})
    with pytest.raises(InvalidInputError, match="now: must be timezone-aware"):
        attrs.evolve(timeline, now=dt.datetime(2026, 11, 20))
    with pytest.raises(InvalidInputError, match="steps: must be a sequence of Step"):
        attrs.evolve(timeline, steps=["thank-you-and-feedback"])
    with pytest.raises(InvalidInputError, match="steps: must be a sequence of Step"):
        attrs.evolve(timeline, steps=None)
    with pytest.raises(InvalidInputError, match="events: must be a sequence of timeline events"):
        attrs.evolve(timeline, events=[object()])
    with pytest.raises(InvalidInputError, match="drafts: must be a bool"):
        attrs.evolve(timeline, drafts="no")
    assert attrs.evolve(timeline, steps=list(timeline.steps)) == timeline


def test_calendar_merges_many_timelines(
    timeline: Timeline, updated: Timeline, bavaria_app: Application
) -> None:
    other = plan(
        make_application(at(23, 9), territory="US", subdivision="CA", timezone="America/New_York"),
        now=at(23, 10),
    )
    data = followkit.calendar([updated, other])
    parsed = icalendar.Calendar.from_ical(data)
    assert str(parsed["X-WR-CALNAME"]) == "Follow-ups (2 applications)"
    entries = [c for c in parsed.subcomponents if c.name in {"VEVENT", "VTODO"}]
    assert len(entries) == len(updated.steps) + len(other.steps)
    uids = [str(c["UID"]) for c in entries]
    assert len(set(uids)) == len(uids)  # two applications never share a UID
    # Every entry is the same as in the timeline's own calendar (UID, sequence, status).
    own = {str(c["UID"]): c for c in components(updated.to_ical())}
    for entry in entries:
        if str(entry["UID"]) in own:
            assert entry["SEQUENCE"] == own[str(entry["UID"])]["SEQUENCE"]
            assert entry["STATUS"] == own[str(entry["UID"])]["STATUS"]
    zones = [str(c["TZID"]) for c in parsed.subcomponents if c.name == "VTIMEZONE"]
    assert sorted(zones) == sorted(set(zones)) == ["America/New_York", "Europe/Berlin"]


def test_calendar_refuses_the_same_application_twice(timeline: Timeline, updated: Timeline) -> None:
    # Its entries would share UIDs, which RFC 5545 forbids within one calendar: an old and
    # an updated plan of one application, or a row exported twice.
    with pytest.raises(
        InvalidInputError,
        match=r"^timelines\[2\]: plans the same application as timelines\[0\]",
    ):
        followkit.calendar([timeline, plan(make_application(at(23, 9)), now=at(23, 10)), updated])
    # An edited copy is the same application too: its entries have the same UIDs.
    edited = plan(
        attrs.evolve(timeline.application, highlight="the demo", reply_subject="Re: Data"),
        now=at(20, 17),
    )
    with pytest.raises(
        InvalidInputError, match=r"^timelines\[1\]: plans the same application as timelines\[0\]"
    ):
        followkit.calendar([timeline, edited])


def test_calendar_of_one_is_its_own_calendar(timeline: Timeline) -> None:
    assert followkit.calendar([timeline]) == timeline.to_ical()
    assert b"X-WR-CALNAME:Mine" in followkit.calendar([timeline], name=" Mine ")


def test_calendar_refuses_what_is_not_a_timeline(timeline: Timeline) -> None:
    with pytest.raises(InvalidInputError, match=r"^timelines\[1\]: must be a Timeline"):
        followkit.calendar([timeline, "plan.ics"])  # type: ignore[list-item]
    with pytest.raises(InvalidInputError, match="^name: "):
        followkit.calendar([timeline], name="a\r\nb")
