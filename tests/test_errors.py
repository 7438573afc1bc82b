from __future__ import annotations

import pytest

from followkit.errors import (
    ChannelLimitError,
    ConfigError,
    EventError,
    FollowkitError,
    InvalidEmailError,
    InvalidInputError,
    RuleError,
    UnsupportedLocaleError,
)


def test_input_error_names_field() -> None:
    error = InvalidInputError("must not be empty", field="name")
    assert str(error) == "name: must not be empty"
    assert error.reason == "must not be empty"
    assert isinstance(error, ValueError)


def test_input_error_without_field() -> None:
    assert str(InvalidInputError("bad")) == "bad"


def test_at_nests_the_path_and_keeps_class_and_extras() -> None:
    error = UnsupportedLocaleError("unknown", field="locale", locale="xx", supported=("en",))
    nested = error.at("applications[3]")
    assert type(nested) is UnsupportedLocaleError
    assert str(nested) == "applications[3].locale: unknown"
    assert nested.supported == ("en",)
    assert str(error) == "locale: unknown"  # the original is unchanged
    assert str(InvalidEmailError("bad").at("contact")) == "contact: bad"


def test_channel_limit_error_carries_numbers() -> None:
    error = ChannelLimitError("too long", field="body", limit=300, count=312)
    assert (error.limit, error.count, error.unit) == (300, 312, "characters")
    assert isinstance(error, InvalidInputError)


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({}, "duplicate id"),
        ({"source": "de.toml"}, "de.toml: duplicate id"),
        (
            {"source": "de.toml", "rule": "blame.you", "field": "patterns"},
            "de.toml: rule 'blame.you': field 'patterns': duplicate id",
        ),
        ({"rule": "blame.you"}, "rule 'blame.you': duplicate id"),
    ],
)
def test_rule_error_says_where(kwargs: dict[str, str], text: str) -> None:
    error = RuleError("duplicate id", **kwargs)
    assert str(error) == text
    assert error.reason == "duplicate id"


def test_hierarchy() -> None:
    for cls in (ConfigError, EventError, RuleError, ChannelLimitError):
        assert issubclass(cls, FollowkitError)
        assert issubclass(cls, ValueError)
    assert issubclass(ConfigError, RuleError)
