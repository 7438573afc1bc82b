"""Reading the corpus in ``corpus/``: its files, splits and digests (no third-party imports).

Shared by ``train_intent.py``, ``evaluate_intent.py`` and the tests.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
LOCALES = ("en", "de", "fr", "es")
#: The writer id of followkit's own drafts (scripts/builder_corpus.py).
BUILDERS = "followkit-builders"
#: The writer id of the Stack Overflow requests (scripts/stack_exchange_corpus.py).
STACK_EXCHANGE = "se-stackoverflow"
#: Writers whose texts are trained on but are not people's follow-ups: thresholds and
#: figures leave them out.
AUXILIARY = frozenset({BUILDERS, STACK_EXCHANGE})


def splits() -> dict[str, str]:
    """Writer id -> split, from ``corpus/splits.toml``."""
    return dict(tomllib.loads((CORPUS / "splits.toml").read_text("utf-8"))["writers"])


def files(*names: str) -> list[Path]:
    """The corpus files of the given splits (all of them if none), sorted.

    Raises:
        SystemExit: If a file's writer has no split.
    """
    return _split_files(CORPUS, splits(), names)


def _split_files(folder: Path, chosen: dict[str, str], names: tuple[str, ...]) -> list[Path]:
    """The ``<locale>/<writer>.jsonl`` files of *folder* whose writer is in one of *names*."""
    found = sorted(folder.glob("*/*.jsonl"))
    unknown = sorted({path.stem for path in found} - set(chosen))
    if unknown:
        where = (folder / "splits.toml").relative_to(ROOT)
        raise SystemExit(f"writers without a split in {where}: {', '.join(unknown)}")
    return [path for path in found if not names or chosen[path.stem] in names]


def digest(paths: list[Path]) -> str:
    """SHA-256 over the files' paths (relative to ``corpus/``) and contents."""
    hasher = hashlib.sha256()
    for path in sorted(paths):
        hasher.update(path.relative_to(CORPUS).as_posix().encode() + b"\0")
        hasher.update(path.read_bytes() + b"\0")
    return hasher.hexdigest()


def training_digest() -> str:
    """The digest of what a model is trained on: the train and dev files."""
    return digest(files("train", "dev"))


def load(locale: str, *names: str) -> list[dict[str, Any]]:
    """The messages of *locale* in the given splits."""
    return _rows(files(*names), locale)


def _rows(paths: list[Path], locale: str) -> list[dict[str, Any]]:
    """The JSON lines of the files of *locale* among *paths*."""
    rows = []
    for path in paths:
        if path.parent.name == locale:
            rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines())
    return rows


# The recruiter-feedback corpus (``corpus/feedback/``): the same layout, its own splits.
FEEDBACK = CORPUS / "feedback"


def feedback_splits() -> dict[str, str]:
    """Writer id -> split, from ``corpus/feedback/splits.toml``."""
    return dict(tomllib.loads((FEEDBACK / "splits.toml").read_text("utf-8"))["writers"])


def feedback_files(*names: str) -> list[Path]:
    """The feedback corpus files of the given splits (all of them if none), sorted.

    Raises:
        SystemExit: If a file's writer has no split.
    """
    return _split_files(FEEDBACK, feedback_splits(), names)


def load_feedback(locale: str, *names: str) -> list[dict[str, Any]]:
    """The feedback messages of *locale* in the given splits."""
    return _rows(feedback_files(*names), locale)
