"""The gettext catalogs: complete, consistent with the code, compiled, typographically right."""

from __future__ import annotations

import io
import re
from importlib import resources
from pathlib import Path

import pytest
from babel.messages import checkers
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from followkit.messages import SUPPORTED_LOCALES

ROOT = Path(__file__).parent.parent.parent
LOCALE_DIR = ROOT / "src" / "followkit" / "locale"
PLACEHOLDER = re.compile(r"%\((\w+)\)s|%.")


def _catalog(language: str) -> Catalog:
    with (LOCALE_DIR / language / "LC_MESSAGES" / "followkit.po").open("rb") as fp:
        return read_po(fp, locale=language, domain="followkit")


def _template() -> Catalog:
    with (LOCALE_DIR / "followkit.pot").open("rb") as fp:
        return read_po(fp)


def _entries(catalog: Catalog) -> list[Message]:
    return [message for message in catalog if message.id]


def test_every_supported_language_has_a_catalog() -> None:
    found = sorted(path.parent.parent.name for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))
    assert found == sorted(SUPPORTED_LOCALES)


def test_template_matches_the_code() -> None:
    """`make catalogs` was run after the texts last changed."""
    extracted = {
        message
        for _, _, message, _, _ in extract_from_dir(
            str(ROOT / "src" / "followkit" / "messages"), keywords={"N_": None}
        )
    }
    assert extracted == {message.id for message in _entries(_template())}


@pytest.mark.parametrize("language", SUPPORTED_LOCALES)
def test_catalog_matches_the_template(language: str) -> None:
    ids = {message.id for message in _entries(_catalog(language))}
    assert ids == {message.id for message in _entries(_template())}
    assert not _catalog(language).obsolete


@pytest.mark.parametrize("language", SUPPORTED_LOCALES)
def test_complete_and_checked(language: str) -> None:
    """No entry is untranslated or fuzzy, and babel's checkers accept every one."""
    catalog = _catalog(language)
    assert not catalog.fuzzy
    problems = []
    for message in _entries(catalog):
        if not message.string:
            problems.append(f"untranslated: {message.id!r}")
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        problems.extend(f"{message.id!r}: {error}" for error in message.check(catalog))
    assert problems == []


@pytest.mark.parametrize("language", SUPPORTED_LOCALES)
def test_placeholders_are_exactly_the_same(language: str) -> None:
    problems = []
    for message in _entries(_catalog(language)):
        expected = sorted(PLACEHOLDER.findall(message.id))
        if sorted(PLACEHOLDER.findall(str(message.string))) != expected:
            problems.append(message.id)
        # Only named placeholders: a bare "%" would break the substitution.
        if "" in expected:
            problems.append(f"bare %: {message.id!r}")
    assert problems == []


def test_the_checker_catches_a_mismatch() -> None:
    """The check above relies on babel's checker; make sure it bites."""
    catalog = Catalog(locale="de")
    message = catalog.add("Hi %(name)s,", "Hallo %(nome)s,", flags=["python-format"])
    with pytest.raises(checkers.TranslationError):
        checkers.python_format(catalog, message)


@pytest.mark.parametrize("language", SUPPORTED_LOCALES)
def test_compiled_catalog_is_up_to_date(language: str) -> None:
    """The shipped .mo is exactly what compiling the .po gives (run `make catalogs`)."""
    buffer = io.BytesIO()
    write_mo(buffer, _catalog(language), use_fuzzy=False)
    shipped = resources.files("followkit").joinpath(
        "locale", language, "LC_MESSAGES", "followkit.mo"
    )
    assert shipped.read_bytes() == buffer.getvalue()


def test_english_is_the_source_text() -> None:
    assert all(message.string == message.id for message in _entries(_catalog("en")))


def test_french_typography() -> None:
    for message in _entries(_catalog("fr")):
        text = str(message.string)
        # A narrow or ordinary no-break space before : ; ? ! and inside « ».
        assert not re.search(r"(^|[^\u00a0\u202f])[:;?!]", text.replace("%(", "")), text
        assert not re.search(r"«[^\u00a0]|[^\u00a0]»", text), text
        assert "'" not in text, text  # typographic apostrophe


def test_german_and_spanish_quotes_and_marks() -> None:
    for message in _entries(_catalog("de")):
        assert "“%(subject)s”" not in str(message.string)
        if "%(subject)s" in message.id:
            assert "„%(subject)s“" in str(message.string)
    for message in _entries(_catalog("es")):
        text = str(message.string)
        if text.endswith("?"):
            assert text.startswith("¿"), text


def test_german_and_french_use_the_formal_address() -> None:
    informal_de = re.compile(r"\b(du|dich|dir|dein\w*|euch|euer)\b", re.IGNORECASE)
    informal_fr = re.compile(r"\b(tu|toi|te|ton|ta|tes)\b", re.IGNORECASE)
    for message in _entries(_catalog("de")):
        assert not informal_de.search(str(message.string)), message.string
    for message in _entries(_catalog("fr")):
        assert not informal_fr.search(str(message.string).replace("’", " ")), message.string
