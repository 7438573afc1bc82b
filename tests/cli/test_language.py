"""``followkit check`` reads each text's language; input errors name their file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest

from cli.conftest import CSV_HEADER, CSV_ROWS

if TYPE_CHECKING:
    from pathlib import Path

GERMAN = (
    "Sehr geehrte Frau Schmidt,\n\nvielen Dank für Ihre Nachricht. Ich erwarte eine "
    "Begründung für diese Entscheidung, und zwar bis Freitag.\n\nMit freundlichen Grüßen\n"
    "Alex Kim\n"
)
ENGLISH = (
    "Dear Jordan,\n\nThank you for letting me know, and for your time during the interviews. "
    "Could you share one or two areas I could improve?\n\nKind regards,\nAlex Kim\n"
)


@pytest.fixture
def german(tmp_path: Path) -> Path:
    path = tmp_path / "brief.txt"
    path.write_text(GERMAN, encoding="utf-8")
    return path


class TestLocale:
    def test_a_german_text_gets_the_german_rules(self, run: Any, german: Path) -> None:
        result = run("check", str(german))
        assert result.code == 1
        assert f"{german}:3:33: error demanding.explanation „Ich erwarte" in result.out
        assert result.out.splitlines()[-1] == f"locale: {german} de (read from the text)"
        assert result.err == ""

    def test_the_json_report_says_which_locale_and_why(self, run: Any, german: Path) -> None:
        report = json.loads(run("check", "--format", "json", str(german)).out)["files"][0]
        assert report["locale"] == "de"
        assert report["locale_source"] == "detected"
        assert report["warnings"] == []

    def test_a_named_locale_that_does_not_fit_gets_a_note(self, run: Any, german: Path) -> None:
        result = run("check", "--locale", "en", "--format", "json", str(german))
        report = json.loads(result.out)["files"][0]
        assert result.code == 0  # the English rules find nothing: the note says why
        assert report["locale"] == "en"
        assert report["locale_source"] == "given"
        assert report["warnings"] == [
            "the text reads as German (de), but it was checked with the en rules"
        ]
        assert result.err.splitlines() == [
            f"{german}: note: the text reads as German (de), but it was checked with the en rules",
            "(check with --locale auto to use the rules of the text's own language)",
        ]

    def test_a_named_locale_that_fits_gets_no_note(self, run: Any, german: Path) -> None:
        result = run("check", "--locale", "de_AT", str(german))
        assert result.err == ""
        assert result.out.splitlines()[-1] == f"locale: {german} de (--locale)"

    def test_a_short_text_falls_back(self, run: Any) -> None:
        result = run("check", "-", stdin="Danke!")
        assert result.out.splitlines()[-1] == (
            "locale: <stdin> en (--fallback-locale: the language was unclear)"
        )
        other = run("check", "--fallback-locale", "de", "-", stdin="Danke!")
        assert other.out.splitlines()[-1].startswith("locale: <stdin> de (--fallback-locale")

    def test_files_in_different_languages(self, run: Any, german: Path, tmp_path: Path) -> None:
        english = tmp_path / "mail.txt"
        english.write_text(ENGLISH, encoding="utf-8")
        result = run("check", "--format", "json", str(german), str(english))
        files = json.loads(result.out)["files"]
        assert [item["locale"] for item in files] == ["de", "en"]

    def test_sarif_of_files_in_different_languages(
        self, run: Any, german: Path, tmp_path: Path
    ) -> None:
        rude = tmp_path / "rude.txt"
        rude.write_text("Hi Jordan,\n\nWHY DID YOU REJECT ME!!!\n\nAlex\n", encoding="utf-8")
        log = json.loads(run("check", "--format", "sarif", str(german), str(rude)).out)
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        ids = {rule["id"] for rule in rules}
        assert "shouting.capitals" in ids
        assert any(rule_id.startswith("demanding.") for rule_id in ids)
        assert all("shortDescription" in rule for rule in rules)

    @pytest.mark.parametrize("option", ["--locale", "--fallback-locale"])
    def test_an_unsupported_locale_names_the_option(self, run: Any, option: str) -> None:
        result = run("check", option, "pt_BR", "-", stdin=ENGLISH)
        assert result.code == 2
        assert result.err.startswith(f"followkit: error: {option}: 'pt_BR' has no tone rules")

    def test_rules_needs_one_locale(self, run: Any) -> None:
        result = run("rules", "--locale", "auto")
        assert result.code == 2
        assert "--locale: rules lists the rules of one locale" in result.err


class TestEmptyInput:
    @pytest.mark.parametrize("content", ["", "   \n\t\n", "\ufeff", "\ufeff \r\n"])
    def test_an_empty_file_is_an_input_error(self, run: Any, tmp_path: Path, content: str) -> None:
        path = tmp_path / "empty.txt"
        path.write_text(content, encoding="utf-8")
        result = run("check", str(path))
        assert result.code == 2
        assert result.err == f"followkit: error: {path}: is empty; there is no text to check\n"
        assert result.out == ""

    def test_empty_stdin(self, run: Any) -> None:
        result = run("check", "-", stdin="\n\n")
        assert result.code == 2
        assert result.err == "followkit: error: <stdin>: is empty; there is no text to check\n"


class TestFileNames:
    """Every error about an input names the file it comes from."""

    @pytest.fixture
    def extra_column(self, tmp_path: Path) -> Path:
        path = tmp_path / "tracker.csv"
        path.write_text(f"{CSV_HEADER},notes\n{CSV_ROWS[0]},call back\n", encoding="utf-8")
        return path

    @pytest.mark.parametrize("command", [["plan"], ["draft", "thank-you"]])
    def test_an_unknown_column_names_the_option_that_skips_it(
        self, run: Any, extra_column: Path, command: list[str]
    ) -> None:
        result = run(*command, "--from", str(extra_column))
        assert result.code == 2
        assert result.err.startswith(
            f"followkit: error: {extra_column}: row 1: notes: is not a followkit column"
        )
        assert "--ignore-unknown-columns" in result.err
        assert result.err.count("\n") == 1
        skipped = run(*command, "--from", str(extra_column), "--ignore-unknown-columns")
        assert skipped.code == 0, skipped.err

    def test_other_file_errors_are_kept(self, run: Any, tmp_path: Path) -> None:
        path = tmp_path / "short.csv"
        path.write_text("company,notes\nAcme,x\n", encoding="utf-8")
        result = run("plan", "--from", str(path), "--ignore-unknown-columns")
        assert result.err.startswith(f"followkit: error: {path}: row 1: the header lacks")

    def test_a_locale_messages_are_not_written_in_names_the_file(
        self, run: Any, tmp_path: Path, app_data: dict[str, Any]
    ) -> None:
        app_data["locale"] = "pt_BR"
        path = tmp_path / "app.json"
        path.write_text(json.dumps(app_data), encoding="utf-8")
        result = run("draft", "thank-you", "--from", str(path))
        assert result.code == 2
        assert result.err.startswith(f"followkit: error: {path}: locale: 'pt_BR' is not supported")

    def test_the_same_locale_from_the_flag_names_the_flag(self, run: Any, app_json: Path) -> None:
        result = run("draft", "thank-you", "--from", str(app_json), "--locale", "pt_BR")
        assert result.err.startswith("followkit: error: --locale: 'pt_BR' is not supported")

    def test_a_plan_of_a_row_in_an_unsupported_locale_names_file_and_row(
        self, run: Any, tmp_path: Path
    ) -> None:
        path = tmp_path / "apps.csv"
        row = CSV_ROWS[0].replace(",en,DE,", ",pt_BR,BR,").replace(",BY,", ",,")
        path.write_text(f"{CSV_HEADER}\n{row}\n", encoding="utf-8")
        result = run("plan", "--from", str(path))
        assert result.code == 2
        assert result.err.startswith(f"followkit: error: {path}: row 2: locale: ")
