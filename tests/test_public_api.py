from __future__ import annotations

import subprocess
import sys

import pytest

import followkit


@pytest.mark.parametrize("name", followkit.__all__)
def test_every_public_name_imports(name: str) -> None:
    assert getattr(followkit, name) is not None


def test_all_is_sorted_and_unique() -> None:
    names = [name for name in followkit.__all__ if name != "__version__"]
    assert names == sorted(set(names))


def test_dir_lists_public_names() -> None:
    assert set(followkit.__all__) <= set(dir(followkit))


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = followkit.nope  # type: ignore[attr-defined]


def test_version_matches_metadata() -> None:
    from importlib.metadata import version

    assert followkit.__version__ == version("followkit")


def test_import_is_cheap() -> None:
    """`import followkit` must not load its dependencies; they load on first use."""
    code = (
        "import sys, followkit\n"
        "heavy = ['attrs', 'babel', 'email_validator', 'holidays', 'icalendar', 'zoneinfo',\n"
        "         'followkit.model', 'followkit.messages', 'followkit.tone',\n"
        "         'followkit.timeline', 'importlib.metadata', 'tomllib', 'json']\n"
        "print(','.join(name for name in heavy if name in sys.modules))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""


@pytest.mark.parametrize("name", ["errors", "files", "messages", "model", "timeline", "tone"])
def test_subpackages_load_on_attribute_access(name: str) -> None:
    code = f"import followkit; print(followkit.{name}.__name__)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"followkit.{name}"


def _documented_names() -> set[str]:
    """Every name the API reference documents, as its last dotted component."""
    import importlib
    import re
    from pathlib import Path

    docs = Path(__file__).parent.parent / "docs"
    names: set[str] = set()
    for page in docs.rglob("*.md"):
        if "_build" in page.parts:
            continue
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(
            r"\.\. (?:py:)?(?:auto)?(?:class|function|data|exception|attribute)::\s+([\w.]+)",
            text,
        ):
            names.add(match.group(1).rsplit(".", 1)[-1])
        for module, options in re.findall(r"\.\. automodule:: ([\w.]+)\n((?:[ \t]+.*\n)*)", text):
            members = re.search(r":members:([^:]*)", options)
            if members is None:
                continue
            listed = re.findall(r"\w+", members.group(1))
            names.update(listed or importlib.import_module(module).__all__)
    return names


def test_every_public_name_is_in_the_api_reference() -> None:
    missing = sorted(set(followkit.__all__) - {"__version__"} - _documented_names())
    assert not missing, f"not in the API reference: {missing}"
