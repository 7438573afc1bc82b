from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import followkit


@pytest.mark.parametrize("name", followkit.__all__)
def test_every_public_name_imports(name: str) -> None:
    assert getattr(followkit, name) is not None


def test_all_is_sorted_and_unique() -> None:
    names = [name for name in followkit.__all__ if name != "__version__"]
    assert names == sorted(set(names))


def test_dir_lists_the_public_names_only() -> None:
    assert dir(followkit) == sorted(followkit.__all__)
    assert not {"TYPE_CHECKING", "annotations", "importlib", "Any"} & set(dir(followkit))


def _source_exports() -> dict[str, str]:
    """The names the TYPE_CHECKING block of followkit/__init__.py imports, read from source."""
    import ast
    from pathlib import Path

    tree = ast.parse(Path(followkit.__file__).read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
    )
    return {
        alias.name: node.module
        for node in block.body
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("followkit")
        for alias in node.names
    }


def test_the_public_names_are_the_imports_type_checkers_read() -> None:
    exports = _source_exports()
    assert len(exports) > 40
    assert sorted([*exports, "__version__"]) == followkit.__all__


def test_each_public_name_resolves_lazily() -> None:
    """In a fresh interpreter, no public name is loaded before it is asked for."""
    code = (
        "import importlib, sys, followkit\n"
        "names = [n for n in dir(followkit) if n != '__version__']\n"
        "assert not set(names) & set(vars(followkit)), 'loaded early'\n"
        "assert 'followkit.timeline' not in sys.modules\n"
        "for name in names:\n"
        "    value = getattr(followkit, name)\n"
        "    module = importlib.import_module(followkit._exports()[name])\n"
        "    assert value is getattr(module, name), name\n"
        "print(len(names))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(_source_exports())


def test_public_names_without_the_source(tmp_path: Path) -> None:
    """An installation that ships only bytecode (a frozen application) still resolves them."""
    import compileall
    import shutil
    from pathlib import Path

    package = tmp_path / "followkit"
    shutil.copytree(Path(followkit.__file__).parent, package)
    compileall.compile_file(str(package / "__init__.py"), legacy=True, quiet=1)
    (package / "__init__.py").unlink()
    code = (
        "import followkit\n"
        "print(followkit.__file__.endswith('.pyc'), followkit.Checker.__name__, "
        "len(dir(followkit)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "Checker", str(len(followkit.__all__))]


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
