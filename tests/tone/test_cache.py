"""The per-user cache of compiled rule sets: hits, misses, and every way a file can be bad."""

from __future__ import annotations

import hashlib
import marshal
from typing import TYPE_CHECKING

import pytest

from followkit.tone import Checker, Config
from followkit.tone import _cache as cache
from followkit.tone import _engine as engine
from followkit.tone._phrases import Trie, expand

if TYPE_CHECKING:
    from pathlib import Path

TEXTS = [
    "Hi Jordan,\n\nThank you for your time. Per my last email, I demand an answer ASAP!!!\n",
    "Could you possibly share which skills I should improve? Thanks in advance.",
    "Why didn't you hire me?! I spent hours preparing.\n\nBest regards,\nAlex",
    "I don't expect a reply, but I apologize for the delay.",
]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOLLOWKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FOLLOWKIT_NO_CACHE", raising=False)
    return tmp_path / "cache"


def files(folder: Path) -> list[Path]:
    return sorted(folder.glob("tone-*.marshal")) if folder.exists() else []


def forbid_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("compiled instead of read from the cache")

    monkeypatch.setattr(engine.Compiled, "__init__", refuse)


def reports(checker: Checker) -> list[dict[str, object]]:
    return [checker.check(text).as_dict() for text in TEXTS]


def test_a_second_checker_reads_the_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = Checker("en")
    # The rule set's file (the intent model, parsed once per process, may have one too).
    [written] = [path for path in files(folder) if not path.name.startswith("tone-intent-")]
    assert written.name.startswith("tone-en-")
    forbid_compiling(monkeypatch)
    cached = Checker("en")
    assert reports(cached) == reports(fresh)
    assert cached.rule_ids == fresh.rule_ids
    assert not list(folder.glob("*.tmp"))  # written atomically, nothing left behind


@pytest.mark.parametrize("locale", ["de", "fr", "es"])
def test_cached_rule_sets_check_like_compiled_ones(
    folder: Path, monkeypatch: pytest.MonkeyPatch, locale: str
) -> None:
    Checker(locale)
    monkeypatch.setenv("FOLLOWKIT_NO_CACHE", "1")
    fresh = Checker(locale)
    monkeypatch.delenv("FOLLOWKIT_NO_CACHE")
    forbid_compiling(monkeypatch)
    cached = Checker(locale)
    assert files(folder)
    assert reports(cached) == reports(fresh)


