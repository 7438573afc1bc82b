"""A per-user cache of compiled rule sets and parsed data files (not public).

A new process need not compile the rules or parse the intent models again.

Compiling the English rules (reading the TOML, expanding every phrase, building the trie)
takes a large part of a second; reading the compiled form back takes milliseconds. The
compiled form is plain data (dicts, tuples, strings, numbers), written with :mod:`marshal`,
which is fast and, for plain data, safe. A cache file is keyed by the cache format,
followkit's version, the engine's source files, the locale, the bytes of the rule file and
the parts of the configuration that change the compiled form (its extra rule files
included). Files are written atomically (a temporary file, then :func:`os.replace`); a file
that cannot be read, is corrupt or is stale is ignored, and the rule set is compiled again.

Where: ``$FOLLOWKIT_CACHE_DIR`` if set, else ``$XDG_CACHE_HOME/followkit``, else
``~/.cache/followkit``; ``FOLLOWKIT_NO_CACHE=1`` switches the cache off.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followkit.tone._engine import Compiled
from followkit.tone._rules import load_rules

if TYPE_CHECKING:
    from collections.abc import Callable

    from followkit.tone._config import Config

__all__ = ["cached", "compile_rules", "directory"]

#: Bumped whenever the layout of the cached data changes.
FORMAT = 3
_MAGIC = b"followkit tone cache\n"
#: Cache files kept at most; writing one more removes the least recently written.
MAX_FILES = 16
_DIGEST = 32  # bytes of a SHA-256 digest
_HERE = Path(__file__).resolve().parent
# The sources whose behaviour the compiled form depends on.
_SOURCES = ("_phrases.py", "_engine.py", "_rules.py", "_cache.py")


def directory() -> Path | None:
    """The cache folder, or ``None`` when caching is switched off or there is no home."""
    if os.environ.get("FOLLOWKIT_NO_CACHE", "").strip() not in {"", "0"}:
        return None
    explicit = os.environ.get("FOLLOWKIT_CACHE_DIR", "").strip()
    if explicit:
        return Path(explicit)
    base = Path(os.environ.get("XDG_CACHE_HOME", "").strip())
    if not base.is_absolute():  # the XDG specification says to ignore a relative path
        home = Path("~").expanduser()
        if not home.is_absolute():
            return None
        base = home / ".cache"
    return base / "followkit"


def _version() -> str:
    """Return followkit's installed version, from its ``.dist-info`` folder name (cheap to find).

    :mod:`importlib.metadata` would cost more to import than reading the cache saves.
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208  (names only: cheaper)
        except OSError:
            continue
        for name in names:
            if name.startswith("followkit-") and name.endswith(".dist-info"):
                return name.removeprefix("followkit-").removesuffix(".dist-info")
    return "unknown"


def _key(locale: str, source: bytes, config: Config) -> str:
    """The digest naming everything the compiled form depends on."""
    stats = []
    for name in _SOURCES:
        try:
            info = (_HERE / name).stat()
        except OSError:
            info = None
        stats.append(None if info is None else (info.st_size, info.st_mtime_ns))
    material = repr(
        (
            FORMAT,
            _version(),
            stats,
            locale,
            hashlib.sha256(source).hexdigest(),
            config.enable,
            config.disable,
            config.severity,
            config.allow,
            config.extra_rules,  # parsed rule files: their repr holds every value
        )
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def _read(path: Path, key: str) -> Any:
    """The cached data at *path* if it is intact and has *key*, else ``None``."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = _MAGIC + key.encode("ascii")
    body = blob[len(head) + _DIGEST :]
    if not blob.startswith(head) or blob[len(head) : len(head) + _DIGEST] != (
        hashlib.sha256(body).digest()
    ):
        return None
    # The data holds tens of thousands of small containers; the cyclic collector has
    # nothing to find among them while they are read, and would only slow reading down.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(body)  # noqa: S302  (our own file, checked by its digest)
    except (ValueError, EOFError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()


def _write(folder: Path, path: Path, key: str, data: dict[str, Any]) -> None:
    """Write *data* to *path* atomically; a cache that cannot be written is no error."""
    temporary = None
    try:
        body = marshal.dumps(data)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        import tempfile  # noqa: PLC0415  (only a miss writes; reading stays cheap)

        handle, temporary = tempfile.mkstemp(prefix=".tone-", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC + key.encode("ascii") + hashlib.sha256(body).digest() + body)
        Path(temporary).replace(path)
        temporary = None
        _prune(folder, keep=path)
    except (OSError, ValueError):
        pass
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()


def _prune(folder: Path, keep: Path) -> None:
    """Remove the oldest cache files beyond :data:`MAX_FILES` (stale versions, old configs)."""
    files = []
    for entry in folder.glob("tone-*.marshal"):
        with contextlib.suppress(OSError):
            files.append((entry.stat().st_mtime_ns, entry))
    files.sort(reverse=True)
    for _mtime, entry in files[MAX_FILES:]:
        if entry != keep:
            with contextlib.suppress(OSError):
                entry.unlink()


def cached(name: str, source: bytes, parse: Callable[[bytes], dict[str, Any]]) -> dict[str, Any]:
    """``parse(source)``, read back from the cache when it was parsed before.

    For data files that are slower to parse than to read back, such as the intent models
    (a JSON file of a megabyte): the cache file is keyed by the cache format, followkit's
    version, *name* and the bytes of *source*.
    """
    folder = directory()
    if folder is None:
        return parse(source)
    material = repr((FORMAT, _version(), name, hashlib.sha256(source).hexdigest()))
    key = hashlib.sha256(material.encode("utf-8")).hexdigest()
    path = folder / f"tone-{name}-{key[:32]}.marshal"
    data = _read(path, key)
    if isinstance(data, dict):
        return data
    data = parse(source)
    _write(folder, path, key, data)
    return data


def compile_rules(locale: str, config: Config) -> Compiled:
    """The compiled rule set of a supported *locale* and *config*, from the cache if possible.

    Raises:
        UnsupportedLocaleError: If *locale* has no rule file.
        RuleError: If a rule file is malformed.
    """
    folder = directory()
    source = None
    if folder is not None and locale.isidentifier():  # a locale name such as "en" or "de_AT"
        try:
            source = (_HERE / "rules" / f"{locale}.toml").read_bytes()
        except OSError:
            source = None  # not a plain file (a zip import, say): compile every time
    if folder is None or source is None:
        return Compiled(load_rules(locale), config)
    key = _key(locale, source, config)
    path = folder / f"tone-{locale}-{key[:32]}.marshal"
    data = _read(path, key)
    if data is not None:
        try:
            return Compiled.from_data(data, config)
        except (KeyError, TypeError, ValueError, IndexError, AttributeError):
            pass  # well-formed marshal data of another shape: compile again
    compiled = Compiled(load_rules(locale), config)
    _write(folder, path, key, compiled.to_data())
    return compiled
