"""Configuration: selection, severities, allow-list, ignores, extra rules, TOML files."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from followkit.errors import ConfigError, RuleError
from followkit.tone import Checker, Config, Ignore, check, load_rules

RUDE = "Hi, please reply ASAP. I demand an explanation. Thanks!!"


def ids(text: str, config: Config) -> list[str]:
    return [f.rule_id for f in Checker("en", config).check(text).findings]


def test_disable_by_category_and_enable_one_rule() -> None:
    assert "pressure.asap" in ids(RUDE, Config())
    assert "pressure.asap" not in ids(RUDE, Config(disable=["pressure"]))
    config = Config(disable=["pressure", "shouting"], enable=["pressure.asap"])
    found = ids(RUDE, config)
    assert "pressure.asap" in found
    assert "shouting.exclamations" not in found
    assert Config(disable="pressure").disable == ("pressure",)


def test_prefix_selection_needs_whole_segments() -> None:
    assert "pressure.asap" in ids(RUDE, Config(disable=["pressure.as"]))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"disable": ["press"]}, "disable"),
        ({"enable": ["nosuch.rule"]}, "enable"),
        ({"severity": {"pressur": "error"}}, "severity.pressur"),
    ],
)
def test_selectors_outside_the_categories_are_typos(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ConfigError, match="names no rule") as info:
        Config(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_severity_overrides() -> None:
    config = Config(severity={"demanding": "info", "demanding.ultimatum": "warning"})
    report = Checker("en", config).check(RUDE)
    severity = {f.rule_id: f.severity for f in report.findings}
    assert severity["demanding.ultimatum"] == "warning"
    config = Config(severity={"shouting": "error"})
    assert {f.severity for f in Checker("en", config).check("Thanks!!!").findings} == {"error"}
    assert Config(severity=[("pressure", "info")]).severity == (("pressure", "info"),)


def test_allow_list() -> None:
    assert "pressure.asap" not in ids(RUDE, Config(allow=["reply asap"]))
    assert "pressure.asap" in ids(RUDE, Config(allow="some other phrase"))


def test_allow_list_covers_code_rules() -> None:
    text = "We met at BNP PARIBAS last week."
    assert [f.rule_id for f in check(text).findings] == ["shouting.capitals"]
    assert check(text, config=Config(allow=["bnp paribas"])).findings == ()
    # Only what overlaps the allowed phrase is left out.
    other = "We met at BNP PARIBAS. PLEASE RESPOND NOW."
    spans = [
        (f.rule_id, f.text) for f in check(other, config=Config(allow=["bnp paribas"])).findings
    ]
    assert ("shouting.capitals", "PLEASE RESPOND NOW") in spans


def test_ignore_one_finding() -> None:
    [finding] = [f for f in check(RUDE).findings if f.rule_id == "pressure.asap"]
    config = Config(ignore=[{"rule": "pressure.asap", "start": finding.start, "end": finding.end}])
    assert "pressure.asap" not in ids(RUDE, config)
    assert "pressure.asap" in ids("Reply ASAP. " + RUDE, config)
    config = Config(ignore=[Ignore(rule_id="shouting.exclamations", start=54, end=56)])
    assert "shouting.exclamations" not in ids(RUDE, config)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"disable": ["has space"]}, "disable"),
        ({"enable": [3]}, "enable"),
        ({"enable": 3}, "enable"),
        ({"severity": {"pressure": "fatal"}}, "severity.pressure"),
        ({"severity": "x"}, "severity"),
        ({"severity": [1, 2]}, "severity"),
        ({"ignore": [{"rule": "x"}]}, "ignore[0]"),
        ({"ignore": [{"rule": "x", "start": -1, "end": 2}]}, "ignore[0]"),
        ({"ignore": 5}, "ignore"),
        ({"allow": 5}, "allow"),
        ({"extra_rules": 5}, "extra_rules"),
        ({"extra_rules": [5]}, "extra_rules"),
        ({"max_words": 0}, "max_words"),
        ({"max_questions": True}, "max_questions"),
    ],
)
def test_bad_values_name_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ConfigError) as info:
        Config(**kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_bad_allow_phrase_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match=r"field 'allow\[1\]'"):
        Config(allow=["fine", "(unclosed"])
    with pytest.raises(ConfigError, match="must be a phrase"):
        Config(allow=[3])


def test_allow_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "followkit.toml"
    path.write_text('[tone]\nallow = [""]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Config.from_toml(path)
    assert info.value.source == str(path)
    assert info.value.field == "allow[0]"


def test_decomposed_allow_phrases_are_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "société générale")
    config = Config(allow=[decomposed])
    assert config.allow == ("société générale",)
    text = "Nous avons parlé de SOCIÉTÉ GÉNÉRALE."
    assert check(text, locale="fr").findings
    assert not check(text, locale="fr", config=Config(allow=[decomposed])).findings


@pytest.mark.parametrize("field", ["skip_quoted", "skip_signature"])
def test_switches_must_be_booleans(field: str) -> None:
    with pytest.raises(ConfigError, match="must be true or false") as info:
        Config(**{field: "no"})  # type: ignore[arg-type]
    assert info.value.field == field


EXTRA = """
locale = "en"