def test_switched_off(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOLLOWKIT_NO_CACHE", "1")
    assert cache.directory() is None
    Checker("en")
    assert files(folder) == []


def test_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOLLOWKIT_CACHE_DIR", raising=False)
    monkeypatch.delenv("FOLLOWKIT_NO_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "followkit"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as XDG says
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.directory() == tmp_path / "home" / ".cache" / "followkit"


def test_configurations_get_their_own_files(folder: Path) -> None:
    Checker("en")
    narrow = Checker("en", Config(disable=["pressure"], severity={"sarcasm": "info"}))
    assert len(files(folder)) == 2
    assert not any(rule.startswith("pressure.") for rule in narrow.rule_ids)
    again = Checker("en", Config(disable=["pressure"], severity={"sarcasm": "info"}))
    assert again.rule_ids == narrow.rule_ids
    assert len(files(folder)) == 2


def test_extra_rule_files_are_part_of_the_key(folder: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra.toml"
    rule = """
locale = "en"
[[rule]]
id = "pressure.custom"
category = "pressure"
severity = "warning"
patterns = ["{phrase}"]
message = "Custom."
"""
    extra.write_text(rule.format(phrase="purple elephant"), encoding="utf-8")
    first = Checker("en", Config(extra_rules=[extra]))
    assert [f.rule_id for f in first.check("A purple elephant.").findings] == ["pressure.custom"]
    extra.write_text(rule.format(phrase="green giraffe"), encoding="utf-8")
    second = Checker("en", Config(extra_rules=[extra]))
    assert second.check("A purple elephant.").findings == ()
    assert [f.rule_id for f in second.check("A green giraffe.").findings] == ["pressure.custom"]
    assert len(files(folder)) == 2


def corrupt(path: Path, how: str) -> None:
    blob = path.read_bytes()
    if how == "truncated":
        path.write_bytes(blob[: len(blob) // 2])
    elif how == "flipped":
        middle = len(blob) // 2
        path.write_bytes(blob[:middle] + bytes([blob[middle] ^ 0xFF]) + blob[middle + 1 :])
    elif how == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "folder":
        path.unlink()
        path.mkdir()


@pytest.mark.parametrize("how", ["truncated", "flipped", "garbage", "empty", "folder"])
def test_a_bad_file_is_ignored_and_rebuilt(folder: Path, how: str) -> None:
    expected = reports(Checker("en"))
    [path] = files(folder)
    corrupt(path, how)
    assert reports(Checker("en")) == expected
    if how != "folder":  # a folder in the way cannot be replaced; nothing else breaks
        assert isinstance(cache._read(path, key_of(path)), dict)


def rewrite(path: Path, key: str, data: object) -> None:
    body = marshal.dumps(data)
    path.write_bytes(cache._MAGIC + key.encode() + hashlib.sha256(body).digest() + body)


def key_of(path: Path) -> str:
    return path.read_bytes()[len(cache._MAGIC) :][:64].decode()


@pytest.mark.parametrize(
    "data",
    [
        {"unexpected": 1},
        [1, 2, 3],
        {"locale": "en", "entries": [(1,)], "rules": [], "unless": []},
        "text",
    ],
)
def test_intact_data_of_the_wrong_shape_is_rebuilt(folder: Path, data: object) -> None:
    expected = reports(Checker("en"))
    [path] = files(folder)
    rewrite(path, key_of(path), data)
    assert reports(Checker("en")) == expected
    assert isinstance(cache._read(path, key_of(path)), dict)  # rewritten properly


def test_a_stale_file_is_not_used(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Checker("en")
    [path] = files(folder)
    # Another version's data under this name: its key does not match, so it is not read.
    key = key_of(path)
    blob = path.read_bytes()
    path.write_bytes(cache._MAGIC + b"0" * 64 + blob[len(cache._MAGIC) + 64 :])
    assert cache._read(path, key) is None
    Checker("en")
    assert cache._read(path, key) is not None  # rebuilt under the right key
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    Checker("en")
    assert len(files(folder)) == 2  # a new format is a new key


def test_an_unwritable_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FOLLOWKIT_CACHE_DIR", str(blocker / "cache"))
    assert Checker("en").check(TEXTS[0]).findings


def test_a_loaded_trie_cannot_grow() -> None:
    trie = Trie()
    trie.add(expand("thank you")[0], 1, question=False)
    loaded = Trie.from_data(marshal.loads(marshal.dumps(trie.to_data())))  # noqa: S302
    assert loaded.scan(["thank", "you"], [False, False]) == [(1, 0, 2)]
    with pytest.raises(TypeError, match="cannot grow"):
        loaded.add(expand("hello")[0], 2, question=False)


def test_old_files_are_pruned(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_FILES", 2)
    for name in ("a", "b", "c"):
        Checker("en", Config(allow=[f"{name}{name}{name}"]))
    names = [path.name for path in files(folder)]
    assert len(names) == 2
    forbid_compiling(monkeypatch)
    Checker("en", Config(allow=["ccc"]))  # the newest file stayed
    Checker("en", Config(allow=["bbb"]))


def test_parsed_data_files_are_read_back_until_their_bytes_change(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bytes] = []

    def parse(source: bytes) -> dict[str, object]:
        calls.append(source)
        return {"value": source.decode()}

    assert cache.cached("sample", b"one", parse) == {"value": "one"}
    assert cache.cached("sample", b"one", parse) == {"value": "one"}
    assert calls == [b"one"]  # the second came from the cache
    assert cache.cached("sample", b"two", parse) == {"value": "two"}
    assert calls == [b"one", b"two"]
    for path in files(folder):  # a damaged file is parsed again
        path.write_bytes(path.read_bytes()[:-3])
    assert cache.cached("sample", b"one", parse) == {"value": "one"}
    assert calls == [b"one", b"two", b"one"]
    monkeypatch.setenv("FOLLOWKIT_NO_CACHE", "1")
    assert cache.cached("sample", b"one", parse) == {"value": "one"}
    assert len(calls) == 4
