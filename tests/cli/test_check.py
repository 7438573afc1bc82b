"""``followkit check`` and ``followkit rules``."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
from typing import TYPE_CHECKING, Any

import pytest

from followkit.cli._check import Lines

if TYPE_CHECKING:
    from pathlib import Path

#: patch(1), to check that --diff output applies; the test that needs it is skipped without.
PATCH = shutil.which("patch")

# Findings here come from the code rules (shouting, message-level), which are stable, and
# from a rule file written for these tests with made-up words ("xyzzy", "plugh"), so that
# the tests do not depend on the wording of the shipped rule data.
RUDE = "Hi Jordan,\n\nWHY DID YOU REJECT ME!!! Reply xyzzy.\n\nAlex\n"
LINE_3 = RUDE.splitlines()[2]
POLITE = (
    "Dear Jordan,\n\nThank you for letting me know, and for your time during the interviews. "
    "I enjoyed meeting the team and learning about the work. Could you share one or two "
    "areas I could improve, such as my system design answers?\n\nKind regards,\nAlex Kim\n"
)
EXTRA_RULES = """\
locale = "en"

[[rule]]
id = "pressure.test-xyzzy"
category = "pressure"
severity = "warning"
patterns = ["xyzzy"]
message = "'{match}' puts the reader under time pressure."
suggestion = "when you have a moment"
fix = true
[rule.examples]
flag = ["Please reply xyzzy."]
pass = ["Please reply when you can."]

