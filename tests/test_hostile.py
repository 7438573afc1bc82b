"""Hostile input at every public entry point: followkit errors or correct results, nothing else.

Arbitrary Unicode (lone surrogates, bidi controls, NUL, CR/LF, U+2028, very long tokens) is
thrown at the builders, the checker, the planner, its events and the data readers. The only
exceptions allowed to escape are followkit's own, each with a message.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followkit import (
    Application,
    Contact,
    DoNotContact,
    FeedbackReceived,
    FollowkitError,
    Person,
    Reply,
    Sent,
    messages,
    plan,
    tone,
)

BERLIN = ZoneInfo("Europe/Berlin")
NASTY = st.sampled_from(
    [
        "\r",
        "\n",
        "\r\n",
        "\x00",
        "\u2028",
        "\u2029",
        "\u202e",
        "\ud800",
        "\x85",
        "%0D%0A",
        "&cc=x@evil.example",
        "?bcc=x@evil.example",
        "Bcc: x@evil.example",
        "{position}",
        "%(name)s",
        "=?utf-8?q?x?=",
        "!" * 50,
        "A" * 300,
    ]
)
TEXT = st.text(max_size=80) | st.lists(NASTY | st.text(max_size=10), max_size=6).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _base() -> Application:
    return Application(
        company="Acme",
        position="Data Engineer",
        candidate=Person(name="Alex Kim", email="alex@example.com"),
        contacts=[Contact(name="Jordan Lee", email="jordan@acme.example")],
        decided_at=dt.datetime(2026, 11, 20, 15, tzinfo=BERLIN),
    )


def _try_application(**fields: object) -> Application | None:
    try:
        return attrs.evolve(_base(), **fields)
    except FollowkitError as exc:
        assert str(exc)
        return None


@SETTINGS
@given(company=TEXT, position=TEXT, highlight=TEXT, subject=TEXT, name=TEXT)
def test_builders_never_leak_user_text_into_headers(
    company: str, position: str, highlight: str, subject: str, name: str
) -> None:
    try:
        contact = Contact(name=name, email="jordan@acme.example")
    except FollowkitError:
        contact = Contact(name="Jordan", email="jordan@acme.example")
    app = _try_application(
        company=company,
        position=position,
        highlight=highlight or None,
        reply_subject=subject or None,
        contacts=[contact],
    )
    if app is None:
        return
    for builder in (messages.thank_you_and_feedback, messages.referral_request):
        try:
            message = builder(app)
        except FollowkitError as exc:
            assert str(exc)
            continue
        raw = message.to_email().as_bytes()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert sorted(set(parsed.keys())) == sorted(
            {"From", "To", "Subject", "Content-Type", "MIME-Version"}
        ), parsed.keys()
        assert parsed["To"].addresses[0].addr_spec == "jordan@acme.example"
        uri = message.to_mailto()
        parts = urlsplit(uri)
        assert parts.scheme == "mailto"
        assert parts.path == "jordan@acme.example"
        assert set(parse_qs(parts.query)) <= {"subject", "body"}
        assert "\r" not in uri
        assert "\n" not in uri


@SETTINGS
@given(
    text=st.text(max_size=2000) | st.lists(NASTY | st.text(max_size=30), max_size=40).map("".join)
)
def test_check_spans_slice_to_the_matched_text(text: str) -> None:
    for locale in ("en", "de", "fr", "es"):
        report = tone.check(text, locale=locale)
        for finding in report.findings:
            assert 0 <= finding.start <= finding.end <= len(text)
            assert text[finding.start : finding.end] == finding.text
            assert finding.line >= 1
            assert finding.column >= 1
        assert 0 <= report.score <= 100
        report.format()
        report.as_dict()


@SETTINGS
@given(
    territory=st.sampled_from(["DE", "US", "SA", "IL", "IN", "FR", "ES", "JP", "BR", "AE"]),
    zone=st.sampled_from(["Europe/Berlin", "America/New_York", "Asia/Riyadh", "Asia/Kolkata"]),
    minutes=st.integers(min_value=0, max_value=60 * 24 * 800),
    late=st.integers(min_value=-5, max_value=60 * 24 * 200),
)
def test_plan_and_events_only_raise_followkit_errors(
    territory: str, zone: str, minutes: int, late: int
) -> None:
    decided = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(zone)) + dt.timedelta(minutes=minutes)
    app = attrs.evolve(_base(), decided_at=decided, timezone=zone, territory=territory)
    now = decided + dt.timedelta(minutes=late)
    try:
        timeline = plan(app, now=now, drafts=False)
    except FollowkitError as exc:
        assert str(exc)
        return
    steps = list(timeline)
    assert steps
    events = [
        Reply(at=now + dt.timedelta(days=1)),
        FeedbackReceived(at=now + dt.timedelta(days=2), text="More depth in system design."),
        Sent(step_id=steps[0].id, at=now + dt.timedelta(hours=1)),
        Sent(step_id="no-such-step", at=now + dt.timedelta(hours=1)),
        DoNotContact(at=now - dt.timedelta(days=3)),
    ]
    for event in events:
        try:
            updated = timeline.apply(event)
        except FollowkitError as exc:
            assert str(exc)
        else:
            assert updated.apply(event) == updated  # applying twice is harmless


@SETTINGS
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | TEXT,
        lambda children: (
            st.lists(children, max_size=3)
            | st.dictionaries(st.sampled_from(["name", "email", "company", "x"]) | TEXT, children)
        ),
        max_leaves=12,
    )
)
def test_from_dict_only_raises_followkit_errors(data: object) -> None:
    document = {
        "company": "Acme",
        "position": "Analyst",
        "candidate": data,
        "contacts": [data],
        "decided_at": "2026-11-20T15:00:00+01:00",
    }
    try:
        Application.from_dict(document)
    except FollowkitError as exc:
        assert str(exc)


@pytest.mark.parametrize(
    "value",
    ["Jordan\rBcc: x@evil.example", "Jordan\nBcc: x", "Jordan\u2028Bcc: x", "Jordan\x85Bcc: x"],
)
def test_header_injection_is_impossible_by_construction(value: str) -> None:
    with pytest.raises(FollowkitError):
        Contact(name=value, email="jordan@acme.example")
    with pytest.raises(FollowkitError):
        attrs.evolve(_base(), reply_subject=value)
    with pytest.raises(FollowkitError):
        attrs.evolve(_base(), company=value)
