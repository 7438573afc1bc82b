"""Offline intersphinx inventories for the names the followkit docs link to.

Sphinx normally downloads ``objects.inv`` from each project's site. The documentation must
build without network access, so this module writes small inventories that map the names we
use to their pages on the real sites. Add a row when the docs start referring to a new name.
"""

from __future__ import annotations

import zlib
from pathlib import Path

SITES = {
    "python": "https://docs.python.org/3/",
    "attrs": "https://www.attrs.org/en/stable/",
    "babel": "https://babel.pocoo.org/en/latest/",
}

# (site, name, role, page#anchor); "$" in the anchor means "the name itself".
ENTRIES: list[tuple[str, str, str, str]] = [
    ("python", "datetime.datetime", "py:class", "library/datetime.html#$"),
    ("python", "datetime.date", "py:class", "library/datetime.html#$"),
    ("python", "datetime.time", "py:class", "library/datetime.html#$"),
    ("python", "datetime.timedelta", "py:class", "library/datetime.html#$"),
    ("python", "zoneinfo.ZoneInfo", "py:class", "library/zoneinfo.html#$"),
    ("python", "ZoneInfo", "py:class", "library/zoneinfo.html#zoneinfo.ZoneInfo"),
    ("python", "email.message.EmailMessage", "py:class", "library/email.message.html#$"),
    ("python", "EmailMessage", "py:class", "library/email.message.html#email.message.EmailMessage"),
    ("python", "dt.date", "py:class", "library/datetime.html#datetime.date"),
    ("python", "smtplib", "py:module", "library/smtplib.html#module-smtplib"),
    ("python", "marshal", "py:module", "library/marshal.html#module-marshal"),
    ("python", "gettext.GNUTranslations", "py:class", "library/gettext.html#$"),
    ("python", "collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
    ("python", "collections.abc.Iterator", "py:class", "library/collections.abc.html#$"),
    ("python", "collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
    ("python", "collections.abc.Sequence", "py:class", "library/collections.abc.html#$"),
    ("python", "collections.abc.Callable", "py:class", "library/collections.abc.html#$"),
    ("python", "typing.Any", "py:data", "library/typing.html#$"),
    ("python", "typing.Literal", "py:data", "library/typing.html#$"),
    ("python", "typing.Protocol", "py:class", "library/typing.html#$"),
    ("python", "enum.Enum", "py:class", "library/enum.html#$"),
    ("python", "enum.StrEnum", "py:class", "library/enum.html#$"),
    ("python", "pathlib.Path", "py:class", "library/pathlib.html#$"),
    ("python", "os.PathLike", "py:class", "library/os.html#$"),
    ("python", "argparse.ArgumentParser", "py:class", "library/argparse.html#$"),
    ("python", "Exception", "py:exception", "library/exceptions.html#$"),
    ("python", "ValueError", "py:exception", "library/exceptions.html#$"),
    ("python", "TypeError", "py:exception", "library/exceptions.html#$"),
    ("python", "str", "py:class", "library/stdtypes.html#$"),
    ("python", "bytes", "py:class", "library/stdtypes.html#$"),
    ("python", "int", "py:class", "library/functions.html#$"),
    ("python", "float", "py:class", "library/functions.html#$"),
    ("python", "bool", "py:class", "library/functions.html#$"),
    ("python", "dict", "py:class", "library/stdtypes.html#$"),
    ("python", "list", "py:class", "library/stdtypes.html#$"),
    ("python", "tuple", "py:class", "library/stdtypes.html#$"),
    ("python", "frozenset", "py:class", "library/stdtypes.html#$"),
    ("python", "object", "py:class", "library/functions.html#$"),
    ("python", "None", "py:data", "library/constants.html#$"),
    ("attrs", "attrs.evolve", "py:function", "api.html#$"),
    ("attrs", "attrs.frozen", "py:function", "api.html#$"),
    ("attrs", "attrs.Attribute", "py:class", "api.html#$"),
    ("babel", "babel.Locale", "py:class", "api/core.html#babel.core.Locale"),
    ("babel", "babel.core.Locale", "py:class", "api/core.html#$"),
    ("babel", "babel.dates.format_date", "py:function", "api/dates.html#$"),
    ("babel", "babel.lists.format_list", "py:function", "api/lists.html#$"),
]


def _inventory(project: str, entries: list[tuple[str, str, str]]) -> bytes:
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        "# Version: \n"
        "# The remainder of this file is compressed using zlib.\n"
    ).encode()
    lines = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in entries)
    return header + zlib.compress(lines.encode())


def write_inventories(folder: Path) -> dict[str, tuple[str, str]]:
    """Write one inventory per site into *folder*; return an ``intersphinx_mapping``."""
    folder.mkdir(parents=True, exist_ok=True)
    mapping: dict[str, tuple[str, str]] = {}
    for site, url in SITES.items():
        rows = [
            (name, role, anchor.replace("$", name))
            for entry_site, name, role, anchor in ENTRIES
            if entry_site == site
        ]
        path = folder / f"{site}.inv"
        path.write_bytes(_inventory(site, rows))
        mapping[site] = (url, str(path))
    return mapping
