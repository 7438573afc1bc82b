"""Reading applications from JSON, TOML and CSV files."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followkit
from followkit import Application, InputFileError, InvalidInputError
from followkit.files import (
    CSV_COLUMNS,
    MAX_FILE_SIZE,
    load_application,
    load_applications,
    parse_applications,
)

from .conftest import APP, CSV_HEADER, CSV_ROWS

if TYPE_CHECKING:
    from pathlib import Path


def csv_text(*rows: str, header: str = CSV_HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


class TestJson:
    def test_one_object(self, app_json: Path) -> None:
        [app] = load_applications(app_json)
        assert app == Application.from_dict(APP)
        assert load_application(app_json) == app

    def test_a_list(self, tmp_path: Path, app_data: dict[str, Any]) -> None:
        other = {**app_data, "company": "Globex"}
        path = tmp_path / "apps.json"
        path.write_text(json.dumps([app_data, other]), encoding="utf-8")
        assert [app.company for app in load_applications(path)] == ["Acme Analytics", "Globex"]
        with pytest.raises(InputFileError, match="holds 2 applications; exactly one"):
            load_application(path)

    def test_error_in_a_list_names_the_item_and_field(self, app_data: dict[str, Any]) -> None:
        bad = {**app_data, "contacts": [{"name": "Sam", "email": "sam@@x"}]}
        with pytest.raises(InputFileError) as info:
            parse_applications(json.dumps([app_data, bad]), file_format="json", source="a.json")
        assert str(info.value).startswith("a.json: item 2: contacts[0].email: 'sam@@x' is not")
        assert (info.value.source, info.value.row, info.value.field) == (
            "a.json",
            2,
            "contacts[0].email",
        )
        assert isinstance(info.value, InvalidInputError)
        assert isinstance(info.value, ValueError)

    def test_a_list_of_one_still_names_the_item(self, app_data: dict[str, Any]) -> None:
        with pytest.raises(InputFileError, match=r"^x: item 1: company: is required$"):
            parse_applications(
                json.dumps([{**app_data, "company": None}]), file_format="json", source="x"
            )

    def test_a_single_object_has_no_item(self, app_data: dict[str, Any]) -> None:
        with pytest.raises(InputFileError, match=r"^x: timezone: 'Mars/Base' is not a known"):
            parse_applications(
                json.dumps({**app_data, "timezone": "Mars/Base"}), file_format="json", source="x"
            )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ('{"company": 1,\n "company": 2}', "the key 'company' appears twice in one object"),
            ('{"company": "A",\n "position" 2}', "line 2: column 13: invalid JSON: Expecting ':'"),
            ("[]", "holds an empty list: no application to read"),
            ("[1]", "item 1: an application must be an object (a table), not a number"),
            ('"x"', "an application must be an object (a table), not a string"),
            ("null", "not null"),
            ("[[]]", "not a list"),
            ("[true]", "not a boolean"),
            ('{"a": NaN}', "NaN is not valid JSON"),
            ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
            ("", "line 1: column 1: invalid JSON"),
        ],
    )
    def test_bad_documents(self, text: str, message: str) -> None:
        with pytest.raises(InputFileError, match="^doc.json: ") as info:
            parse_applications(text, file_format="json", source="doc.json")
        assert message in str(info.value)

    def test_unknown_field(self, app_data: dict[str, Any]) -> None:
        with pytest.raises(InputFileError, match=r"^x: compnay: unknown field"):
            parse_applications(
                json.dumps({**app_data, "compnay": "A"}), file_format="json", source="x"
            )


class TestToml:
    DOC = """\
company = "Acme Analytics"
position = "Data Engineer"
decided_at = 2026-11-20T15:00:00+01:00
interviewed_on = 2026-11-18
timezone = "Europe/Berlin"

[candidate]
name = "Alex Kim"

[[contacts]]
name = "Jordan Lee"
email = "jordan@acme.example"
"""

    def test_one_application_with_native_dates(self, tmp_path: Path) -> None:
        path = tmp_path / "app.toml"
        path.write_text(self.DOC, encoding="utf-8")
        app = load_application(path)
        assert app.decided_at.isoformat() == "2026-11-20T15:00:00+01:00"
        assert app.interviewed_on is not None
        assert app.interviewed_on.isoformat() == "2026-11-18"
        assert app.contact.email == "jordan@acme.example"

    def test_local_datetime_is_read_in_the_timezone(self) -> None:
        doc = self.DOC.replace("2026-11-20T15:00:00+01:00", "2026-11-20T15:00:00")
        [app] = parse_applications(doc, file_format="toml")
        assert app.decided_at.utcoffset() is not None
        assert app.decided_at.isoformat() == "2026-11-20T15:00:00+01:00"

    MANY = """\
