"""The documentation's own Sphinx extensions: real defaults and the per-locale rule pages."""

from __future__ import annotations

import datetime as dt
import logging
import sys
from pathlib import Path
from types import SimpleNamespace

import attrs
import pytest

import followkit
from followkit.tone import load_rules, supported_locales

DOCS = Path(__file__).parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

import attrs_defaults  # noqa: E402
import rules_reference  # noqa: E402

ATTRS_CLASSES = [
    value
    for name in followkit.__all__
    if name != "__version__"
    and isinstance(value := getattr(followkit, name), type)
    and attrs.has(value)
]


class TestAttrsDefaults:
    def test_the_timeline_classes_show_values(self) -> None:
        policy = attrs_defaults.signature(followkit.Policy)
        assert "nudges=1," in policy
        assert "thank_you_delay=timedelta(hours=2)" in policy
        assert "send_window_start=time(9, 30)" in policy
        assert "quiet_periods=(('12-24', '01-01'),)" in policy
        assert policy.startswith("(*, ")
        step = attrs_defaults.signature(followkit.Step)
        assert "condition=Condition.ALWAYS, status=Status.PLANNED, message=None" in step
        assert "checklist=()" in step
        assert "(*, id, action," in step
        reply = attrs_defaults.signature(followkit.Reply)
        assert reply == "(at, kind='real', *, returns_on=None)"

    @pytest.mark.parametrize("cls", ATTRS_CLASSES, ids=lambda cls: cls.__name__)
    def test_every_public_attrs_class(self, cls: type) -> None:
        result = attrs_defaults.process_signature(None, "class", cls.__name__, cls, {}, "()", None)
        if not attrs_defaults.generated_init(cls):
            assert result is None  # a hand-written __init__ keeps its source defaults
            return
        assert result is not None
        assert attrs_defaults.LEAK not in result[0]
        for field in attrs.fields(cls):
            if field.default is attrs.NOTHING or not field.init:
                continue
            assert f"{field.alias}=" in result[0]

    def test_only_classes(self) -> None:
        process = attrs_defaults.process_signature
        assert process(None, "function", "plan", followkit.plan, {}, "()", None) is None
        assert process(None, "class", "x", "not a class", {}, "()", None) is None

    def test_factories_and_odd_values(self) -> None:
        @attrs.frozen(kw_only=True)
        class Sample:
            items: list[int] = attrs.Factory(list)
            own: str = attrs.Factory(lambda self: type(self).__name__, takes_self=True)
            tiny: dt.timedelta = dt.timedelta(microseconds=5)
            negative: dt.timedelta = dt.timedelta(days=-1)
            mixed: dt.timedelta = dt.timedelta(days=1, minutes=3)

        assert attrs_defaults.signature(Sample) == (
            "(*, items=[], own=<computed>, tiny=datetime.timedelta(microseconds=5), "
            "negative=datetime.timedelta(days=-1), mixed=timedelta(days=1, minutes=3))"
        )

    def test_a_page_that_shows_attrs_source_is_a_warning(
        self, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        good = '<dt class="sig sig-object py" id="P">P(*, nudges=1)</dt>'
        prose = "<p>attrs writes attr_dict['nudges'].default in its source.</p>"
        (tmp_path / "ok.html").write_text(good + prose, encoding="utf-8")
        app = SimpleNamespace(outdir=str(tmp_path), builder=SimpleNamespace(format="html"))
        with caplog.at_level(logging.WARNING):
            attrs_defaults.check_pages(app, None)
        assert not caplog.records
        bad = "<dt class=\"sig sig-object py\">P(*, nudges=attr_dict['nudges'].default)</dt>"
        (tmp_path / "bad.html").write_text(good + bad + bad, encoding="utf-8")
        with caplog.at_level(logging.WARNING):
            attrs_defaults.check_pages(app, RuntimeError("the build failed"))
            assert not caplog.records
            attrs_defaults.check_pages(app, None)
        assert [record.getMessage() for record in caplog.records] == [
            f"{tmp_path / 'bad.html'} shows 'attr_dict[' instead of a default value"
        ]


class TestRulesReference:
    @pytest.mark.parametrize("locale", supported_locales())
    def test_one_page_per_locale(self, locale: str) -> None:
        page = DOCS / rules_reference.PAGE.format(locale=locale)
        assert f"../../_build/generated/rules-{locale}.md" in page.read_text(encoding="utf-8")
        text = rules_reference.render(locale)
        rules = load_rules(locale).rules
        assert text.count("\n## ") == len(rules)
        assert all(f"## `{rule.id}`" in text for rule in rules)
        assert f"{len(rules)} phrase rules for `{locale}`" in text

    def test_the_index_links_every_locale(self) -> None:
        index = rules_reference.render_index()
        for locale in supported_locales():
            count = len(load_rules(locale).rules)
            assert f"<rules/{locale}>` | `{locale}` | {count} |" in index
        assert [line.split("`")[3] for line in index.splitlines()[2:6]] == ["en", "de", "fr", "es"]
        assert "## Rules written in code" in index
        assert "### `message.no-greeting`" in index
        index_page = (DOCS / "reference" / "rules.md").read_text(encoding="utf-8")
        for locale in supported_locales():
            assert f"rules/{locale}\n" in index_page

    def test_a_locale_without_a_page_is_a_warning(
        self, tmp_path: Path, caplog: pytest.LogCaptureFixture
    ) -> None:
        app = SimpleNamespace(srcdir=str(tmp_path))
        (tmp_path / "reference" / "rules").mkdir(parents=True)
        (tmp_path / "reference" / "rules" / "en.md").write_text("# English", encoding="utf-8")
        with caplog.at_level(logging.WARNING):
            rules_reference.write(app)
        missing = sorted(set(supported_locales()) - {"en"})
        assert len(caplog.records) == len(missing)
        assert all("have no page" in record.getMessage() for record in caplog.records)
        generated = tmp_path / rules_reference.GENERATED
        assert sorted(path.name for path in generated.iterdir()) == sorted(
            ["rules-index.md", *(f"rules-{locale}.md" for locale in supported_locales())]
        )
