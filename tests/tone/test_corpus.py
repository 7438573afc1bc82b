"""The corpus is well formed, its test split is frozen, and the models match it."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from followkit.tone._intent import model
from followkit.tone._rules import INTENT_CATEGORIES

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("corpus", ROOT / "scripts" / "corpus.py")
assert _spec is not None
assert _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("corpus", corpus)
_spec.loader.exec_module(corpus)

FIELDS = {"id", "writer", "locale", "kind", "label", "categories", "devices", "offending", "text"}
KINDS = {
    "thank-you",
    "rejection-reply",
    "feedback-request",
    "nudge",
    "check-in",
    "linkedin-note",
    "referral-ask",
    "feedback-ack",
    "withdrawal",
    # A request to strangers for help (the Stack Overflow requests, all courteous).
    "request",
}
CORPUS_CATEGORIES = set(INTENT_CATEGORIES) - {"discourteous"}
PATHS = corpus.files()


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_messages_are_well_formed(path: Path) -> None:
    seen = set()
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        row = json.loads(line)
        where = f"{path.name}:{number}"
        assert set(row) == FIELDS, where
        assert row["writer"] == path.stem, where
        assert row["locale"] == path.parent.name, where
        assert row["id"] not in seen, where
        seen.add(row["id"])
        assert row["kind"] in KINDS, where
        assert row["text"].strip(), where
        assert unicodedata.is_normalized("NFC", row["text"]), where
        if row["label"] == "discourteous":
            assert row["categories"], where
            assert set(row["categories"]) <= CORPUS_CATEGORIES, where
            assert row["offending"], where
            assert all(s and s in row["text"] for s in row["offending"]), where
        else:
            assert row["label"] == "courteous", where
            assert not row["categories"], where
            assert not row["offending"], where


def test_no_writer_is_in_two_splits_and_every_file_has_one() -> None:
    splits = corpus.splits()
    assert set(splits.values()) <= {"train", "dev", "test"}
    assert {path.stem for path in PATHS} <= set(splits)
    # One writer, one file per locale at most, one split.
    assert len({(p.parent.name, p.stem) for p in PATHS}) == len(PATHS)


def test_the_test_split_is_frozen() -> None:
    readme = (ROOT / "corpus" / "README.md").read_text("utf-8")
    recorded = re.search(r"Test split digest.*?\n\n\s+([0-9a-f]{64})", readme, re.DOTALL)
    assert recorded is not None
    assert corpus.digest(corpus.files("test")) == recorded.group(1), (
        "the test split changed: it is frozen (corpus/README.md)"
    )


@pytest.mark.parametrize("locale", corpus.LOCALES)
def test_each_model_was_trained_on_the_corpus_as_it_is(locale: str) -> None:
    found = model(locale)
    assert found is not None
    assert found.digest == corpus.training_digest(), (
        "the corpus changed since the model was trained: run `make model`"
    )
    assert found.locale == locale


@pytest.mark.parametrize("locale", corpus.LOCALES)
def test_model_files_stay_small(locale: str) -> None:
    path = ROOT / "src" / "followkit" / "tone" / "intent" / f"{locale}.model.json"
    assert path.stat().st_size <= 2 * 1024 * 1024


@pytest.mark.parametrize("locale", corpus.LOCALES)
def test_every_locale_has_discourteous_and_courteous_writers_in_each_split(locale: str) -> None:
    for split in ("train", "test"):
        rows = corpus.load(locale, split)
        labels = {row["label"] for row in rows}
        assert labels == {"discourteous", "courteous"}, (locale, split)
