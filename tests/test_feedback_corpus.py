"""The recruiter-feedback corpus is well formed and its test split is frozen."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("corpus", ROOT / "scripts" / "corpus.py")
assert _spec is not None
assert _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("corpus", corpus)
_spec.loader.exec_module(corpus)

FIELDS = {"id", "writer", "locale", "style", "text", "areas", "strengths", "constraints", "vague"}
CONSTRAINTS = {"internal-candidate", "role-closed", "budget", "seniority-mismatch"}
PATHS = corpus.feedback_files()


def _area_ids() -> set[str]:
    """The area ids the datasheet's taxonomy allows: those of the library when it has them."""
    try:
        from followkit.feedback import AREAS
    except ImportError:
        return set()
    return set(AREAS)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_messages_are_well_formed(path: Path) -> None:
    known = _area_ids()
    seen = set()
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        row = json.loads(line)
        where = f"{path.name}:{number}"
        assert set(row) == FIELDS, where
        assert row["writer"] == path.stem, where
        assert row["locale"] == path.parent.name, where
        assert row["id"] not in seen, where
        seen.add(row["id"])
        assert row["text"].strip(), where
        for mark in (*row["areas"], *row["strengths"]):
            assert mark["quote"], where
            assert mark["quote"] in row["text"], where
            assert not known or mark["area"] in known, where
        for mark in row["constraints"]:
            assert mark["constraint"] in CONSTRAINTS, where
            assert mark["quote"] in row["text"], where
        assert row["vague"] == (not row["areas"] and not row["constraints"]), where


def test_no_writer_is_in_two_splits_and_every_file_has_one() -> None:
    splits = corpus.feedback_splits()
    assert set(splits.values()) <= {"train", "dev", "test"}
    assert {path.stem for path in PATHS} <= set(splits)
    assert len({(p.parent.name, p.stem) for p in PATHS}) == len(PATHS)


def test_the_test_split_is_frozen() -> None:
    readme = (ROOT / "corpus" / "feedback" / "README.md").read_text("utf-8")
    recorded = re.search(r"Test split digest.*?\n\n\s+([0-9a-f]{64})", readme, re.DOTALL)
    assert recorded is not None
    assert corpus.digest(corpus.feedback_files("test")) == recorded.group(1), (
        "the test split changed: it is frozen (corpus/feedback/README.md)"
    )