[[rule]]
id = "pressure.circle-back"
category = "pressure"
severity = "info"
patterns = ["circle back (today|tomorrow)"]
message = "“{match}” is jargon with a deadline."
suggestion = "follow up"
fix = true
[rule.examples]
flag = ["Let's circle back today."]
pass = ["Let's follow up."]
"""


def test_extra_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "extra.toml"
    path.write_text(EXTRA, encoding="utf-8")
    config = Config(extra_rules=[path])
    report = Checker("en", config).check("Can we circle back tomorrow?")
    [finding] = report.findings
    assert finding.rule_id == "pressure.circle-back"
    assert finding.message == "“circle back tomorrow” is jargon with a deadline."
    assert report.fixed() == "Can we follow up?"
    assert Config(extra_rules=str(path)).extra_rules == config.extra_rules
    # rules for another locale do not apply
    german = Config(extra_rules=[path])
    assert "pressure.circle-back" not in Checker("de", german).rule_ids


def test_extra_rules_may_not_redefine_builtin_ids(tmp_path: Path) -> None:
    path = tmp_path / "dup.toml"
    path.write_text(EXTRA.replace("pressure.circle-back", "pressure.asap"), encoding="utf-8")
    with pytest.raises(RuleError, match="already defined") as info:
        Checker("en", Config(extra_rules=[path]))
    assert info.value.source == str(path)
    assert info.value.rule == "pressure.asap"


def test_extra_rules_file_errors_name_file_rule_and_field(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(EXTRA.replace('"circle back (today|tomorrow)"', '"circle (back"'), "utf-8")
    with pytest.raises(RuleError) as info:
        Config(extra_rules=[path])
    assert (info.value.source, info.value.rule, info.value.field) == (
        str(path),
        "pressure.circle-back",
        "patterns",
    )
    with pytest.raises(ConfigError, match="cannot read"):
        Config(extra_rules=[tmp_path / "missing.toml"])
    path.write_text("not = [valid", encoding="utf-8")
    with pytest.raises(RuleError, match="not valid TOML"):
        Config(extra_rules=[path])


def test_from_toml(tmp_path: Path) -> None:
    (tmp_path / "extra.toml").write_text(EXTRA, encoding="utf-8")
    path = tmp_path / "followkit.toml"
    path.write_text(
        '[tone]\ndisable = ["message"]\nextra_rules = ["extra.toml"]\nmax_words = 200\n'
        '[tone.severity]\npressure = "error"\n'
        '[[tone.ignore]]\nrule = "pressure.asap"\nstart = 0\nend = 4\n',
        encoding="utf-8",
    )
    config = Config.from_toml(path)
    assert config.disable == ("message",)
    assert config.max_words == 200
    assert config.severity == (("pressure", "error"),)
    assert config.ignore == (Ignore(rule_id="pressure.asap", start=0, end=4),)
    assert config.extra_rules[0].rules[0].id == "pressure.circle-back"


def test_from_toml_without_table_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "plain.toml"
    path.write_text('disable = ["pressure"]\n', encoding="utf-8")
    assert Config.from_toml(path).disable == ("pressure",)
    path.write_text('colour = "blue"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key") as info:
        Config.from_toml(path)
    assert info.value.source == str(path)
    assert info.value.field == "colour"
    path.write_text("max_words = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Config.from_toml(path)
    assert (info.value.source, info.value.field) == (str(path), "max_words")
    path.write_text("[tone\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.from_toml(path)
    with pytest.raises(ConfigError, match="cannot read"):
        Config.from_toml(tmp_path / "missing.toml")


def test_from_dict_errors() -> None:
    with pytest.raises(ConfigError, match="must be a table"):
        Config.from_dict([])  # type: ignore[arg-type]
    with pytest.raises(ConfigError):
        Config.from_dict({"skip_quoted": True, "max_words": "many"})
    assert Config.from_dict({"extra_rules": []}, source="x.toml") == Config()


def test_config_is_hashable_and_frozen() -> None:
    assert hash(Config(disable=["pressure"])) == hash(Config(disable=["pressure"]))
    assert Config(disable=["sarcasm", "blame", "blame"]).disable == ("blame", "sarcasm")


def test_load_rules_is_cached() -> None:
    assert load_rules("en") is load_rules("en")


def test_code_rule_messages_can_be_translated(tmp_path: Path) -> None:
    path = tmp_path / "messages.toml"
    path.write_text(
        '[messages."shouting.exclamations"]\nmessage = "Too loud."\n'
        '[messages."message.no-thanks"]\nmessage = "No thanks?"\nsuggestion = "Say thanks."\n',
        encoding="utf-8",
    )
    report = Checker("en", Config(extra_rules=[path])).check("Hello!!!")
    [finding] = report.findings
    assert (finding.message, finding.suggestion) == ("Too loud.", None)


@pytest.mark.parametrize(
    ("table", "reason"),
    [
        ('[messages."pressure.asap"]\nmessage = "x"\n', "not a rule written in code"),
        ('[messages."message.no-thanks"]\ntext = "x"\n', "'message' and 'suggestion'"),
        ('[messages."message.no-thanks"]\nmessage = ""\n', "non-empty string"),
        ("messages = 3\n", "must be a table"),
    ],
)
def test_bad_code_rule_messages(tmp_path: Path, table: str, reason: str) -> None:
    path = tmp_path / "messages.toml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(RuleError, match=reason) as info:
        Config(extra_rules=[path])
    assert info.value.field == "messages"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("a = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
        ("a = " + "{b = " * 50_000 + "1" + "}" * 50_000 + "\n", "nested too deeply"),
        ("# " + "x" * 4_000_000 + "\n", "at most 4,000,000"),
    ],
    ids=["deep-arrays", "deep-tables", "huge"],
)
def test_hostile_files_are_refused_naming_the_file(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "hostile.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason) as info:
        Config.from_toml(path)
    assert info.value.source == str(path)
    with pytest.raises(RuleError, match=reason) as rule_info:
        Config(extra_rules=[path])
    assert rule_info.value.source == str(path)
