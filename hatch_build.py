"""Hatchling build hook: compile the gettext catalogs (``.po`` -> ``.mo``) into every build.

The ``.po`` files under ``src/followkit/locale/`` are the source of truth and the compiled
``.mo`` files are not kept in git, so each build compiles them with babel (listed in
``[build-system] requires``). The hook writes each ``.mo`` next to its ``.po``, which is
what an editable install (``pip install -e .``) reads, and force-includes it in wheels and
source distributions, where ``.gitignore`` would otherwise leave it out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

LOCALE = Path("src", "followkit", "locale")
DOMAIN = "followkit"


def compile_catalogs(root: Path) -> list[Path]:
    """Compile every ``<lang>/LC_MESSAGES/followkit.po`` under *root*; return the ``.mo`` paths.

    Fuzzy entries are left out, as ``pybabel compile`` does; the test suite fails on them.
    """
    from babel.messages.mofile import write_mo  # noqa: PLC0415  (a build requirement only)
    from babel.messages.pofile import read_po  # noqa: PLC0415

    compiled = []
    for po in sorted((root / LOCALE).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        with po.open("rb") as source:
            catalog = read_po(source, locale=po.parent.parent.name, domain=DOMAIN)
        mo = po.with_suffix(".mo")
        with mo.open("wb") as target:
            write_mo(target, catalog, use_fuzzy=False)
        compiled.append(mo)
    if not compiled:
        message = f"no message catalogs found under {root / LOCALE}"
        raise RuntimeError(message)
    return compiled


class CatalogBuildHook(BuildHookInterface):
    """Compile the catalogs before each build and ship the compiled files."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the catalogs; include them unless this is an editable wheel."""
        root = Path(self.root)
        for mo in compile_catalogs(root):
            if version == "editable":
                continue  # the package is imported from src/, where the .mo now is
            relative = mo.relative_to(root)
            if self.target_name == "wheel":
                relative = relative.relative_to("src")
            build_data["force_include"][str(mo)] = relative.as_posix()