[[applications]]
company = "Acme Analytics"
position = "Data Engineer"
decided_at = 2026-11-20T15:00:00
timezone = "Europe/Berlin"
candidate = { name = "Alex Kim" }
contact = { name = "Jordan Lee" }

[[applications]]
company = "COMPANY"
position = "Data Analyst"
decided_at = "2026-11-19T10:30"
timezone = "America/New_York"
candidate = { name = "Alex Kim" }
contacts = [{ name = "Sam Roe" }, { name = "Pat Poe" }]
"""

    def test_many(self) -> None:
        doc = self.MANY.replace("COMPANY", "Globex")
        apps = parse_applications(doc, file_format="toml", source="many.toml")
        assert [app.company for app in apps] == ["Acme Analytics", "Globex"]
        assert [c.name for c in apps[1].contacts] == ["Sam Roe", "Pat Poe"]
        with pytest.raises(InputFileError, match=r"^many.toml: item 2: company: must not be"):
            parse_applications(
                self.MANY.replace("COMPANY", " "), file_format="toml", source="many.toml"
            )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("company = ", "invalid TOML: "),
            ("applications = 3", "applications: must be a non-empty array of tables"),
            ("applications = []", "applications: must be a non-empty array of tables"),
            ("company = 'A'", "is required"),
        ],
    )
    def test_bad_documents(self, text: str, message: str) -> None:
        with pytest.raises(InputFileError, match="^t.toml: ") as info:
            parse_applications(text, file_format="toml", source="t.toml")
        assert message in str(info.value)


class TestCsv:
    def test_rows(self, apps_csv: Path) -> None:
        first, second = load_applications(apps_csv)
        assert first == Application.from_dict(
            {**APP, "decided_at": "2026-11-20T15:00", "interviewed_on": None}
        )
        assert (second.company, second.subdivision, second.highlight) == ("Globex", "NY", None)
        assert second.decided_at.isoformat() == "2026-11-19T10:30:00-05:00"

    def test_every_documented_column(self) -> None:
        values = {
            "company": "Acme",
            "position": "Engineer",
            "candidate_name": "Alex Kim",
            "candidate_email": "alex@example.com",
            "candidate_profile_url": "https://example.com/alex",
            "candidate_phone": "+49 30 1234567",
            "candidate_timezone": "Europe/Paris",
            "contact_name": "Jordan Lee",
            "contact_email": "jordan@acme.example",
            "contact_role": "Recruiter",
            "contact_company": "Acme Group",
            "contact_profile_url": "https://example.com/jordan",
            "decided_at": "2026-11-20T15:00",
            "interviewed_on": "2026-11-18",
            "locale": "de_AT",
            "timezone": "Europe/Vienna",
            "territory": "AT",
            "territory_source": "locale",
            "subdivision": "9",
            "highlight": "the pairing session",
            "reply_subject": "Your application",
        }
        assert tuple(values) == CSV_COLUMNS
        text = csv_text('"' + '","'.join(values.values()) + '"', header=",".join(values))
        [app] = parse_applications(text, file_format="csv")
        data = app.as_dict()
        assert data["candidate"] == {
            "name": "Alex Kim",
            "email": "alex@example.com",
            "profile_url": "https://example.com/alex",
            "phone": "+49 30 1234567",
            "timezone": "Europe/Paris",
        }
        assert data["contacts"] == [
            {
                "name": "Jordan Lee",
                "email": "jordan@acme.example",
                "role": "Recruiter",
                "company": "Acme Group",
                "profile_url": "https://example.com/jordan",
            }
        ]
        assert (data["locale"], data["subdivision"], data["reply_subject"]) == (
            "de_AT",
            "9",
            "Your application",
        )

    def test_more_contacts(self) -> None:
        header = CSV_HEADER + ",contact2_name,contact2_email,contact20_name"
        row = CSV_ROWS[0] + ",Sam Roe,sam@acme.example,Pat Poe"
        [app] = parse_applications(csv_text(row, header=header), file_format="csv")
        assert [c.name for c in app.contacts] == ["Jordan Lee", "Sam Roe", "Pat Poe"]

    def test_error_in_a_later_contact_names_its_column(self) -> None:
        header = CSV_HEADER + ",contact3_name,contact3_email"
        row = CSV_ROWS[0] + ",Sam Roe,sam@"
        with pytest.raises(InputFileError, match=r"^a.csv: row 2: contact3_email: 'sam@'"):
            parse_applications(csv_text(row, header=header), file_format="csv", source="a.csv")

    def test_contact_without_name(self) -> None:
        header = CSV_HEADER + ",contact2_email"
        row = CSV_ROWS[0] + ",sam@acme.example"
        with pytest.raises(
            InputFileError, match=r"^a.csv: row 2: contact2_name: is required when other"
        ):
            parse_applications(csv_text(row, header=header), file_format="csv", source="a.csv")

    def test_semicolons_tabs_bom_and_crlf(self) -> None:
        for delimiter in (";", "\t"):
            rows = [r.replace(",", delimiter) for r in (CSV_HEADER, *CSV_ROWS)]
            data = ("\ufeff" + "\r\n".join(rows) + "\r\n").encode("utf-8")
            apps = parse_applications(data, file_format="csv")
            assert [app.company for app in apps] == ["Acme Analytics", "Globex"]

    @pytest.mark.parametrize("kind", ["csv", "json", "toml"])
    def test_text_that_kept_its_byte_order_mark(self, kind: str, tmp_path: Path) -> None:
        # Path.read_text(encoding="utf-8") keeps a BOM as U+FEFF; the text is still UTF-8.
        documents = {
            "csv": "\n".join([CSV_HEADER, CSV_ROWS[0]]) + "\n",
            "json": json.dumps(APP),
            "toml": 'company = "Acme Analytics"\nposition = "Data Engineer"\n'
            'decided_at = 2026-11-20T15:00:00+01:00\ntimezone = "Europe/Berlin"\n'
            'candidate = {name = "Alex Kim"}\ncontacts = [{name = "Jordan Lee"}]\n',
        }
        path = tmp_path / f"app.{kind}"
        path.write_bytes(b"\xef\xbb\xbf" + documents[kind].encode("utf-8"))
        text = path.read_text(encoding="utf-8")
        [app] = parse_applications(text, file_format=kind)  # type: ignore[arg-type]
        assert app.company == "Acme Analytics"

    def test_blank_rows_are_skipped_and_rows_are_spreadsheet_rows(self) -> None:
        bad = CSV_ROWS[1].replace("America/New_York", "Nowhere")
        text = csv_text(CSV_ROWS[0], ",,,,", "", bad)
        with pytest.raises(InputFileError) as info:
            parse_applications(text, file_format="csv", source="t.csv")
        assert str(info.value).startswith("t.csv: row 5: timezone: 'Nowhere' is not a known")
        assert info.value.row == 5

    def test_quoted_cells_with_commas(self) -> None:
        row = CSV_ROWS[0].replace(
            "the team's approach to experimentation", '"the team\'s ""approach"", and its people"'
        )
        [app] = parse_applications(csv_text(row), file_format="csv")
        assert app.highlight == 'the team\'s "approach", and its people'
        with pytest.raises(InputFileError, match=r"^f: row 2: highlight: contains .* U\+000A"):
            parse_applications(
                csv_text(row.replace(", and", ",\nand")), file_format="csv", source="f"
            )

    def test_candidate_fields_are_named_by_column(self) -> None:
        row = CSV_ROWS[0].replace("alex@example.com", "alex at example")
        with pytest.raises(InputFileError, match=r"^f: row 2: candidate_email: 'alex at"):
            parse_applications(csv_text(row), file_format="csv", source="f")

    def test_unknown_columns(self) -> None:
        header = CSV_HEADER + ",status"
        row = CSV_ROWS[0] + ",rejected"
        with pytest.raises(InputFileError, match=r"^f: row 1: status: is not a followkit column"):
            parse_applications(csv_text(row, header=header), file_format="csv", source="f")
        [app] = parse_applications(
            csv_text(row, header=header), file_format="csv", unknown_columns="ignore"
        )
        assert app.company == "Acme Analytics"
        with pytest.raises(InputFileError, match=r"row 1: contact21_name: is not"):
            parse_applications(
                csv_text(row, header=CSV_HEADER + ",contact21_name"), file_format="csv", source="f"
            )
        with pytest.raises(InputFileError, match=r"row 1: contact2_rank: is not"):
            parse_applications(
                csv_text(row, header=CSV_HEADER + ",contact2_rank"), file_format="csv", source="f"
            )

    @pytest.mark.parametrize(
        ("text", "message"),
        [
            ("", "f: row 1: has no header row"),
            ("\n\n", "f: row 1: has no header row"),
            (CSV_HEADER + "\n", "f: has a header but no application rows"),
            (CSV_HEADER + "\n,,\n", "f: has a header but no application rows"),
            (
                CSV_HEADER.replace("company,", "") + "\n",
                "f: row 1: the header lacks the required column(s) company",
            ),
            (CSV_HEADER + ",company\n", "f: row 1: company: appears twice in the header"),
            (CSV_HEADER + ",\n", "f: row 1: (empty column name): is not a followkit column"),
            (csv_text(CSV_ROWS[0] + ",extra"), "f: row 2: has 14 cells but the header names 13"),
            (
                csv_text(CSV_ROWS[0].replace("Alex Kim", "")),
                "f: row 2: candidate_name: is required",
            ),
            (csv_text('"unclosed,' + CSV_ROWS[0]), "f: row 2: invalid CSV: "),
            (
                csv_text(CSV_ROWS[0].replace("2026-11-20 15:00", "20 Nov")),
                "f: row 2: decided_at: '20 Nov' is not an ISO 8601 date-time",
            ),
        ],
    )
    def test_bad_documents(self, text: str, message: str) -> None:
        with pytest.raises(InputFileError) as info:
            parse_applications(text, file_format="csv", source="f")
        assert str(info.value).startswith(message)


class TestFiles:
    def test_format_from_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "apps.txt"
        path.write_text(json.dumps(APP), encoding="utf-8")
        with pytest.raises(InputFileError, match="cannot tell the format from the file name"):
            load_applications(path)
        assert len(load_applications(path, file_format="json")) == 1

    def test_upper_case_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "APP.JSON"
        path.write_text(json.dumps(APP), encoding="utf-8")
        assert load_application(path).company == "Acme Analytics"

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(InputFileError, match=r"nope.json: no such file or directory$"):
            load_applications(tmp_path / "nope.json")

    def test_not_utf8(self, tmp_path: Path) -> None:
        path = tmp_path / "latin1.csv"
        path.write_bytes(csv_text(CSV_ROWS[0].replace("Alex Kim", "Zoë")).encode("latin-1"))
        with pytest.raises(
            InputFileError, match=r"latin1.csv: line 2: is not UTF-8 text \(byte 0xEB\)"
        ):
            load_applications(path)

    def test_too_large(self, tmp_path: Path) -> None:
        path = tmp_path / "big.json"
        with path.open("wb") as handle:
            handle.truncate(MAX_FILE_SIZE + 1)
        with pytest.raises(InputFileError, match="big.json: is larger than 16 MiB"):
            load_applications(path)

    def test_unknown_format(self) -> None:
        with pytest.raises(InputFileError, match="unknown format 'xml'"):
            parse_applications("<a/>", file_format="xml", source="x")  # type: ignore[arg-type]

    def test_exported_at_top_level(self) -> None:
        assert followkit.load_applications is load_applications
        assert followkit.InputFileError is InputFileError


class TestHostileInput:
    @settings(max_examples=300, deadline=None)
    @given(
        st.sampled_from(["json", "toml", "csv"]),
        st.binary(max_size=300)
        | st.text(max_size=300)
        | st.text(alphabet=',;\t"\n\r{}[]=:\\ \x00\ud800abc1é', max_size=300),
    )
    def test_garbage_gives_only_input_file_errors(self, kind: str, data: str | bytes) -> None:
        try:
            parse_applications(data, file_format=kind, source="g")  # type: ignore[arg-type]
        except InputFileError as exc:
            assert str(exc).startswith("g: ")
            assert "\n" not in exc.reason

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.text(max_size=20), min_size=1, max_size=len(CSV_COLUMNS)))
    def test_random_rows_under_a_real_header(self, cells: list[str]) -> None:
        header = ",".join(CSV_COLUMNS[: len(cells)] + ("company", "position")[len(cells) :])
        import csv
        import io

        buffer = io.StringIO()
        csv.writer(buffer).writerow(cells)
        try:
            parse_applications(header + "\n" + buffer.getvalue(), file_format="csv", source="r")
        except InputFileError as exc:
            assert str(exc).startswith("r: ")

    def test_a_huge_cell(self) -> None:
        text = csv_text(CSV_ROWS[0].replace("Alex Kim", "x" * 200_000))
        with pytest.raises(InputFileError, match=r"^f: row 2: invalid CSV: field larger than"):
            parse_applications(text, file_format="csv", source="f")

    def test_deep_toml(self) -> None:
        with pytest.raises(InputFileError, match="^<string>: is nested too deeply"):
            parse_applications("a = " + "[" * 100_000 + "]" * 100_000, file_format="toml")

    @pytest.mark.parametrize(
        ("kind", "text"),
        [("json", '{"company": 1' + "0" * 5000 + "}"), ("toml", "company = 1" + "0" * 5000)],
    )
    def test_a_number_too_long_to_convert(self, kind: str, text: str) -> None:
        # Python refuses to convert integers of more than 4300 digits (a ValueError).
        with pytest.raises(InputFileError, match=f"^n.{kind}: .*4300 digits"):
            parse_applications(text, file_format=kind, source=f"n.{kind}")  # type: ignore[arg-type]

    @pytest.mark.parametrize("data", [None, 5, ["company,position"]])
    def test_data_that_is_not_text_or_bytes(self, data: object) -> None:
        with pytest.raises(InputFileError, match=r"^d: must be str or bytes, not \w+"):
            parse_applications(data, file_format="json", source="d")  # type: ignore[arg-type]
