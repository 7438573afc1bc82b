"""summarize(): areas that recur across applications, ranked, with dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from followkit.errors import InvalidInputError
from followkit.feedback import Summary, read, summarize

JAN, FEB, MAR = dt.date(2026, 1, 10), dt.date(2026, 2, 10), dt.date(2026, 3, 10)


def test_recurring_areas_are_ranked() -> None:
    pieces = [
        (JAN, read("System design lacked depth and your SQL was weak.")),
        (FEB, read("Strong SQL, but the system design round needed more depth.")),
        (MAR, read("We needed more depth in system design and more Kubernetes experience.")),
        read("We went with a stronger candidate."),
        read("The role went to an internal candidate.", date=MAR),
    ]
    summary = summarize(pieces)
    assert summary.total == 5
    top = summary.areas[0]
    assert (top.id, top.count, top.total, top.dates) == ("system-design", 3, 5, (JAN, FEB, MAR))
    assert top.share == pytest.approx(0.6)
    assert top.last == MAR
    assert [item.id for item in summary.recurring()] == ["system-design"]
    assert {item.id for item in summary.recurring(1)} == {"system-design", "sql-data", "technology"}
    technology = next(item for item in summary.areas if item.id == "technology")
    assert technology.tools == ("Kubernetes",)
    assert [item.id for item in summary.strengths] == ["sql-data"]
    assert [(item.id, item.count) for item in summary.constraints] == [("internal-candidate", 1)]
    assert summary.vague == 1
    assert (summary.first, summary.last) == (JAN, MAR)


def test_ties_go_to_the_most_recent_then_the_taxonomy() -> None:
    summary = summarize(
        [(JAN, read("Your SQL was weak.")), (MAR, read("Your presentation was weak."))]
    )
    assert [item.id for item in summary.areas] == ["presenting", "sql-data"]
    undated = summarize([read("Your presentation was weak."), read("Your SQL was weak.")])
    assert [item.id for item in undated.areas] == ["sql-data", "presenting"]


def test_pair_date_wins_and_datetimes_become_dates() -> None:
    piece = read("Your SQL was weak.", date=JAN)
    summary = summarize([(dt.datetime(2026, 2, 1, 9, tzinfo=dt.UTC), piece)])
    assert summary.areas[0].dates == (dt.date(2026, 2, 1),)


def test_empty() -> None:
    summary = summarize([])
    assert summary == Summary(total=0)
    assert summary.as_dict()["areas"] == []


def test_as_dict_is_json_ready() -> None:
    data = summarize([(JAN, read("Your SQL was weak; the budget was cut."))]).as_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["areas"][0] == {
        "id": "sql-data",
        "kind": "technical",
        "count": 1,
        "total": 1,
        "dates": ["2026-01-10"],
        "tools": [],
    }
    assert data["constraints"][0]["kind"] == "constraint"


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (read("x"), "feedbacks"),
        ("text", "feedbacks"),
        (5, "feedbacks"),
        (["text"], "feedbacks[0]"),
        ([(JAN, "text")], "feedbacks[0]"),
        ([("2026-01-01", read("x"))], "feedbacks[0][0]"),
    ],
)
def test_bad_input(value: object, field: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        summarize(value)  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize("minimum", [0, -1, True, "2"])
def test_bad_minimum(minimum: object) -> None:
    with pytest.raises(InvalidInputError, match="minimum"):
        summarize([]).recurring(minimum)