[[rule]]
id = "pressure.test-plugh"
category = "pressure"
severity = "info"
patterns = ["plugh"]
message = "'{match}' sounds pressing."
[rule.examples]
flag = ["This is plugh."]
pass = ["This matters to me."]
"""


@pytest.fixture
def config(tmp_path: Path) -> Path:
    (tmp_path / "extra.toml").write_text(EXTRA_RULES, encoding="utf-8")
    path = tmp_path / "followkit.toml"
    path.write_text('[tone]\nextra_rules = ["extra.toml"]\n', encoding="utf-8")
    return path


@pytest.fixture
def rude(tmp_path: Path) -> Path:
    path = tmp_path / "rude.txt"
    path.write_text(RUDE, encoding="utf-8")
    return path


@pytest.fixture
def polite(tmp_path: Path) -> Path:
    path = tmp_path / "polite.txt"
    path.write_text(POLITE, encoding="utf-8")
    return path


class TestText:
    def test_findings_like_a_compiler(self, run: Any, rude: Path) -> None:
        result = run("check", str(rude))
        assert result.code == 1
        assert result.err == ""
        lines = result.out.splitlines()
        head = f"{rude}:3:1: warning shouting.capitals Words in capitals read as shouting."
        assert head in lines
        at = lines.index(head)
        assert lines[at + 1] == "    WHY DID YOU REJECT ME!!! Reply xyzzy."
        assert lines[at + 2] == "    " + "^" * len("WHY DID YOU REJECT ME")
        assert lines[at + 3].startswith("    suggestion: ")
        marks = f"{rude}:3:22: warning shouting.exclamations "
        assert any(line.startswith(marks) for line in lines)
        report = json.loads(run("check", "--format", "json", str(rude)).out)["files"][0]
        counts = [sum(f["severity"] == s for f in report["findings"]) for s in _SEVERITIES]
        assert lines[-1] == f"locale: {rude} en (read from the text)"
        assert lines[-2] == (
            f"{counts[0]} error{'' if counts[0] == 1 else 's'}, "
            f"{counts[1]} warning{'' if counts[1] == 1 else 's'}, "
            f"{counts[2]} note{'' if counts[2] == 1 else 's'} "
            f"in 1 file (courtesy score: {rude} {report['score']}/100)"
        )

    def test_clean_text_exits_0(self, run: Any, polite: Path) -> None:
        result = run("check", str(polite))
        assert result.code == 0, result.out
        assert result.out.startswith("0 errors, 0 warnings, 0 notes in 1 file")

    def test_stdin_by_default_and_with_dash(self, run: Any) -> None:
        for argv in (("check",), ("check", "-")):
            result = run(*argv, stdin=RUDE)
            assert result.code == 1
            assert "<stdin>:3:1: warning shouting.capitals" in result.out

    def test_many_files(self, run: Any, rude: Path, polite: Path) -> None:
        result = run("check", str(polite), str(rude))
        assert result.code == 1
        assert "in 2 files" in result.out.splitlines()[-2]

    @pytest.mark.parametrize(("fail_on", "code"), [("error", 0), ("warning", 1), ("info", 1)])
    def test_fail_on(self, run: Any, rude: Path, fail_on: str, code: int) -> None:
        assert run("check", "--fail-on", fail_on, str(rude)).code == code

    def test_fail_on_info(self, run: Any, tmp_path: Path, config: Path) -> None:
        path = tmp_path / "note.txt"
        path.write_text(POLITE.replace("Thank you", "It is plugh. Thank you"), encoding="utf-8")
        assert run("check", "--config", str(config), str(path)).code == 0
        assert run("check", "--config", str(config), "--fail-on", "info", str(path)).code == 1

    def test_tabs_keep_the_caret_aligned(self, run: Any) -> None:
        result = run("check", "-", stdin="\tHELLO THERE EVERYONE\n")
        assert "    \tHELLO THERE EVERYONE\n    \t^^^^" in result.out

    def test_crlf_text(self, run: Any) -> None:
        result = run("check", "-", stdin=RUDE.replace("\n", "\r\n"))
        assert "<stdin>:3:1: warning shouting.capitals" in result.out
        assert "\r" not in result.out

    def test_output_file(self, run: Any, rude: Path, tmp_path: Path) -> None:
        target = tmp_path / "report.txt"
        result = run("check", "-o", str(target), str(rude))
        assert (result.code, result.out) == (1, "")
        assert "shouting.capitals" in target.read_text(encoding="utf-8")

    def test_locale(self, run: Any) -> None:
        result = run("check", "--locale", "de", "-", stdin="Guten Tag,\n\nWARUM NICHT ICH!!!\n")
        assert result.code == 1
        assert "shouting.capitals" in result.out

    def test_unknown_locale(self, run: Any) -> None:
        result = run("check", "--locale", "xx", "-", stdin="Hello")
        assert result.code == 2
        assert result.err.startswith("followkit: error: --locale: ")
        assert result.err.count("\n") == 1

    def test_unsupported_locale(self, run: Any) -> None:
        result = run("check", "--locale", "ja", "-", stdin="Hello")
        assert result.code == 2
        assert "has no tone rules; supported locales: " in result.err

    def test_bad_config(self, run: Any, tmp_path: Path) -> None:
        path = tmp_path / "bad.toml"
        path.write_text("[tone]\ndisabel = ['shouting']\n", encoding="utf-8")
        result = run("check", "--config", str(path), "-", stdin="Hello")
        assert result.code == 2
        assert result.err.startswith(f"followkit: error: {path}: field 'disabel': unknown key")

    def test_config_disables(self, run: Any, tmp_path: Path, rude: Path) -> None:
        path = tmp_path / "quiet.toml"
        path.write_text("[tone]\ndisable = ['shouting']\n", encoding="utf-8")
        result = run("check", "--config", str(path), str(rude))
        assert "shouting." not in result.out

    def test_huge_input_is_refused(self, run: Any, tmp_path: Path) -> None:
        path = tmp_path / "huge.txt"
        with path.open("wb") as handle:
            handle.truncate(16 * 1024 * 1024 + 1)
        result = run("check", str(path))
        assert result.code == 2
        assert (
            result.err
            == f"followkit: error: {path}: is larger than 16 MiB; split it into smaller files\n"
        )

    def test_a_checker_refusal_names_the_file(
        self, run: Any, rude: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from followkit import InvalidInputError
        from followkit.tone import Checker

        def refuse(self: Checker, text: str) -> None:
            raise InvalidInputError("is too long to check", field="text")

        monkeypatch.setattr(Checker, "check", refuse)
        result = run("check", str(rude))
        assert result.err == f"followkit: error: {rude}: is too long to check\n"

    def test_hostile_text(self, run: Any) -> None:
        result = run("check", "-", stdin="!" * 100_000 + "\x00\ud7ff" + "A" * 50_000)
        assert result.code == 1
        assert "shouting.exclamations" in result.out


_SEVERITIES = ("error", "warning", "info")


class TestJson:
    def test_structure(self, run: Any, rude: Path, polite: Path) -> None:
        result = run("check", "--format", "json", str(rude), str(polite))
        assert result.code == 1
        document = json.loads(result.out)
        assert [item["path"] for item in document["files"]] == [str(rude), str(polite)]
        first = document["files"][0]
        assert first["ok"] is False
        assert {f["rule_id"] for f in first["findings"]} >= {
            "shouting.capitals",
            "shouting.exclamations",
        }
        assert document["summary"] == {
            "error": sum(f["severity"] == "error" for f in first["findings"]),
            "warning": sum(f["severity"] == "warning" for f in first["findings"]),
            "info": sum(f["severity"] == "info" for f in first["findings"]),
            "files": 2,
        }


class TestSarif:
    def test_required_properties(self, run: Any, rude: Path, config: Path) -> None:
        result = run("check", "--format", "sarif", "--config", str(config), str(rude))
        assert result.code == 1
        log = json.loads(result.out)
        assert log["version"] == "2.1.0"
        assert log["$schema"].endswith("sarif-2.1.0.json")
        [run_] = log["runs"]
        driver = run_["tool"]["driver"]
        assert driver["name"] == "followkit"
        rule_ids = [rule["id"] for rule in driver["rules"]]
        assert rule_ids == sorted(set(rule_ids))
        assert "pressure.test-xyzzy" in rule_ids
        xyzzy = driver["rules"][rule_ids.index("pressure.test-xyzzy")]
        assert xyzzy["defaultConfiguration"] == {"level": "warning"}
        assert xyzzy["help"] == {"text": "when you have a moment"}
        assert run_["columnKind"] == "unicodeCodePoints"
        assert run_["results"]
        for item in run_["results"]:
            assert item["level"] in {"error", "warning", "note"}
            assert item["message"]["text"]
            assert rule_ids[item["ruleIndex"]] == item["ruleId"]
            [location] = item["locations"]
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == rude.as_uri()
            region = physical["region"]
            for key in ("startLine", "startColumn", "endLine", "endColumn"):
                assert isinstance(region[key], int)
                assert region[key] >= 1
        xyzzy_result = next(r for r in run_["results"] if r["ruleId"] == "pressure.test-xyzzy")
        assert xyzzy_result["locations"][0]["physicalLocation"]["region"] == {
            "startLine": 3,
            "startColumn": LINE_3.index("xyzzy") + 1,
            "endLine": 3,
            "endColumn": LINE_3.index("xyzzy") + 1 + len("xyzzy"),
            "charOffset": RUDE.index("xyzzy"),
            "charLength": len("xyzzy"),
            "snippet": {"text": "xyzzy"},
        }
        assert xyzzy_result["fixes"] == [
            {
                "description": {"text": "Replace with 'when you have a moment'"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": rude.as_uri()},
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "charOffset": RUDE.index("xyzzy"),
                                    "charLength": len("xyzzy"),
                                },
                                "insertedContent": {"text": "when you have a moment"},
                            }
                        ],
                    }
                ],
            }
        ]
        unfixable = [r for r in run_["results"] if r["ruleId"].startswith("shouting.")]
        assert unfixable
        assert all("fixes" not in r for r in unfixable)
        assert xyzzy_result["message"]["text"] == (
            "'xyzzy' puts the reader under time pressure. Suggestion: when you have a moment"
        )

    def test_a_fix_keeps_the_capital(self, run: Any, config: Path) -> None:
        log = json.loads(
            run("check", "--format", "sarif", "--config", str(config), stdin="Xyzzy, please.").out
        )
        [result] = [r for r in log["runs"][0]["results"] if r["ruleId"] == "pressure.test-xyzzy"]
        change = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
        assert change["insertedContent"] == {"text": "When you have a moment"}
        assert change["deletedRegion"] == {"charOffset": 0, "charLength": 5}

    def test_validates_against_the_sarif_shape(self, run: Any, rude: Path) -> None:
        import jsonschema

        log = json.loads(run("check", "--format", "sarif", str(rude)).out)
        jsonschema.Draft7Validator(SARIF_SUBSET).validate(log)

    def test_relative_paths_and_stdin(
        self, run: Any, rude: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(rude.parent)
        (rude.parent / "my draft.txt").write_text(RUDE, encoding="utf-8")
        log = json.loads(run("check", "--format", "sarif", "my draft.txt").out)
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]
        }
        assert uris == {"my%20draft.txt"}
        log = json.loads(run("check", "--format", "sarif", stdin=RUDE).out)
        uris = {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]
        }
        assert uris == {"stdin"}

    def test_clean_run(self, run: Any, polite: Path) -> None:
        log = json.loads(run("check", "--format", "sarif", str(polite)).out)
        assert log["runs"][0]["results"] == []
        assert log["runs"][0]["tool"]["driver"]["rules"] == []


# The parts of the SARIF 2.1.0 schema that a consumer relies on (the full schema is not
# shipped with any installed package, and the tests run offline).
SARIF_SUBSET: dict[str, Any] = {
    "type": "object",
    "required": ["version", "runs"],
    "properties": {
        "version": {"const": "2.1.0"},
        "runs": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["tool"],
                "properties": {
                    "tool": {
                        "type": "object",
                        "required": ["driver"],
                        "properties": {
                            "driver": {
                                "type": "object",
                                "required": ["name"],
                                "properties": {
                                    "name": {"type": "string"},
                                    "rules": {
                                        "type": "array",
                                        "items": {"type": "object", "required": ["id"]},
                                    },
                                },
                            }
                        },
                    },
                    "results": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["message"],
                            "properties": {
                                "level": {"enum": ["none", "note", "warning", "error"]},
                                "message": {"type": "object", "required": ["text"]},
                                "locations": {"type": "array"},
                            },
                        },
                    },
                },
            },
        },
    },
}


class TestFix:
    def test_fix_in_place(self, run: Any, tmp_path: Path, config: Path) -> None:
        path = tmp_path / "draft.txt"
        path.write_text(POLITE.replace("Could you", "Xyzzy, could you"), encoding="utf-8")
        path.chmod(0o640)
        result = run("check", "--config", str(config), "--fix", str(path))
        assert result.code == 0, result.out
        fixed = path.read_text(encoding="utf-8")
        assert "When you have a moment, could you" in fixed
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        assert result.out.startswith(f"{path}: applied the safe rewrites; what remains is below")
        assert sorted(p.name for p in tmp_path.iterdir()) == [
            "draft.txt",
            "extra.toml",
            "followkit.toml",
        ]

    def test_fix_keeps_crlf_and_bom(self, run: Any, tmp_path: Path, config: Path) -> None:
        path = tmp_path / "draft.txt"
        text = "\ufeff" + POLITE.replace("\n", "\r\n").replace("Could", "Xyzzy could")
        path.write_bytes(text.encode("utf-8"))
        run("check", "--config", str(config), "--fix", str(path))
        data = path.read_bytes().decode("utf-8")
        assert data.startswith("\ufeffDear Jordan,\r\n")
        assert "When you have a moment could" in data
        assert data.count("\r\n") == text.count("\r\n")

    def test_fix_without_anything_to_fix_leaves_the_file(
        self, run: Any, polite: Path, config: Path
    ) -> None:
        before = polite.stat().st_mtime_ns
        result = run("check", "--config", str(config), "--fix", str(polite))
        assert result.code == 0
        assert polite.stat().st_mtime_ns == before
        assert "applied" not in result.out

    def test_fix_reports_what_remains(self, run: Any, rude: Path, config: Path) -> None:
        result = run("check", "--config", str(config), "--fix", str(rude))
        assert result.code == 1
        assert "reply when you have a moment." in rude.read_text(encoding="utf-8").lower()
        assert "pressure.test-xyzzy" not in result.out
        assert "shouting.capitals" in result.out

    def test_fix_stdin_prints_the_text(self, run: Any, config: Path) -> None:
        result = run("check", "--config", str(config), "--fix", stdin=RUDE)
        assert result.out == RUDE.replace("xyzzy", "when you have a moment")
        assert result.code == 1  # the shouting remains

    def test_fix_stdin_names_what_it_could_not_fix(self, run: Any, config: Path) -> None:
        result = run("check", "--config", str(config), "--fix", stdin=RUDE)
        lines = result.err.splitlines()
        assert "<stdin>:3:1: warning shouting.capitals Words in capitals read as shouting." in lines
        assert not any("pressure.test-xyzzy" in line for line in lines)
        assert lines[-1] == ("<stdin>: --fix could not rewrite 3 findings; reword them yourself")

    def test_fix_of_a_file_says_what_remains_on_stderr(
        self, run: Any, rude: Path, config: Path
    ) -> None:
        result = run("check", "--config", str(config), "--fix", str(rude))
        assert result.code == 1
        assert result.err == f"{rude}: --fix could not rewrite 3 findings; reword them yourself\n"

    def test_fix_with_one_finding_left(self, run: Any, config: Path) -> None:
        text = POLITE.replace("Could you", "This is plugh. Please reply xyzzy. Could you")
        result = run("check", "--config", str(config), "--fix", stdin=text)
        assert result.err.endswith("--fix could not rewrite 1 finding; reword it yourself\n")

    def test_fix_with_nothing_left_is_silent(self, run: Any, config: Path) -> None:
        result = run(
            "check", "--config", str(config), "--fix", stdin=POLITE.replace("Could", "Xyzzy could")
        )
        assert result.code == 0
        assert result.err == ""

    def test_fix_rewrites_nothing_when_a_later_file_fails(
        self, run: Any, tmp_path: Path, config: Path
    ) -> None:
        path = tmp_path / "draft.txt"
        path.write_text("Reply xyzzy.\n", encoding="utf-8")
        result = run("check", "--config", str(config), "--fix", str(path), str(tmp_path / "no"))
        assert result.code == 2
        assert result.err.endswith("no: no such file or directory\n")
        assert path.read_text(encoding="utf-8") == "Reply xyzzy.\n"

    def test_fix_stdin_with_files_is_refused(self, run: Any, rude: Path) -> None:
        result = run("check", "--fix", "-", str(rude))
        assert result.code == 2
        assert "--fix rewrites files in place; check stdin on its own" in result.err

    def test_fix_stdin_with_a_format_is_refused(self, run: Any) -> None:
        result = run("check", "--fix", "--format", "json", stdin=RUDE)
        assert result.code == 2
        assert "--format does not apply" in result.err

    def test_diff(self, run: Any, rude: Path, config: Path) -> None:
        before = rude.read_text(encoding="utf-8")
        result = run("check", "--config", str(config), "--diff", str(rude))
        assert result.code == 1
        assert result.out.splitlines()[:2] == [f"--- a/{rude}", f"+++ b/{rude}"]
        assert "-WHY DID YOU REJECT ME!!! Reply xyzzy.\n" in result.out
        assert "+WHY DID YOU REJECT ME!!! Reply when you have a moment.\n" in result.out
        assert rude.read_text(encoding="utf-8") == before

    def test_diff_of_a_last_line_without_newline(self, run: Any, config: Path) -> None:
        result = run("check", "--config", str(config), "--diff", stdin="Reply xyzzy")
        assert result.out.endswith(
            "-Reply xyzzy\n\\ No newline at end of file\n"
            "+Reply when you have a moment\n\\ No newline at end of file\n"
        )

    @pytest.mark.skipif(PATCH is None, reason="needs patch(1)")
    @pytest.mark.parametrize(
        "content",
        [
            "\ufeffHi Jordan,\r\n\r\nPer my last email, please reply ASAP.\r\n",
            "Hi,\n\nPer my last email, reply ASAP.",
        ],
        ids=["bom-crlf", "no-final-newline"],
    )
    def test_diff_applies_with_patch(
        self, run: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
    ) -> None:
        (tmp_path / "sub").mkdir()
        draft = tmp_path / "sub" / "draft.txt"
        draft.write_bytes(content.encode("utf-8"))
        monkeypatch.chdir(tmp_path)
        result = run("check", "--diff", "sub/draft.txt")
        (tmp_path / "fix.patch").write_bytes(result.out.encode("utf-8"))
        done = subprocess.run(
            [str(PATCH), "-p1", "-F0", "-i", "fix.patch"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        fixed = draft.read_bytes().decode("utf-8")
        assert fixed.startswith("\ufeff") == content.startswith("\ufeff")
        assert "ASAP" not in fixed

    def test_nothing_to_diff(self, run: Any, polite: Path) -> None:
        result = run("check", "--diff", str(polite))
        assert (result.code, result.out) == (0, "")


class TestRules:
    def test_text(self, run: Any) -> None:
        result = run("rules")
        assert result.code == 0
        assert "  shouting.capitals" in result.out
        assert "message.no-greeting" in result.out
        assert result.out.rstrip().endswith("for locale en")

    def test_json(self, run: Any, config: Path) -> None:
        result = run("rules", "--format", "json", "--config", str(config))
        document = json.loads(result.out)
        assert document["locale"] == "en"
        rules = {rule["id"]: rule for rule in document["rules"]}
        assert rules["pressure.test-xyzzy"]["fixable"] is True
        assert rules["pressure.test-xyzzy"]["origin"].endswith("extra.toml")
        assert rules["shouting.capitals"]["severity"] == "warning"
        assert list(rules) == sorted(rules)
        assert rules["pressure.test-xyzzy"]["message"] == "'…' puts the reader under time pressure."
        assert not any("{match}" in rule["message"] for rule in rules.values())

    def test_text_marks_fixable_and_categories(self, run: Any, config: Path) -> None:
        out = run("rules", "--config", str(config)).out
        assert "\npressure\n" in out
        assert "(fixable)" in out

    def test_severity_override(self, run: Any, tmp_path: Path) -> None:
        path = tmp_path / "c.toml"
        path.write_text("[tone.severity]\nshouting = 'error'\n", encoding="utf-8")
        document = json.loads(run("rules", "--format", "json", "--config", str(path)).out)
        rules = {rule["id"]: rule for rule in document["rules"]}
        assert rules["shouting.capitals"]["severity"] == "error"

    def test_regional_locale(self, run: Any) -> None:
        document = json.loads(run("rules", "--format", "json", "--locale", "de_AT").out)
        assert document["locale"] == "de"


def test_lines_positions() -> None:
    lines = Lines("ab\r\ncd\ne\rf")
    assert [lines.position(i) for i in (0, 1, 4, 7, 9)] == [(1, 1), (1, 2), (2, 1), (3, 1), (4, 1)]
    assert [lines.line(n) for n in (1, 2, 3, 4)] == ["ab", "cd", "e", "f"]
